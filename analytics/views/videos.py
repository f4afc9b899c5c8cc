"""Videos: audience retention from the merged watched intervals, re-watched passages,
and what is known of the rungs and the megabytes served."""

from django.utils.translation import get_language_bidi, ngettext
from django.utils.translation import gettext as _

from analytics import charts, reading
from analytics.models import Snapshot
from analytics.tables import Table
from analytics.views.base import AnalyticsView


def clock(seconds):
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class VideosView(AnalyticsView):
    section = "videos"
    choice_param = "video"

    def choices(self):
        self.summaries = reading.videos()
        return [(v["key"], v["title"]) for v in self.summaries]

    def computed_at(self):
        return reading.computed_at(Snapshot.Kind.VIDEO)

    def tables(self, chosen):
        tables = [
            Table(
                "videos",
                _("Videos"),
                [
                    _("Lesson"),
                    _("Length"),
                    _("Viewers"),
                    _("Watched to the end"),
                    _("Average coverage (%)"),
                ],
                [
                    [
                        v["title"],
                        clock(v["duration"]),
                        v["viewers"],
                        v["finished"],
                        v["average_coverage"],
                    ]
                    for v in self.summaries
                ],
            )
        ]
        video = reading.video(chosen) if chosen else None
        if video is not None:
            tables += self.video_tables(video)
        return tables

    def video_tables(self, video):
        rtl = get_language_bidi()
        curve = video["curve"]
        length = len(curve)
        ticks = [(share, clock(video["duration"] * share)) for share in (0, 0.25, 0.5, 0.75, 1)]
        retention = Table(
            "retention",
            _("Audience retention: %(video)s") % {"video": video["title"]},
            [_("From"), _("To"), _("Viewers who watched it (%)"), _("Plays per viewer")],
            [
                [clock(p["start"]), clock(p["end"]), p["watched_share"], p["plays_per_viewer"]]
                for p in curve
            ],
            note=ngettext(
                "Each point is a stretch of %(seconds)d second. A viewer counts for a stretch "
                "she really played: skipping ahead does not count, and watching twice counts once.",
                "Each point is a stretch of %(seconds)d seconds. A viewer counts for a stretch "
                "she really played: skipping ahead does not count, and watching twice counts once.",
                int(video["stretch_seconds"]),
            )
            % {"seconds": video["stretch_seconds"]},
        )
        watched = [p["watched_share"] for p in curve]
        if video["shown"]:
            middle = watched[length // 2] if watched else None
            retention.chart = charts.line_chart(
                retention.caption,
                _(
                    "Share of the %(viewers)d viewers who watched each moment of the video; "
                    "%(middle)s %% were still watching half-way."
                )
                % {"viewers": video["viewers"], "middle": middle if middle is not None else "—"},
                [(watched, False)],
                length=length,
                rtl=rtl,
                x_labels=ticks,
            )
        passages = Table(
            "rewatched",
            _("Re-watched passages"),
            [_("From"), _("To"), _("Viewers"), _("Plays")],
            [
                [clock(p["start"]), clock(p["end"]), p["viewers"], p["plays"]]
                for p in video["passages"]
            ],
            note=_(
                "Passages played at least a quarter more often than by the viewers who "
                "watched them: learners went back to them. Plays are counted from the "
                "heartbeats, from the first analytics run on."
            ),
        )
        rungs = Table(
            "rungs",
            _("Rungs and megabytes"),
            [
                _("Rung"),
                _("Megabytes to watch it all"),
                _("Megabytes served if every view used it"),
            ],
            [
                [
                    _("Data saver (sound only)") if r["kind"] == "audio" else r["name"],
                    round(r["bytes"] / 1_000_000, 1),
                    r["megabytes_if_all_here"],
                ]
                for r in video["rungs"]
            ],
            note=_(
                "The player's heartbeats do not record which rung was playing, so the share "
                "of viewing at each rung (data saver included) and the megabytes really "
                "served are not known. They lie between the smallest and the largest figure "
                "below, from the time watched (in the table of videos)."
            ),
        )
        return [retention, passages, rungs]

"""What saving a lesson or a course for offline use downloads, and how much it weighs.

The browser saves the pages, the captions, the poster and one quality of each video
into Cache Storage (``static/js/app/saved.js``); this tells it which files, and the
size of each choice from the rungs' real bytes (``Rendition.bytes``: everything that
watching the whole video at that quality downloads, sound included), so the learner
sees the cost before downloading. A quality a video does not have falls back to the
nearest smaller one (or the smallest there is).
"""

from ninja import Path, Router
from ninja import Schema as OutSchema

from django.templatetags.static import static

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS
from courses.models import CoursePage, LessonPage, LessonVideo
from learning.api.schemas import MAX_ID
from learning.links import page_url
from learning.progress.errors import NotFound

router = Router(tags=["offline"], auth=learner_auth)

# The qualities a learner may save: sound only, or the two smallest picture rungs.
QUALITIES = {"audio": None, "240p": 240, "360p": 360}
# The player's library, saved with the lessons so that they play after a deployment
# renames it (hashed static names): the light build, or the full one
# for an older ladder whose picture rungs take their sound from a separate playlist.
HLS_LIGHT = "vendor/hls/hls.light.min.js"
HLS_FULL = "vendor/hls/hls.min.js"


class RungOut(OutSchema):
    name: str
    bytes: int
    playlist_url: str


class VideoOut(OutSchema):
    id: int
    master_url: str
    poster_url: str
    audio_playlist_url: str
    caption_urls: list[str]
    choices: dict[str, RungOut]


class LessonOut(OutSchema):
    id: int
    title: str
    url: str
    videos: list[VideoOut]


class PlanOut(OutSchema):
    course_id: int
    course_url: str
    lessons: list[LessonOut]
    sizes: dict[str, int]
    assets: list[str]


def choose(video, quality):
    """The rendition saved for ``quality``."""
    pictures = video.video_renditions
    if QUALITIES[quality] is None:
        return video.audio_rendition or (pictures[0] if pictures else None)
    fitting = [r for r in pictures if (r.height or 0) <= QUALITIES[quality]]
    if fitting:
        return fitting[-1]
    return pictures[0] if pictures else video.audio_rendition


def video_out(video):
    audio = video.audio_rendition
    choices = {}
    for quality in QUALITIES:
        rendition = choose(video, quality)
        if rendition is not None:
            choices[quality] = {
                "name": rendition.name,
                "bytes": rendition.bytes,
                "playlist_url": rendition.playlist_url,
            }
    return {
        "id": video.pk,
        "master_url": video.master_url,
        "poster_url": video.poster_url,
        # Older ladders' picture rungs take their sound from the audio playlist: it is
        # saved with each of them.
        "audio_playlist_url": audio.playlist_url if video.sound_is_separate else "",
        "caption_urls": [c.url for c in video.captions.all() if c.url],
        "choices": choices,
    }


def plan(request, course, lessons):
    links = (
        LessonVideo.objects.filter(lesson__in=[lesson.pk for lesson in lessons])
        .select_related("video")
        .prefetch_related("video__renditions", "video__captions")
        .order_by("lesson_id", "sort_order")
    )
    videos = {}
    for link in links:
        if link.video.is_ready:
            videos.setdefault(link.lesson_id, []).append(video_out(link.video))
    sizes = {}
    out = []
    separate_sound = any(v["audio_playlist_url"] for found in videos.values() for v in found)
    for lesson in lessons:
        lesson_videos = videos.get(lesson.pk, [])
        for video in lesson_videos:
            for quality, rung in video["choices"].items():
                sizes[quality] = sizes.get(quality, 0) + rung["bytes"]
        out.append(
            {
                "id": lesson.pk,
                "title": lesson.title,
                "url": page_url(lesson, request),
                "videos": lesson_videos,
            }
        )
    return {
        "course_id": course.pk,
        "course_url": page_url(course, request),
        "lessons": out,
        "sizes": sizes,
        "assets": [static(HLS_FULL if separate_sound else HLS_LIGHT)] if videos else [],
    }


@router.get(
    "/offline/lessons/{lesson_id}",
    response={200: PlanOut, **COMMON_ERRORS},
    summary="What saving one lesson for offline downloads, per quality",
    description="`sizes` maps `audio`, `240p` and `360p` to the bytes of the lesson's videos "
    "at that quality (empty for a lesson without video).",
)
def lesson_plan(request, lesson_id: int = Path(..., ge=1, le=MAX_ID)):
    lesson = LessonPage.objects.live().public().defer("body").filter(pk=lesson_id).first()
    course = CoursePage.objects.live().public().parent_of(lesson).first() if lesson else None
    if course is None:
        raise NotFound()
    return plan(request, course, [lesson])


@router.get(
    "/offline/courses/{course_id}",
    response={200: PlanOut, **COMMON_ERRORS},
    summary="What saving a whole course for offline downloads, per quality",
)
def course_plan(request, course_id: int = Path(..., ge=1, le=MAX_ID)):
    course = CoursePage.objects.live().public().filter(pk=course_id).first()
    if course is None:
        raise NotFound()
    return plan(request, course, list(course.lessons()))

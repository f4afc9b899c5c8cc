"""Progress on the course pages, drawn by the learning app into the courses templates.

The course and lesson templates include ``lms/includes/*.html`` by name; those load
these tags, so the courses app never imports this one. Every tag runs a fixed number
of queries, shared with the courses hooks through a per-request memo.
"""

import json
from datetime import timedelta

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.middleware.csrf import get_token
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.timesince import timesince
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cms import fragments, generations, routing
from cms.plurals import plural_forms
from config.addresses import address
from learning.dashboard import celebrations
from learning.links import page_url, resume_url
from learning.models import ComponentKind
from learning.progress import state
from learning.progress.lessons import lesson_info_for_page, video_of
from learning.progress.state import is_learner
from notifications import preferences

register = template.Library()

HEARTBEAT_SECONDS = 15


@register.inclusion_tag("learning/includes/course_actions_panel.html", takes_context=True)
def lms_course_actions(context):
    request = context.get("request")
    course = context.get("page")
    lessons = list(context.get("lessons") or [])
    user = getattr(request, "user", None)
    result = {"request": request, "course": course, "lessons": lessons, "user": user}
    if course is None or not is_learner(user):
        return result
    key = str(course.translation_key)
    enrolment = state.enrolments_by_course(user, [key], request).get(key)
    result["enrolment"] = enrolment
    if enrolment is not None and enrolment.is_active:
        target, position = state.continue_target(user, course, lessons, request)
        result["continue_lesson"] = target
        result["continue_position"] = position
        result["continue_url"] = resume_url(target, position, request) if target else ""
        result["started"] = any(getattr(lesson, "progress", None) for lesson in lessons)
        result["first_url"] = page_url(lessons[0], request) if lessons else ""
    return result


def player_config(lesson, info):
    """What the player (``static/js/player/``) needs, as JSON: no inline script, CSP allows it.

    The same for every learner: kept per version of the lesson's body and language
    (the resume position comes from the lesson-state API).
    """
    body = fragments.digest(list(lesson.body.raw_data))
    key = f"learning:player:{lesson.pk}:{get_language()}:{body}"
    return fragments.remember(key, lambda: _player_config(lesson, info))


def _player_config(lesson, info):
    videos = {}
    for block in lesson.body:
        if block.block_type != "video":
            continue
        video = video_of(block.value)
        if video is None or not getattr(video, "is_ready", False):
            continue
        audio = video.audio_rendition
        videos[str(video.pk)] = {
            "componentId": block.id,
            "duration": float(video.duration or 0),
            "tracked": info is not None and info.component(block.id) is not None,
            "poster": video.poster_url,
            "audioUrl": audio.playlist_url if audio else "",
            "separateAudio": video.sound_is_separate,
            "renditions": [
                {
                    "name": str(r.label),
                    "rung": r.name,
                    "width": r.width or 0,
                    "height": r.height or 0,
                    "bandwidth": r.bandwidth,
                    "bytes": r.bytes,
                    "audio": r.kind == r.Kind.AUDIO,
                    "url": r.playlist_url,
                }
                for r in video.sorted_renditions
            ],
        }
    return videos


def ui_strings():
    """The player's and the quiz's words in the current language (the same for every
    request in that language, so each process builds them once per language)."""
    language = get_language()
    if language not in _UI_STRINGS:
        _UI_STRINGS[language] = _ui_strings()
    return _UI_STRINGS[language]


_UI_STRINGS = {}


def _ui_strings():
    return {
        "quality": _("Quality"),
        "auto": _("Auto"),
        "dataSaver": _("Data saver (sound only)"),
        "megabytes": _("%(size)s MB"),
        "speed": _("Speed"),
        "captions": _("Captions"),
        "captionsOff": _("Off"),
        "playerTools": _("Video settings"),
        "dataSaverOn": _("Data saver: playing the sound only, with the poster."),
        "resumed": _("Resumed where you left off, at %(time)s."),
        "saveFailed": _("Your progress could not be saved just now; it will be retried."),
        "networkRetry": _("The connection was lost. The video will try again by itself."),
        "networkBack": _("Connected again."),
        "playbackFailed": _("This video cannot be played here. Reload the page to try again."),
        "playBlocked": _("Press play to start the video."),
        "videoDone": _("Video watched. Well done!"),
        "inProgress": _("In progress"),
        "lessonDone": _("Lesson done!"),
        "scoreLine": _("You scored %(score)s%% (%(correct)s of %(total)s). Pass mark: %(mark)s%%."),
        "passed": _("Passed!"),
        "notPassed": _("Not passed yet."),
        "correctAnswer": _("Correct"),
        "wrongAnswer": _("Not quite"),
        "rightChoice": _("Right answer"),
        "attemptsLeft": plural_forms("%(counter)s attempt left", "%(counter)s attempts left"),
        "noAttemptsLeft": _("No attempts left."),
        "nextAttemptAt": _("You can try again after %(time)s."),
        "tryAgain": _("Try again"),
        "sending": _("Checking your answers…"),
        "bestScore": _("Your best score so far: %(score)s%%."),
        "networkError": _("The connection failed. Check it and try again."),
        "quizQueued": _(
            "You are offline: your answers are kept on this device and will be scored "
            "when you reconnect."
        ),
    }


@register.inclusion_tag("learning/includes/lesson_panel.html", takes_context=True)
def lms_lesson_panel(context):
    request = context.get("request")
    lesson = context.get("page")
    course = context.get("course")
    user = getattr(request, "user", None)
    result = {"request": request, "lesson": lesson, "course": course, "user": user}
    if lesson is None or course is None:
        return result
    info = lesson_info_for_page(lesson, course)
    key = str(course.translation_key)
    enrolment = (
        state.enrolments_by_course(user, [key], request).get(key) if is_learner(user) else None
    )
    enrolled = enrolment is not None and enrolment.is_active
    lesson_state = state.lesson_state(user, info, request) if enrolled and info else None
    result.update(
        {
            "info": info,
            "enrolment": enrolment,
            "enrolled": enrolled,
            "lesson_state": lesson_state,
            "is_reading": bool(info and info.is_reading),
            "status": lesson_state["status"] if lesson_state else state.NOT_STARTED,
        }
    )
    if is_learner(user):
        result["celebrations"] = celebrations(user, request)
    if info is None:
        return result
    learner = is_learner(user)
    reader = {
        "tracking": enrolled,
        # The account's data saver (null for a visitor): the player starts with the sound
        # only when it is on, and saves the learner's choice from its quality menu.
        "dataSaver": preferences.data_saver(user) if learner else None,
        "dataSaverUrl": address("api-v1:put_data_saver") if learner else "",
        "csrfToken": str(context.get("csrf_token") or get_token(request)) if learner else "",
    }
    result["config_json"] = config_json(reader, lesson, info, request)
    result["video_kinds"] = [c for c in info.components if c.kind == ComponentKind.VIDEO]
    return result


# What ``json_script`` escapes, so the JSON cannot close its script element.
_JSON_ESCAPES = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def _json(value):
    return json.dumps(value, cls=DjangoJSONEncoder).translate(_JSON_ESCAPES)


def config_json(reader, lesson, info, request):
    """The player's settings as the text of its JSON script element: the reader's part
    (``reader``), then the part that is the same for every reader (``lesson_config``),
    kept in this process per lesson version, language and content generation."""
    if getattr(request, "is_preview", False):
        text = _json(lesson_config(lesson, info))
    else:
        # A page made without revisions (by code, not the editor) is named by its body.
        version = lesson.live_revision_id or fragments.digest(list(lesson.body.raw_data))
        key = f"learning:lesson-config:{lesson.pk}:{version}:{get_language()}:" + ":".join(
            str(number) for number in generations.stamp()
        )
        text = generations.local.get(key)
        if text is None:
            text = _json(lesson_config(lesson, info))
            generations.local.set(key, text)
    return mark_safe(_json(reader)[:-1] + ", " + text[1:])  # noqa: S308 - escaped JSON


def lesson_config(lesson, info):
    """The player's settings that are the same for every reader of the lesson."""
    return {
        "lessonId": lesson.pk,
        "apiBase": "/api/v1/",
        "heartbeatUrl": reverse("api-v1:post_heartbeat"),
        "stateUrl": reverse("api-v1:get_lesson_state", kwargs={"lesson_id": lesson.pk}),
        "celebrationsUrl": reverse("learning:celebrations"),
        "beaconUrl": reverse("api-v1:post_heartbeat_beacon"),
        # The light build (no alternate audio, subtitles or DRM) when it can play the
        # ladder; the full one for a ladder whose sound is a separate playlist.
        "hlsUrl": static("vendor/hls/hls.light.min.js"),
        "hlsFullUrl": static("vendor/hls/hls.min.js"),
        "heartbeatSeconds": HEARTBEAT_SECONDS,
        "videos": player_config(lesson, info),
        "strings": ui_strings(),
    }


@register.filter
def clock(seconds):
    """A video position as the player shows it: "4:05", "1:02:03"."""
    try:
        seconds = max(0, int(float(seconds or 0)))
    except (TypeError, ValueError):
        return ""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


@register.filter
def percent(share):
    """0.374 → "37%"."""
    try:
        return f"{round(float(share or 0) * 100)}%"
    except (TypeError, ValueError):
        return ""


@register.simple_tag(takes_context=True)
def url_for_resume(context, lesson, seconds=0):
    return resume_url(lesson, seconds, context.get("request"))


@register.simple_tag(takes_context=True)
def url_for_catalogue(context):
    """The catalogue in the reader's language (or any), for "browse the courses"."""
    from django.utils import translation

    from courses.models import CourseIndexPage

    request = context.get("request")
    language = (translation.get_language() or "").split("-")[0]

    def catalogue_url():
        pages = list(CourseIndexPage.objects.live().public().select_related("locale")[:5])
        pages.sort(key=lambda page: page.locale.language_code != language)
        return page_url(pages[0], request) if pages else ""

    return routing.kept(f"learning:catalogue-url:{language}", catalogue_url)


@register.filter
def ago(moment):
    """How long ago ``moment`` was, in the reader's language and its plural forms
    (Django's ``naturaltime`` catalogue gives Arabic one form for every count)."""
    if not moment:
        return ""
    if timezone.now() - moment < timedelta(minutes=1):
        return _("just now")
    return _("%(since)s ago") % {"since": timesince(moment, depth=1)}

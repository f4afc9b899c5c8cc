"""What a lesson asks of a learner, read from its body once and cached.

Heartbeats arrive every few seconds from every learner watching; opening the lesson's
StreamField for each would dominate their cost. The summary of a lesson (its course,
its components and their durations) is small, the same for everyone, and changes only
when the lesson is published, so it is cached and dropped on publish.
"""

import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache

from cms import generations
from courses.models import CoursePage, LessonPage
from learning.models import READING_COMPONENT_ID, ComponentKind

CACHE_PREFIX = "learning:lesson:v2:"
# A video that finishes transcoding after the lesson was published becomes trackable
# within this many seconds without a publish.
CACHE_SECONDS = 300
_MISSING = "missing"


@dataclass(frozen=True)
class Component:
    id: str
    kind: str
    video_id: int | None = None
    duration: float = 0.0
    # A video's ladder: (rung name, bytes to watch the whole video at it), for the data
    # a heartbeat's ranges cost.
    rungs: tuple = ()

    def bytes_per_second(self, rung):
        """What a second played at ``rung`` downloads; ``None`` for a rung not in the ladder."""
        size = dict(self.rungs).get(rung)
        return None if size is None or not self.duration else size / self.duration


@dataclass(frozen=True)
class LessonInfo:
    id: int
    key: str
    title: str
    course_id: int
    course_key: str
    components: tuple = field(default_factory=tuple)

    def component(self, component_id):
        return next((c for c in self.components if c.id == component_id), None)

    @property
    def required_ids(self):
        return [c.id for c in self.components]

    @property
    def is_reading(self):
        return [c.kind for c in self.components] == [ComponentKind.READING]

    def video_for(self, video_id):
        return next((c for c in self.components if c.video_id == video_id), None)


def video_of(value):
    """The Video of a VideoBlock value (a StructBlock with ``video``, or the chooser's)."""
    if value is None:
        return None
    if hasattr(value, "get") and not hasattr(value, "pk"):
        return value.get("video")
    return value


def components_of(lesson):
    """Every component a learner has to finish, in body order.

    A video counts once it is ready to play (a lesson whose video is still being
    transcoded must not be impossible to finish); a lesson with no video, quiz or
    assignment is finished by marking its reading done.
    """
    components = []
    seen = set()
    for block in lesson.body:
        if block.id in seen:
            continue
        if block.block_type == "video":
            video = video_of(block.value)
            duration = float(getattr(video, "duration", 0) or 0)
            if video is None or not getattr(video, "is_ready", False) or duration <= 0:
                continue
            rungs = tuple((r.name, r.bytes) for r in video.sorted_renditions)
            components.append(Component(block.id, ComponentKind.VIDEO, video.pk, duration, rungs))
        elif block.block_type == "quiz":
            components.append(Component(block.id, ComponentKind.QUIZ))
        elif block.block_type == "assignment":
            components.append(Component(block.id, ComponentKind.ASSIGNMENT))
        else:
            continue
        seen.add(block.id)
    if not components:
        components.append(Component(READING_COMPONENT_ID, ComponentKind.READING))
    return tuple(components)


def build(lesson, course=None):
    if course is None:
        course = CoursePage.objects.live().public().parent_of(lesson).first()
    if course is None:
        return None
    return LessonInfo(
        id=lesson.pk,
        key=str(lesson.translation_key),
        title=lesson.title,
        course_id=course.pk,
        course_key=str(course.translation_key),
        components=components_of(lesson),
    )


# Heartbeats look a lesson up on every request: each web process keeps what it read
# from the shared cache for a few seconds (BIDAYA_LESSON_MEMO_SECONDS, 0 in tests), so
# a beat costs no cache round trip. A publish reaches every process within that time.
_local = {}


def memo_seconds():
    return float(getattr(settings, "BIDAYA_LESSON_MEMO_SECONDS", 10))


def lesson_info(lesson_id):
    """The :class:`LessonInfo` of a live, public lesson in a live course, or ``None``."""
    key = CACHE_PREFIX + str(int(lesson_id))
    now = time.monotonic()
    held = _local.get(key)
    if held is not None and held[0] > now:
        info = held[1]
    else:
        info = cache.get(key)
        if info is None:
            lesson = LessonPage.objects.live().public().filter(pk=lesson_id).first()
            info = build(lesson) if lesson is not None else None
            info = info if info is not None else _MISSING
            cache.set(key, info, CACHE_SECONDS)
        if len(_local) > 2000:
            _local.clear()
        if memo_seconds() > 0:
            _local[key] = (now + memo_seconds(), info)
    return None if info == _MISSING else info


def lesson_info_for_page(lesson, course=None):
    """Same, from a page already in hand (the lesson view has it and its course); kept
    under the page's published revision and the content generations, so it is read
    from this process's memory (``cms.generations``)."""
    key = ":".join(
        map(
            str, (f"{CACHE_PREFIX}page:{lesson.pk}:{lesson.live_revision_id}", *generations.stamp())
        )
    )
    found = generations.kept(key, lambda: (build(lesson, course),))
    return found[0]


def forget(lesson_id):
    key = CACHE_PREFIX + str(lesson_id)
    _local.pop(key, None)
    cache.delete(key)


def completion_threshold():
    return float(getattr(settings, "BIDAYA_VIDEO_COMPLETION_THRESHOLD", 0.9))


def course_lesson_keys(course_id):
    """Translation keys of a course's live lessons, in syllabus order."""
    course = CoursePage.objects.filter(pk=course_id).first()
    if course is None:
        return []
    return [
        str(key)
        for key in LessonPage.objects.live()
        .public()
        .child_of(course)
        .order_by("path")
        .values_list("translation_key", flat=True)
    ]

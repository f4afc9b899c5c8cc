"""The learner's dashboard data, shared by the HTML page and the API.

A fixed number of queries whatever the number of enrolments: the enrolments, their
courses, all their lessons, the learner's lesson and video rows, and the recent
activity with the pages it mentions. Pages are shown in the reader's language when a
translation exists, since progress belongs to the course, not to one translation.
"""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import timedelta

from django.conf import settings
from django.db.models import Q, Sum
from django.utils import timezone, translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from wagtail import hooks
from wagtail.models import Page

from courses.models import CoursePage, LessonPage
from learning.models import (
    Activity,
    ComponentKind,
    ComponentProgress,
    Enrolment,
    Heartbeat,
    LessonProgress,
)
from learning.pages import COURSE_REMOVED, LESSON_REMOVED
from learning.progress.state import course_percent, pick_continue

RECENT_ACTIVITY = 8
# The "data used" figure covers this many days back from now (heartbeats are kept for
# BIDAYA_HEARTBEAT_RETENTION_DAYS, 30 by default, so the whole week is there).
DATA_USED_DAYS = 7
BADGES_HOOK = "lms_dashboard_badges"
# Work waiting for someone else (a mentor's review), registered by the app that holds it.
WAITING_WORK_HOOK = "lms_dashboard_waiting_work"
# ``hook(user, request)`` -> {"url": str, "has_links": bool} or None: the learner's
# profile with her marketplace links, which the dashboard asks her to fill in.
PROFILE_HOOK = "lms_dashboard_profile"
# ``hook(user, request)`` -> HTML ("" for nothing): a section of the dashboard that an
# app above this one renders itself (the learner's reported results).
SECTIONS_HOOK = "lms_dashboard_sections"
# ``hook(user, request)`` -> HTML ("" for nothing): news to celebrate on the lesson page
# (a badge just earned), each shown once.
CELEBRATIONS_HOOK = "lms_celebrations"


def celebrations(user, request):
    """The HTML of every celebration waiting for the learner (each hook marks its own
    news as shown)."""
    parts = [hook(user, request) or "" for hook in hooks.get_hooks(CELEBRATIONS_HOOK)]
    return mark_safe("".join(parts))  # noqa: S308 - each hook renders a template


def localized(pages):
    """One page per translation key: the reader's language, else the default, else any."""
    language = (translation.get_language() or settings.LANGUAGE_CODE).split("-")[0]
    default = settings.LANGUAGE_CODE

    def rank(page):
        code = page.locale.language_code.split("-")[0]
        return 0 if code == language else 1 if code == default else 2

    chosen = {}
    for page in pages:
        key = str(page.translation_key)
        if key not in chosen or rank(page) < rank(chosen[key]):
            chosen[key] = page
    return chosen


def lessons_of(courses):
    """``{course.pk: [lesson, …]}`` in syllabus order, in one query, bodies deferred."""
    if not courses:
        return {}
    paths = Q()
    for course in courses:
        paths |= Q(path__startswith=course.path, depth=course.depth + 1)
    by_path = {course.path: course.pk for course in courses}
    result = {course.pk: [] for course in courses}
    for lesson in LessonPage.objects.live().public().filter(paths).defer("body").order_by("path"):
        course_pk = by_path.get(lesson.path[: -Page.steplen])
        if course_pk is not None:
            result[course_pk].append(lesson)
    return result


@dataclass
class CourseCard:
    enrolment: Enrolment
    course: CoursePage
    lessons: list
    done: int
    percent: int
    seconds_spent: float
    next_lesson: object = None
    next_position: float = 0.0

    @property
    def completed(self):
        return bool(self.enrolment.completed_at)


@dataclass
class ActivityItem:
    activity: Activity
    course: Page | None
    lesson: Page | None

    @property
    def label(self):
        return self.activity.get_kind_display()

    @property
    def target(self):
        return self.lesson or self.course

    @property
    def removed(self):
        """What to say instead of a link once the page it names is gone (or unpublished)."""
        if self.activity.lesson_key and self.lesson is None:
            return LESSON_REMOVED
        if self.course is None:
            return COURSE_REMOVED
        return ""


@dataclass
class BadgeActivityItem:
    """A badge in the timeline, read from the badge itself (no activity row of its own,
    so a revoked or re-signed badge never disagrees with its timeline entry)."""

    activity: Activity
    badge: dict
    course = None
    lesson = None
    target = None
    removed = ""

    @property
    def label(self):
        return gettext("Earned a badge")


def badge_activity(badges):
    return [
        BadgeActivityItem(
            activity=Activity(kind="badge_earned", created_at=badge["awarded_at"]), badge=badge
        )
        for badge in badges
        if badge.get("awarded_at")
    ]


@dataclass
class Dashboard:
    cards: list = field(default_factory=list)
    # Enrolments whose course is gone: the learner is told, not left wondering.
    removed_courses: list = field(default_factory=list)
    seconds_spent: float = 0.0
    activity: list = field(default_factory=list)
    badges: list = field(default_factory=list)
    waiting_work: list = field(default_factory=list)
    profile: dict | None = None
    # Bytes of video and sound played in the last DATA_USED_DAYS days, on every device.
    data_used_bytes: int = 0
    sections: list = field(default_factory=list)


def build(user, request=None, sections=False):
    """The dashboard's data; ``sections`` renders the HTML sections of other apps too
    (the page wants them, the API does not)."""
    enrolments = list(Enrolment.objects.active().filter(user=user).order_by("-enrolled_at", "-pk"))
    cards, total_spent = course_cards(user, enrolments)
    shown = {card.enrolment.pk for card in cards}
    dashboard = Dashboard(
        cards=cards,
        removed_courses=[e for e in enrolments if e.pk not in shown],
        seconds_spent=round(total_spent),
    )
    dashboard.activity = recent_activity(user)
    dashboard.data_used_bytes = data_used(user)
    for hook in hooks.get_hooks(BADGES_HOOK):
        dashboard.badges.extend(hook(user, request) or [])
    for hook in hooks.get_hooks(WAITING_WORK_HOOK):
        dashboard.waiting_work.extend(hook(user, request) or [])
    for hook in hooks.get_hooks(PROFILE_HOOK):
        dashboard.profile = dashboard.profile or hook(user, request)
    for hook in hooks.get_hooks(SECTIONS_HOOK) if sections else ():
        html = hook(user, request)
        if html:
            dashboard.sections.append(mark_safe(html))  # noqa: S308 - rendered by a template
    # Each badge is an entry of the timeline too, newest first with the rest.
    merged = dashboard.activity + badge_activity(dashboard.badges)
    merged.sort(key=lambda item: item.activity.created_at, reverse=True)
    dashboard.activity = merged[:RECENT_ACTIVITY]
    return dashboard


def course_cards(user, enrolments):
    """``([CourseCard, …], seconds spent in all courses)`` for the given enrolments."""
    keys = [str(e.course_key) for e in enrolments]
    courses = localized(
        CoursePage.objects.live().public().filter(translation_key__in=keys).select_related("locale")
    )
    lessons = lessons_of(list(courses.values()))
    rows_by_course = defaultdict(dict)
    for row in LessonProgress.objects.filter(user=user, course_key__in=keys):
        rows_by_course[str(row.course_key)][str(row.lesson_key)] = row
    videos_by_course = defaultdict(list)
    spent_by_course = defaultdict(float)
    videos = (
        ComponentProgress.objects.filter(user=user, kind=ComponentKind.VIDEO)
        .only(
            "course_key",
            "lesson_key",
            "position",
            "duration",
            "done_at",
            "updated_at",
            "seconds_spent",
        )
        .order_by("-updated_at")
    )
    total_spent = 0.0
    for row in videos:
        videos_by_course[str(row.course_key)].append(row)
        spent_by_course[str(row.course_key)] += row.seconds_spent
        total_spent += row.seconds_spent

    cards = []
    for enrolment in enrolments:
        key = str(enrolment.course_key)
        course = courses.get(key)
        if course is None:  # deleted or unpublished since: Dashboard.removed_courses
            continue
        course_lessons = lessons.get(course.pk, [])
        rows = rows_by_course[key]
        lesson_keys = {str(lesson.translation_key) for lesson in course_lessons}
        done = sum(1 for k, row in rows.items() if row.done_at and k in lesson_keys)
        percent = 100 if enrolment.completed_at else course_percent(done, len(course_lessons))
        target, position = pick_continue(course_lessons, rows, videos_by_course[key])
        cards.append(
            CourseCard(
                enrolment=enrolment,
                course=course,
                lessons=course_lessons,
                done=done,
                percent=percent,
                seconds_spent=round(spent_by_course[key]),
                next_lesson=target,
                next_position=position,
            )
        )
    return cards, total_spent


def data_used(user, now=None, days=DATA_USED_DAYS):
    """Bytes the learner's players downloaded in the last ``days`` days: each heartbeat's
    played seconds at the measured size of the rung that played them (one query)."""
    since = (now or timezone.now()) - timedelta(days=days)
    total = Heartbeat.objects.filter(user=user, received_at__gte=since).aggregate(
        total=Sum("data_bytes")
    )["total"]
    return int(total or 0)


def recent_activity(user, limit=RECENT_ACTIVITY):
    items = list(Activity.objects.filter(user=user).order_by("-created_at", "-pk")[:limit])
    keys = {str(a.course_key) for a in items} | {str(a.lesson_key) for a in items if a.lesson_key}
    pages = (
        localized(Page.objects.live().filter(translation_key__in=keys).select_related("locale"))
        if keys
        else {}
    )
    return [
        ActivityItem(
            activity=item,
            course=pages.get(str(item.course_key)),
            lesson=pages.get(str(item.lesson_key)) if item.lesson_key else None,
        )
        for item in items
    ]

"""The dashboard's data for apps: courses with progress, time spent, recent activity."""

from ninja import Router

from accounts.api.auth import learner_auth
from accounts.api.problems import COMMON_ERRORS
from learning import dashboard
from learning.api.schemas import DashboardOut, LessonLink
from learning.dashboard import BadgeActivityItem
from learning.links import page_url, resume_url
from learning.pages import COURSE_REMOVED, LESSON_REMOVED

router = Router(tags=["dashboard"], auth=learner_auth)


@router.get("/dashboard", response={200: DashboardOut, **COMMON_ERRORS}, summary="Your dashboard")
def get_dashboard(request):
    data = dashboard.build(request.auth, request)
    return {
        "seconds_spent": data.seconds_spent,
        "data_used_bytes": data.data_used_bytes,
        "courses": [
            {
                "enrolment_id": card.enrolment.pk,
                "course_id": card.course.pk,
                "title": card.course.title,
                "url": page_url(card.course, request),
                "progress_percent": card.percent,
                "lessons_done": card.done,
                "lesson_count": len(card.lessons),
                "completed": card.completed,
                "seconds_spent": card.seconds_spent,
                "next_lesson": LessonLink(
                    id=card.next_lesson.pk,
                    title=card.next_lesson.title,
                    url=resume_url(card.next_lesson, card.next_position, request),
                    position=card.next_position,
                )
                if card.next_lesson
                else None,
            }
            for card in data.cards
        ],
        "recent_activity": [
            {
                "kind": item.activity.kind,
                "label": str(item.label),
                "created_at": item.activity.created_at,
                "course_title": item.badge["name"],
                "lesson_title": None,
                "url": item.badge["url"],
            }
            if isinstance(item, BadgeActivityItem)
            else {
                "kind": item.activity.kind,
                "label": str(item.label),
                "created_at": item.activity.created_at,
                "course_title": item.course.title if item.course else str(COURSE_REMOVED),
                "lesson_title": (
                    item.lesson.title
                    if item.lesson
                    else str(LESSON_REMOVED)
                    if item.activity.lesson_key
                    else None
                ),
                "url": page_url(item.target, request) or None,
            }
            for item in data.activity
        ],
    }

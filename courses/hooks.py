"""Extension points other apps fill without this app importing them.

The learning app knows about progress and badges; courses only knows how to show
them. Each hook is registered with ``wagtail.hooks.register`` and receives the whole
list of pages at once, so a listing costs the same few queries however long it is:

``course_badges(courses, request)``
    returns ``{course_pk: {"name": str, "image_url": str | None, "url": str | None}}``
    for the badge each course leads to.
``course_progress(courses, request)``
    returns ``{course_pk: {"percent": int, "label": str}}`` for the current learner.
``lesson_progress(lessons, request)``
    returns ``{lesson_pk: "started" | "done"}`` for the current learner.
``learner_country(request)``
    returns the ``cms.Country`` code the current learner lives in, or None; the pricing
    calculator starts in its currency and shows its payout methods.
"""

from wagtail import hooks

COURSE_BADGES = "course_badges"
COURSE_PROGRESS = "course_progress"
LESSON_PROGRESS = "lesson_progress"
LEARNER_COUNTRY = "learner_country"


def _collect(hook_name, pages, request):
    result = {}
    if not pages:
        return result
    for hook in hooks.get_hooks(hook_name):
        result.update(hook(pages, request) or {})
    return result


def course_badges(courses, request):
    return _collect(COURSE_BADGES, courses, request)


def course_progress(courses, request):
    return _collect(COURSE_PROGRESS, courses, request)


def lesson_progress(lessons, request):
    return _collect(LESSON_PROGRESS, lessons, request)


def learner_country(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return None
    for hook in hooks.get_hooks(LEARNER_COUNTRY):
        code = hook(request)
        if code:
            return code
    return None

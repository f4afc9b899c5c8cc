"""A course's live lessons in order, kept until the page tree or a video changes.

Every lesson page shows its course's syllabus and every course page its lessons; the
list is the same for every reader (progress is added per reader afterwards), so it is
read from the database once and kept in the shared cache under the generations that
``cms.routing`` (publishing, moving, restrictions) and ``cms.fragments`` (videos) bump.
"""

from django.core.cache import cache

from cms import fragments, routing

SYLLABUS_KEY = "courses:syllabus:{course}:{routes}:{videos}"


def _generations():
    found = cache.get_many([routing.GENERATION_KEY, fragments.GENERATION_KEY])
    return found.get(routing.GENERATION_KEY) or 0, found.get(fragments.GENERATION_KEY) or 0


def lessons_of(course):
    """The course's live, public lessons (without their bodies), in syllabus order."""
    routes, videos = _generations()
    key = SYLLABUS_KEY.format(course=course.pk, routes=routes, videos=videos)
    lessons = cache.get(key)
    if lessons is None:
        lessons = list(course.lessons())
        cache.set(key, lessons, routing.ROUTE_SECONDS)
    return lessons


def course_of(lesson):
    """The live course a lesson belongs to, or None."""
    from courses.models import CoursePage

    found = routing.kept(
        f"courses:course-of:{lesson.pk}",
        lambda: (CoursePage.objects.live().parent_of(lesson).first(),),
    )
    return found[0]

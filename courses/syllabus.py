"""A course's live lessons in order, kept until the page tree or a video changes.

Every lesson page shows its course's syllabus and every course page its lessons; the
list is the same for every reader (progress is added per reader afterwards), so it is
read from the database once and kept in the shared cache under the generations that
``cms.routing`` (publishing, moving, restrictions) and ``cms.fragments`` (videos) bump.
"""

from cms import fragments, generations, routing

SYLLABUS_KEY = "courses:syllabus:{course}:{routes}:{videos}"


def lessons_of(course):
    """The course's live, public lessons (without their bodies), in syllabus order."""
    numbers = generations.current()
    key = SYLLABUS_KEY.format(
        course=course.pk,
        routes=numbers[routing.GENERATION_KEY],
        videos=numbers[fragments.GENERATION_KEY],
    )
    return generations.kept(key, lambda: list(course.lessons()))


def course_of(lesson):
    """The live course a lesson belongs to, or None."""
    from courses.models import CoursePage

    found = routing.kept(
        f"courses:course-of:{lesson.pk}",
        lambda: (CoursePage.objects.live().parent_of(lesson).first(),),
    )
    return found[0]

"""Courses: the catalogue, courses, lessons, and the people who teach them."""

from courses.models.catalogue import CourseIndexPage, CoursePage, Level, Track
from courses.models.lessons import KIND_LABELS, LessonPage, LessonVideo, attach_course_stats
from courses.models.people import CourseInstructor, Instructor

__all__ = [
    "KIND_LABELS",
    "CourseIndexPage",
    "CourseInstructor",
    "CoursePage",
    "Instructor",
    "LessonPage",
    "LessonVideo",
    "Level",
    "Track",
    "attach_course_stats",
]

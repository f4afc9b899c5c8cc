"""Demo courses for ``manage.py seed_demo``: one per track, in Arabic with English copies.

Found by the cms app's seeder discovery. The texts live in ``courses.demo.content``;
``courses.demo.build`` turns them into pages, videos and documents.
"""

from cms.demo import register_seeder
from courses.demo.build import link_mentors, seed_courses

register_seeder("courses", order=50)(seed_courses)
register_seeder("course-mentors", order=95)(link_mentors)

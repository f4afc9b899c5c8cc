"""Plausible activity for the demo courses, so every analytics chart has something to say.

About 200 demo learners (no password: nobody signs in as them) enrolled over the last
five months. Each one has an ability; the further a lesson, the more learners stop;
video learners drop off at a few typical moments and some go back over a hard passage;
quiz answers depend on the learner's ability and the question's difficulty (so the
item statistics and the discrimination index mean something); hand-ins wait for the
demo mentor for a few hours, sometimes past the 48-hour promise, and some come back
for changes. Finishers earn the course badge through the awarding service.

Rows are written with ``bulk_create`` in a few statements; at the end the rollup runs,
so the analytics pages show charts on a fresh ``make run``. Idempotent: when the demo
learners exist nothing is added (the rollup still runs, to pick up what changed).
"""

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from analytics.demo_activity import Simulation
from analytics.rollup import run as rollup
from cms.demo import register_seeder

USERNAME_PREFIX = "demo-learner-"
LEARNERS = 200
FIRST_NAMES = [
    "سارة", "ياسين", "مريم", "أيوب", "خديجة", "إلياس", "نور", "حمزة", "هاجر", "أنس",
    "سلمى", "بلال", "إيمان", "زكرياء", "رانيا", "عمر", "لينا", "طارق", "آية", "مهدي",
]  # fmt: skip
LAST_NAMES = [
    "العلوي", "بنعلي", "حداد", "الشامي", "المصري", "بوزيد", "التونسي", "الخطيب",
    "السوري", "بلقاسم", "الإدريسي", "منصور", "يوسفي", "عثماني", "الحسني", "قاسمي",
]  # fmt: skip


def make_learners(rng, now):
    User = get_user_model()
    unusable = make_password(None)
    people = []
    for number in range(1, LEARNERS + 1):
        joined = now - timedelta(days=rng.uniform(1, 150), hours=rng.uniform(0, 12))
        people.append(
            User(
                username=f"{USERNAME_PREFIX}{number:03d}",
                email=f"{USERNAME_PREFIX}{number:03d}@bidaya.example",
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                password=unusable,
                date_joined=joined,
            )
        )
    User.objects.bulk_create(people, batch_size=500)
    return list(User.objects.filter(username__startswith=USERNAME_PREFIX).order_by("username"))


@register_seeder("analytics-activity", order=99)
def seed_activity(ctx):
    """Demo learners' enrolments, progress, heartbeats, quiz attempts and reviews, then
    the analytics rollup.

    Needs the demo courses, the accounts and the cohorts; after the demo learner's journey
    and the outcomes seeder (so the rollup sees their outcomes too).
    """
    User = get_user_model()
    mentor = User.objects.filter(username="mentor").first()
    made = False
    if not User.objects.filter(username__startswith=USERNAME_PREFIX).exists() and mentor:
        from mentoring.demo import demo_courses

        courses = demo_courses()
        if courses:
            rng = random.Random(2026)  # noqa: S311 - the same demo on every machine
            now = timezone.now()
            learners = make_learners(rng, now)
            counts = Simulation(rng, now, courses, mentor).run(learners)
            ctx.count("demo learners", len(learners))
            made = True
            for what, number in counts.items():
                ctx.count(f"demo {what}", number)
    # Activity written with past dates: counted from scratch when it is new.
    report = rollup(rebuild=made)
    ctx.log(f"analytics rollup: {report}")

"""The demo site and the people every size shares: courses, mentors, cohorts, badges.

The demo seeders run as ``make run`` runs them, except that the lesson videos are
library rows already "transcoded" (as ``bench/http.py`` and the tests make them):
rendering and encoding the real demo videos would take minutes and measure nothing
here. The measured people (one learner, one mentor, the demo editor and admin) get
their own data through the services the site uses, so it is the same at every size.
"""

import io
import uuid
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import urlsplit

MENTORS = 20
COHORTS = 50
EMAIL_DOMAIN = "bench.example"


@dataclass
class Lesson:
    page_id: int
    key: str
    course: int  # index in World.courses
    url: str
    video: tuple | None = None  # (component id, duration)
    quiz: str | None = None
    assignment: tuple | None = None  # (block id, title)


@dataclass
class Course:
    page_id: int
    key: str
    url: str
    lessons: list = field(default_factory=list)


@dataclass
class World:
    catalogue_url: str
    courses: list
    lessons: list
    mentor_ids: list
    cohorts: list  # (cohort id, course index, mentor user id)
    badge_classes: list  # badge class id per course index
    people: dict = field(default_factory=dict)  # role -> user
    refs: dict = field(default_factory=dict)  # what the pages point at


def seed_demo():
    """``manage.py seed_demo`` with ready-made video rows instead of rendered videos."""
    from django.core.management import call_command

    from courses.demo import build
    from tests.factories.courses import ready_video

    def library_video(spec, course_spec, ctx):
        return ready_video(duration=300.0, title=spec["title"]["ar"])

    build.demo_video = library_video
    # Its report (and the demo accounts' passwords) would only clutter the bench's output.
    call_command("seed_demo", verbosity=0, stdout=io.StringIO())


def read_catalogue():
    """The Arabic demo courses and lessons, with what each lesson asks of a learner."""
    from courses.models import CourseIndexPage, CoursePage, LessonPage
    from learning.progress.lessons import build

    catalogue = CourseIndexPage.objects.live().get(locale__language_code="ar")
    courses, lessons = [], []
    for course_page in (
        CoursePage.objects.live().child_of(catalogue).order_by("path").specific().iterator()
    ):
        course = Course(course_page.pk, str(course_page.translation_key), course_page.url)
        for page in LessonPage.objects.live().child_of(course_page).order_by("path"):
            lesson = Lesson(page.pk, str(page.translation_key), len(courses), page.url)
            for component in build(page, course_page).components:
                if component.kind == "video" and lesson.video is None:
                    lesson.video = (component.id, component.duration)
                elif component.kind == "quiz" and lesson.quiz is None:
                    lesson.quiz = component.id
                elif component.kind == "assignment" and lesson.assignment is None:
                    value = page.get_assignment(component.id)
                    lesson.assignment = (component.id, value.get("title") or component.id)
            course.lessons.append(lesson)
            lessons.append(lesson)
        courses.append(course)
    return catalogue.url, courses, lessons


def make_user(username, groups=(), **fields):
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@{EMAIL_DOMAIN}", password=None, **fields
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


def build_world():
    """Mentors, cohorts and badge classes: the same count at every size."""
    from courses.models import CoursePage
    from credentials.models import BadgeClass, BadgeRule
    from mentoring.models import MENTORS_GROUP, Cohort

    catalogue_url, courses, lessons = read_catalogue()
    mentors = [
        make_user(f"mentor{n}", [MENTORS_GROUP], first_name="مرشد", last_name=str(n))
        for n in range(MENTORS)
    ]
    pages = {
        page.pk: page for page in CoursePage.objects.filter(pk__in=[c.page_id for c in courses])
    }
    cohorts = []
    for number in range(COHORTS):
        index = number % len(courses)
        cohort = Cohort.objects.create(
            course=pages[courses[index].page_id], name=f"الدفعة {number + 1}"
        )
        mentor = mentors[number % MENTORS]
        cohort.mentors.add(mentor)
        cohorts.append((cohort.pk, index, mentor.pk))
    badge_classes = []
    for index, course in enumerate(courses):
        page = pages[course.page_id]
        badge_classes.append(
            BadgeClass.objects.create(
                name_ar=f"شارة {page.title}",
                name_en=f"Badge {index + 1}",
                description_ar="أنهى الدورة كلها",
                description_en="Finished the whole course",
                criteria_ar="إنهاء كل دروس الدورة",
                criteria_en="Finish every lesson of the course",
                rule=BadgeRule.COURSE,
                course=page,
            ).pk
        )
    return World(
        catalogue_url=catalogue_url,
        courses=courses,
        lessons=lessons,
        mentor_ids=[m.pk for m in mentors],
        cohorts=cohorts,
        badge_classes=badge_classes,
    )


def _first(lessons, attribute):
    return next(lesson for lesson in lessons if getattr(lesson, attribute))


def add_people(world):
    """The measured learner and mentor, with a little of everything, through the services."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from courses.blocks.quiz import answer_key
    from courses.models import CoursePage, LessonPage
    from credentials.awarding import award_badge, ensure_profile
    from credentials.models import BadgeAward, BadgeClass
    from learning.progress import heartbeats, quizzes
    from learning.progress.enrolment import enrol
    from mentoring import services
    from mentoring.models import CohortMembership

    User = get_user_model()
    learner = make_user("bench-learner", first_name="سلمى", last_name="القياس")
    mentor = User.objects.get(pk=world.mentor_ids[0])
    # The learner's cohorts are the measured mentor's, one per course.
    for cohort_id, index, mentor_id in world.cohorts:
        if (
            mentor_id == mentor.pk
            and not CohortMembership.objects.filter(
                learner=learner, course_key=world.courses[index].key
            ).exists()
        ):
            CohortMembership.objects.create(cohort_id=cohort_id, learner=learner)
    for course in world.courses:
        enrol(learner, CoursePage.objects.get(pk=course.page_id))

    video_lesson = _first(world.lessons, "video")
    component_id, _duration = video_lesson.video
    # Opened a minute ago, then a beat every ten seconds: each one is credited.
    opened = timezone.now() - timedelta(minutes=1)
    for step in range(4):
        heartbeats.record(
            learner,
            heartbeats.Beat(
                event_id=uuid.uuid4(),
                lesson_id=video_lesson.page_id,
                component_id=component_id,
                position=10.0 * step,
                intervals=[[10.0 * (step - 1), 10.0 * step]] if step else [],
            ),
            now=opened + timedelta(seconds=10 * step),
        )
    quiz_lesson = _first(world.lessons, "quiz")
    page = LessonPage.objects.get(pk=quiz_lesson.page_id)
    key = answer_key(page.get_quiz(quiz_lesson.quiz))
    answers = {qid: sorted(q["correct"]) or q["choices"][:1] for qid, q in key.items()}
    quizzes.submit(learner, page, quiz_lesson.quiz, answers)

    handed = []
    for lesson in [x for x in world.lessons if x.assignment][:2]:
        page = LessonPage.objects.get(pk=lesson.page_id)
        assignment = services.find_assignment(page, lesson.assignment[0])
        submission = services.start_submission(learner, assignment, "ar")
        market = assignment.marketplace
        host = urlsplit(market.website).hostname if market else "portfolio.example"
        link = f"https://{host}/u/bench-learner" if "link" in assignment.hand_in else None
        services.save_draft(
            submission, text="عرضي للعميل: أبدأ بما يحتاجه.", link=link, assignment=assignment
        )
        services.submit(submission, learner, assignment=assignment)
        submission.refresh_from_db()
        handed.append((submission, assignment))
    # The first is reviewed (a notice for the learner), the second waits in the queue.
    decided, assignment = handed[0]
    services.claim(decided, mentor)
    levels = {i: len(c["levels"]) - 1 for i, c in enumerate(assignment.rubric())}
    services.decide(decided, mentor, "approve", levels=levels, feedback="عمل واضح ومقنع.")
    waiting = handed[1][0]

    award, _created = award_badge(
        BadgeClass.objects.get(pk=world.badge_classes[0]),
        learner,
        source=BadgeAward.Source.RULE,
        language="ar",
    )
    profile = ensure_profile(learner)
    profile.is_public = True
    profile.save()

    admin = User.objects.get(username="admin")
    editor = User.objects.get(username="editor")
    world.people = {"learner": learner, "mentor": mentor, "editor": editor, "admin": admin}
    world.refs = {
        "video_lesson": video_lesson,
        "submission": str(waiting.uuid),
        "award": str(award.uuid),
        "status_list": award.status_list,
        "profile": profile.slug,
        "learner_email": learner.email,
    }
    return world

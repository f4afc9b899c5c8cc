"""The demo learner half-way through, made by the services a real learner's clicks call.

Samira (the "learner" account) has a public profile with her Khamsat and Mostaql links,
is enrolled in the pitching and the pricing course and placed in their cohorts, has
watched their first videos and passed the pitching quiz; her pricing service was handed
in, claimed and approved by the demo mentor, which earned her the assignment badge
through the awarding service; her real proposal waits in the mentor's queue. The
specialising course she has not started, so its catalogue card still says "enrol".

Every step asks the database first and goes through the same service functions the
site's views and API call (enrolment, heartbeats, quiz scoring, hand-in, review,
awarding), so a second run changes nothing and the rows are those a real journey makes.
"""

# ruff: noqa: E501 - the learner's texts read better unbroken.

import uuid
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from cms.models import Country, Marketplace
from courses.blocks.quiz import answer_key
from credentials import awarding, site
from credentials.models import MarketplaceLink
from learning.models import ComponentKind, ComponentProgress, QuizAttempt
from learning.progress import heartbeats, quizzes
from learning.progress.enrolment import enrol
from learning.progress.lessons import lesson_info
from mentoring.cohorts import place_in_open_cohort
from mentoring.demo import demo_courses
from mentoring.models import Submission
from mentoring.services import common as submissions
from mentoring.services import handing_in, reviewing
from mentoring.states import State

JOURNEY_NAMESPACE = uuid.UUID("3c2e9f4b-71a8-4d0e-b6c5-9e1f0a7d2b58")

PROFILE = {
    "username": "samira-idrissi",
    "display_name_ar": "سميرة الإدريسي",
    "display_name_latin": "Samira Idrissi",
    "country": "MA",
    "links": {
        "khamsat": "https://khamsat.com/user/samira_idrissi",
        "mostaql": "https://mostaql.com/u/samira_idrissi",
    },
}

PROPOSAL = {
    "text": (
        "تريد متجرًا على ووردبريس يعرض منتجاتك اليدوية ويقبل الدفع عند الاستلام، وتريده جاهزًا قبل معرض الربيع. "
        "سأبدأ بصفحة المنتج لأنها ما سيراه زبائنك أولًا، ثم صفحة الطلب، ثم التجربة على الجوال. "
        "هل لديك صور للمنتجات أم أصوّرها بخلفية موحدة؟ أسلّم خلال ثمانية أيام بسعر 120 دولارًا، مع جولتين من التعديلات."
    ),
    "link": "https://mostaql.com/project/demo-handmade-shop",
}
SERVICE = {
    "text": (
        "خدمتي: تعريب قالب ووردبريس واحد وضبط اتجاهه من اليمين إلى اليسار خلال ثلاثة أيام. "
        "حسبت السعر هكذا: ست ساعات عمل × 3 دولارات للساعة = 18 دولارًا، وأضفت عمولة خمسات (20%) "
        "فصار السعر 25 دولارًا. الوصف يجيب عن ثلاثة أسئلة: ما الذي يُعرّب، وما الذي لا يدخل في السعر، ومتى أسلّم."
    ),
    "link": "https://khamsat.com/programming/demo-arabise-wordpress-theme",
}
REVIEW_FEEDBACK = (
    "خدمة واضحة وسعر محسوب بأرقام يفهمها المشتري. اقتراح للمرة القادمة: أضف صورة قبل التعريب وبعده، "
    "فهي تقنع أكثر من أي وصف."
)


def _event_id(*parts):
    return uuid.uuid5(JOURNEY_NAMESPACE, ":".join(str(p) for p in parts))


def _lessons(course):
    return list(course.get_children().live().specific().order_by("path"))


def ensure_profile(user, ctx):
    """A public profile with a name in both scripts, a country and two marketplace links."""
    profile = awarding.ensure_profile(user)
    if profile.links.exists() or profile.is_public:
        return profile
    profile.username = PROFILE["username"]
    profile.display_name_ar = PROFILE["display_name_ar"]
    profile.display_name_latin = PROFILE["display_name_latin"]
    profile.country = Country.objects.filter(code=PROFILE["country"]).first()
    profile.is_public = True
    profile.full_clean()
    profile.save()
    for marketplace in Marketplace.objects.filter(slug__in=PROFILE["links"]):
        url = marketplace.clean_profile_url(PROFILE["links"][marketplace.slug])
        MarketplaceLink.objects.create(profile=profile, marketplace=marketplace, url=url)
    ctx.count("learner profiles")
    return profile


def watch_video(user, lesson, started):
    """Heartbeats every 20 seconds of playback, as the player sends them."""
    info = lesson_info(lesson.pk)
    video = next((c for c in info.components if c.kind == ComponentKind.VIDEO), None)
    if video is None:
        return
    done = ComponentProgress.objects.filter(
        user=user, lesson_key=info.key, component_id=video.id, done_at__isnull=False
    ).exists()
    if done:
        return
    # The player opens a video with a beat that holds no ranges: the server's clock
    # counts the watch time it credits from there.
    heartbeats.record(
        user,
        heartbeats.Beat(
            event_id=_event_id(user.pk, info.key, "open"),
            lesson_id=lesson.pk,
            component_id=video.id,
            position=0.0,
            intervals=[],
        ),
        now=started,
    )
    position, step = 0.0, 20.0
    while position < video.duration:
        end = min(video.duration, position + step)
        heartbeats.record(
            user,
            heartbeats.Beat(
                event_id=_event_id(user.pk, info.key, position),
                lesson_id=lesson.pk,
                component_id=video.id,
                position=end,
                intervals=[[position, end]],
            ),
            now=started + timedelta(seconds=end),
        )
        position = end


def pass_quiz(user, lesson):
    block = next((b for b in lesson.body if b.block_type == "quiz"), None)
    if block is None:
        return
    if QuizAttempt.objects.filter(
        user=user, lesson_key=lesson.translation_key, quiz_id=block.id, passed=True
    ).exists():
        return
    answers = {qid: sorted(q["correct"]) for qid, q in answer_key(block.value).items()}
    quizzes.submit(user, lesson, block.id, answers)


def hand_in(user, lesson, work):
    """The learner's submission for the lesson's assignment, handed in once."""
    block = next(b for b in lesson.body if b.block_type == "assignment")
    assignment = submissions.find_assignment(lesson, block.id)
    submission = submissions.start_submission(user, assignment, "ar")
    if submission.state == State.DRAFT:
        handing_in.save_draft(
            submission, text=work["text"], link=work["link"], assignment=assignment
        )
        handing_in.submit(submission, user, assignment=assignment)
        submission.refresh_from_db()
    return submission


def approve(submission, mentor):
    """The mentor claims the work and approves it with the top level of every criterion."""
    if submission.state not in (State.SUBMITTED, State.RESUBMITTED, State.IN_REVIEW):
        return
    reviewing.claim(submission, mentor)
    rubric = submissions.assignment_of(submission).rubric()
    levels = {index: len(c["levels"]) - 1 for index, c in enumerate(rubric)}
    reviewing.decide(
        Submission.objects.get(pk=submission.pk),
        mentor,
        "approve",
        levels=levels,
        feedback=REVIEW_FEEDBACK,
    )


def seed_learner_journey(ctx):
    """The demo learner mid-way: profile, enrolments, progress, one hand-in waiting, one
    approved with its badge."""
    users = get_user_model().objects.filter(username__in=["learner", "mentor"])
    people = {user.username: user for user in users}
    learner, mentor = people.get("learner"), people.get("mentor")
    courses = demo_courses()
    if learner is None or mentor is None or len(courses) < 2:
        return
    ensure_profile(learner, ctx)
    started = timezone.now() - timedelta(days=3)
    pitching, pricing = courses.get("first-proposal"), courses.get("first-service-price")
    for course in (pitching, pricing):
        if course is None:
            return
        _enrolment, changed = enrol(learner, course)
        # What the enrolment signal does after commit, done now so the hand-ins below
        # find the cohort (seed_demo runs in one transaction).
        place_in_open_cohort(learner, course.translation_key)
        if changed:
            ctx.count("demo enrolments")

    intro, quiz_lesson, proposal_lesson = _lessons(pitching)[:3]
    watch_video(learner, intro, started)
    pass_quiz(learner, quiz_lesson)
    hand_in(learner, proposal_lesson, PROPOSAL)

    first_pricing, _calculator, service_lesson = _lessons(pricing)[:3]
    watch_video(learner, first_pricing, started + timedelta(days=1))
    service = hand_in(learner, service_lesson, SERVICE)
    approve(service, mentor)
    # What the approval's task does after commit, done now so the badge is there at once.
    if not learner.badge_awards.exists():
        awards = awarding.check_assignment(
            learner, service.lesson_key, service.assignment_id, language="ar"
        )
        ctx.count("demo badge awards", len(awards))
    moved = sign_for_this_address(learner)
    if moved:
        ctx.count("demo badges signed for this address", moved)


def sign_for_this_address(user):
    """Sign again the user's badges whose credential names another address of the site.

    A demo seeded before under another address (another ``SITE_URL`` or port) holds
    credentials whose id is that address, which verification refuses as not this
    award's: they are signed again for this one, as a site that moves would do.
    Returns how many were."""
    moved = 0
    for award in user.badge_awards.valid().select_related("badge_class"):
        if award.credential.get("id") != site.credential_url(award):
            awarding.resign(award)
            moved += 1
    return moved

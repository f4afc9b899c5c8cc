"""Badges awarded by their rules, from the real learning and review events."""

import pytest

from django.core import mail
from django.core.management import call_command

from credentials import awarding, rules
from credentials.models import BadgeAward, BadgeRule
from mentoring import services
from mentoring.states import State
from notifications.models import OutboxEmail
from tests.factories.courses import CoursePageFactory

from .world import finish_course, make_assignment_lesson, make_badge, make_course, make_user

pytestmark = pytest.mark.django_db


def test_finishing_the_course_awards_its_badge_once_and_mails_the_learner(
    badge_world, django_capture_on_commit_callbacks
):
    learner = make_user(display_name_ar="عفاف النور", display_name_latin="Afaf Al-Nour")
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons[:1])
    assert not BadgeAward.objects.exists()  # one lesson of two: not yet

    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons)
    award = BadgeAward.objects.get()
    assert (award.badge_class, award.recipient, award.source) == (
        badge_world.badge,
        learner,
        BadgeAward.Source.RULE,
    )
    assert award.evidence[0]["name"] == badge_world.course.title
    assert award.evidence[0]["id"].startswith("https://bidaya.example/")
    row = OutboxEmail.objects.get(kind=OutboxEmail.Kind.BADGE_AWARDED)
    assert row.status == OutboxEmail.Status.SENT
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert "عرضي الأول" in message.subject
    assert f"https://bidaya.example/badges/{award.uuid}/" in message.body

    # The same facts again (a replayed event, a backfill) award nothing more.
    assert awarding.check_course(learner, badge_world.course.translation_key) == [award]
    assert BadgeAward.objects.count() == 1
    assert OutboxEmail.objects.filter(kind=OutboxEmail.Kind.BADGE_AWARDED).count() == 1


def test_the_email_follows_the_learners_language(badge_world, django_capture_on_commit_callbacks):
    from notifications.models import NotificationPreference

    learner = make_user()
    NotificationPreference.objects.create(user=learner, language="fr")
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons)
    assert BadgeAward.objects.get().language == "fr"
    assert mail.outbox[0].subject == "Vous avez obtenu le badge « Ma première proposition »"
    html = mail.outbox[0].alternatives[0][0]
    assert 'lang="fr"' in html and "/fr/badges/" in html


def test_a_track_badge_needs_every_course_of_the_track(
    badge_world, django_capture_on_commit_callbacks
):
    track_badge = make_badge(BadgeRule.TRACK, track="pitching", name_en="Pitching track")
    second, second_lessons = make_course(badge_world.catalogue, track="pitching")
    make_course(badge_world.catalogue, track="pricing")  # another track: not needed
    learner = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons)
    assert not BadgeAward.objects.filter(badge_class=track_badge).exists()
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, second, second_lessons)
    award = BadgeAward.objects.get(badge_class=track_badge)
    assert {e["name"] for e in award.evidence} == {badge_world.course.title, second.title}


def test_an_approved_assignment_awards_its_badge(badge_world, django_capture_on_commit_callbacks):
    lesson, block_id = make_assignment_lesson(badge_world.course)
    badge = make_badge(BadgeRule.ASSIGNMENT, lesson=lesson, name_en="Proposal approved")
    assert badge.assignment_id == block_id  # the lesson's only assignment was filled in
    learner = make_user()
    mentor = make_user(groups=["Mentors"])
    from learning.progress import enrol

    enrol(learner, badge_world.course)
    assignment = services.find_assignment(lesson, block_id)
    submission = services.start_submission(learner, assignment, "ar")
    services.save_draft(submission, text="عرضي لمشروع متجر", link="https://example.com/x")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, learner)
        services.claim(submission, mentor)
        services.decide(submission, mentor, "request_changes", levels={0: 0}, feedback="أضف مثالا")
    assert not BadgeAward.objects.filter(badge_class=badge).exists()
    services.save_draft(submission, text="عرضي مع مثال")
    with django_capture_on_commit_callbacks(execute=True):
        services.submit(submission, learner)
        services.claim(submission, mentor)
        services.decide(submission, mentor, "approve", levels={0: 1}, feedback="ممتاز")
    submission.refresh_from_db()
    assert submission.state == State.APPROVED
    award = BadgeAward.objects.get(badge_class=badge)
    assert award.recipient == learner
    assert award.evidence[0]["name"] == "اكتب عرضك"  # the assignment's title
    assert award.evidence[0]["id"].endswith(lesson.url)


def test_a_badge_class_needs_what_its_rule_names(badge_world):
    from django.core.exceptions import ValidationError

    from credentials.models import BadgeClass

    for rule, field in [
        (BadgeRule.COURSE, "course"),
        (BadgeRule.TRACK, "track"),
        (BadgeRule.ASSIGNMENT, "lesson"),
    ]:
        badge = BadgeClass(rule=rule, **make_badge_texts())
        with pytest.raises(ValidationError) as error:
            badge.full_clean()
        assert field in error.value.message_dict
    lesson_without_assignment = badge_world.lessons[0]
    badge = BadgeClass(
        rule=BadgeRule.ASSIGNMENT, lesson=lesson_without_assignment, **make_badge_texts()
    )
    with pytest.raises(ValidationError) as error:
        badge.full_clean()
    assert "assignment_id" in error.value.message_dict


def make_badge_texts():
    from .world import BADGE_TEXTS

    return dict(BADGE_TEXTS)


def test_inactive_and_manual_badges_are_never_awarded_by_rules(
    badge_world, django_capture_on_commit_callbacks
):
    badge_world.badge.is_active = False
    badge_world.badge.save()
    manual = make_badge(BadgeRule.MANUAL, name_en="Helper")
    learner = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, badge_world.course, badge_world.lessons)
    assert not BadgeAward.objects.exists()
    assert not rules.is_earned(manual, learner)


def test_backfill_awards_existing_progress_once(badge_world, django_capture_on_commit_callbacks):
    badge_world.badge.delete()
    early = [make_user() for _ in range(3)]
    for learner in early:
        finish_course(learner, badge_world.course, badge_world.lessons)  # no badge yet
    halfway = make_user()
    finish_course(halfway, badge_world.course, badge_world.lessons[:1])
    badge = make_badge(course=badge_world.course)
    assert not BadgeAward.objects.exists()

    call_command("backfill_badges", "--dry-run", verbosity=0)
    assert not BadgeAward.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("backfill_badges", verbosity=0)
    assert set(BadgeAward.objects.values_list("recipient_id", flat=True)) == {u.pk for u in early}
    assert set(BadgeAward.objects.values_list("source", flat=True)) == {"backfill"}
    call_command("backfill_badges", "--badge", str(badge.uuid), verbosity=0)
    assert BadgeAward.objects.count() == 3
    assert len(mail.outbox) == 3


def test_a_translation_of_the_course_counts(badge_world, django_capture_on_commit_callbacks):
    from tests.cms.conftest import translate

    translate(badge_world.home, "en", title="Bidaya")
    translate(badge_world.catalogue, "en", title="Courses")
    course_en = translate(badge_world.course, "en", title="My first proposal")
    lessons_en = [
        translate(lesson, "en", title=f"Lesson {i}") for i, lesson in enumerate(badge_world.lessons)
    ]
    learner = make_user()
    with django_capture_on_commit_callbacks(execute=True):
        finish_course(learner, course_en, lessons_en)
    assert BadgeAward.objects.filter(badge_class=badge_world.badge, recipient=learner).exists()


def test_courses_of_other_tracks_do_not_count(badge_world):
    other = CoursePageFactory(parent=badge_world.catalogue, track="pricing")
    assert badge_world.badge not in rules.classes_for_course(other.translation_key)

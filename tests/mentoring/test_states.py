"""Every (state, action, role) against the transition table, then each move for real."""

import itertools
from datetime import timedelta

import pytest

from django.core.exceptions import ValidationError
from django.utils import timezone

from mentoring import services
from mentoring.models import Review, Submission, SubmissionEvent
from mentoring.states import (
    LEARNER,
    MENTOR,
    SYSTEM,
    TRANSITIONS,
    Action,
    InvalidTransition,
    State,
    next_state,
)
from tests.mentoring.helpers import all_levels, assignment_of, hand_in, make_lesson

ROLES = (LEARNER, MENTOR, SYSTEM)

EXPECTED = {
    ("draft", "submit", "learner"): "submitted",
    ("submitted", "auto_approve", "system"): "approved",
    ("submitted", "claim", "mentor"): "in_review",
    ("resubmitted", "claim", "mentor"): "in_review",
    ("in_review", "claim", "mentor"): "in_review",
    ("in_review", "release", "mentor"): "submitted",
    ("in_review", "request_changes", "mentor"): "changes_requested",
    ("in_review", "approve", "mentor"): "approved",
    ("in_review", "reject", "mentor"): "rejected",
    ("changes_requested", "resubmit", "learner"): "resubmitted",
    ("resubmitted", "auto_approve", "system"): "approved",
}


def test_the_table_is_what_the_issue_describes():
    written = {(s.value, a.value): (t, r) for (s, a), (t, r) in TRANSITIONS.items()}
    expected = {(s, a): r for (s, a, r) in EXPECTED}
    assert {key: role for key, (_t, role) in written.items()} == expected


@pytest.mark.parametrize(("state", "action", "role"), list(itertools.product(State, Action, ROLES)))
def test_every_state_action_and_role(state, action, role):
    expected = EXPECTED.get((state.value, action.value, role))
    if expected is None:
        with pytest.raises(InvalidTransition) as refused:
            next_state(state, action, role)
        assert str(refused.value.message)  # a sentence to show, never empty
    else:
        assert next_state(state, action, role) == expected


def test_release_goes_back_to_where_it_came_from():
    assert next_state("in_review", "release", MENTOR, released_to="resubmitted") == "resubmitted"
    with pytest.raises(InvalidTransition):
        next_state("in_review", "release", MENTOR, released_to="approved")


def test_unknown_names_are_refused():
    with pytest.raises(InvalidTransition):
        next_state("lost", "submit", LEARNER)
    with pytest.raises(InvalidTransition):
        next_state("draft", "teleport", LEARNER)


# --- the same table through the services, on the database ------------------------------


def events(submission):
    return list(
        SubmissionEvent.objects.filter(submission=submission)
        .order_by("created_at", "pk")
        .values_list("action", "from_state", "to_state")
    )


def test_the_whole_road_with_every_version_and_review_kept(roles, lesson):
    learner, mentor = roles["learner"], roles["mentor"]
    submission = hand_in(learner, lesson, text="النسخة الأولى")
    assert submission.state == State.SUBMITTED

    services.claim(submission, mentor)
    assert submission.state == State.IN_REVIEW and submission.claimed_by == mentor
    services.decide(
        submission, mentor, "request_changes", levels=all_levels(lesson, 0), feedback="وضّح السعر"
    )
    assert submission.state == State.CHANGES_REQUESTED and submission.claimed_by is None

    assignment = assignment_of(lesson)
    draft = services.save_draft(submission, text="النسخة الثانية", assignment=assignment)
    assert draft.link.startswith("https://khamsat.com/")  # carried over from version 1
    services.submit(submission, learner, assignment=assignment)
    assert submission.state == State.RESUBMITTED

    services.claim(submission, mentor)
    review = services.decide(
        submission, mentor, "approve", levels=all_levels(lesson), feedback="ممتاز"
    )
    assert submission.state == State.APPROVED
    assert (review.points, review.max_points) == (7, 7)

    versions = list(submission.versions.order_by("number").values_list("number", "text"))
    assert versions == [(1, "النسخة الأولى"), (2, "النسخة الثانية")]
    assert list(
        Review.objects.filter(submission=submission)
        .order_by("pk")
        .values_list("decision", "version__number")
    ) == [("request_changes", 1), ("approve", 2)]
    assert events(submission) == [
        ("submit", "draft", "submitted"),
        ("claim", "submitted", "in_review"),
        ("request_changes", "in_review", "changes_requested"),
        ("resubmit", "changes_requested", "resubmitted"),
        ("claim", "resubmitted", "in_review"),
        ("approve", "in_review", "approved"),
    ]


def test_reject_needs_a_reason_and_is_final(roles, submitted, lesson):
    mentor = roles["mentor"]
    services.claim(submitted, mentor)
    with pytest.raises(ValidationError) as missing:
        services.decide(submitted, mentor, "reject", feedback="ليس عرضا")
    assert "reason" in missing.value.message_dict
    services.decide(submitted, mentor, "reject", feedback="ليس عرضا", reason="نص منسوخ")
    assert submitted.state == State.REJECTED
    assert Review.objects.get(submission=submitted).reason == "نص منسوخ"
    # Final: no claim, no new draft, no hand-in.
    with pytest.raises(services.ReviewError):
        services.claim(submitted, mentor)
    with pytest.raises(services.ReviewError) as locked:
        services.save_draft(submitted, text="محاولة")
    assert locked.value.code == "not_editable"
    with pytest.raises(services.ReviewError):
        services.submit(submitted, roles["learner"])


def test_release_returns_a_first_version_to_submitted_and_a_later_one_to_resubmitted(
    roles, submitted, lesson
):
    mentor = roles["mentor"]
    services.claim(submitted, mentor)
    services.release(submitted, mentor)
    assert (submitted.state, submitted.claimed_by) == (State.SUBMITTED, None)
    services.claim(submitted, mentor)
    services.decide(
        submitted, mentor, "request_changes", levels=all_levels(lesson, 0), feedback="أعد"
    )
    services.save_draft(submitted, text="نسخة ثانية")
    services.submit(submitted, roles["learner"])
    services.claim(submitted, mentor)
    services.release(submitted, mentor)
    assert submitted.state == State.RESUBMITTED


def test_invalid_moves_are_refused_and_change_nothing(roles, submitted, lesson):
    learner, mentor, other = roles["learner"], roles["mentor"], roles["lead"]
    before = Submission.objects.values().get(pk=submitted.pk)

    # Deciding without a claim, releasing someone else's claim, handing in twice.
    with pytest.raises(services.ReviewError) as refused:
        services.decide(submitted, mentor, "approve", levels=all_levels(lesson), feedback="ok")
    assert refused.value.status == 409
    with pytest.raises(services.ReviewError):
        services.release(submitted, mentor)
    with pytest.raises(services.ReviewError):
        services.submit(submitted, learner)
    with pytest.raises(services.ReviewError) as not_editable:
        services.save_draft(submitted, text="تعديل بعد التسليم")
    assert not_editable.value.code == "not_editable"
    assert Submission.objects.values().get(pk=submitted.pk) == before

    # Someone else's claim blocks a decision and a release.
    services.claim(submitted, mentor)
    with pytest.raises(services.ReviewError) as held:
        services.decide(submitted, other, "approve", levels=all_levels(lesson), feedback="ok")
    assert held.value.code == "not_claimed"
    with pytest.raises(services.ReviewError):
        services.release(submitted, other)
    # A learner cannot hand in someone else's work.
    with pytest.raises(services.ReviewError):
        services.submit(submitted, roles["other_learner"])


def test_a_version_is_decided_once(roles, submitted, lesson):
    mentor = roles["mentor"]
    services.claim(submitted, mentor)
    services.decide(submitted, mentor, "approve", levels=all_levels(lesson), feedback="ممتاز")
    with pytest.raises(services.ReviewError):
        services.decide(submitted, mentor, "reject", feedback="no", reason="no")
    assert Review.objects.filter(submission=submitted).count() == 1


def test_scores_must_cover_every_criterion_with_a_real_level(roles, submitted, lesson):
    mentor = roles["mentor"]
    services.claim(submitted, mentor)
    for levels in ({0: 2}, {0: 2, 1: 9}, {0: -1, 1: 0}, {0: "x", 1: 0}):
        with pytest.raises(ValidationError) as invalid:
            services.decide(submitted, mentor, "approve", levels=levels, feedback="ok")
        assert "scores" in invalid.value.message_dict
    with pytest.raises(ValidationError) as no_feedback:
        services.decide(submitted, mentor, "approve", levels=all_levels(lesson), feedback="  ")
    assert "feedback" in no_feedback.value.message_dict
    assert submitted.state == State.IN_REVIEW


def test_an_expired_claim_can_be_taken_over(roles, submitted, lesson):
    mentor, lead = roles["mentor"], roles["lead"]
    services.claim(submitted, mentor)
    with pytest.raises(services.ReviewError) as busy:
        services.claim(submitted, lead)
    assert busy.value.code == "claimed"
    Submission.objects.filter(pk=submitted.pk).update(
        claim_expires_at=timezone.now() - timedelta(seconds=1)
    )
    submitted.refresh_from_db()
    services.claim(submitted, lead)
    assert submitted.claimed_by == lead
    # The first mentor's late decision is refused: the claim moved on.
    with pytest.raises(services.ReviewError):
        services.decide(submitted, mentor, "approve", levels=all_levels(lesson), feedback="ok")


def test_a_mentor_may_finish_an_expired_claim_nobody_took(roles, submitted, lesson):
    mentor = roles["mentor"]
    services.claim(submitted, mentor)
    Submission.objects.filter(pk=submitted.pk).update(
        claim_expires_at=timezone.now() - timedelta(minutes=5)
    )
    submitted.refresh_from_db()
    services.decide(submitted, mentor, "approve", levels=all_levels(lesson), feedback="ممتاز")
    assert submitted.state == State.APPROVED


def test_an_assignment_without_mentor_review_is_approved_on_hand_in(roles, course):
    lesson = make_lesson(mentor=False, hand_in=("text",), parent=course)
    submission = hand_in(roles["learner"], lesson, link=None)
    assert submission.state == State.APPROVED
    assert events(submission)[-1] == ("auto_approve", "submitted", "approved")


def test_hand_in_needs_every_requested_part(roles, file_lesson):
    assignment = assignment_of(file_lesson)
    submission = services.start_submission(roles["learner"], assignment, "ar")
    services.save_draft(submission, text="نص فقط", assignment=assignment)
    with pytest.raises(ValidationError) as missing:
        services.submit(submission, roles["learner"], assignment=assignment)
    assert set(missing.value.message_dict) == {"link", "file"}
    assert Submission.objects.get(pk=submission.pk).state == State.DRAFT


def test_hand_in_needs_an_enrolment(roles, lesson):
    from learning.models import Enrolment

    Enrolment.objects.filter(user=roles["learner"]).delete()
    with pytest.raises(services.ReviewError) as refused:
        services.start_submission(roles["learner"], assignment_of(lesson), "ar")
    assert refused.value.code == "not_enrolled"


def test_one_definition_of_the_limits_serves_the_form_the_api_and_the_service():
    from mentoring import limits
    from mentoring.api.common import DecisionIn, DraftIn, SnippetIn
    from mentoring.forms import DraftForm, ReviewForm
    from mentoring.models import FeedbackSnippet

    schema = DecisionIn.model_json_schema()["properties"]
    assert schema["reason"]["maxLength"] == limits.MAX_REASON_LENGTH
    assert schema["feedback"]["maxLength"] == limits.MAX_FEEDBACK_LENGTH
    assert ReviewForm.base_fields["reason"].max_length == limits.MAX_REASON_LENGTH
    assert ReviewForm.base_fields["feedback"].max_length == limits.MAX_FEEDBACK_LENGTH
    draft = DraftIn.model_json_schema()["properties"]
    assert draft["text"]["anyOf"][0]["maxLength"] == limits.MAX_TEXT_LENGTH
    assert DraftForm.base_fields["text"].max_length == limits.MAX_TEXT_LENGTH
    assert DraftForm.base_fields["link"].max_length == limits.MAX_LINK_LENGTH
    snippet = SnippetIn.model_json_schema()["properties"]
    assert snippet["title"]["maxLength"] == FeedbackSnippet._meta.get_field("title").max_length
    assert snippet["title"]["minLength"] == limits.MIN_SNIPPET_TITLE_LENGTH

"""Learners' work outlives the pages it was done on.

Deleting a lesson, its course or one translation of it keeps every submission, version,
review, event and stored file, the cohorts and the enrolment; where the lesson is gone
in every language the pages say so instead of failing.
"""

from pathlib import Path

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from learning.models import Enrolment
from mentoring import services
from mentoring.models import (
    Cohort,
    CohortMembership,
    Review,
    Submission,
    SubmissionEvent,
    SubmissionVersion,
)
from mentoring.states import State
from tests.factories.cms import locale
from tests.mentoring.helpers import KHAMSAT_SERVICE, PASSWORD, all_levels, assignment_of

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def removed(text):
    with translation.override("ar"):
        return gettext(text)


@pytest.fixture
def reviewed_work(roles, file_lesson, settings):
    """Version 1 with a file, reviewed (changes asked); version 2 waiting for review."""
    learner, mentor = roles["learner"], roles["mentor"]
    assignment = assignment_of(file_lesson)
    submission = services.start_submission(learner, assignment, "ar")
    upload = SimpleUploadedFile("proposal.pdf", PDF, content_type="application/pdf")
    services.save_draft(
        submission, text="النسخة الأولى", upload=upload, link=KHAMSAT_SERVICE, assignment=assignment
    )
    services.submit(submission, learner, assignment=assignment)
    services.claim(submission, mentor)
    services.decide(
        submission, mentor, "request_changes", levels=all_levels(file_lesson, 0), feedback="وضّح"
    )
    services.save_draft(submission, text="النسخة الثانية", assignment=assignment)
    services.submit(submission, learner, assignment=assignment)
    submission.refresh_from_db()
    assert submission.state == State.RESUBMITTED
    stored = Path(settings.BIDAYA_PRIVATE_MEDIA_ROOT) / submission.versions.get(number=1).file.name
    assert stored.read_bytes() == PDF
    return submission, stored


def counts(submission):
    return (
        SubmissionVersion.objects.filter(submission=submission, number__isnull=False).count(),
        Review.objects.filter(submission=submission).count(),
        SubmissionEvent.objects.filter(submission=submission).count(),
    )


def mentor_client(client, roles):
    client.login(username="mentor@example.com", password=PASSWORD)
    return client


def assert_everything_kept(submission, stored, before, roles):
    assert Submission.objects.filter(pk=submission.pk).exists()
    assert counts(submission) == before == (2, 1, before[2])
    assert stored.read_bytes() == PDF
    version = SubmissionVersion.objects.get(submission=submission, number=1)
    assert version.file_name == "proposal.pdf"
    assert Review.objects.get(submission=submission).feedback.startswith("وضّح")
    assert Enrolment.objects.filter(user=roles["learner"]).exists()
    assert CohortMembership.objects.filter(learner=roles["learner"]).exists()


def test_deleting_the_lesson_keeps_every_version_review_and_file(
    client, roles, reviewed_work, file_lesson
):
    submission, stored = reviewed_work
    before = counts(submission)
    file_lesson.delete()

    assert_everything_kept(submission, stored, before, roles)
    submission.refresh_from_db()
    assert submission.lesson_id is None and submission.state == State.RESUBMITTED

    client = mentor_client(client, roles)
    queue = client.get("/ar/mentor/")
    assert queue.status_code == 200
    assert "data-lesson-removed" in queue.content.decode()
    page = client.get(reverse("mentoring:mentor-submission", args=[submission.uuid]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "data-lesson-removed" in html and removed("This lesson was removed.") in html
    assert "النسخة الأولى" in html and "النسخة الثانية" in html and "وضّح" in html
    assert 'name="decision"' not in html  # nothing left to score it against
    version = submission.versions.get(number=1)
    download = client.get(reverse("mentoring:submission-file", args=[version.uuid]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PDF

    # Claiming is refused with the reason; the work waits untouched.
    client.post(reverse("mentoring:mentor-claim", args=[submission.uuid]))
    submission.refresh_from_db()
    assert submission.state == State.RESUBMITTED and submission.claimed_by_id is None

    api = client.get("/api/v1/review/queue")
    assert api.status_code == 200
    assert api.json()[0]["lesson_removed"] is True


def test_deleting_the_course_keeps_the_work_cohorts_and_enrolment(
    client, roles, reviewed_work, course
):
    submission, stored = reviewed_work
    before = counts(submission)
    course.delete()

    assert_everything_kept(submission, stored, before, roles)
    assert Cohort.objects.filter(pk=roles["cohort_a"].pk, course__isnull=True).exists()

    client = mentor_client(client, roles)
    html = client.get("/ar/mentor/").content.decode()
    assert removed("This course was removed.") in html
    assert (
        client.get(reverse("mentoring:mentor-submission", args=[submission.uuid])).status_code
        == 200
    )

    client.logout()
    client.login(username="learner@example.com", password=PASSWORD)
    dashboard = client.get("/ar/dashboard/").content.decode()
    assert "data-course-removed" in dashboard
    assert removed("This course was removed.") in dashboard
    mine = client.get(f"/api/v1/submissions/{submission.uuid}")
    assert mine.status_code == 200
    body = mine.json()
    assert body["lesson_id"] is None and body["lesson_removed"] is True
    assert [v["number"] for v in body["versions"]] == [2, 1]
    assert body["versions"][1]["review"]["decision"] == "request_changes"


def test_deleting_one_translation_keeps_the_work_reviewable_in_the_other(
    client, roles, reviewed_work, file_lesson
):
    submission, stored = reviewed_work
    english = file_lesson.copy_for_translation(locale("en"), copy_parents=True)
    english.title = "Write your service's proposal"
    english.save_revision().publish()
    before = counts(submission)
    levels = all_levels(file_lesson)

    file_lesson.delete()  # the Arabic page the work was handed in on

    assert_everything_kept(submission, stored, before, roles)
    client = mentor_client(client, roles)
    html = client.get(
        reverse("mentoring:mentor-submission", args=[submission.uuid])
    ).content.decode()
    assert "Write your service&#x27;s proposal" in html
    assert "data-lesson-removed" not in html

    submission.refresh_from_db()
    services.claim(submission, roles["mentor"])
    review = services.decide(
        submission, roles["mentor"], "approve", levels=levels, feedback="ممتاز"
    )
    assert review.version.number == 2
    assert Review.objects.filter(submission=submission).count() == 2

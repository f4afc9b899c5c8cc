"""The learner's workspace, the mentor's pages, snippets, notices and the API, end to end
through HTTP (the rules themselves are tested in test_states and test_uploads)."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring import services
from mentoring.cohorts import place_in_open_cohort
from mentoring.models import CohortMembership, FeedbackSnippet, Intake, Review, Submission
from notifications.models import Notice, NotificationPreference
from tests.cms.conftest import make_site_root
from tests.mentoring.helpers import KHAMSAT_SERVICE, PASSWORD, all_levels, make_user

PDF = b"%PDF-1.4\n%%EOF\n"


def workspace(lesson):
    return reverse(
        "mentoring:assignment-submit",
        kwargs={"lesson_id": lesson.pk, "assignment_id": lesson.assignment_id},
    )


def test_draft_then_hand_in_from_the_workspace(client, roles, file_lesson, settings):
    client.login(username="learner", password=PASSWORD)
    url = workspace(file_lesson)
    assert client.get(url).status_code == 200
    saved = client.post(
        url,
        {
            "text": "مسودة أولى",
            "link": KHAMSAT_SERVICE,
            "file": SimpleUploadedFile("عرض.pdf", PDF),
            "action": "save",
        },
    )
    assert saved.status_code == 302
    submission = Submission.objects.get()
    assert submission.state == "draft"
    page = client.get(url).content.decode()
    assert "مسودة أولى" in page and "عرض.pdf" in page
    # Hand in without touching the file: the draft's file goes with it.
    handed = client.post(
        url, {"text": "النسخة النهائية", "link": KHAMSAT_SERVICE, "action": "submit"}
    )
    assert handed.status_code == 302
    submission.refresh_from_db()
    assert submission.state == "submitted"
    version = submission.versions.get(number=1)
    assert (version.text, version.file_name) == ("النسخة النهائية", "عرض.pdf")


def test_a_wrong_marketplace_link_is_explained_and_the_text_kept(client, roles, lesson):
    client.login(username="learner", password=PASSWORD)
    response = client.post(
        workspace(lesson),
        {"text": "نصي المهم", "link": "https://khamsat.com.evil.example/x", "action": "submit"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "نصي المهم" in page and "khamsat.com" in page
    assert not Submission.objects.filter(state="submitted").exists()


def test_a_refused_hand_in_says_the_draft_was_kept(client, roles, file_lesson):
    """A hand-in that lacks a part is refused after its draft was saved: the page says
    the draft is kept (not "nothing was saved"), and it is."""
    client.login(username="learner", password=PASSWORD)
    response = client.post(
        workspace(file_lesson),
        {"text": "نص بلا ملف", "link": KHAMSAT_SERVICE, "action": "submit"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "حُفظت مسودتك، لكن لا يمكن تسليمها بعد" in page
    assert "لم يُحفظ شيء" not in page
    submission = Submission.objects.get()
    assert submission.state == "draft"
    assert services.current_draft(submission).text == "نص بلا ملف"


def test_the_lesson_form_cannot_overwrite_existing_work(client, roles, submitted, lesson):
    client.login(username="learner", password=PASSWORD)
    response = client.post(workspace(lesson), {"text": "", "link": ""})  # no action: lesson form
    assert response.status_code == 302
    submitted.refresh_from_db()
    assert submitted.versions.get(number=1).text.startswith("عرضي")
    assert not submitted.versions.filter(number__isnull=True).exists()


def test_the_lesson_page_links_to_the_work_instead_of_an_empty_form(
    client, roles, submitted, lesson
):
    make_site_root(lesson.get_ancestors().get(depth=2).specific)
    client.login(username="learner", password=PASSWORD)
    page = client.get(lesson.url).content.decode()
    assert 'data-assignment-state="submitted"' in page
    assert workspace(lesson) in page


def test_the_mentor_reviews_through_the_pages_with_snippets(client, roles, submitted, lesson):
    snippet = FeedbackSnippet.objects.create(
        mentor=roles["mentor"], language="ar", title="شكر", text="شكرا على جهدك."
    )
    client.login(username="mentor", password=PASSWORD)
    detail = reverse("mentoring:mentor-submission", args=[submitted.uuid])
    assert (
        reverse("mentoring:mentor-claim", args=[submitted.uuid])
        in client.get(detail).content.decode()
    )
    client.post(reverse("mentoring:mentor-claim", args=[submitted.uuid]))
    page = client.get(detail).content.decode()
    assert 'name="criterion_0"' in page and "شكر" in page
    # Missing scores: the form comes back with the feedback kept, nothing decided.
    incomplete = client.post(
        reverse("mentoring:mentor-review", args=[submitted.uuid]),
        {"decision": "approve", "feedback": "عمل جيد"},
    )
    assert incomplete.status_code == 400
    assert "عمل جيد" in incomplete.content.decode()
    done = client.post(
        reverse("mentoring:mentor-review", args=[submitted.uuid]),
        {
            "decision": "approve",
            "feedback": "عمل جيد",
            "criterion_0": "2",
            "criterion_1": "1",
            "snippets": [snippet.pk],
        },
    )
    assert done.status_code == 302
    review = Review.objects.get()
    assert review.feedback == "عمل جيد\n\nشكرا على جهدك."
    assert (review.points, review.max_points) == (7, 7)


def test_snippets_belong_to_their_mentor(client, roles):
    client.login(username="mentor", password=PASSWORD)
    created = client.post(
        reverse("mentoring:mentor-snippets"),
        {"title": "Price", "language": "en", "text": "State your price and your deadline."},
    )
    assert created.status_code == 302
    snippet = FeedbackSnippet.objects.get()
    assert snippet.mentor == roles["mentor"]
    client.logout()
    client.login(username="lead", password=PASSWORD)
    assert client.get(reverse("mentoring:mentor-snippet", args=[snippet.pk])).status_code == 404
    assert (
        client.post(
            reverse("mentoring:mentor-snippet", args=[snippet.pk]), {"delete": "1"}
        ).status_code
        == 404
    )
    assert FeedbackSnippet.objects.exists()
    client.logout()
    client.login(username="mentor", password=PASSWORD)
    client.post(reverse("mentoring:mentor-snippet", args=[snippet.pk]), {"delete": "1"})
    assert not FeedbackSnippet.objects.exists()


def test_notices_list_open_and_preferences(
    client, roles, submitted, lesson, django_capture_on_commit_callbacks
):
    services.claim(submitted, roles["mentor"])
    with django_capture_on_commit_callbacks(execute=True):
        services.decide(
            submitted, roles["mentor"], "approve", levels=all_levels(lesson), feedback="ممتاز"
        )
    client.login(username="learner", password=PASSWORD)
    page = client.get(reverse("notifications:notices")).content.decode()
    assert "اكتب عرضا لخدمتك" in page
    notice = Notice.objects.get(user=roles["learner"])
    opened = client.post(reverse("notifications:notice-open", args=[notice.pk]))
    assert opened["Location"] == workspace(lesson)
    notice.refresh_from_db()
    assert notice.read_at is not None
    client.post(
        reverse("notifications:notice-preferences"), {"language": "fr", "email_enabled": "on"}
    )
    assert NotificationPreference.objects.get(user=roles["learner"]).language == "fr"
    bad = client.post(reverse("notifications:notice-preferences"), {"language": "xx"})
    assert bad.status_code == 302
    assert NotificationPreference.objects.get(user=roles["learner"]).language == "fr"
    # Someone else's notice cannot be opened or marked.
    client.logout()
    client.login(username="otherlearner", password=PASSWORD)
    client.post(reverse("notifications:notice-open", args=[notice.pk]))
    assert Notice.objects.filter(user=roles["learner"], read_at__isnull=False).count() == 1


def test_the_api_road_from_draft_to_approval(client, roles, file_lesson):
    base = f"/api/v1/assignments/{file_lesson.pk}/{file_lesson.assignment_id}"
    client.login(username="learner", password=PASSWORD)
    assert client.get(f"{base}/submission").status_code == 404
    draft = client.put(
        f"{base}/draft", {"text": "عرضي", "link": KHAMSAT_SERVICE}, content_type="application/json"
    )
    assert draft.status_code == 200 and draft.json()["state"] == "draft"
    early = client.post(f"{base}/submission")
    assert early.status_code == 422
    assert [e["loc"][-1] for e in early.json()["errors"]] == ["file"]
    bad_file = client.post(f"{base}/draft/file", {"file": SimpleUploadedFile("x.pdf", b"MZ\x90")})
    assert bad_file.status_code == 422 and bad_file.json()["code"] == "invalid_input"
    good_file = client.post(f"{base}/draft/file", {"file": SimpleUploadedFile("x.pdf", PDF)})
    assert good_file.json()["draft"]["file_name"] == "x.pdf"
    handed = client.post(f"{base}/submission")
    assert handed.status_code == 200 and handed.json()["state"] == "submitted"
    again = client.post(f"{base}/submission")
    assert again.status_code == 409 and again.json()["code"] == "invalid_transition"
    sid = handed.json()["id"]

    client.logout()
    client.login(username="mentor", password=PASSWORD)
    decide = f"/api/v1/review/submissions/{sid}/reviews"
    body = {"decision": "approve", "levels": {"0": 2, "1": 1}, "feedback": "ممتاز"}
    unclaimed = client.post(decide, body, content_type="application/json")
    assert unclaimed.status_code == 409 and unclaimed.json()["code"] == "not_claimed"
    assert client.post(f"/api/v1/review/submissions/{sid}/claim").status_code == 200
    client.logout()
    client.login(username="lead", password=PASSWORD)
    taken = client.post(f"/api/v1/review/submissions/{sid}/claim")
    assert taken.status_code == 409 and taken.json()["code"] == "claimed"
    client.logout()
    client.login(username="mentor", password=PASSWORD)
    blank = client.post(
        decide,
        {"decision": "approve", "levels": {"0": 2, "1": 1}, "feedback": " "},
        content_type="application/json",
    )
    assert blank.status_code == 422  # the schema says feedback is not blank
    assert [e["loc"] for e in blank.json()["errors"]] == [["body", "data", "feedback"]]
    wrong = client.post(
        decide,
        {"decision": "approve", "levels": {"0": 7}, "feedback": "حسن"},
        content_type="application/json",
    )
    assert wrong.status_code == 422  # beyond this assignment's rubric
    assert {e["loc"][-1] for e in wrong.json()["errors"]} == {"scores"}
    approved = client.post(decide, body, content_type="application/json")
    assert approved.status_code == 201 and approved.json()["points"] == 7
    assert Submission.objects.get().state == "approved"


def test_malformed_api_input_is_a_4xx_never_a_500(client, roles, lesson):
    client.login(username="mentor", password=PASSWORD)
    for path in ("/api/v1/submissions/not-a-uuid", "/api/v1/review/submissions/123/claim"):
        assert client.get(path).status_code in (404, 405, 422)
    bad = client.post(
        "/api/v1/review/submissions/00000000-0000-0000-0000-000000000000/reviews",
        {"decision": "maybe"},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert client.get("/api/v1/review/queue?state=bogus").status_code == 422
    draft_url = f"/api/v1/assignments/{lesson.pk}/{lesson.assignment_id}/draft"
    huge = client.put(draft_url, {"text": "x" * 30000}, content_type="application/json")
    assert huge.status_code == 422  # over the one limit of a hand-in's text
    assert huge.json()["errors"][0]["loc"] == ["body", "data", "text"]
    fits = client.put(draft_url, {"text": "x" * 100}, content_type="application/json")
    assert fits.status_code == 403  # a mentor is not enrolled


def test_enrolling_places_the_learner_in_the_emptiest_open_cohort(
    roles, course, django_capture_on_commit_callbacks
):
    from learning.progress.enrolment import enrol

    cohort_a, cohort_b = roles["cohort_a"], roles["cohort_b"]
    cohort_a.capacity = 1  # already full with the learner
    cohort_a.save()
    newcomer = make_user("newcomer")
    with django_capture_on_commit_callbacks(execute=True):
        enrol(newcomer, course)
    assert CohortMembership.objects.get(learner=newcomer).cohort == cohort_b
    cohort_b.is_open = False
    cohort_b.save()
    late = make_user("late")
    # Every cohort closed or full, and the course's intake opens no new one.
    Intake.objects.create(course=course, open_new_cohorts=False)
    assert place_in_open_cohort(late, course.translation_key) is None
    # Placing again keeps the cohort the learner has.
    assert place_in_open_cohort(newcomer, course.translation_key).cohort == cohort_b

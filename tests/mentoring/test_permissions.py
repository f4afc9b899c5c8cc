"""The role × URL × object matrix: who gets what from every review page and endpoint.

Seven callers (anonymous, the learner, another learner, a mentor of another cohort,
the learner's mentor, a lead mentor of the course, an editor) against every HTML view,
file download and API endpoint of the feature, on one learner's submission. Besides
the status, every response is searched for the learner's secret text: it must appear
exactly where access is allowed.
"""

import json

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mentoring import services
from tests.mentoring.helpers import PASSWORD, all_levels, assignment_of, make_lesson

SECRET = "سر-العرض-7731"
ROLES = ["anonymous", "learner", "other_learner", "other_mentor", "mentor", "lead", "editor"]
PDF = b"%PDF-1.4\n" + SECRET.encode() + b"\n%%EOF\n"


@pytest.fixture
def world(roles, file_lesson, khamsat, course):
    """The learner's handed-in work (text, link, file) and an unsubmitted draft file."""
    learner = roles["learner"]
    assignment = assignment_of(file_lesson)
    submission = services.start_submission(learner, assignment, "ar")
    services.save_draft(
        submission,
        text=f"عرضي {SECRET}",
        link="https://khamsat.com/programming/1-service",
        upload=SimpleUploadedFile("عرض.pdf", PDF),
        assignment=assignment,
    )
    services.submit(submission, learner, assignment=assignment)
    version = submission.versions.get(number=1)
    draft_lesson = make_lesson(khamsat, hand_in=("text", "file"), parent=course)
    draft_assignment = assignment_of(draft_lesson)
    draft_submission = services.start_submission(learner, draft_assignment, "ar")
    draft = services.save_draft(
        draft_submission,
        text=f"مسودة {SECRET}",
        upload=SimpleUploadedFile("مسودة.pdf", PDF),
        assignment=draft_assignment,
    )
    return {
        "submission": submission,
        "version": version,
        "draft": draft,
        "lesson": file_lesson,
        "roles": roles,
    }


def api(path):
    return f"/api/v1{path}"


def endpoints(w):
    s, lesson = w["submission"], w["lesson"]
    sid = s.uuid
    decision = {"decision": "approve", "levels": all_levels(lesson), "feedback": "جيد"}
    review_form = {"decision": "approve", "feedback": "جيد", "criterion_0": "2", "criterion_1": "1"}
    workspace = reverse(
        "mentoring:assignment-submit",
        kwargs={"lesson_id": lesson.pk, "assignment_id": lesson.assignment_id},
    )
    return {
        "queue": ("get", reverse("mentoring:mentor-queue"), None),
        "detail": ("get", reverse("mentoring:mentor-submission", args=[sid]), None),
        "claim": ("post", reverse("mentoring:mentor-claim", args=[sid]), {}),
        "release": ("post", reverse("mentoring:mentor-release", args=[sid]), {}),
        "review": ("post", reverse("mentoring:mentor-review", args=[sid]), review_form),
        "file": ("get", reverse("mentoring:submission-file", args=[w["version"].uuid]), None),
        "draft_file": ("get", reverse("mentoring:submission-file", args=[w["draft"].uuid]), None),
        "workspace": ("get", workspace, None),
        "api_submission": ("get", api(f"/submissions/{sid}"), None),
        "api_mine": (
            "get",
            api(f"/assignments/{lesson.pk}/{lesson.assignment_id}/submission"),
            None,
        ),
        "api_queue": ("get", api("/review/queue"), None),
        "api_claim": ("post", api(f"/review/submissions/{sid}/claim"), {}),
        "api_release": ("post", api(f"/review/submissions/{sid}/release"), {}),
        "api_decide": ("post", api(f"/review/submissions/{sid}/reviews"), decision),
        "api_snippets": ("get", api("/review/snippets"), None),
    }


# status per role, in ROLES order:
#  anonymous, learner, other_learner, other_mentor, mentor, lead, editor
L = "login"  # redirect to the login page
MATRIX = {
    "queue": (L, 403, 403, 200, 200, 200, 403),
    "detail": (L, 403, 403, 404, 200, 200, 403),
    "claim": (L, 403, 403, 404, 302, 302, 403),
    "release": (L, 403, 403, 404, 302, 302, 403),
    "review": (L, 403, 403, 404, 302, 302, 403),
    "file": (L, 200, 404, 404, 200, 200, 404),
    "draft_file": (L, 200, 404, 404, 404, 404, 404),
    "workspace": (L, 200, 200, 200, 200, 200, 200),
    "api_submission": (401, 200, 404, 404, 200, 200, 404),
    "api_mine": (401, 200, 404, 404, 404, 404, 404),
    "api_queue": (401, 403, 403, 200, 200, 200, 403),
    "api_claim": (401, 404, 404, 404, 200, 200, 404),
    "api_release": (401, 404, 404, 404, 409, 409, 404),
    "api_decide": (401, 404, 404, 404, 409, 409, 404),
    "api_snippets": (401, 404, 404, 200, 200, 200, 404),
}
# Where the secret text may appear in the body (page, JSON or file bytes).
SEES_SECRET = {
    "detail": {"mentor", "lead"},
    "file": {"learner", "mentor", "lead"},
    "draft_file": {"learner"},
    "workspace": {"learner"},
    "api_submission": {"learner", "mentor", "lead"},
    "api_mine": {"learner"},
    "api_claim": {"mentor", "lead"},
}
# Listings that must name the learner's work for these roles, and only them.
LISTS_IT = {"queue": {"mentor", "lead"}, "api_queue": {"mentor", "lead"}}


def body_of(response):
    if hasattr(response, "streaming_content"):
        return b"".join(response.streaming_content)
    if response.get("Content-Type", "").startswith(("application/json", "application/problem")):
        # JSON escapes Arabic; compare the decoded text.
        return json.dumps(response.json(), ensure_ascii=False).encode()
    return response.content


CASES = [(name, role) for name in MATRIX for role in ROLES]


@pytest.mark.parametrize(("name", "role"), CASES, ids=[f"{n}-{r}" for n, r in CASES])
def test_matrix(client, world, name, role):
    if role != "anonymous":
        client.login(username=world["roles"][role].username, password=PASSWORD)
    method, url, data = endpoints(world)[name]
    if method == "get":
        response = client.get(url)
    elif url.startswith("/api/"):
        response = client.post(url, data=data, content_type="application/json")
    else:
        response = client.post(url, data)
    expected = MATRIX[name][ROLES.index(role)]
    if expected == L:
        assert response.status_code == 302
        assert reverse("account_login") in response["Location"]
        return
    assert response.status_code == expected, body_of(response)[:500]
    body = body_of(response).decode("utf-8", "replace")
    assert (SECRET in body) == (role in SEES_SECRET.get(name, set()))
    if name in LISTS_IT:
        listed = str(world["submission"].uuid) in body
        assert listed == (role in LISTS_IT[name])


def test_a_mentor_never_sees_a_learner_draft_through_the_api(client, world):
    client.login(username="mentor", password=PASSWORD)
    data = client.get(api(f"/submissions/{world['submission'].uuid}")).json()
    assert data["draft"] is None
    assert [v["number"] for v in data["versions"]] == [1]


def test_the_editor_manages_cohorts_but_a_mentor_cannot(client, world):
    # The Editors group got the cohort permissions from the review migration.
    client.login(username="editor", password=PASSWORD)
    listing = client.get(reverse("cohorts:index"))
    assert listing.status_code == 200
    assert "A (" in listing.content.decode() or ">A<" in listing.content.decode()
    assert client.get(reverse("cohorts:add")).status_code == 200
    client.logout()
    client.login(username="mentor", password=PASSWORD)
    assert client.get(reverse("cohorts:index")).status_code in (302, 403)

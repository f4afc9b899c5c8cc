"""A signed-in learner who is not enrolled is told "enrol to hand in" before she types,
and what she typed is never lost: handing it in enrols her and keeps it."""

from django.urls import reverse

from learning.models import Enrolment
from mentoring.models import Submission
from tests.cms.conftest import make_site_root
from tests.mentoring.helpers import KHAMSAT_SERVICE, PASSWORD, make_user


def workspace(lesson):
    return reverse(
        "mentoring:assignment-submit",
        kwargs={"lesson_id": lesson.pk, "assignment_id": lesson.assignment_id},
    )


def test_the_lesson_page_says_enrol_to_hand_in_before_the_form(client, roles, lesson, course):
    make_site_root(lesson.get_ancestors().get(depth=2).specific)
    make_user("newcomer")
    client.login(username="newcomer", password=PASSWORD)
    page = client.get(lesson.url).content.decode()
    notice = page.index("data-enrol-to-hand-in")
    assert notice < page.index('name="text"')
    assert reverse("learning:enrol", args=[course.pk]) in page[notice - 200 : notice + 200]
    # An enrolled learner sees no such notice.
    client.login(username="learner", password=PASSWORD)
    assert "data-enrol-to-hand-in" not in client.get(lesson.url).content.decode()


def test_handing_in_from_the_lesson_page_enrols_and_keeps_the_text(client, roles, lesson):
    newcomer = make_user("newcomer")
    client.login(username="newcomer", password=PASSWORD)
    response = client.post(
        workspace(lesson), {"text": "عرضي الذي كتبته قبل التسجيل", "link": KHAMSAT_SERVICE}
    )
    assert response.status_code == 302
    assert Enrolment.objects.active().filter(user=newcomer).count() == 1
    submission = Submission.objects.get(learner=newcomer)
    assert submission.state == "submitted"
    assert submission.versions.get(number=1).text == "عرضي الذي كتبته قبل التسجيل"


def test_the_workspace_lets_a_newcomer_type_and_save_a_draft(client, roles, lesson):
    newcomer = make_user("newcomer")
    client.login(username="newcomer", password=PASSWORD)
    page = client.get(workspace(lesson)).content.decode()
    assert "data-enrol-to-hand-in" in page and 'name="text"' in page
    saved = client.post(workspace(lesson), {"text": "مسودة", "action": "save"})
    assert saved.status_code == 302
    assert Enrolment.objects.active().filter(user=newcomer).exists()
    assert Submission.objects.get(learner=newcomer).state == "draft"


def test_the_mentor_queue_shows_the_name_the_learner_chose(client, roles, submitted):
    from credentials.models import LearnerProfile

    LearnerProfile.objects.create(user=roles["learner"], display_name_ar="عفاف المختارة")
    client.login(username="mentor", password=PASSWORD)
    page = client.get(reverse("mentoring:mentor-queue")).content.decode()
    assert "عفاف المختارة" in page

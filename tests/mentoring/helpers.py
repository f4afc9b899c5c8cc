"""Builders shared by the review tests."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from mentoring import services
from tests.factories.courses import LessonPageFactory, _item, assignment_block

PASSWORD = "saffron-Lantern-93"
KHAMSAT_SERVICE = "https://khamsat.com/programming/123456-arabize-wordpress-theme"


def criterion(name, levels):
    return _item(
        {
            "criterion": name,
            "description": "",
            "levels": [
                _item({"label": label, "description": "", "points": points})
                for label, points in levels
            ],
        }
    )


RUBRIC = [
    criterion("وضوح العرض", [("ضعيف", 0), ("جيد", 3), ("ممتاز", 5)]),
    criterion("رابط الخدمة", [("غائب", 0), ("صحيح", 2)]),
]


def make_lesson(khamsat=None, hand_in=("text", "link"), mentor=True, parent=None):
    block = assignment_block(mentor=mentor, rubric=RUBRIC, hand_in=hand_in)
    block["value"]["title"] = "اكتب عرضا لخدمتك"
    block["value"]["link_marketplace"] = khamsat.pk if khamsat else None
    extra = {"parent": parent} if parent is not None else {}
    lesson = LessonPageFactory(body=[block], **extra)
    lesson.assignment_id = block["id"]
    return lesson


def make_user(name, groups=()):
    user = get_user_model().objects.create_user(
        username=name, email=f"{name}@example.com", password=PASSWORD, first_name=name.title()
    )
    for group in groups:
        user.groups.add(Group.objects.get_or_create(name=group)[0])
    return user


def assignment_of(lesson):
    return services.find_assignment(lesson, lesson.assignment_id)


def hand_in(user, lesson, text="عرضي لخدمة تعريب القوالب", link=KHAMSAT_SERVICE, language="ar"):
    """Draft and submit through the services; return the submission."""
    assignment = assignment_of(lesson)
    submission = services.start_submission(user, assignment, language)
    services.save_draft(submission, text=text, link=link, assignment=assignment)
    services.submit(submission, user, assignment=assignment)
    submission.refresh_from_db()
    return submission


def all_levels(lesson, level=-1):
    """Every criterion scored at its top level (or at ``level``)."""
    rubric = assignment_of(lesson).rubric()
    return {i: (len(c["levels"]) - 1 if level == -1 else level) for i, c in enumerate(rubric)}

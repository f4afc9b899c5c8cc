"""Times on the pages are shown in the reader's time zone: the profile's, else the
browser's (the cookie static/js/timezone.js sets), else the server's."""

from datetime import UTC, datetime

import pytest
from freezegun import freeze_time

from django.test import Client

from wagtail.users.models import UserProfile

from tests.learning.test_quizzes import wrong_answers

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)


def next_attempt_line(learner, course, quiz_id, cookie=None):
    """The result page of a failed attempt, which says when the next one may start."""
    client = Client()
    client.force_login(learner)
    if cookie is not None:
        client.cookies["bidaya_tz"] = cookie
    lesson = course.quiz_lesson
    form = {f"question-{q}": c for q, c in wrong_answers(lesson, quiz_id).items()}
    with freeze_time(START):
        response = client.post(f"/ar/learn/lessons/{lesson.pk}/quizzes/{quiz_id}/", form)
        html = client.get(response["Location"]).content.decode()
    return html


@pytest.mark.django_db
class TestReaderTimeZone:
    def test_the_browsers_zone(self, learner, course, enrolled, quiz_id):
        # The quiz asks to wait 10 minutes: 09:10 UTC is 12:10 in Riyadh.
        html = next_attempt_line(learner, course, quiz_id, cookie="Asia/Riyadh")
        assert "12:10" in html
        assert "09:10" not in html

    def test_the_profiles_zone_comes_first(self, learner, course, enrolled, quiz_id):
        UserProfile.objects.create(user=learner, current_time_zone="Asia/Tokyo")
        html = next_attempt_line(learner, course, quiz_id, cookie="Asia/Riyadh")
        assert "18:10" in html

    def test_a_changed_profile_shows_at_once(self, learner, course, enrolled, quiz_id):
        profile = UserProfile.objects.create(user=learner, current_time_zone="Asia/Tokyo")
        client = Client()
        client.force_login(learner)
        client.get("/ar/dashboard/")  # the profile's zone is now cached
        profile.current_time_zone = "Asia/Riyadh"
        profile.save()
        assert "12:10" in next_attempt_line(learner, course, quiz_id)

    @pytest.mark.parametrize("cookie", ["../../etc/passwd", "Mars/Olympus", "x" * 300, ""])
    def test_anything_else_is_the_servers_zone(self, learner, course, enrolled, quiz_id, cookie):
        html = next_attempt_line(learner, course, quiz_id, cookie=cookie)
        assert "09:10" in html

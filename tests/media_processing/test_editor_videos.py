"""Editors and Moderators handle lesson videos themselves (permissions from the data
migration), and an empty video chooser says why it is empty."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from wagtail.users.models import UserProfile

from media_processing.models import Video
from tests.factories.media import VideoFactory

pytestmark = pytest.mark.django_db


def member_of(group_name):
    user = get_user_model().objects.create_user(
        group_name.lower(), f"{group_name.lower()}@example.com", "pw"
    )
    user.groups.add(Group.objects.get(name=group_name))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client = Client()
    client.force_login(user)
    return user, client


def chooser_html(client):
    response = client.get("/admin/video-chooser/")
    assert response.status_code == 200
    return response.json()["html"]


@pytest.mark.parametrize("group_name", ["Editors", "Moderators"])
def test_editors_and_moderators_upload_edit_and_choose_videos(group_name, dummy_tasks):
    user, client = member_of(group_name)
    assert "There are no videos yet. Upload one under Videos" in chooser_html(client)

    upload = SimpleUploadedFile("lesson.mp4", b"\x00" * 4096, content_type="video/mp4")
    response = client.post("/admin/videos/new/", {"title": "Lesson one", "file": upload})
    assert response.status_code == 302
    video = Video.objects.get(title="Lesson one")
    assert video.uploaded_by_user == user

    other = VideoFactory(title="Someone else's", ready=True)
    response = client.post(f"/admin/videos/edit/{other.pk}/", {"title": "Renamed"})
    assert response.status_code == 302
    assert Video.objects.get(pk=other.pk).title == "Renamed"

    html = chooser_html(client)
    assert "Renamed" in html and "Lesson one" in html
    chosen = client.get(f"/admin/video-chooser/chosen/{other.pk}/").json()
    assert chosen["result"]["id"] == str(other.pk)


def test_a_chooser_without_permission_says_so():
    user = get_user_model().objects.create_user("page-only", "page-only@example.com", "pw")
    group = Group.objects.create(name="Page editors")
    group.permissions.add(*Group.objects.get(name="Editors").permissions.all())
    user.groups.add(group)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "en"})
    VideoFactory(title="Hidden", ready=True)
    client = Client()
    client.force_login(user)
    html = chooser_html(client)
    assert "Hidden" not in html
    assert "You may not choose videos yet" in html


def test_a_chooser_with_only_failed_videos_says_so():
    _user, client = member_of("Editors")
    VideoFactory(title="Broken", status=Video.Status.FAILED, error_code="corrupt")
    assert "failed to process" in chooser_html(client)

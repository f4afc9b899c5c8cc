"""The video library in the Wagtail admin: listing, upload, detail, retry, captions, delete."""

from datetime import timedelta

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import timezone

from wagtail.models import Collection, GroupCollectionPermission
from wagtail.users.models import UserProfile

from media_processing import storage
from media_processing.models import Caption, Video
from tests.factories.media import VideoFactory
from tests.media_processing.conftest import transcodes

pytestmark = pytest.mark.django_db

VTT = "WEBVTT\n\n00:00:00.000 --> 00:00:02.500\nأهلا بكم في الدرس الأول\n"


def english(user):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def editor(admin_user):
    return english(admin_user)


@pytest.fixture
def client_for(db):
    def login(user):
        client = Client()
        client.force_login(user)
        return client

    return login


@pytest.fixture
def admin(client_for, editor):
    return client_for(editor)


def collection_user(username, collection, codenames):
    """A non-superuser editor whose rights come from a collection, as images' do."""
    user = get_user_model().objects.create_user(username, f"{username}@example.com", "pw")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        GroupCollectionPermission.objects.create(
            group=group,
            collection=collection,
            permission=Permission.objects.get(
                codename=codename, content_type__app_label="media_processing"
            ),
        )
    user.groups.add(group)
    return english(user)


def upload(name="clip.mp4", size=4096):
    return SimpleUploadedFile(
        name, b"\x00\x00\x00\x18ftypmp42" + b"x" * (size - 12), content_type="video/mp4"
    )


def test_listing_shows_status_and_progress(admin):
    VideoFactory(title="Ready lesson", ready=True)
    VideoFactory(title="Busy lesson", status=Video.Status.PROCESSING, progress=42,
                 lease_expires_at=timezone.now() + timedelta(minutes=5))  # fmt: skip
    VideoFactory(title="Broken lesson", status=Video.Status.FAILED, error_code="truncated")
    response = admin.get("/admin/videos/")
    assert response.status_code == 200
    html = response.content.decode()
    for title in ("Ready lesson", "Busy lesson", "Broken lesson"):
        assert title in html
    assert 'value="42"' in html and "42%" in html
    assert "video-status--failed" in html and "video-status--ready" in html
    assert "media_processing/js/video-status.js" in html


def test_listing_filters_by_status(admin):
    VideoFactory(title="Ready lesson", ready=True)
    VideoFactory(title="Broken lesson", status=Video.Status.FAILED, error_code="corrupt")
    html = admin.get("/admin/videos/?status=failed").content.decode()
    assert "Broken lesson" in html and "Ready lesson" not in html


def test_menu_has_a_videos_item(admin):
    html = admin.get("/admin/").content.decode()
    assert "/admin/videos/" in html and "Videos" in html


def test_upload_without_javascript(admin, editor, dummy_tasks, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post("/admin/videos/new/", {"title": "", "file": upload("درس أول.mp4")})
    video = Video.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/videos/inspect/{video.pk}/"
    assert video.title == "درس أول"
    assert video.original_filename == "درس أول.mp4"
    assert video.uploaded_by_user == editor
    assert video.status == Video.Status.UPLOADED
    assert default_storage.exists(video.file.name)
    [result] = [r for r in dummy_tasks.results if r.task.name == "transcode_video"]
    assert result.args == [video.pk]
    assert result.task.queue_name == "media"


def test_upload_with_javascript_gets_json(admin, dummy_tasks):
    response = admin.post(
        "/admin/videos/new/",
        {"title": "Pricing basics", "file": upload()},
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    video = Video.objects.get()
    assert response.json() == {"success": True, "redirect": f"/admin/videos/inspect/{video.pk}/"}


def test_upload_form_renders_progress_bar_and_limit(admin, settings):
    settings.BIDAYA_VIDEO_MAX_UPLOAD_BYTES = 500 * 1000 * 1000
    html = admin.get("/admin/videos/new/").content.decode()
    assert "data-video-upload-bar" in html
    assert 'data-max-bytes="500000000"' in html
    assert "500.0 MB" in html
    assert "media_processing/js/video-upload.js" in html
    assert "<script>" not in html.split("data-video-upload", 1)[1].split("</form>", 1)[0]


@pytest.mark.parametrize("xhr", [False, True])
def test_oversized_upload_is_refused_and_nothing_is_stored(admin, settings, dummy_tasks, xhr):
    settings.BIDAYA_VIDEO_MAX_UPLOAD_BYTES = 100_000
    extra = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"} if xhr else {}
    response = admin.post(
        "/admin/videos/new/", {"title": "Too big", "file": upload(size=300_000)}, **extra
    )
    assert Video.objects.count() == 0
    assert transcodes(dummy_tasks) == []
    assert not default_storage.exists("videos/originals")
    if xhr:
        assert response.status_code == 400
        assert "larger than 100 KB" in response.json()["errors"]["file"][0]
    else:
        assert response.status_code == 200
        assert "larger than 100 KB" in response.content.decode()


def test_empty_upload_is_refused(admin, dummy_tasks):
    response = admin.post("/admin/videos/new/", {"file": SimpleUploadedFile("e.mp4", b"")})
    assert response.status_code == 200
    assert Video.objects.count() == 0
    assert "empty" in response.content.decode().lower()


def test_upload_still_checks_csrf(editor):
    client = Client(enforce_csrf_checks=True)
    client.force_login(editor)
    response = client.post("/admin/videos/new/", {"title": "x", "file": upload()})
    assert response.status_code == 403
    assert Video.objects.count() == 0


def test_detail_shows_renditions_sizes_and_failure_reason(admin):
    video = VideoFactory(title="Ready lesson", ready=True)
    html = admin.get(f"/admin/videos/inspect/{video.pk}/").content.decode()
    assert 'data-rendition="240p"' in html and 'data-rendition="audio"' in html
    assert "4.4 MB" in html  # 280 kb/s for 125 s
    assert "Data saver (sound only)" in html
    assert "data-video-preview" in html and video.master_url in html

    failed = VideoFactory(
        status=Video.Status.FAILED, error_code="truncated", error_detail="partial file"
    )
    html = admin.get(f"/admin/videos/inspect/{failed.pk}/").content.decode()
    assert "The file is incomplete" in html
    assert "partial file" in html  # the technical detail, folded away for administrators
    assert "data-retry-button" in html


def test_retry_requeues_a_failed_video(admin, dummy_tasks, django_capture_on_commit_callbacks):
    video = VideoFactory(status=Video.Status.FAILED, error_code="internal", error_detail="boom")
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/admin/videos/retry/{video.pk}/")
    assert response.status_code == 302
    video.refresh_from_db()
    assert (video.status, video.error_code, video.error_detail) == (Video.Status.UPLOADED, "", "")
    assert transcodes(dummy_tasks) == [[video.pk]]


def test_retry_accepts_a_video_whose_worker_died(
    admin, dummy_tasks, django_capture_on_commit_callbacks
):
    video = VideoFactory(
        status=Video.Status.PROCESSING,
        progress=37,
        lease_token="dead-worker",
        lease_expires_at=timezone.now() - timedelta(seconds=5),
    )
    assert video.is_stale and video.can_retry
    html = admin.get(f"/admin/videos/inspect/{video.pk}/").content.decode()
    assert "stopped before finishing" in html
    with django_capture_on_commit_callbacks(execute=True):
        admin.post(f"/admin/videos/retry/{video.pk}/")
    assert transcodes(dummy_tasks) == [[video.pk]]


def test_retry_refuses_ready_and_busy_videos(admin, dummy_tasks):
    ready = VideoFactory(ready=True)
    busy = VideoFactory(
        status=Video.Status.PROCESSING, lease_expires_at=timezone.now() + timedelta(minutes=4)
    )
    for video in (ready, busy):
        admin.post(f"/admin/videos/retry/{video.pk}/")
    assert transcodes(dummy_tasks) == []
    assert Video.objects.get(pk=busy.pk).status == Video.Status.PROCESSING


def test_retry_needs_post(admin):
    video = VideoFactory(status=Video.Status.FAILED, error_code="internal")
    assert admin.get(f"/admin/videos/retry/{video.pk}/").status_code == 405


def post_caption(client, video, language="ar", text=VTT, name="captions.vtt"):
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return client.post(
        f"/admin/videos/inspect/{video.pk}/",
        {"language": language, "file": SimpleUploadedFile(name, data, content_type="text/vtt")},
    )


def test_caption_upload_and_delete(admin, django_capture_on_commit_callbacks):
    video = VideoFactory(ready=True)
    response = post_caption(admin, video)
    assert response.status_code == 302
    caption = Caption.objects.get(video=video)
    assert caption.language == "ar" and caption.label == "العربيّة"
    with default_storage.open(caption.file.name) as handle:
        assert handle.read().decode("utf-8") == VTT
    assert caption.url.endswith(".vtt")
    html = admin.get(f"/admin/videos/inspect/{video.pk}/").content.decode()
    assert caption.url in html and 'srclang="ar"' in html

    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/admin/videos/captions/{video.pk}/delete/{caption.pk}/")
    assert response.status_code == 302
    assert not Caption.objects.exists()
    assert not default_storage.exists(caption.file.name)


@pytest.mark.parametrize(
    ("language", "text", "message"),
    [
        ("ar", "1\n00:00:00,000 --> 00:00:02,000\nSRT\n", "must start with the word WEBVTT"),
        ("ar", "WEBVTT\n\nno cues here\n", "has no cues"),
        ("ar", "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\n".encode("utf-16"), "UTF-8"),
        ("de", VTT, "Select a valid choice"),
    ],
)
def test_bad_caption_files_are_refused(admin, language, text, message):
    video = VideoFactory(ready=True)
    response = post_caption(admin, video, language=language, text=text)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Caption.objects.exists()


def test_caption_size_limit_and_one_per_language(admin, settings):
    video = VideoFactory(ready=True)
    settings.BIDAYA_CAPTION_MAX_BYTES = 40
    response = post_caption(admin, video)
    assert response.status_code == 400 and "at most" in response.content.decode()
    settings.BIDAYA_CAPTION_MAX_BYTES = 1024 * 1024
    assert post_caption(admin, video).status_code == 302
    response = post_caption(admin, video)
    assert response.status_code == 400
    assert "already has captions in this language" in response.content.decode()
    assert Caption.objects.count() == 1


def test_delete_removes_every_stored_file(admin, django_capture_on_commit_callbacks, tmp_path):
    video = VideoFactory(ready=True)
    original = default_storage.save(video.file.name, SimpleUploadedFile("x.mp4", b"original"))
    Video.objects.filter(pk=video.pk).update(file=original)
    segment = default_storage.save(
        f"{video.hls_prefix}240p/seg_00000.m4s", SimpleUploadedFile("s", b"seg")
    )
    post_caption(admin, video)
    caption = Caption.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(f"/admin/videos/delete/{video.pk}/")
    assert response.status_code == 302
    assert not Video.objects.exists()
    for name in (original, segment, caption.file.name):
        assert not default_storage.exists(name)
    assert storage.list_prefix(video.hls_prefix) == []


def test_collection_permissions(client_for, dummy_tasks):
    root = Collection.get_first_root_node()
    team = root.add_child(name="Pricing team")
    other = root.add_child(name="Other team")
    uploader = collection_user("uploader", team, ["add_video"])
    chooser = collection_user("chooser", team, ["choose_video"])
    mine = VideoFactory(title="Team video", collection=team, uploaded_by_user=uploader, ready=True)
    theirs = VideoFactory(title="Other video", collection=other, ready=True)

    client = client_for(uploader)
    html = client.get("/admin/videos/").content.decode()
    assert "Team video" in html and "Other video" not in html
    assert client.get(f"/admin/videos/inspect/{mine.pk}/").status_code == 200
    assert client.get(f"/admin/videos/inspect/{theirs.pk}/").status_code in (302, 403)
    assert client.post(f"/admin/videos/retry/{theirs.pk}/").status_code in (302, 403)
    assert Video.objects.get(pk=theirs.pk).status == Video.Status.READY
    client.post("/admin/videos/new/", {"title": "Mine too", "file": upload()})
    assert Video.objects.get(title="Mine too").collection == team  # the only one allowed

    # Choosing needs "choose", not ownership; the chooser lists what may be chosen.
    client = client_for(chooser)
    html = client.get("/admin/video-chooser/").json()["html"]
    assert "Team video" in html and "Other video" not in html
    chosen = client.get(f"/admin/video-chooser/chosen/{mine.pk}/").json()
    assert chosen["result"]["id"] == str(mine.pk)
    assert client.get(f"/admin/video-chooser/chosen/{theirs.pk}/").status_code in (302, 403)


def test_chooser_hides_failed_videos(admin):
    VideoFactory(title="Good one", ready=True)
    VideoFactory(title="Bad one", status=Video.Status.FAILED, error_code="corrupt")
    html = admin.get("/admin/video-chooser/").json()["html"]
    assert "Good one" in html and "Bad one" not in html


def test_status_endpoint(admin):
    video = VideoFactory(status=Video.Status.PROCESSING, progress=63,
                         lease_expires_at=timezone.now() + timedelta(minutes=3))  # fmt: skip
    data = admin.get(f"/admin/videos/status/?id={video.pk}&id=999").json()["videos"]
    assert data == {
        str(video.pk): {"status": "processing", "label": "Processing", "progress": 63,
                        "stale": False, "error": ""}
    }  # fmt: skip
    assert admin.get("/admin/videos/status/?id=abc").status_code == 400


def test_group_permission_panel_lists_video_permissions(admin):
    html = admin.get("/admin/groups/new/").content.decode()
    assert "Video permissions" in html
    assert (
        "Put videos in lessons" in html and "Upload videos and edit the ones you uploaded" in html
    )


def test_edit_title(admin):
    video = VideoFactory(title="Old title", ready=True)
    assert admin.get(f"/admin/videos/edit/{video.pk}/").status_code == 200
    response = admin.post(f"/admin/videos/edit/{video.pk}/", {"title": "عنوان جديد"})
    assert response.status_code == 302
    assert response["Location"] == f"/admin/videos/inspect/{video.pk}/"
    video.refresh_from_db()
    assert video.title == "عنوان جديد" and video.status == Video.Status.READY

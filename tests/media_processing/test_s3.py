"""The pipeline against a real S3 API (moto's server over HTTP on loopback), read back as a
player would: over HTTP, from the public URLs the lesson pages use."""

import json
import urllib.error
import urllib.request

import pytest

from django.core.management import call_command

from media_processing import storage
from media_processing.models import Video
from media_processing.pipeline import process_video
from tests.media_processing.conftest import keys_under, s3_client, use_s3_storage
from tests.media_processing.helpers import check_published_ladder, fetch, ffprobe, video_streams

pytestmark = [pytest.mark.slow, pytest.mark.django_db]


def http_reader(video):
    def read(name):
        body, _headers = fetch(storage.public_url(name))
        return body

    return read


def headers_of(url):
    # GET, not HEAD: moto checks anonymous HEAD requests against a HeadObject action that
    # real S3 folds into s3:GetObject.
    _body, headers = fetch(url)
    return headers


def processed(make_video, media, kind, **kwargs):
    video = make_video(media.path(kind))
    process_video(video.pk, **kwargs)
    return Video.objects.get(pk=video.pk)


def test_full_ladder_is_published_with_types_and_cache_headers(s3, make_video, media, settings):
    video = processed(make_video, media, "hd")
    assert video.status == Video.Status.READY, video.error_detail
    assert video.master_url.startswith(s3.endpoint + "/")
    assert "X-Amz-Signature" not in video.master_url  # public: relative URIs must work

    rungs = ["240p", "360p", "480p", "720p"]
    playlists = check_published_ladder(video, http_reader(video), rungs)
    assert [(r.width, r.height) for r in video.video_renditions] == [
        (426, 240), (640, 360), (854, 480), (1280, 720)
    ]  # fmt: skip

    # ffmpeg, as a player, reads the whole ladder over HTTP from the master URL.
    probe = ffprobe(video.master_url)
    assert float(probe["format"]["duration"]) == pytest.approx(4.0, abs=0.5)
    sizes = {(s["width"], s["height"]) for s in video_streams(probe)}
    assert sizes == {(426, 240), (640, 360), (854, 480), (1280, 720)}

    prefix = video.hls_prefix
    master = headers_of(video.master_url)
    assert master["Content-Type"] == "application/vnd.apple.mpegurl"
    assert master["Cache-Control"] == "public, max-age=60"
    init, segments = playlists["720p"]
    segment = headers_of(storage.public_url(f"{prefix}720p/{segments[0][0]}"))
    assert segment["Content-Type"] == "video/iso.segment"
    assert segment["Cache-Control"] == "public, max-age=31536000, immutable"
    assert headers_of(storage.public_url(f"{prefix}720p/{init}"))["Content-Type"] == "video/mp4"
    assert headers_of(video.poster_url)["Content-Type"] == "image/jpeg"
    assert headers_of(video.download_url)["Content-Type"] == "video/mp4"

    # The player's origin may read it cross-origin; the original upload stays private.
    request = urllib.request.Request(video.master_url, headers={"Origin": settings.SITE_URL})  # noqa: S310
    with urllib.request.urlopen(request, timeout=30) as response:  # noqa: S310
        assert response.headers["Access-Control-Allow-Origin"] == settings.SITE_URL
    plain_original = f"{s3.endpoint}/{s3.bucket}/{video.file.name}"
    with pytest.raises(urllib.error.HTTPError) as denied:
        urllib.request.urlopen(plain_original, timeout=30)  # noqa: S310
    assert denied.value.code == 403


def test_portrait_video_reads_back_portrait_over_http(s3, make_video, media):
    video = processed(make_video, media, "rotated")
    assert video.status == Video.Status.READY, video.error_detail
    check_published_ladder(video, http_reader(video), ["240p", "360p"])
    for rendition in video.video_renditions:
        stream = video_streams(ffprobe(rendition.playlist_url))[0]
        assert stream["height"] > stream["width"]
        assert (stream["width"], stream["height"]) == (rendition.width, rendition.height)


class FailOnNthUpload:
    """Storage refusing the Nth object, as a full disk or an expired key would."""

    def __init__(self, real, n):
        self.real, self.n, self.calls = real, n, 0

    def __call__(self, *args, **kwargs):
        self.calls += 1
        if self.calls == self.n:
            raise OSError("storage refused the upload")
        return self.real(*args, **kwargs)


def test_failure_after_some_uploads_leaves_no_objects(s3, make_video, media, monkeypatch, work_dir):
    failing = FailOnNthUpload(storage.upload_file, n=8)
    monkeypatch.setattr(storage, "upload_file", failing)
    video = processed(make_video, media, "landscape")
    assert failing.calls >= 8  # some objects did reach the bucket before the failure
    assert video.status == Video.Status.FAILED
    assert video.error_code == "internal"
    assert "storage refused the upload" in video.error_detail
    assert keys_under(s3, f"videos/hls/{video.pk}/") == []
    assert keys_under(s3, "videos/originals/") == [video.file.name]
    assert list(work_dir.iterdir()) == []


def test_damaged_upload_on_s3_leaves_no_objects(s3, make_video, media):
    video = processed(make_video, media, "truncated")
    assert (video.status, video.error_code) == (Video.Status.FAILED, "truncated")
    assert keys_under(s3, "videos/hls/") == []


def test_retry_and_reprocessing_give_the_same_ladder(
    s3, make_video, media, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(storage, "upload_file", FailOnNthUpload(storage.upload_file, n=3))
    video = processed(make_video, media, "landscape")
    assert video.status == Video.Status.FAILED
    monkeypatch.undo()

    process_video(video.pk)  # the retry
    first = Video.objects.get(pk=video.pk)
    assert first.status == Video.Status.READY and first.attempts == 2
    first_ladder = [(r.name, r.width, r.height) for r in first.sorted_renditions]

    with django_capture_on_commit_callbacks(execute=True):
        process_video(video.pk, force=True)  # the same upload, transcoded again
    second = Video.objects.get(pk=video.pk)
    assert second.status == Video.Status.READY
    assert second.hls_prefix != first.hls_prefix
    assert [(r.name, r.width, r.height) for r in second.sorted_renditions] == first_ladder
    assert second.duration == pytest.approx(first.duration, abs=0.05)
    for old, new in zip(first.sorted_renditions, second.sorted_renditions, strict=True):
        assert new.bytes == pytest.approx(old.bytes, rel=0.02)
    # Only the current ladder remains in the bucket.
    published = keys_under(s3, f"videos/hls/{video.pk}/")
    assert published and all(key.startswith(second.hls_prefix) for key in published)


def test_caption_track_is_stored_as_webvtt(s3, make_video, media, admin_client):
    video = make_video(media.path("landscape"))
    response = admin_client.post(
        f"/admin/videos/inspect/{video.pk}/",
        {"language": "ar", "file": _vtt_upload("WEBVTT\n\n00:00:00.000 --> 00:00:02.000\nمرحبا\n")},
    )
    assert response.status_code == 302
    caption = video.captions.get()
    headers = headers_of(caption.url)
    assert headers["Content-Type"] == "text/vtt"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    body, _ = fetch(caption.url)
    assert body.decode("utf-8").startswith("WEBVTT")


def _vtt_upload(text):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("captions.vtt", text.encode("utf-8"), content_type="text/vtt")


def test_setup_storage_creates_bucket_cors_and_public_prefixes(settings, moto_server, capsys):
    bucket = "bidaya-setup-check"
    use_s3_storage(settings, moto_server, bucket)
    settings.CORS_ALLOWED_ORIGINS = ["https://cdn-player.example"]
    client = s3_client(moto_server)
    call_command("setup_storage")
    call_command("setup_storage")  # a second run changes nothing and does not fail
    client.head_bucket(Bucket=bucket)
    rule = client.get_bucket_cors(Bucket=bucket)["CORSRules"][0]
    assert sorted(rule["AllowedMethods"]) == ["GET", "HEAD"]
    assert sorted(rule["AllowedOrigins"]) == sorted(
        [settings.SITE_URL, "https://cdn-player.example"]
    )
    policy = json.loads(client.get_bucket_policy(Bucket=bucket)["Policy"])
    resources = policy["Statement"][0]["Resource"]
    assert f"arn:aws:s3:::{bucket}/videos/hls/*" in resources
    assert not any("originals" in resource for resource in resources)
    assert "Created bucket" in capsys.readouterr().out

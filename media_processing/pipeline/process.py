"""Original in storage → probe → one-decode HLS ladder → publish → ``ready``.

The worker shares no disk with the web process: it downloads the original into a
temporary folder, works there, uploads under a fresh prefix and removes the folder.
Every database write is conditional on the worker still holding the video's lease, so
a worker that lost it (it was presumed dead and another took over) cannot overwrite the
newer attempt's state.
"""

import logging
import os
import posixpath
import shutil
import tempfile
import time
import traceback
import uuid
from datetime import timedelta

import ffmpeg

from django.db import transaction
from django.utils import timezone

from .. import conf, signals, storage
from ..errors import LeaseLost, ProcessingFailed, VideoRejected
from ..models import Rendition, Video
from . import hls, ladder, probe
from .publish import FolderPublisher
from .runner import run_ffmpeg
from .segments import Joiner
from .timing import Stopwatch

logger = logging.getLogger(__name__)

STAGE_TRANSCODE = (3, 90)  # progress % while ffmpeg runs
WORKDIR_PREFIX = "bidaya-video-"
MEDIA_EXTENSIONS = {
    ".mp4", ".m4v", ".mov", ".mkv", ".webm", ".avi", ".3gp", ".ts", ".mts", ".mpg",
    ".mpeg", ".flv", ".wmv", ".ogv", ".ogg", ".mp3", ".m4a", ".aac", ".wav", ".flac",
    ".opus", ".amr", ".png", ".jpg", ".jpeg", ".webp", ".gif", ".heic",
}  # fmt: skip


def new_prefix(video):
    stamp = timezone.now().strftime("%Y%m%dT%H%M%S")
    return f"videos/hls/{video.pk}/{stamp}-{uuid.uuid4().hex[:8]}/"


class Attempt:
    """One worker's hold on one video: heartbeats, progress and conditional writes."""

    def __init__(self, video_id, token, prefix):
        self.video_id = video_id
        self.token = token
        self.prefix = prefix
        self.publisher = None
        self.info = None
        self._last_beat = 0.0

    def _mine(self):
        return Video.objects.filter(
            pk=self.video_id, lease_token=self.token, status=Video.Status.PROCESSING
        )

    def beat(self, progress=None, force=False):
        """Renew the lease (at most once a second) and record progress."""
        now = time.monotonic()
        if not force and now - self._last_beat < 1.0:
            return
        self._last_beat = now
        fields = {"lease_expires_at": timezone.now() + timedelta(seconds=conf.lease_seconds())}
        if progress is not None:
            fields["progress"] = max(0, min(99, int(progress)))
        if not self._mine().update(**fields):
            raise LeaseLost(self.video_id)

    def fail(self, code, params=None, detail=""):
        self._mine().update(
            status=Video.Status.FAILED,
            error_code=code,
            error_params=params or {},
            error_detail=(detail or "")[-8000:],
            progress=0,
            lease_token="",
            lease_expires_at=None,
            pending_prefix="",
            source_info=self.info.summary() if self.info else {},
            updated_at=timezone.now(),
        )


def claim(video_id, force=False):
    """Take the video for processing, or return None if it is done or someone else's."""
    with transaction.atomic():
        video = Video.objects.select_for_update().filter(pk=video_id).first()
        if video is None:
            return None
        if video.status == Video.Status.READY and not force:
            return None
        if video.status == Video.Status.PROCESSING and not video.is_stale:
            return None
        leftover = video.pending_prefix
        now = timezone.now()
        video.status = Video.Status.PROCESSING
        video.progress = 0
        video.error_code = ""
        video.error_params = {}
        video.error_detail = ""
        video.lease_token = uuid.uuid4().hex
        video.lease_expires_at = now + timedelta(seconds=conf.lease_seconds())
        video.processing_started_at = now
        video.attempts += 1
        video.pending_prefix = new_prefix(video)
        Video.objects.filter(pk=video.pk).update(
            status=video.status,
            progress=0,
            error_code="",
            error_params={},
            error_detail="",
            lease_token=video.lease_token,
            lease_expires_at=video.lease_expires_at,
            processing_started_at=now,
            attempts=video.attempts,
            pending_prefix=video.pending_prefix,
            updated_at=now,
        )
    if leftover and leftover != video.hls_prefix:
        # What a killed worker had uploaded before it died.
        storage.delete_prefix(leftover)
    return video, Attempt(video.pk, video.lease_token, video.pending_prefix)


def process_video(video_id, force=False, raise_errors=False):
    """Run the whole pipeline for one video; returns a small summary dict."""
    claimed = claim(video_id, force=force)
    if claimed is None:
        return {"video": video_id, "status": "skipped"}
    video, attempt = claimed
    root = conf.get("BIDAYA_VIDEO_WORK_DIR") or tempfile.gettempdir()
    sweep_dead_workdirs(root)
    workdir = tempfile.mkdtemp(prefix=f"{WORKDIR_PREFIX}{os.getpid()}-", dir=root)
    try:
        _run(video, attempt, workdir)
        return {"video": video_id, "status": Video.Status.READY}
    except VideoRejected as rejected:
        _discard(attempt)
        attempt.fail(rejected.code, rejected.params, rejected.detail)
        logger.info("Video %s rejected: %s", video_id, rejected.code)
        return {"video": video_id, "status": Video.Status.FAILED, "error": rejected.code}
    except LeaseLost:
        _discard(attempt)
        logger.warning("Video %s was taken over by another worker", video_id)
        return {"video": video_id, "status": "lost"}
    except BaseException as error:
        _discard(attempt)
        code = error.code if isinstance(error, ProcessingFailed) else "internal"
        detail = getattr(error, "detail", "") or traceback.format_exc()
        attempt.fail(code, getattr(error, "params", None), detail)
        logger.exception("Video %s failed", video_id)
        if raise_errors or not isinstance(error, Exception):
            raise
        return {"video": video_id, "status": Video.Status.FAILED, "error": code}
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


def sweep_dead_workdirs(root):
    """Remove scratch folders left by workers on this machine that were killed."""
    try:
        entries = list(os.scandir(root))
    except OSError:
        return
    for entry in entries:
        if not (entry.is_dir() and entry.name.startswith(WORKDIR_PREFIX)):
            continue
        pid = entry.name[len(WORKDIR_PREFIX) :].split("-", 1)[0]
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(entry.path, ignore_errors=True)
        except PermissionError:
            continue  # alive, owned by someone else


def _discard(attempt):
    try:
        if attempt.publisher is not None:
            attempt.publisher.abort()
        else:
            storage.delete_prefix(attempt.prefix)
    except Exception:
        logger.exception("Could not remove %s after a failed transcode", attempt.prefix)


def _source_path(video, workdir):
    extension = os.path.splitext(video.file.name)[1].lower()
    return os.path.join(workdir, "source" + (extension if extension in MEDIA_EXTENSIONS else ""))


def poster_time(duration):
    return max(0.0, min(duration * 0.25, 5.0)) if duration else 0.0


def _run(video, attempt, workdir):
    clock = Stopwatch()
    source = _source_path(video, workdir)
    try:
        storage.download_to(video.file.name, source)
    except FileNotFoundError as error:
        raise VideoRejected("missing_original", detail=str(error)) from error
    attempt.beat(progress=1, force=True)
    clock.mark("download")

    info = attempt.info = probe.probe(source)
    probe.check_usable(info)
    clock.mark("probe")
    rungs = ladder.plan_ladder(info.video) if info.video else []
    out_dir = os.path.join(workdir, "hls")
    os.makedirs(out_dir)
    expected = probe.expected_duration(info)
    args = ladder.build_command(
        source, out_dir, info, rungs, poster_at=poster_time(expected) if info.video else None
    )
    joiner = Joiner(out_dir)
    publisher = attempt.publisher = FolderPublisher(
        out_dir, attempt.prefix, on_file=lambda: attempt.beat()
    )
    start, end = STAGE_TRANSCODE
    limit = conf.max_duration()

    def on_progress(seconds):
        if seconds > limit + 1:
            raise VideoRejected(
                "too_long",
                duration=probe.format_duration(seconds),
                limit=probe.format_duration(limit),
            )
        joiner.poll()
        publisher.poll()
        fraction = min(1.0, seconds / expected) if expected else 0.0
        attempt.beat(progress=start + (end - start) * fraction)

    result = run_ffmpeg(args, on_progress=on_progress)
    if not probe.check_decoded(info, result.stderr, result.returncode, result.out_seconds):
        raise ProcessingFailed("internal", detail=result.stderr[-4000:])
    clock.mark("transcode")
    joiner.finish()
    publisher.flush()

    renditions, duration = _finish_folder(out_dir, info, rungs)
    if duration < probe.MIN_DURATION:
        raise VideoRejected("too_short", minimum=probe.MIN_DURATION)
    attempt.beat(progress=end + 2, force=True)
    clock.mark("finish")
    publisher.finish()
    clock.mark("upload")
    _mark_ready(video, attempt, info, renditions, duration, out_dir)
    clock.mark("save")
    logger.info("Video %s ready: %s", video.pk, clock)


def _finish_folder(out_dir, info, rungs):
    """Measure the rungs, write the master playlist, the poster and the download file."""
    codecs = hls.codecs_from_ffmpeg_master(out_dir)
    audio_stats = hls.measure(out_dir, "audio") if info.audio else None
    video_stats = [(rung, hls.measure(out_dir, rung.name)) for rung in rungs]
    frame_rate = ladder.fps_value(ladder.target_fps(info.video)) if info.video else 0
    hls.write_master(out_dir, video_stats, audio_stats, codecs, frame_rate)

    renditions = []
    audio_bytes = audio_stats.files_bytes if audio_stats else 0
    for rung, stats in video_stats:
        renditions.append(
            Rendition(
                name=rung.name,
                kind=Rendition.Kind.VIDEO,
                width=rung.width,
                height=rung.height,
                # The rung's own segments hold its sound: measured with it.
                bandwidth=stats.peak_bps,
                average_bandwidth=stats.average_bps,
                bytes=stats.files_bytes,
                codecs=",".join(
                    filter(None, [codecs.get(rung.name), codecs.get("audio") if info.audio else ""])
                ),
                playlist_path=f"{rung.name}/index.m3u8",
            )
        )
    if audio_stats:
        renditions.append(
            Rendition(
                name="audio",
                kind=Rendition.Kind.AUDIO,
                bandwidth=audio_stats.peak_bps,
                average_bandwidth=audio_stats.average_bps,
                bytes=audio_bytes,
                codecs=codecs.get("audio", "mp4a.40.2"),
                playlist_path="audio/index.m3u8",
            )
        )
    durations = [stats.duration for _rung, stats in video_stats]
    if audio_stats:
        durations.append(audio_stats.duration)

    if rungs and not os.path.exists(os.path.join(out_dir, "poster.jpg")):
        _poster_from_rung(out_dir, rungs[-1])
    _download_file(out_dir, rungs[0] if rungs else None, bool(info.audio))
    return renditions, max(durations, default=0.0)


def _ffmpeg_run(spec):
    try:
        spec.global_args("-nostdin", "-hide_banner", "-v", "error").run(
            cmd=conf.ffmpeg_binary(), overwrite_output=True, quiet=True
        )
    except ffmpeg.Error as error:
        raise ProcessingFailed(detail=(error.stderr or b"").decode("utf-8", "replace")) from error


def _poster_from_rung(out_dir, rung):
    playlist = os.path.join(out_dir, rung.name, "index.m3u8")
    _ffmpeg_run(
        ffmpeg.input(playlist).output(os.path.join(out_dir, "poster.jpg"), vframes=1, **{"q:v": 3})
    )


def _download_file(out_dir, rung, has_audio):
    """A progressive file of the smallest rung, for watching later without data."""
    inputs = []
    if rung is not None:
        inputs.append(ffmpeg.input(os.path.join(out_dir, rung.name, "index.m3u8"))["v:0"])
    if has_audio:
        inputs.append(ffmpeg.input(os.path.join(out_dir, "audio", "index.m3u8"))["a:0"])
    name = "download.mp4" if rung is not None else "download.m4a"
    _ffmpeg_run(
        ffmpeg.output(*inputs, os.path.join(out_dir, name), c="copy", movflags="+faststart")
    )


def _mark_ready(video, attempt, info, renditions, duration, out_dir):
    prefix = attempt.prefix
    with transaction.atomic():
        locked = Video.objects.select_for_update().filter(pk=video.pk).first()
        if (
            locked is None
            or locked.lease_token != attempt.token
            or locked.status != Video.Status.PROCESSING
        ):
            raise LeaseLost(video.pk)
        previous = locked.hls_prefix
        locked.renditions.all().delete()
        for rendition in renditions:
            rendition.video = locked
            rendition.playlist_path = posixpath.join(prefix, rendition.playlist_path)
        Rendition.objects.bulk_create(renditions)
        now = timezone.now()
        has_video = info.video is not None
        download = "download.mp4" if has_video else "download.m4a"
        Video.objects.filter(pk=video.pk).update(
            status=Video.Status.READY,
            progress=100,
            duration=round(duration, 3),
            width=info.video.display_width if has_video else None,
            height=info.video.display_height if has_video else None,
            has_video=has_video,
            has_audio=info.audio is not None,
            sound_in_rungs=has_video and info.audio is not None,
            source_info=info.summary(),
            hls_prefix=prefix,
            pending_prefix="",
            poster=posixpath.join(prefix, "poster.jpg") if has_video else "",
            download_mp4=posixpath.join(prefix, download),
            lease_token="",
            lease_expires_at=None,
            processed_at=now,
            updated_at=now,
            error_code="",
            error_params={},
            error_detail="",
        )
        transaction.on_commit(lambda: signals.video_ready.send(sender=Video, video_id=video.pk))
        if previous and previous != prefix:
            transaction.on_commit(lambda: _delete_quietly(previous))


def _delete_quietly(prefix):
    try:
        storage.delete_prefix(prefix)
    except Exception:
        logger.exception("Could not remove the previous ladder under %s", prefix)

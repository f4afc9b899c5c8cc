"""Transcode benchmark: the Bidaya pipeline against two other ways to build the same ladder.

One run, one generated 1080p30 source (25 s, with sound), three timings:

(a) pipeline     the real pipeline end to end (download of the original from S3, probe,
                 one-decode ladder + poster, download file, upload to S3, database),
                 against a moto S3 server this script starts on loopback;
(b) per rung     one ffmpeg process per rung, as older pipelines do (4 video rungs and
                 the audio-only one), each decoding the source again; no upload;
(c) best single  the best single ffmpeg command written by hand for the same ladder
                 (same filters, encoder settings and segmenting); no upload.

The last line is ``per_rung/pipeline=X pipeline/best_single=Y realtime=Z`` where Z is
how many times faster than real time the pipeline ran.

    python bench/transcode.py [--seconds 25] [--repeat 1] [--keep]

With ``--repeat N`` each way runs N times, interleaved, and the fastest run counts: on
a machine shared with other work that measures the code rather than the neighbours.
"""

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# Run as a script, bench/ comes first on sys.path, where a sibling module could shadow
# the standard library (bench/http.py would hide "http" from Django).
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT / "bench"]
sys.path.insert(0, str(ROOT))

LADDER = [  # name, width, height, maxrate, bufsize, crf (as media_processing.pipeline.ladder)
    ("240p", 426, 240, "170k", "170k", 26),
    ("360p", 640, 360, "450k", "600k", 24),
    ("480p", 854, 480, "800k", "1200k", 23),
    ("720p", 1280, 720, "1600k", "2400k", 23),
]
X264 = [
    "-preset", "veryfast", "-profile:v", "main", "-pix_fmt", "yuv420p", "-g", "60",
    "-keyint_min", "60", "-sc_threshold", "0", "-force_key_frames", "expr:gte(t,n_forced*2)",
]  # fmt: skip
HLS = ["-f", "hls", "-hls_time", "6", "-hls_playlist_type", "vod", "-hls_segment_type", "fmp4",
       "-hls_flags", "independent_segments"]  # fmt: skip
AUDIO = ["-c:a", "aac", "-b:a", "64k", "-ac", "2", "-ar", "48000"]


def ffmpeg(*args):
    subprocess.run(["ffmpeg", "-nostdin", "-hide_banner", "-v", "error", "-y", *args], check=True)


def make_source(path, seconds):
    """A phone-like 1080p30 H.264 file: moving test pattern with grain, and a tone."""
    ffmpeg(
        "-f", "lavfi", "-i", "testsrc2=size=1920x1080:rate=30,noise=alls=8:allf=t",
        "-f", "lavfi", "-i", "sine=frequency=330:sample_rate=48000",
        "-t", str(seconds), "-c:v", "libx264", "-preset", "faster", "-b:v", "12M",
        "-maxrate", "16M", "-bufsize", "16M", "-pix_fmt", "yuv420p",
        "-c:a", "aac", "-b:a", "128k", "-movflags", "+faststart", str(path),
    )  # fmt: skip


def timed(function):
    start = time.perf_counter()
    function()
    return time.perf_counter() - start


def per_rung(source, out):
    """(b) A process per rendition, each decoding and scaling the 1080p source itself."""
    for name, width, height, maxrate, bufsize, crf in LADDER:
        folder = out / name
        folder.mkdir(parents=True)
        ffmpeg(
            "-i", str(source), "-map", "0:v:0", "-map", "0:a:0",
            "-vf", f"fps=30,zscale=w={width}:h={height}:filter=bilinear,format=yuv420p",
            "-c:v", "libx264", "-crf", str(crf), "-maxrate", maxrate, "-bufsize", bufsize,
            *X264, *AUDIO, *HLS, "-hls_segment_filename", str(folder / "seg_%05d.m4s"),
            str(folder / "index.m3u8"),
        )  # fmt: skip
    folder = out / "audio"
    folder.mkdir(parents=True)
    ffmpeg(
        "-i", str(source), "-map", "0:a:0", *AUDIO, *HLS,
        "-hls_segment_filename", str(folder / "seg_%05d.m4s"), str(folder / "index.m3u8"),
    )  # fmt: skip


def best_single(source, out):
    """(c) One decode, one scale to 720p, the other rungs scaled from it, all encoders in
    one process, keyframes forced at the same instants for every rung."""
    out.mkdir(parents=True)
    graph = (
        "[0:v:0]fps=30,zscale=w=1280:h=720:filter=bilinear,format=yuv420p,split=4[v3][a][b][c];"
        "[a]zscale=w=854:h=480:filter=bilinear[v2];"
        "[b]zscale=w=640:h=360:filter=bilinear[v1];"
        "[c]zscale=w=426:h=240:filter=bilinear[v0]"
    )
    rates = []
    for index, (_name, _w, _h, maxrate, bufsize, crf) in enumerate(LADDER):
        rates += [f"-crf:v:{index}", str(crf), f"-maxrate:v:{index}", maxrate,
                  f"-bufsize:v:{index}", bufsize]  # fmt: skip
    stream_map = "a:0,agroup:audio,name:audio " + " ".join(
        f"v:{index},agroup:audio,name:{name}" for index, (name, *_rest) in enumerate(LADDER)
    )
    ffmpeg(
        "-filter_complex_threads", str(os.cpu_count() or 1),
        "-i", str(source), "-filter_complex", graph,
        "-map", "[v0]", "-map", "[v1]", "-map", "[v2]", "-map", "[v3]", "-map", "0:a:0",
        "-c:v", "libx264", "-threads:v", "2", *rates, *X264, *AUDIO, *HLS,
        "-master_pl_name", "master.m3u8", "-hls_segment_filename", str(out / "%v" / "seg_%05d.m4s"),
        "-var_stream_map", stream_map, str(out / "%v" / "index.m3u8"),
    )  # fmt: skip


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_moto(log):
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    for _ in range(150):
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return process, f"http://127.0.0.1:{port}"
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise SystemExit("moto server did not start")


def prepare_django(endpoint, work):
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DEBUG": "0",
            "SECRET_KEY": "benchmark-only",
            "DATABASE_URL": "sqlite://:memory:",
            "BIDAYA_VAR_DIR": str(work),
            "TASKS_BACKEND": "immediate",
            "AWS_STORAGE_BUCKET_NAME": "bidaya-bench",
            "AWS_S3_ENDPOINT_URL": endpoint,
            "AWS_ACCESS_KEY_ID": "bench",
            "AWS_SECRET_ACCESS_KEY": "bench",
            "BIDAYA_VIDEO_WORK_DIR": str(work),
            "LOG_LEVEL": os.environ.get("BENCH_LOG_LEVEL", "WARNING"),
        }
    )
    os.environ.pop("REDIS_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("createcachetable")  # first: saving pages in migrations touches the cache
    call_command("migrate", verbosity=0, interactive=False)
    call_command("setup_storage", stdout=open(os.devnull, "w"))  # noqa: SIM115


def pipeline(source):
    """(a) Store the original as an upload would (untimed), then time the whole pipeline."""
    from django.core.files import File

    from media_processing.models import Video
    from media_processing.pipeline import process_video

    video = Video(title="Benchmark")
    with open(source, "rb") as handle:
        video.file.save("bench-1080p.mp4", File(handle, name="bench-1080p.mp4"), save=False)
    video.save()

    def run():
        outcome = process_video(video.pk)
        if outcome["status"] != "ready":
            raise SystemExit(f"pipeline failed: {Video.objects.get(pk=video.pk).error_detail}")

    seconds = timed(run)
    video = Video.objects.get(pk=video.pk)
    return seconds, video


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=25, help="source length (default 25)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per way; the fastest counts")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    options = parser.parse_args()
    if shutil.which("ffmpeg") is None:
        raise SystemExit("ffmpeg is not installed (Debian package ffmpeg)")

    work = Path(tempfile.mkdtemp(prefix="bidaya-bench-"))
    log = open(work / "moto.log", "wb")  # noqa: SIM115
    moto, endpoint = start_moto(log)
    try:
        source = work / "source-1080p30.mp4"
        print(f"Generating a {options.seconds} s 1080p30 source…", flush=True)
        make_source(source, options.seconds)
        prepare_django(endpoint, work)

        bests, pipes, separates = [], [], []
        for run in range(options.repeat):
            out = work / f"run-{run}"
            bests.append(timed(lambda out=out: best_single(source, out / "best")))
            print(f"(c) best single ffmpeg command:        {bests[-1]:7.2f} s", flush=True)
            seconds, video = pipeline(source)
            pipes.append(seconds)
            rungs = ", ".join(r.name for r in video.sorted_renditions)
            print(f"(a) Bidaya pipeline incl. S3 upload:   {seconds:7.2f} s  ({rungs})", flush=True)
            separates.append(timed(lambda out=out: per_rung(source, out / "per-rung")))
            print(f"(b) one ffmpeg process per rung:       {separates[-1]:7.2f} s", flush=True)
        best, piped, separate = min(bests), min(pipes), min(separates)
        print(
            f"per_rung/pipeline={separate / piped:.2f} "
            f"pipeline/best_single={piped / best:.2f} "
            f"realtime={options.seconds / piped:.2f}"
        )
    finally:
        moto.terminate()
        moto.wait(timeout=10)
        log.close()
        if options.keep:
            print(f"Work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

"""Run one ffmpeg process, following its ``-progress`` output and keeping its error log."""

import collections
import subprocess
import threading
import time
from dataclasses import dataclass

from ..errors import ProcessingFailed

STALL_SECONDS = 180


@dataclass
class RunResult:
    returncode: int
    stderr: str
    out_seconds: float


def run_ffmpeg(args, on_progress=None, stall_seconds=STALL_SECONDS):
    """Run ``args``; ``on_progress(seconds)`` runs after every progress report.

    If ``on_progress`` raises, ffmpeg is killed and the exception propagates. ffmpeg is
    also killed when it reports no progress for ``stall_seconds``.
    """
    process = subprocess.Popen(
        args, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    stderr_tail = collections.deque(maxlen=400)
    last_report = [time.monotonic()]
    stalled = threading.Event()

    def read_stderr():
        for raw in process.stderr:
            stderr_tail.append(raw.decode("utf-8", "replace").rstrip())

    def watchdog():
        while process.poll() is None:
            if time.monotonic() - last_report[0] > stall_seconds:
                stalled.set()
                process.kill()
                return
            time.sleep(1)

    reader = threading.Thread(target=read_stderr, daemon=True)
    reader.start()
    threading.Thread(target=watchdog, daemon=True).start()
    out_seconds = 0.0
    try:
        for raw in process.stdout:
            key, _sep, value = raw.decode("ascii", "replace").strip().partition("=")
            if key == "out_time_us" and value.lstrip("-").isdigit():
                out_seconds = max(out_seconds, int(value) / 1_000_000)
            elif key == "progress":
                last_report[0] = time.monotonic()
                if on_progress:
                    on_progress(out_seconds)
        process.wait()
    except BaseException:
        process.kill()
        process.wait()
        raise
    finally:
        reader.join(timeout=5)
    stderr = "\n".join(stderr_tail)
    if stalled.is_set():
        raise ProcessingFailed("stalled", detail=stderr[-4000:])
    return RunResult(process.returncode, stderr, out_seconds)

"""The load side of bench/http.py: wrk (or a thread pool of keep-alive clients) against
the server, and the server's CPU time read from ``/proc``."""

import json
import os
import re
import subprocess
import threading
import time
import uuid
from http.client import HTTPConnection
from pathlib import Path


def server_cpu_seconds(server):
    """CPU time used so far by gunicorn's master and its workers (Linux ``/proc``)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        fields = stat.rsplit(")", 1)[1].split()
        if int(entry) == server.pid or int(fields[1]) == server.pid:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def heartbeat_body(data, position):
    return json.dumps(
        {
            "event_id": str(uuid.uuid4()),
            "lesson_id": data["lesson_id"],
            "component_id": data["component_id"],
            "position": position,
            "intervals": [[0, 15]],
        }
    )


# Load generators -------------------------------------------------------------------

WRK_SCRIPT = (Path(__file__).resolve().parent.parent / "http_load.lua").read_text()


def run_wrk(url, method, data, csrf, seconds, connections, workdir):
    script = workdir / f"{method.lower()}.lua"
    script.write_text(
        WRK_SCRIPT
        % {
            "sessions": ", ".join(f'"{s}"' for s in data["sessions"]),
            "csrf": csrf,
            "method": method,
            "lesson_id": data["lesson_id"],
            "component": data["component_id"],
        }
    )
    result = subprocess.run(
        ["wrk", "-t", "1", "-c", str(connections), "-d", f"{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    )
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", result.stdout).group(1))
    bad = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", result.stdout)
    return rps, int(bad.group(1)) if bad else 0


def run_threads(url, method, data, csrf, seconds, connections, workdir):
    """The fallback without wrk: keep-alive connections, one per thread."""
    host, port = url.split("//", 1)[1].split("/", 1)[0].split(":")
    path = "/" + url.split("//", 1)[1].split("/", 1)[1]
    counts = [0] * connections
    bad = [0] * connections
    deadline = time.monotonic() + seconds

    def worker(index):
        connection = HTTPConnection(host, int(port), timeout=30)
        sent = 0
        while time.monotonic() < deadline:
            session = data["sessions"][(index + sent) % len(data["sessions"])]
            headers = {"Cookie": f"sessionid={session}; csrftoken={csrf}", "Accept-Language": "ar"}
            body = None
            if method == "POST":
                headers.update({"Content-Type": "application/json", "X-CSRFToken": csrf})
                body = heartbeat_body(data, 12.5)
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            response.read()
            if response.status >= 300:
                bad[index] += 1
            counts[index] += 1
            sent += 1

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(connections)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return sum(counts) / (time.monotonic() - started), sum(bad)

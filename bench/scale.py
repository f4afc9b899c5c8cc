"""How every page and endpoint holds up when the academy is a hundred times bigger.

The script builds a throwaway PostgreSQL database (a randomly named one on the server
of BENCH_DATABASE_URL, dropped at the end), migrates it, loads the demo content
(``seed_demo``, with ready-made video rows instead of rendered videos) and then:

* the small size: 1,000 learners with their enrolments, progress and heartbeats,
  200 quiz attempts, 2,000 submissions and 200 badge awards (the floor that fills one
  page of every list: the mentor's queue shows 50 waiting items);
* the large size, a copy of that database (``CREATE DATABASE … TEMPLATE``) with the
  rows added up to 100,000 learners, 300,000 enrolments (and as many activity entries
  and cohort memberships), 900,000 lesson-progress and as many component-progress
  rows, 5,000,000 heartbeats, 20,000 quiz attempts, 10,000 submissions over 50 cohorts
  with 20 mentors (with their versions, events, reviews, notices and e-mails) and
  20,000 badge awards.

The bulk rows are written by ``INSERT … SELECT generate_series`` statements
(``bench/scaling/bulk.py``); the measured learner and mentor get their own data
through the site's services (enrolling, heartbeats, a quiz, two hand-ins, a review, a
badge) before the copy, so what they see is identical at both sizes and only everyone
else grows.

Every page and endpoint is requested by the role that uses it (a learner, a mentor,
an editor, an admin, or nobody signed in): at each size three warm-up requests and
one whose queries are counted, then five rounds of 30 timed requests per page and
size. Page by page the two sizes take turns (the process switches its connection and
its cache prefix between the two databases), so whatever else runs on the machine
weighs on both alike, seconds apart; each page's median and 95th percentile are those
of its quickest round at that size (waiting for the CPU only ever adds time).

The requests go through Django's test client, in this process, with the production
settings: the whole middleware stack, URL routing, sessions, templates and the real
database and cache run as under gunicorn, but there is no socket, no worker scheduling
and no load generator sharing the two cores, so what differs between the sizes is
what the pages do with the data (the figure this bench is for) and the query count is
captured on the connection that served the request. Absolute times are therefore
lower than under a server by its fixed cost; ``bench/http.py`` measures that side.

For each page the table shows the queries, the median and 95th percentile in
milliseconds at each size, and the large/small ratio of the p95. The targets at the
large size: the same number of queries as at the small size, a p95 within 1.3 times
the small size's and at most 50 ms (100 ms for the admin search). The last line is
``scale: worst_p95_ms=… worst_growth=… pages=…`` (worst large-size p95, worst ratio,
pages measured).

Environment:
  BENCH_DATABASE_URL  PostgreSQL server to create the databases on
                      (default postgres://postgres@127.0.0.1:5432/postgres)
  BENCH_SCALE         multiplies the large size's row counts (e.g. 0.1 for a quick try;
                      the small size shrinks with it below its floor)
  BENCH_REQUESTS      timed requests per page, size and round (default 30)
  BENCH_ROUNDS        rounds (default 5)
  BENCH_SIZES         "small,large" (default) or "small" alone
  BENCH_PAGES         comma-separated parts of page names: measure only those
  BENCH_REDIS_URL     the cache (default redis://127.0.0.1:6379/13 when Redis answers
                      there, flushed at the start; else the database cache)
  BENCH_KEEP_DB       1 keeps the databases and prints their names
"""

import sys
from pathlib import Path

# This folder holds http.py, which would shadow the standard library's ``http``.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import gc  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

from bench.scaling import env  # noqa: E402

LARGE = {
    "learners": 100_000,
    "heartbeats_per_learner": 50,
    "quiz_attempts": 20_000,
    "submissions": 10_000,
    "awards": 20_000,
}
SMALL_FLOOR = {"learners": 1_000, "quiz_attempts": 200, "submissions": 2_000, "awards": 200}
GROWTH_LIMIT = 1.3


def sizes(scale):
    from bench.scaling.bulk import Size

    large = {
        name: (value if name == "heartbeats_per_learner" else max(1, round(value * scale)))
        for name, value in LARGE.items()
    }
    small = {
        name: (
            value
            if name == "heartbeats_per_learner"
            else min(value, max(round(value / 100), SMALL_FLOOR[name]))
        )
        for name, value in large.items()
    }
    return Size(**small), Size(**large)


def log(message):
    print(message, flush=True)


def prepare():
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    # The production settings serve hashed static files from a manifest.
    call_command("collectstatic", verbosity=0, interactive=False)
    cache.clear()


def grow(world, before, after):
    from bench.scaling import bulk

    started = time.monotonic()
    log(f"loading {after.learners:,} learners, {after.heartbeats:,} heartbeats …")
    bulk.load(world, before, after, log=log)
    log(f"  done in {time.monotonic() - started:.0f} s")


def rollup(size, rebuild=False):
    """The analytics rollup over what was loaded (the pages read only its rows). The
    bulk rows carry past timestamps, so a grown database is counted from scratch, as a
    first run on a large academy would."""
    from analytics.rollup import run

    started = time.monotonic()
    report = run(rebuild=rebuild)
    seconds = time.monotonic() - started
    log(f"  analytics rollup ({size}): {seconds:.1f} s, {report['heartbeats']:,} heartbeats read")
    return seconds


def verdict(page, small, large):
    problems = []
    if small is not None and large.queries != small.queries:
        problems.append("queries")
    if large.p95_ms > page.limit_ms:
        problems.append(f"p95>{page.limit_ms:.0f}")
    if small is not None and large.p95_ms > GROWTH_LIMIT * small.p95_ms:
        problems.append(f"growth>{GROWTH_LIMIT}")
    return ", ".join(problems) or "ok"


def report(measured):
    small = measured.get("small", {})
    large = measured.get("large") or small
    header = (
        f"{'page':<24} {'role':<9} {'queries':>9} {'median ms':>13} {'p95 ms':>13} "
        f"{'p95 L/S':>7}  verdict"
    )
    print()
    print(header)
    print("-" * len(header))
    worst_p95, worst_growth = 0.0, 0.0
    for name, (page, result) in large.items():
        before = small.get(name, (None, None))[1] if "large" in measured else None
        if before is not None:
            growth = result.p95_ms / before.p95_ms
            queries = f"{before.queries}→{result.queries}"
            median = f"{before.median_ms:.1f}→{result.median_ms:.1f}"
            p95 = f"{before.p95_ms:.1f}→{result.p95_ms:.1f}"
        else:
            growth = 1.0
            queries, median, p95 = (
                str(result.queries),
                f"{result.median_ms:.1f}",
                f"{result.p95_ms:.1f}",
            )
        worst_p95 = max(worst_p95, result.p95_ms)
        worst_growth = max(worst_growth, growth)
        print(
            f"{name:<24} {page.role:<9} {queries:>9} {median:>13} {p95:>13} {growth:>7.2f}  "
            f"{verdict(page, before, result)}"
        )
    print(f"scale: worst_p95_ms={worst_p95:.1f} worst_growth={worst_growth:.2f} pages={len(large)}")


def build_and_measure(wanted, small, large, requests, rounds, only, keep):
    server = env.server_url()
    workdir = Path(tempfile.mkdtemp(prefix="bidaya-scale-"))
    database_url, name = env.create_database(server)
    names = [name]
    log(f"database {name}; small {small}; large {large}")
    try:
        env.configure(workdir, database_url)
        started = time.monotonic()
        prepare()
        from django.db import connections

        from bench.scaling import bulk, pages, world

        world.seed_demo()
        the_world = world.build_world()
        log(f"demo content and the world in {time.monotonic() - started:.0f} s")
        grow(the_world, bulk.Size(0, small.heartbeats_per_learner, 0, 0, 0), small)
        world.add_people(the_world)
        rollups = {"small": rollup("small")}
        # Signed in now, so that both databases hold the sessions.
        made = pages.clients(the_world)
        databases = {"small": name}
        if "large" in wanted:
            connections.close_all()
            names.append(f"{name}_large")
            env.copy_database(server, name, names[-1])
            env.use_database(names[-1])
            grow(the_world, small, large)
            rollups["large"] = rollup("large", rebuild=True)
            databases["large"] = names[-1]
        log(f"measuring: {rounds} rounds of {requests} requests per page and size …")
        gc.collect()
        measured = pages.measure_all(the_world, made, databases, requests, rounds, only)
        log("analytics rollup: " + ", ".join(f"{k} {v:.1f} s" for k, v in rollups.items()))
        return measured
    finally:
        if "django.db" in sys.modules:
            from django.db import connections

            connections.close_all()
        shutil.rmtree(workdir, ignore_errors=True)
        for kept in names:
            if keep:
                log(f"kept database {kept}")
            else:
                env.drop_database(server, kept)


def main():
    scale = float(os.environ.get("BENCH_SCALE", "1"))
    requests = int(os.environ.get("BENCH_REQUESTS", "30"))
    rounds = int(os.environ.get("BENCH_ROUNDS", "5"))
    wanted = [s.strip() for s in os.environ.get("BENCH_SIZES", "small,large").split(",")]
    only = [p.strip() for p in os.environ.get("BENCH_PAGES", "").split(",") if p.strip()]
    keep = os.environ.get("BENCH_KEEP_DB") == "1"
    small, large = sizes(scale)
    report(build_and_measure(wanted, small, large, requests, rounds, only, keep))


if __name__ == "__main__":
    main()

"""Everyone else, loaded with ``INSERT … SELECT generate_series`` in a few statements.

Every row is a function of its number (learner ``i``, submission ``s``, award ``b``…),
so a size is a set of ranges and growing from the small size to the large one only
adds the numbers in between. Bulk rows use ids far above the sequences' values, so the
rows the site itself writes later never collide with them.

Foreign keys are not re-checked row by row (``session_replication_role = replica``,
when the server allows it): the rows are built consistent, and the checks would
double the load time without telling us anything.
"""

import time
from dataclasses import dataclass

from django.db import connection

from .awards_sql import AWARD_SQL

USER_BASE = 10_000_000
SUBMISSION_BASE = 10_000_000
SLOTS_PER_LIST = 21_845  # 6 × 21,845 < 131,072 positions of a status list


@dataclass(frozen=True)
class Size:
    learners: int
    heartbeats_per_learner: int
    quiz_attempts: int
    submissions: int
    awards: int

    @property
    def heartbeats(self):
        return self.learners * self.heartbeats_per_learner


def _arrays(world):
    lessons = world.lessons
    videos = [lesson for lesson in lessons if lesson.video]
    quizzes = [lesson for lesson in lessons if lesson.quiz]
    assignments = [lesson for lesson in lessons if lesson.assignment]
    by_course = [[c for c in world.cohorts if c[1] == index] for index in range(len(world.courses))]
    width = max(len(cohorts) for cohorts in by_course)
    cohort_ids, cohort_mentors = [], []
    for cohorts in by_course:
        padded = cohorts + [cohorts[0]] * (width - len(cohorts))
        cohort_ids += [c[0] for c in padded]
        cohort_mentors += [c[2] for c in padded]

    def first_component(lesson):
        if lesson.video:
            return lesson.video[0], "video", lesson.video[1]
        if lesson.quiz:
            return lesson.quiz, "quiz", 0.0
        if lesson.assignment:
            return lesson.assignment[0], "assignment", 0.0
        return "reading", "reading", 0.0

    components = [first_component(lesson) for lesson in lessons]
    return {
        "ub": USER_BASE,
        "sb": SUBMISSION_BASE,
        "n_courses": len(world.courses),
        "course_keys": [c.key for c in world.courses],
        "n_lessons": len(lessons),
        "lesson_keys": [lesson.key for lesson in lessons],
        "lesson_course_keys": [world.courses[lesson.course].key for lesson in lessons],
        "component_ids": [c[0] for c in components],
        "component_kinds": [c[1] for c in components],
        "component_durations": [c[2] for c in components],
        "n_videos": len(videos),
        "video_keys": [lesson.key for lesson in videos],
        "video_ids": [lesson.video[0] for lesson in videos],
        "video_durations": [lesson.video[1] for lesson in videos],
        "n_quizzes": len(quizzes),
        "quiz_keys": [lesson.key for lesson in quizzes],
        "quiz_lesson_ids": [lesson.page_id for lesson in quizzes],
        "quiz_course_keys": [world.courses[lesson.course].key for lesson in quizzes],
        "quiz_ids": [lesson.quiz for lesson in quizzes],
        "n_assignments": len(assignments),
        "assignment_lesson_ids": [lesson.page_id for lesson in assignments],
        "assignment_keys": [lesson.key for lesson in assignments],
        "assignment_courses": [lesson.course for lesson in assignments],
        "assignment_ids": [lesson.assignment[0] for lesson in assignments],
        "assignment_titles": [lesson.assignment[1] for lesson in assignments],
        "course_page_ids": [c.page_id for c in world.courses],
        "cohort_width": width,
        "cohort_counts": [len(cohorts) for cohorts in by_course],
        "cohort_ids": cohort_ids,
        "cohort_mentors": cohort_mentors,
        "badge_classes": world.badge_classes,
        "slots": SLOTS_PER_LIST,
    }


# Each statement reads the parameters of ``_arrays`` plus ``lo`` and ``hi``.
LEARNER_SQL = [
    (
        "users",
        """
        INSERT INTO auth_user (id, password, is_superuser, username, first_name, last_name,
                               email, is_staff, is_active, date_joined)
        SELECT %(ub)s + i, '!', false, 'learner' || i, 'متعلم', i::text,
               'learner' || i || '@bench.example', false, true,
               now() - (i %% 700) * interval '1 day'
        FROM generate_series(%(lo)s, %(hi)s - 1) AS i
        """,
    ),
    (
        "enrolments",
        """
        INSERT INTO learning_enrolment (user_id, course_key, status, created_at, enrolled_at,
                                        left_at, completed_at)
        SELECT %(ub)s + i, (%(course_keys)s::uuid[])[c + 1],
               CASE WHEN (i + c) %% 20 = 0 THEN 'left' ELSE 'active' END, t, t,
               CASE WHEN (i + c) %% 20 = 0 THEN t + interval '9 days' END,
               CASE WHEN (i + c) %% 7 = 0 THEN t + interval '30 days' END
        FROM generate_series(%(lo)s, %(hi)s - 1) AS i,
             generate_series(0, %(n_courses)s - 1) AS c,
             LATERAL (SELECT now() - ((i %% 600) + c * 3) * interval '1 day' AS t) AS x
        """,
    ),
    (
        "activities",
        """
        INSERT INTO learning_activity (user_id, kind, course_key, lesson_key, created_at, data)
        SELECT %(ub)s + i, 'enrolled', (%(course_keys)s::uuid[])[c + 1], NULL,
               now() - ((i %% 600) + c * 3) * interval '1 day', '{}'::jsonb
        FROM generate_series(%(lo)s, %(hi)s - 1) AS i,
             generate_series(0, %(n_courses)s - 1) AS c
        """,
    ),
    (
        "cohort memberships",
        """
        INSERT INTO mentoring_cohortmembership (cohort_id, course_key, learner_id, joined_at)
        SELECT (%(cohort_ids)s::bigint[])[c * %(cohort_width)s
                                          + i %% (%(cohort_counts)s::int[])[c + 1] + 1],
               (%(course_keys)s::uuid[])[c + 1], %(ub)s + i,
               now() - ((i %% 600) + c * 3) * interval '1 day'
        FROM generate_series(%(lo)s, %(hi)s - 1) AS i,
             generate_series(0, %(n_courses)s - 1) AS c
        """,
    ),
    (
        "lesson progress",
        """
        INSERT INTO learning_lessonprogress (user_id, course_key, lesson_key, started_at,
                                             last_activity_at, done_at)
        SELECT %(ub)s + i, (%(lesson_course_keys)s::uuid[])[l + 1],
               (%(lesson_keys)s::uuid[])[l + 1], t, t + interval '40 minutes',
               CASE WHEN l %% 3 < i %% 4 THEN t + interval '40 minutes' END
        FROM generate_series(%(lo)s, %(hi)s - 1) AS i,
             generate_series(0, %(n_lessons)s - 1) AS l,
             LATERAL (SELECT now() - ((i %% 500) * 24 + l * 5) * interval '1 hour' AS t) AS x
        """,
    ),
    (
        "component progress",
        """
        INSERT INTO learning_componentprogress (
            user_id, course_key, lesson_key, component_id, kind, created_at, updated_at,
            done_at, duration, intervals, watched_seconds, position, position_at,
            last_beat_at, allowance, seconds_spent)
        SELECT %(ub)s + i, (%(lesson_course_keys)s::uuid[])[l + 1],
               (%(lesson_keys)s::uuid[])[l + 1], (%(component_ids)s::text[])[l + 1],
               (%(component_kinds)s::text[])[l + 1], t, t + interval '40 minutes',
               CASE WHEN l %% 3 < i %% 4 THEN t + interval '40 minutes' END,
               d, jsonb_build_array(jsonb_build_array(0, d * 0.5)), d * 0.5, d * 0.5,
               t + interval '40 minutes', t + interval '40 minutes', 0, d * 0.5
        FROM generate_series(%(lo)s, %(hi)s - 1) AS i,
             generate_series(0, %(n_lessons)s - 1) AS l,
             LATERAL (SELECT now() - ((i %% 500) * 24 + l * 5) * interval '1 hour' AS t,
                             (%(component_durations)s::float8[])[l + 1] AS d) AS x
        """,
    ),
    (
        "heartbeats",
        """
        INSERT INTO learning_heartbeat (event_id, user_id, lesson_key, component_id,
                                        received_at, sent_at, position, intervals, new_seconds)
        SELECT gen_random_uuid(), %(ub)s + i, (%(video_keys)s::uuid[])[v + 1],
               (%(video_ids)s::text[])[v + 1], t, t, p,
               jsonb_build_array(jsonb_build_array(p, p + 10)), 10
        FROM generate_series(%(lo)s, %(hi)s - 1) AS i,
             generate_series(0, %(per_learner)s - 1) AS k,
             LATERAL (SELECT (i + k) %% %(n_videos)s AS v,
                             now() - ((i * 7 + k * 131) %% 129600) * interval '1 minute' AS t,
                             ((k * 10) %% 280)::float8 AS p) AS x
        """,
    ),
]

QUIZ_SQL = """
    INSERT INTO learning_quizattempt (user_id, course_key, lesson_key, lesson_id, quiz_id,
                                      number, answers, results, correct, total, score,
                                      pass_mark, passed, created_at)
    SELECT %(ub)s + a, (%(quiz_course_keys)s::uuid[])[q + 1], (%(quiz_keys)s::uuid[])[q + 1],
           (%(quiz_lesson_ids)s::int[])[q + 1], (%(quiz_ids)s::text[])[q + 1], 1,
           '{}'::jsonb, '[]'::jsonb, a %% 5, 4, (a %% 5) * 25, 70, a %% 5 >= 3,
           now() - (a %% 43200) * interval '1 minute'
    FROM generate_series(%(lo)s, %(hi)s - 1) AS a,
         LATERAL (SELECT a %% %(n_quizzes)s AS q) AS x
"""

SUBMISSION_SQL = [
    (
        "submissions",
        """
        INSERT INTO mentoring_submission (
            id, uuid, learner_id, lesson_id, lesson_key, course_key, assignment_id,
            assignment_title, course_id, cohort_id, state, language, waiting_since,
            first_submitted_at, claimed_by_id, claim_expires_at, decided_at, created_at,
            updated_at)
        SELECT %(sb)s + s, gen_random_uuid(), %(ub)s + s / %(n_assignments)s,
               (%(assignment_lesson_ids)s::int[])[a + 1], (%(assignment_keys)s::uuid[])[a + 1],
               (%(course_keys)s::uuid[])[c + 1], (%(assignment_ids)s::text[])[a + 1],
               (%(assignment_titles)s::text[])[a + 1], (%(course_page_ids)s::int[])[c + 1],
               (%(cohort_ids)s::bigint[])[slot], st, 'ar',
               CASE WHEN s %% 10 < 5 THEN sent END, sent - interval '1 day',
               CASE WHEN st = 'in_review' THEN (%(cohort_mentors)s::int[])[slot] END,
               CASE WHEN st = 'in_review' THEN now() + interval '1 hour' END,
               CASE WHEN s %% 10 >= 5 THEN sent END, sent - interval '1 day', sent
        FROM generate_series(%(lo)s, %(hi)s - 1) AS s,
             LATERAL (SELECT s %% %(n_assignments)s AS a) AS x,
             LATERAL (SELECT (%(assignment_courses)s::int[])[a + 1] AS c) AS y,
             LATERAL (SELECT c * %(cohort_width)s
                             + (s / %(n_assignments)s) %% (%(cohort_counts)s::int[])[c + 1]
                             + 1 AS slot,
                             now() - ((s * 37) %% 720) * interval '1 hour' AS sent,
                             (ARRAY['submitted', 'submitted', 'submitted', 'resubmitted',
                                    'in_review', 'changes_requested', 'approved',
                                    'approved', 'approved', 'rejected'])[s %% 10 + 1] AS st
                    ) AS z
        """,
    ),
    (
        "submission versions",
        """
        INSERT INTO mentoring_submissionversion (id, uuid, submission_id, number, text, link,
                                                 file, file_name, file_type, created_at,
                                                 updated_at, submitted_at)
        SELECT id, gen_random_uuid(), id, 1, 'عرضي للعميل، مع مثال من عملي السابق.', '', '',
               '', '', first_submitted_at, first_submitted_at, first_submitted_at
        FROM mentoring_submission WHERE id >= %(sb)s + %(lo)s AND id < %(sb)s + %(hi)s
        """,
    ),
    (
        "submission events",
        """
        INSERT INTO mentoring_submissionevent (submission_id, actor_id, action, from_state,
                                               to_state, version_id, created_at)
        SELECT id, learner_id, 'submit', 'draft', 'submitted', id, first_submitted_at
        FROM mentoring_submission WHERE id >= %(sb)s + %(lo)s AND id < %(sb)s + %(hi)s
        """,
    ),
    (
        "reviews",
        """
        INSERT INTO mentoring_review (submission_id, version_id, mentor_id, decision, feedback,
                                      reason, scores, points, max_points, created_at)
        SELECT s.id, s.id, m.user_id,
               CASE s.state WHEN 'approved' THEN 'approve' WHEN 'rejected' THEN 'reject'
                            ELSE 'request_changes' END,
               'ملاحظات المرشد على العرض.', '', '[]'::jsonb, 5, 7, s.decided_at
        FROM mentoring_submission AS s
        JOIN mentoring_cohort_mentors AS m ON m.cohort_id = s.cohort_id
        WHERE s.id >= %(sb)s + %(lo)s AND s.id < %(sb)s + %(hi)s AND s.decided_at IS NOT NULL
        """,
    ),
    (
        "notices",
        """
        INSERT INTO notifications_notice (user_id, kind, data, created_at, read_at)
        SELECT m.user_id, 'submission_arrived',
               jsonb_build_object('title', s.assignment_title, 'learner', 'متعلم',
                                  'submission', s.uuid::text, 'lesson_id', s.lesson_id,
                                  'assignment_id', s.assignment_id),
               s.first_submitted_at,
               CASE WHEN s.decided_at IS NOT NULL THEN s.decided_at END
        FROM mentoring_submission AS s
        JOIN mentoring_cohort_mentors AS m ON m.cohort_id = s.cohort_id
        WHERE s.id >= %(sb)s + %(lo)s AND s.id < %(sb)s + %(hi)s
        UNION ALL
        SELECT s.learner_id, 'review_done',
               jsonb_build_object('title', s.assignment_title, 'decision', 'approve',
                                  'submission', s.uuid::text, 'lesson_id', s.lesson_id,
                                  'assignment_id', s.assignment_id),
               s.decided_at, NULL
        FROM mentoring_submission AS s
        WHERE s.id >= %(sb)s + %(lo)s AND s.id < %(sb)s + %(hi)s AND s.decided_at IS NOT NULL
        """,
    ),
    (
        "review e-mails",
        """
        INSERT INTO notifications_outboxemail (recipient_id, kind, language, data, is_digest,
                                               status, send_after, attempts, last_error,
                                               created_at, sent_at, subject)
        SELECT s.learner_id, 'review_done', 'ar', '{}'::jsonb, false, 'sent', s.decided_at, 1,
               '', s.decided_at, s.decided_at, 'راجع مرشدك عملك'
        FROM mentoring_submission AS s
        WHERE s.id >= %(sb)s + %(lo)s AND s.id < %(sb)s + %(hi)s AND s.decided_at IS NOT NULL
        """,
    ),
]

TABLES = [
    "auth_user",
    "learning_enrolment",
    "learning_activity",
    "learning_lessonprogress",
    "learning_componentprogress",
    "learning_heartbeat",
    "learning_quizattempt",
    "mentoring_cohortmembership",
    "mentoring_submission",
    "mentoring_submissionversion",
    "mentoring_submissionevent",
    "mentoring_review",
    "notifications_notice",
    "notifications_outboxemail",
    "credentials_badgeaward",
]


def _run(cursor, label, sql, params, log):
    started = time.monotonic()
    cursor.execute(sql, params)
    log(f"  {label}: {cursor.rowcount:,} rows in {time.monotonic() - started:.1f} s")


def load(world, before, after, log=print):
    """Add the rows numbered from ``before``'s counts up to ``after``'s."""
    params = _arrays(world)
    assert after.submissions <= after.learners * params["n_assignments"], "too few learners"
    assert after.awards <= after.learners * 3 and after.quiz_attempts <= after.learners
    with connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit = off")
        cursor.execute("SET maintenance_work_mem = '512MB'")
        try:
            cursor.execute("SET session_replication_role = replica")
        except Exception:  # noqa: BLE001 - not a superuser: load with the checks on
            log("  (foreign keys are checked: the server refused session_replication_role)")
        ranges = [
            (LEARNER_SQL, before.learners, after.learners),
            ([("quiz attempts", QUIZ_SQL)], before.quiz_attempts, after.quiz_attempts),
            (SUBMISSION_SQL, before.submissions, after.submissions),
            (AWARD_SQL, before.awards, after.awards),
        ]
        for statements, lo, hi in ranges:
            if hi <= lo:
                continue
            for label, sql in statements:
                values = dict(params, lo=lo, hi=hi, per_learner=after.heartbeats_per_learner)
                _run(cursor, label, sql, values, log)
        cursor.execute("SET session_replication_role = DEFAULT")
        started = time.monotonic()
        for table in TABLES:
            cursor.execute(f"VACUUM (ANALYZE) {table}")
        log(f"  vacuum and analyze: {time.monotonic() - started:.1f} s")

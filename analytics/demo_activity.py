"""The demo learners' activity, simulated lesson by lesson and written in bulk.

Used by ``analytics.demo`` only. Every row is what the site's own services would have
written for that activity (scored quiz attempts, merged intervals, versions and
reviews), made in memory and saved with a few ``bulk_create`` calls.
"""

import uuid
from datetime import timedelta

from courses.blocks.quiz import answer_key
from courses.models import LessonPage
from learning.models import (
    ComponentKind,
    ComponentProgress,
    Enrolment,
    Heartbeat,
    LessonProgress,
    QuizAttempt,
)
from learning.progress import intervals as iv
from learning.progress.lessons import components_of
from learning.progress.quizzes import score
from mentoring.models import Cohort, CohortMembership, Submission, SubmissionVersion
from mentoring.models.choices import Action, State
from mentoring.services.common import find_assignment

BEAT_SECONDS = 20.0
# Of every 100 enrolments in the first, second and third course of the demo.
ENROL_SHARE = (0.9, 0.6, 0.45)


def clamp(value, low=0.02, high=0.98):
    return max(low, min(high, value))


class Simulation:
    def __init__(self, rng, now, courses, mentor):
        self.rng, self.now, self.mentor = rng, now, mentor
        self.latest = now - timedelta(hours=1)
        self.courses = [courses[key] for key in sorted(courses)]
        self.rows = {
            name: [] for name in ("enrolments", "lessons", "components", "beats", "quizzes")
        }
        self.handed_in = []  # (submission, [(version, review or None, decided)])
        self.finishers = []
        self.memberships = []

    # -- the course's shape --------------------------------------------------------

    def lessons_of(self, course):
        lessons = []
        for lesson in LessonPage.objects.live().child_of(course).specific().order_by("path"):
            parts = []
            for component in components_of(lesson):
                extra = None
                if component.kind == ComponentKind.QUIZ:
                    quiz = lesson.get_quiz(component.id)
                    extra = (quiz, answer_key(quiz))
                elif component.kind == ComponentKind.ASSIGNMENT:
                    extra = find_assignment(lesson, component.id)
                parts.append((component, extra))
            lessons.append((lesson, parts))
        return lessons

    # -- one learner ---------------------------------------------------------------

    def run(self, learners):
        shapes = [(course, self.lessons_of(course)) for course in self.courses]
        cohorts = {
            c.course_key: c
            for c in Cohort.objects.filter(
                course_key__in=[c.translation_key for c in self.courses]
            ).order_by("pk")
        }
        for learner in learners:
            ability = self.rng.uniform(0.3, 0.95)
            for index, (course, lessons) in enumerate(shapes):
                if self.rng.random() >= ENROL_SHARE[index % len(ENROL_SHARE)]:
                    continue
                start = min(
                    self.latest, learner.date_joined + timedelta(hours=self.rng.uniform(0, 72))
                )
                self.enrol(
                    learner, course, lessons, start, ability, cohorts.get(course.translation_key)
                )
        return self.save()

    def enrol(self, learner, course, lessons, start, ability, cohort):
        enrolment = Enrolment(
            user=learner, course_key=course.translation_key, created_at=start, enrolled_at=start
        )
        self.rows["enrolments"].append(enrolment)
        if cohort is not None:
            self.memberships.append(
                CohortMembership(cohort=cohort, course_key=cohort.course_key, learner=learner)
            )
        if self.rng.random() > 0.75 + 0.15 * ability:
            return  # enrolled, never started
        moment = start + timedelta(hours=self.rng.uniform(1, 24))
        for number, (lesson, parts) in enumerate(lessons):
            if moment > self.latest:
                return
            keep_going = clamp(0.88 - 0.09 * number + 0.35 * (ability - 0.6))
            done = self.rng.random() < keep_going
            finished = True
            for component, extra in parts:
                finished &= self.component(
                    learner, course, lesson, component, extra, moment, ability, done
                )
            self.rows["lessons"].append(
                LessonProgress(
                    user=learner,
                    course_key=course.translation_key,
                    lesson_key=lesson.translation_key,
                    started_at=moment,
                    last_activity_at=moment + timedelta(minutes=20),
                    done_at=moment + timedelta(minutes=20) if finished else None,
                )
            )
            if not finished:
                return
            moment += timedelta(days=self.rng.uniform(0.3, 4))
        if moment <= self.latest:
            enrolment = self.rows["enrolments"][-1]
            enrolment.completed_at = moment
            self.finishers.append((learner, course, moment))

    def component(self, learner, course, lesson, component, extra, moment, ability, done):
        row = ComponentProgress(
            user=learner,
            course_key=course.translation_key,
            lesson_key=lesson.translation_key,
            component_id=component.id,
            kind=component.kind,
            created_at=moment,
            updated_at=moment + timedelta(minutes=15),
        )
        if component.kind == ComponentKind.VIDEO:
            finished = self.video(row, learner, lesson, component.duration, moment, done)
        elif component.kind == ComponentKind.QUIZ:
            finished = self.quiz(
                learner, course, lesson, component.id, extra, moment, ability, done
            )
        elif component.kind == ComponentKind.ASSIGNMENT:
            finished = self.assignment(learner, course, lesson, extra, moment, done)
        else:
            finished = done
        row.done_at = row.updated_at if finished else None
        self.rows["components"].append(row)
        return finished

    def video(self, row, learner, lesson, duration, moment, done):
        draw = self.rng.random()
        if done:
            # Most watch it all; some skip a stretch in the middle, short enough to count.
            played = (
                [[0, duration]]
                if draw < 0.8
                else [[0, 0.45 * duration], [0.53 * duration, duration]]
            )
        else:
            stop = duration * self.rng.choice((0.15, 0.2, 0.45, 0.5, 0.55, 0.8))
            played = (
                [[0, stop]]
                if draw < 0.75
                else [
                    [0, 0.1 * duration],
                    [0.6 * duration, max(0.61 * duration, stop + 0.3 * duration)],
                ]
            )
        played = iv.merge([[s, min(e, duration)] for s, e in played])
        # One in three go back over the passage from 30 % to 42 % (the hard part).
        replays = []
        if (
            iv.total(iv.difference([[0.3 * duration, 0.42 * duration]], played)) == 0
            and self.rng.random() < 0.35
        ):
            replays = [[0.3 * duration, 0.42 * duration]] * self.rng.choice((1, 1, 2))
        at = moment
        for start, end in played:
            position = start
            while position < end:
                stop = min(end, position + BEAT_SECONDS)
                self.beat(learner, lesson, row.component_id, [[position, stop]], at)
                at += timedelta(seconds=stop - position)
                position = stop
        for passage in replays:
            self.beat(learner, lesson, row.component_id, [passage], at)
            at += timedelta(seconds=passage[1] - passage[0])
        watched = iv.total(played)
        row.duration, row.intervals, row.watched_seconds = duration, played, watched
        row.position = played[-1][1]
        row.position_at = row.last_beat_at = at
        row.seconds_spent = watched + sum(e - s for s, e in replays)
        return watched >= 0.9 * duration

    def beat(self, learner, lesson, component_id, played, at):
        self.rows["beats"].append(
            Heartbeat(
                event_id=uuid.uuid4(),
                user=learner,
                lesson_key=lesson.translation_key,
                component_id=component_id,
                received_at=at,
                sent_at=at,
                position=played[-1][1],
                intervals=played,
                new_seconds=0,
            )
        )

    def quiz(self, learner, course, lesson, quiz_id, extra, moment, ability, done):
        quiz, key = extra
        limit = int(quiz.get("max_attempts") or 0) or 4
        attempts = limit if done else self.rng.randint(1, limit)
        for number in range(1, attempts + 1):
            answers = {}
            for position, (question_id, spec) in enumerate(key.items()):
                ease = (0.25, 0.05, -0.1, 0.15, -0.2)[position % 5]
                right = self.rng.random() < clamp(ability + ease + 0.12 * (number - 1) - 0.05)
                wrong = [c for c in spec["choices"] if c not in spec["correct"]]
                answers[question_id] = (
                    sorted(spec["correct"])
                    if right or not wrong
                    else [wrong[0] if self.rng.random() < 0.6 else self.rng.choice(wrong)]
                )
            answers, results, correct, total = score(quiz, answers)
            percent = round(100 * correct / total) if total else 0
            pass_mark = int(quiz.get("pass_mark") or 100)
            at = moment + timedelta(minutes=10 + 30 * number)
            self.rows["quizzes"].append(
                QuizAttempt(
                    user=learner, course_key=course.translation_key,
                    lesson_key=lesson.translation_key, lesson_id=lesson.pk, quiz_id=quiz_id,
                    number=number, answers=answers,
                    results=results, correct=correct, total=total, score=percent,
                    pass_mark=pass_mark, passed=percent >= pass_mark, created_at=at,
                )
            )  # fmt: skip
            if percent >= pass_mark:
                return True
        return False

    def assignment(self, learner, course, lesson, assignment, moment, done):
        handed = moment + timedelta(hours=self.rng.uniform(1, 20))
        if handed > self.latest:
            return False
        submission = Submission(
            learner=learner, lesson=lesson, lesson_key=lesson.translation_key,
            course_key=course.translation_key, assignment_id=assignment.block_id,
            assignment_title=assignment.title[:200], course=course, language="ar",
            first_submitted_at=handed,
        )  # fmt: skip
        versions = []
        for number in (1, 2):
            wait = self.rng.lognormvariate(2.4, 0.9)  # hours; median about 11
            decided = handed + timedelta(hours=wait)
            version = SubmissionVersion(
                number=number, text="عرضي للعميل، مع مثال من عملي السابق.", submitted_at=handed
            )
            if decided > self.now:
                versions.append((version, None, None))
                submission.state, submission.waiting_since = (
                    State.SUBMITTED if number == 1 else State.RESUBMITTED,
                    handed,
                )
                break
            changes = number == 1 and (not done or self.rng.random() < 0.3)
            decision = Action.REQUEST_CHANGES if changes else Action.APPROVE
            versions.append((version, decision, decided))
            submission.decided_at = decided
            if not changes:
                submission.state = State.APPROVED
                break
            submission.state = State.CHANGES_REQUESTED
            if not done:
                break
            handed = decided + timedelta(days=self.rng.uniform(0.5, 3))
            if handed > self.latest:
                break
        self.handed_in.append((submission, versions, assignment))
        return submission.state == State.APPROVED

    # -- writing -------------------------------------------------------------------

    def save(self):
        from analytics.demo_writes import write

        return write(self)

"""Quiz item statistics, computed the way Moodle's quiz statistics report does.

Like Moodle's default, the statistics read each learner's first attempt only (later
attempts follow a review of the first and break the assumptions of item analysis).
With ``x`` a learner's score on one question (1 right, 0 wrong: our questions are all
or nothing) and ``T`` her score on the whole quiz:

* facility index: the mean of ``x``, in percent (the share answering correctly);
* discrimination index: 100 × the correlation (Pearson's product-moment) between ``x``
  and ``T − x``, her score on the rest of the quiz; ``None`` when either never varies;
* each option's share: the share of learners who picked it (for questions that take
  several answers the shares add up to more than 100 %).

Attempts needed to pass come from every attempt: for each learner who passed, the
number of the first attempt that passed.
"""

import math
from collections import Counter, defaultdict

from analytics.models import Snapshot
from analytics.rollup.common import median, page_labels, save_snapshots
from courses.blocks.quiz import answer_key
from courses.models import CoursePage, LessonPage
from learning.models import QuizAttempt


def correlation(xs, ys):
    """Pearson's r of two equally long lists, or ``None`` when one of them is constant."""
    n = len(xs)
    if n < 2:
        return None
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mean_x) ** 2 for x in xs)
    syy = sum((y - mean_y) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    sxy = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True))
    return sxy / math.sqrt(sxx * syy)


def live_quizzes():
    """``{(lesson key, block id): {...}}`` with each question's texts in every language."""
    found = {}
    courses = {
        c.pk: str(c.translation_key) for c in CoursePage.objects.live().only("translation_key")
    }
    lessons = LessonPage.objects.live().specific().order_by("path")
    for lesson in sorted(lessons, key=lambda p: p.locale.language_code != "ar"):
        language = lesson.locale.language_code
        parent_id = lesson.get_parent().pk
        for block in lesson.body:
            if block.block_type != "quiz":
                continue
            key = (str(lesson.translation_key), block.id)
            quiz = found.get(key)
            if quiz is None:
                quiz = found[key] = {
                    "course_key": courses.get(parent_id),
                    "position": lesson.path,
                    "titles": {},
                    "questions": [
                        {
                            "id": qid,
                            "texts": {},
                            "choices": [
                                {"id": cid, "correct": cid in spec["correct"], "texts": {}}
                                for cid in spec["choices"]
                            ],
                        }
                        for qid, spec in answer_key(block.value).items()
                    ],
                }
            quiz["titles"][language] = block.value["title"]
            questions = {q["id"]: q for q in quiz["questions"]}
            for bound in block.value["questions"].bound_blocks:
                question = questions.get(bound.id)
                if question is None:
                    continue
                question["texts"][language] = bound.value["question"]
                choices = {c["id"]: c for c in question["choices"]}
                for choice in bound.value["choices"].bound_blocks:
                    if choice.id in choices:
                        choices[choice.id]["texts"][language] = choice.value["text"]
    return found


def item_statistics(quiz, first_attempts):
    """Per question: learners, facility, discrimination, each option's share."""
    totals = [sum(1 for r in results if r.get("correct")) for results in first_attempts]
    by_question = [
        {r.get("question_id"): r for r in results if isinstance(r, dict)}
        for results in first_attempts
    ]
    out = []
    for question in quiz["questions"]:
        xs, rests, picks = [], [], Counter()
        for answered, total in zip(by_question, totals, strict=True):
            result = answered.get(question["id"])
            if result is None:
                continue  # the question was added after this attempt
            x = 1 if result.get("correct") else 0
            xs.append(x)
            rests.append(total - x)
            picks.update(set(result.get("chosen") or []))
        n = len(xs)
        r = correlation(xs, rests)
        out.append(
            {
                "id": question["id"],
                "learners": n,
                "facility": round(100 * sum(xs) / n, 1) if n else None,
                "discrimination": None if r is None else round(100 * r, 1),
                "options": [
                    {"id": c["id"], "share": round(100 * picks[c["id"]] / n, 1) if n else None}
                    for c in question["choices"]
                ],
            }
        )
    return out


def snapshots(now):
    quizzes = live_quizzes()
    attempts = defaultdict(list)
    for lesson_key, quiz_id, user_id, number, results, passed in (
        QuizAttempt.objects.order_by()
        .values_list("lesson_key", "quiz_id", "user_id", "number", "results", "passed")
        .iterator(chunk_size=5000)
    ):
        key = (str(lesson_key), quiz_id)
        if key in quizzes:
            attempts[key].append((user_id, number, results, passed))
    labels = page_labels({k for k, _q in quizzes})
    rows = {}
    for key, quiz in quizzes.items():
        mine = attempts[key]
        first = {}
        passed_at = {}
        learners = set()
        for user_id, number, results, passed in mine:
            learners.add(user_id)
            if user_id not in first or number < first[user_id][0]:
                first[user_id] = (number, results if isinstance(results, list) else [])
            if passed and (user_id not in passed_at or number < passed_at[user_id]):
                passed_at[user_id] = number
        first_results = [results for _n, results in first.values()]
        to_pass = Counter(passed_at.values())
        data = {
            "course_key": quiz["course_key"],
            "titles": quiz["titles"],
            "attempts": len(mine),
            "learners": len(learners),
            "first_attempts": len(first_results),
            "passed": len(passed_at),
            "not_passed": len(learners) - len(passed_at),
            "attempts_to_pass": {str(n): c for n, c in sorted(to_pass.items())},
            "median_attempts_to_pass": median(list(passed_at.values())),
            "questions": [
                {
                    **q,
                    "texts": quiz["questions"][i]["texts"],
                    "choices": quiz["questions"][i]["choices"],
                }
                for i, q in enumerate(item_statistics(quiz, first_results))
            ],
        }
        rows[f"{key[0]}/{key[1]}"] = {
            "labels": labels.get(key[0], {}),
            "learners": len(learners),
            "position": quiz["position"],
            "data": data,
        }
    return save_snapshots(Snapshot.Kind.QUIZ, rows, now)

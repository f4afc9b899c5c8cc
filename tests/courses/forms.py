"""Admin form data for lesson bodies, as the StreamField editor would post it."""

from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield


def listblock(items):
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def quiz_value(questions, title="اختبر نفسك"):
    """`questions` is [(text, kind, [(choice, correct), …]), …]."""
    return {
        "title": title,
        "intro": "",
        "questions": listblock(
            [
                {
                    "question": text,
                    "kind": kind,
                    "choices": listblock(
                        [{"text": t, "correct": "on" if c else ""} for t, c in choices]
                    ),
                    "explanation": "",
                }
                for text, kind, choices in questions
            ]
        ),
        "pass_mark": "70",
        "max_attempts": "0",
        "retry_wait_minutes": "0",
        "show_correct_answers": "passed_or_last",
        "show_explanations": "passed_or_last",
    }


def assignment_value(rubric=True):
    return {
        "title": "اكتب عرضك",
        "prompt": rich_text("<p>اكتب عرضا</p>"),
        "link_marketplace": "",
        "link_hint": "",
        "rubric": listblock(
            [
                {
                    "criterion": "الوضوح",
                    "description": "",
                    "levels": listblock(
                        [
                            {"label": "ضعيف", "description": "", "points": "0"},
                            {"label": "ممتاز", "description": "", "points": "5"},
                        ]
                    ),
                }
            ]
            if rubric
            else []
        ),
        "example_answer": rich_text(""),
        "mentor_approval_required": "on",
    }


def lesson_form_data(blocks, title="درس", slug="lesson", hand_in=("text",)):
    """Flat POST data for a LessonPage whose body is `blocks` ([(type, value), …])."""
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "summary": "",
            "practice_minutes": "10",
            "body": streamfield(blocks),
        }
    )
    for index, (block_type, _value) in enumerate(blocks):
        if block_type == "assignment":
            data[f"body-{index}-value-hand_in"] = list(hand_in)
    return data

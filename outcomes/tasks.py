"""Background work of outcomes: asking the learners who are due."""

from django_tasks import task


@task()
def ask_due_learners():
    from outcomes.asking import ask_due

    return ask_due()

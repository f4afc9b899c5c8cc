"""Where badges hear about learning: course completions and approved assignments.

``learning.signals.course_completed`` is the learning tracker's event (sent once, after
commit). Mentor review has no signal of its own; every change of a submission's state
leaves exactly one ``SubmissionEvent`` row, so an event row arriving in state
"approved" is the approval. Both only enqueue a check, on commit, so a rolled-back
approval awards nothing.
"""

from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from learning import signals
from mentoring.models import SubmissionEvent
from mentoring.states import State

from . import tasks


@receiver(signals.course_completed, dispatch_uid="badges.course_completed")
def course_completed(sender, user, course_key, course_id=None, **kwargs):
    transaction.on_commit(lambda: tasks.check_course.enqueue(user.pk, str(course_key), course_id))


@receiver(post_save, sender=SubmissionEvent, dispatch_uid="badges.submission_approved")
def submission_approved(sender, instance, created, **kwargs):
    if not created or instance.to_state != State.APPROVED:
        return
    submission = instance.submission
    transaction.on_commit(
        lambda: tasks.check_assignment.enqueue(
            submission.learner_id,
            str(submission.lesson_key),
            submission.assignment_id,
            submission.language,
        )
    )

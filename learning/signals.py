"""Domain events of the learning app, for features that react to learning (badges, e-mail).

Every signal is sent once per fact, after the transaction that recorded it has
committed (``transaction.on_commit``), so a receiver never sees a completion that was
rolled back and never runs twice for the same one. Receivers get keyword arguments:

``enrolled``          user, course_key, course_id (the page enrolled from), rejoined (bool)
``left``              user, course_key
``lesson_completed``  user, lesson_key, course_key, lesson_id, completed_at
``course_completed``  user, course_key, course_id, completed_at
``quiz_attempted``    user, attempt (a ``QuizAttempt``)

``course_key`` and ``lesson_key`` are Wagtail translation keys (UUIDs): a page and its
translations share one, so a receiver can pick the learner's language version itself.
"""

from django.dispatch import Signal

enrolled = Signal()
left = Signal()
lesson_completed = Signal()
course_completed = Signal()
quiz_attempted = Signal()

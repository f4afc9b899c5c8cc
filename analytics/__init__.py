"""Analytics for editors: daily rollups of learning, quizzes, mentoring and outcomes.

The top of the import order: it reads every app below it (learning, mentoring,
credentials, courses, cms, outcomes) and nothing of ours imports it.
"""

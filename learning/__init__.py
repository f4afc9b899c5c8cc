"""Enrolment, the progress tracker, quizzes and the dashboard."""

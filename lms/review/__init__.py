"""Assignments and mentor review: hand-ins, the review queue, rubrics and notifications.

Models live in ``lms.models`` (cohorts, submissions, reviews, notifications); this
package holds the rules that act on them, so views and the API share one code path.
"""

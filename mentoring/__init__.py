"""Assignments and mentor review: cohorts, hand-ins, the review queue, claims, rubrics.

The models are in ``mentoring.models``; the services in this package act on them, so
the pages and the API share one code path.
"""

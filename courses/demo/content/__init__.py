"""Texts of the demo courses, written for Bidaya from the situations in the seed stories.

Every translatable value is an ``{"ar": …, "en": …, "fr": …}`` triple (see ``L``); the
builder picks one per language. Slides are Arabic only: the videos are spoken in Arabic
and carry English and French captions (``narration_en``, ``narration_fr``).
"""

from courses.demo.content.common import CATALOGUE, INSTRUCTORS
from courses.demo.content.pitching import COURSE as PITCHING
from courses.demo.content.pricing import COURSE as PRICING
from courses.demo.content.specialising import COURSE as SPECIALISING

COURSES = [PITCHING, PRICING, SPECIALISING]

__all__ = ["CATALOGUE", "COURSES", "INSTRUCTORS"]

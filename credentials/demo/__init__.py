"""Demo badges and the demo learner's journey for ``manage.py seed_demo``.

Found by the cms app's seeder discovery (``cms.demo``). The badge classes come after
the courses; the learner's journey after the accounts and the cohorts (``mentoring.demo``).
"""

from cms.demo import register_seeder
from credentials.demo.badges import seed_badges
from credentials.demo.journey import seed_learner_journey

register_seeder("badges", order=60)(seed_badges)
register_seeder("learner-journey", order=97)(seed_learner_journey)

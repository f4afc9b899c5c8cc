from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LmsConfig(AppConfig):
    name = "lms"
    verbose_name = _("Learning")

    def ready(self):
        # Learning: drop cached lesson summaries when lessons are (un)published.
        from lms import receivers  # noqa: F401

        # Badges: rules run on completions and approvals; the badge e-mail's content.
        from lms.badges import emails as badge_emails  # noqa: F401
        from lms.badges import receivers as badge_receivers  # noqa: F401

        # Mentor review: cohort placement on enrolment.
        from lms.review import cohorts  # noqa: F401

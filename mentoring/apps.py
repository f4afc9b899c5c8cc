from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    name = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        # Cohort placement on enrolment; notices and e-mails about submissions and reviews.
        from cms import admin_frame
        from mentoring import cohorts, notify  # noqa: F401
        from mentoring.models import Cohort

        # The members' listing keeps the cohorts its filter offers.
        admin_frame.retire_on_change(Cohort)

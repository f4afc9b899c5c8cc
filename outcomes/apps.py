from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutcomesConfig(AppConfig):
    name = "outcomes"
    verbose_name = _("Outcomes")

    def ready(self):
        # The figures' cache, the question's notice and e-mail, the badges' evidence.
        from credentials import evidence as credential_evidence
        from outcomes import asking, evidence, receivers  # noqa: F401

        credential_evidence.register(evidence.shown_outcomes)

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credentials")

    def ready(self):
        # Rules run on completions and approvals; the badge e-mail's content.
        from credentials import emails, profiles, receivers  # noqa: F401
        from notifications import outbox

        # Everywhere a person is named, the name on her learner profile comes first.
        if profiles.chosen_name not in outbox.NAME_SOURCES:
            outbox.NAME_SOURCES.append(profiles.chosen_name)
            outbox.NAME_PREFETCHERS.append(profiles.prefetch_chosen_names)

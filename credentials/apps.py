from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credentials")

    def ready(self):
        # Rules run on completions and approvals; the badge e-mail's content.
        from cms import admin_frame
        from credentials import emails, profiles, receivers  # noqa: F401
        from credentials.models import BadgeClass
        from notifications import outbox

        # The awards' listing keeps the badges its filter offers.
        admin_frame.retire_on_change(BadgeClass)

        # Everywhere a person is named, the name on her learner profile comes first.
        if profiles.chosen_name not in outbox.NAME_SOURCES:
            outbox.NAME_SOURCES.append(profiles.chosen_name)
            outbox.NAME_PREFETCHERS.append(profiles.prefetch_chosen_names)

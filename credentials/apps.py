from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CredentialsConfig(AppConfig):
    name = "credentials"
    verbose_name = _("Credentials")

    def ready(self):
        # Rules run on completions and approvals; the badge e-mail's content.
        from credentials import emails, receivers  # noqa: F401

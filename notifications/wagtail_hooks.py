"""Admin registration of notifications: the e-mail outbox, read-only but for a retry."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from config.admin_listing import LargeTableViewSetMixin
from notifications.models import OutboxEmail


class OutboxEmailViewSet(LargeTableViewSetMixin, ModelViewSet):
    """Read the outbox: what was sent, what waits, what failed and why."""

    model = OutboxEmail
    icon = "mail"
    menu_label = _("E-mail outbox")
    list_display = [
        "kind",
        "recipient",
        "status",
        "attempts",
        "send_after",
        "sent_at",
        "last_error",
    ]
    list_select_related = ["recipient"]
    list_filter = ["status", "kind"]
    search_fields = ["recipient__email", "subject"]
    email_search_field = "recipient__email"
    copy_view_enabled = False
    inspect_view_enabled = True
    form_fields = ["status", "send_after"]
    add_to_admin_menu = True
    menu_order = 260


@hooks.register("register_admin_viewset")
def register_outbox():
    return OutboxEmailViewSet("outbox")

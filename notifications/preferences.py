"""A person's settings that follow them from device to device."""

from django.utils.translation import get_language

from config.prepared import Prepared
from notifications.models import NotificationPreference

# Asked on every lesson page.
_SAVING_DATA = Prepared(
    lambda user_id: NotificationPreference.objects.filter(
        user_id=user_id, data_saver=True
    ).values_list("pk", flat=True)[:1],
    user_id=int,
)


def data_saver(user):
    """Whether lesson videos should start as sound only for ``user``."""
    if not getattr(user, "is_authenticated", False):
        return False
    return bool(_SAVING_DATA(user_id=user.pk))


def set_data_saver(user, on):
    """Remember the choice on the account; a first setting also keeps the language the
    person is reading in for their e-mails (what an unset preference means)."""
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user,
        defaults={"data_saver": bool(on)},
        create_defaults={"data_saver": bool(on), "language": get_language()},
    )
    return preference.data_saver

"""A person's settings that follow them from device to device."""

from django.utils.translation import get_language

from notifications.models import NotificationPreference


def data_saver(user):
    """Whether lesson videos should start as sound only for ``user``."""
    if not getattr(user, "is_authenticated", False):
        return False
    return NotificationPreference.objects.filter(user=user, data_saver=True).exists()


def set_data_saver(user, on):
    """Remember the choice on the account; a first setting also keeps the language the
    person is reading in for their e-mails (what an unset preference means)."""
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user,
        defaults={"data_saver": bool(on)},
        create_defaults={"data_saver": bool(on), "language": get_language()},
    )
    return preference.data_saver

"""Wagtail admin language for new admin users.

Wagtail shows the admin in the user's chosen language, and without a choice in the
browser's. Bidaya's editors and mentors work in Arabic first, so an admin user who has
not chosen yet starts in the site's default language (LANGUAGE_CODE); the choice in
their Wagtail account preferences wins from then on. Wagtail only creates the profile
that holds the choice lazily, so it is created when an admin user logs in.
"""

from django.conf import settings
from django.contrib.auth.signals import user_logged_in
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.users.models import UserProfile


@receiver(post_save, sender=UserProfile, dispatch_uid="accounts_default_admin_language")
def default_admin_language(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not instance.preferred_language:
        instance.preferred_language = settings.LANGUAGE_CODE
        UserProfile.objects.filter(pk=instance.pk).update(preferred_language=settings.LANGUAGE_CODE)


@receiver(user_logged_in, dispatch_uid="accounts_admin_profile_on_login")
def ensure_admin_profile(sender, request, user, **kwargs):
    if user.has_perm("wagtailadmin.access_admin"):
        UserProfile.get_for_user(user)


def _forget_cached_user(sender, instance, **kwargs):
    """The heartbeat endpoint reads the session's user from the cache: drop it now and
    again after commit, so a password change or a deactivation applies at once."""
    from accounts.api.auth import forget_user

    forget_user(instance.pk)
    transaction.on_commit(lambda: forget_user(instance.pk))


post_save.connect(
    _forget_cached_user, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_saved"
)
post_delete.connect(
    _forget_cached_user, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_deleted"
)


@receiver(post_save, sender=UserProfile, dispatch_uid="accounts_profile_time_zone")
def forget_profile_time_zone(sender, instance, raw=False, **kwargs):
    """A new time zone in the profile shows on the next page, on every device."""
    from accounts import timezones

    timezones.forget(instance.user_id)
    transaction.on_commit(lambda: timezones.forget(instance.user_id))

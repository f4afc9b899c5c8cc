"""What happens around signing in and choosing a password.

- Wagtail admin language for new admin users. Wagtail shows the admin in the user's
  chosen language, and without a choice in the browser's. Bidaya's editors and mentors
  work in Arabic first, so an admin user who has not chosen yet starts in the site's
  default language (LANGUAGE_CODE); the choice in their Wagtail account preferences
  wins from then on. Wagtail only creates the profile that holds the choice lazily, so
  it is created when an admin user logs in.
- Staff sign-ins are logged (``accounts.staff``), with the client's address.
- A new password revokes the account's API tokens: whoever reset or changed it may be
  locking out someone who knew the old one, and a token would outlive the password.
- The signed-in user's cached row (``accounts.sessions``) is dropped when the user,
  their groups (from either side), a group's name or their profile's time zone change.
"""

import logging

from allauth.account import signals as allauth_signals
from allauth.account.adapter import get_adapter

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver
from django.utils.translation import ngettext

from wagtail.users.models import UserProfile

from accounts.models import AccessToken

ADMIN_PERMISSION = "wagtailadmin.access_admin"
staff_log = logging.getLogger("accounts.staff")


@receiver(post_save, sender=UserProfile, dispatch_uid="accounts_default_admin_language")
def default_admin_language(sender, instance, created, raw=False, **kwargs):
    if created and not raw and not instance.preferred_language:
        instance.preferred_language = settings.LANGUAGE_CODE
        UserProfile.objects.filter(pk=instance.pk).update(preferred_language=settings.LANGUAGE_CODE)


def client_address(request):
    try:
        return get_adapter(request).get_client_ip(request)
    except PermissionDenied:
        return "unknown"


@receiver(user_logged_in, dispatch_uid="accounts_admin_profile_on_login")
def on_staff_login(sender, request, user, **kwargs):
    admin = user.has_perm(ADMIN_PERMISSION)
    if admin:
        UserProfile.get_for_user(user)
    if admin or user.is_staff:
        staff_log.info(
            "staff sign-in: user=%s email=%s superuser=%s address=%s",
            user.pk,
            user.email,
            user.is_superuser,
            client_address(request) if request is not None else "none",
        )


def _forget_users(user_ids):
    """Requests read the session's user from the cache: drop the rows now and again
    after commit, so a change applies at once and no request in between keeps it."""
    from accounts.sessions import forget_user

    user_ids = list(user_ids)

    def forget():
        for user_id in user_ids:
            forget_user(user_id)

    forget()
    transaction.on_commit(forget)


def _forget_cached_user(sender, instance, **kwargs):
    """A password change or a deactivation applies at once."""
    _forget_users([instance.pk])


def _revoke_tokens_on_new_password(sender, instance, created, raw=False, **kwargs):
    """``set_password`` leaves the new password in ``_password`` until the save that
    follows (Django's own "password changed" moment; a hash upgrade at login clears it
    first), so every way of choosing a password is covered: allauth's reset and change
    forms, an admin editing the user, ``manage.py changepassword``."""
    if created or raw or getattr(instance, "_password", None) is None:
        return
    instance.revoked_token_count = AccessToken.objects.filter(user=instance).revoke()


def _tell_about_revoked_tokens(sender, request, user, **kwargs):
    count = getattr(user, "revoked_token_count", 0)
    if count and request is not None:
        messages.warning(
            request,
            ngettext(
                "Your new password revoked your API token. Create a new one on your "
                "dashboard for any app that still needs it.",
                "Your new password revoked your %(count)d API tokens. Create new ones on "
                "your dashboard for the apps that still need them.",
                count,
            )
            % {"count": count},
        )


post_save.connect(
    _forget_cached_user, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_saved"
)
post_save.connect(
    _revoke_tokens_on_new_password,
    sender=settings.AUTH_USER_MODEL,
    dispatch_uid="accounts_revoke_tokens_on_new_password",
)
post_delete.connect(
    _forget_cached_user, sender=settings.AUTH_USER_MODEL, dispatch_uid="accounts_user_deleted"
)
for _signal in (
    allauth_signals.password_changed,
    allauth_signals.password_reset,
    allauth_signals.password_set,
):
    _signal.connect(_tell_about_revoked_tokens, dispatch_uid="accounts_tokens_told")


@receiver(m2m_changed, sender=get_user_model().groups.through, dispatch_uid="accounts_groups")
def forget_members(sender, instance, action, reverse, pk_set, **kwargs):
    """A user's cached row carries their groups' names (the rights of editors and
    mentors): a change of membership, from either side, applies on the next request.
    The rows are dropped once the change is made (after it, not before, so no request
    in between caches the old groups)."""
    if reverse and action == "pre_clear":  # group.user_set.clear(): who is in it now
        instance._members_before_change = list(instance.user_set.values_list("pk", flat=True))
        return
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:  # user.groups.…
        _forget_users([instance.pk])
    elif action == "post_clear":
        _forget_users(instance.__dict__.pop("_members_before_change", ()))
    else:
        _forget_users(pk_set or ())


@receiver(post_save, sender=Group, dispatch_uid="accounts_group_renamed")
def forget_renamed_group_members(sender, instance, raw=False, **kwargs):
    """A renamed group changes the names its members' rows carry."""
    if not raw:
        _forget_users(instance.user_set.values_list("pk", flat=True))


@receiver(pre_delete, sender=Group, dispatch_uid="accounts_group_deleting")
def note_deleted_group_members(sender, instance, **kwargs):
    instance._members_before_change = list(instance.user_set.values_list("pk", flat=True))


@receiver(post_delete, sender=Group, dispatch_uid="accounts_group_deleted")
def forget_deleted_group_members(sender, instance, **kwargs):
    """A deleted group's members lose its name (and its rights) once it is gone."""
    _forget_users(instance.__dict__.pop("_members_before_change", ()))


@receiver(post_save, sender=UserProfile, dispatch_uid="accounts_profile_time_zone")
def forget_profile_time_zone(sender, instance, raw=False, **kwargs):
    """A new time zone in the profile shows on the next page, on every device."""
    from accounts import timezones
    from accounts.sessions import forget_user

    def forget():
        timezones.forget(instance.user_id)
        forget_user(instance.user_id)  # its cached row carries the zone

    forget()
    transaction.on_commit(forget)

"""What the Wagtail admin shows around a listing, kept between requests: each person's
sidebar, the keyboard shortcuts dialog, and the choices of the listings' filters.

**The sidebar.** Wagtail's ``{% sidebar_props %}`` asks every menu item and search area
whether it is shown (permission checks, with queries for page, collection and form
permissions), then packs the whole menu for the sidebar's script: about 10 ms and up
to three queries of every admin page, for a result that changes only when the
person's permissions, name or avatar, or the page tree change. The admin's base
template (``templates/wagtailadmin/base.html``: Wagtail's, with
``{% kept_sidebar_props %}`` in place of ``{% sidebar_props %}``) calls
``sidebar_props`` below, which keeps Wagtail's own output in this process's memory
(``cms.generations.local``: a new deployment starts afresh, and no person's menu is
written to the shared cache) under a key made of:

* the ``ADMIN`` generation, moved on (now and again on commit) whenever what decides a
  menu item can change: groups, their model, page and collection permissions,
  anyone's groups or own permissions, pages created, moved, published, unpublished or
  deleted;
* the person's id and the admin's language;
* a digest of the person's own part: name, username, e-mail address and avatar (the
  sidebar shows them), dismissed menu items, superuser and active flags, and every
  model permission the person holds. The permissions are those the admin has already
  read for this request (it checks ``wagtailadmin.access_admin`` first), so the key
  costs no query, and a change that no signal announces (a ``QuerySet.update`` of a
  user, a group's permissions set in raw SQL) still makes a new key for that person;
* the hour: whatever changes without a signal (a data migration's historical models
  send none to these receivers) is seen within the hour; each process builds each
  person's sidebar at most once an hour.

One person's key never serves another (the id is in it), and a miss runs Wagtail's
own tag: nothing of Wagtail's is replaced. Code that changes page or collection
permissions with ``bulk_create`` or raw SQL outside a group's edit view (which saves
the group, and so moves the generation on) calls ``bump()``.

**The keyboard shortcuts dialog** (``{% kept_keyboard_shortcuts_dialog %}``) is the
same for everyone with the same language, browser (its keys are a Mac's or a PC's)
and shortcuts setting: kept in memory under those.

**Filter choices.** A filter over a foreign key (a listing's cohorts, badges) reads
every row of the other table on every page view, through a server-side cursor.
``kept_choices(name, compute)`` keeps the ``(value, label)`` pairs in memory under the
``ADMIN`` generation and the page tree's (``cms.generations.ROUTES``: the labels may
name pages), in the admin's language; the app that owns the rows connects ``bump`` to
their ``post_save`` and ``post_delete`` (``retire_on_change``).
"""

import hashlib
import time

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.translation import get_language

from wagtail.models import GroupCollectionPermission, GroupPagePermission, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from cms import generations

SIDEBAR_KEY = "cms:admin-sidebar:{generation}:{hour}:{user}:{language}:{digest}"
SHORTCUTS_KEY = "cms:admin-shortcuts:{language}:{enabled}:{comments}:{agent}"
CHOICES_KEY = "cms:admin-choices:{name}:{generation}:{routes}:{language}"


def kept_here(key, compute):
    """``compute()``'s result, kept in this process's memory under ``key``."""
    value = generations.local.get(key)
    if value is None:
        value = compute()
        generations.local.set(key, value)
    return value


def _hashed(text):
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _digest(user):
    profile = getattr(user, "wagtail_userprofile", None)
    permissions = () if user.is_superuser else sorted(user.get_all_permissions())
    parts = [
        user.get_username(),
        getattr(user, "first_name", ""),
        getattr(user, "email", ""),
        str(user.is_superuser),
        str(user.is_active),
        profile.avatar.name if profile is not None and profile.avatar else "",
        repr(sorted(profile.dismissibles.items())) if profile is not None else "",
        *permissions,
    ]
    return _hashed("\x1f".join(parts))


def sidebar_key(request):
    user = request.user
    return SIDEBAR_KEY.format(
        generation=generations.of(generations.ADMIN),
        hour=int(time.time() // 3600),
        user=user.pk,
        language=get_language() or "",
        digest=_digest(user),
    )


def sidebar_props(context):
    """Wagtail's sidebar props for this request's user, kept while they hold."""
    from wagtail.admin.templatetags.wagtailadmin_tags import (
        sidebar_props as wagtail_sidebar_props,
    )

    request = context["request"]
    if not getattr(request.user, "is_authenticated", False):
        return wagtail_sidebar_props(context)
    return kept_here(sidebar_key(request), lambda: wagtail_sidebar_props(context))


def keyboard_shortcuts_dialog(context):
    """Wagtail's keyboard shortcuts dialog, kept for its language, browser and setting."""
    from django.template.loader import render_to_string

    from wagtail.admin.templatetags import wagtailadmin_tags

    request = context.get("request")
    user = getattr(request, "user", None)
    profile = getattr(user, "wagtail_userprofile", None) if user is not None else None
    key = SHORTCUTS_KEY.format(
        language=get_language() or "",
        enabled=getattr(profile, "keyboard_shortcuts", True),
        comments=wagtailadmin_tags.get_comments_enabled(),
        agent=_hashed(request.headers.get("User-Agent", "") if request else ""),
    )
    return kept_here(
        key,
        lambda: render_to_string(
            "wagtailadmin/shared/keyboard_shortcuts_dialog.html",
            wagtailadmin_tags.keyboard_shortcuts_dialog(context),
        ),
    )


def kept_choices(name, compute):
    """``compute()``'s list of ``(value, label)`` pairs, kept until the rows it reads
    change (``retire_on_change``) or the page tree does."""
    key = CHOICES_KEY.format(
        name=name,
        generation=generations.of(generations.ADMIN),
        routes=generations.of(generations.ROUTES),
        language=get_language() or "",
    )
    return kept_here(key, lambda: [(value, str(label)) for value, label in compute()])


def bump(**kwargs):
    """Retire every kept sidebar and every filter's kept choices."""
    generations.bump(generations.ADMIN)


def _bump_on_commit(**kwargs):
    # Now, and again once committed: a request that read the old rows in between must
    # not leave its answer behind.
    bump()
    transaction.on_commit(bump)


def retire_on_change(model):
    """Retire what is kept when a row of ``model`` is saved or deleted."""
    label = model._meta.label_lower
    post_save.connect(_bump_on_commit, sender=model, dispatch_uid=f"admin-frame-{label}")
    post_delete.connect(_bump_on_commit, sender=model, dispatch_uid=f"admin-frame-{label}-gone")


def _page_created(sender, instance, created, raw=False, **kwargs):
    if created and not raw and isinstance(instance, Page):
        _bump_on_commit()


def connect():
    """Move the generation on whenever a menu item's answer can change (called once,
    from ``CmsConfig.ready``)."""
    user_model = get_user_model()
    for model in (Group, Permission, GroupPagePermission, GroupCollectionPermission):
        retire_on_change(model)
    for through in (
        Group.permissions.through,
        user_model.groups.through,
        user_model.user_permissions.through,
    ):
        m2m_changed.connect(
            _bump_on_commit,
            sender=through,
            dispatch_uid=f"admin-frame-{through._meta.label_lower}",
        )
    # Every page model is a subclass: the signal is read for all senders.
    post_save.connect(_page_created, dispatch_uid="admin-frame-page-created")
    post_delete.connect(_bump_on_commit, sender=Page, dispatch_uid="admin-frame-page-deleted")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(_bump_on_commit, dispatch_uid=f"admin-frame-{signal!r}")

"""The admin's sidebar is kept for each person (``cms.admin_frame``): it is Wagtail's own,
it costs no query once kept, and nobody ever sees a menu item for a permission she does
not hold, however the permission went away."""

import json
import re
from pathlib import Path

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import wagtail.admin
from wagtail.admin.templatetags.wagtailadmin_tags import sidebar_props
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from cms import admin_frame

pytestmark = pytest.mark.django_db
URL = "/admin/outbox/"
SIDEBAR = re.compile(
    r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', re.S
)


def menu_names(node, found=None):
    """The names of every menu item in the packed sidebar."""
    found = set() if found is None else found
    if isinstance(node, dict):
        if isinstance(node.get("name"), str):
            found.add(node["name"])
        for value in node.values():
            menu_names(value, found)
    elif isinstance(node, list):
        for value in node:
            menu_names(value, found)
    return found


def sidebar_of(client):
    response = client.get(URL)
    assert response.status_code == 200
    return menu_names(json.loads(SIDEBAR.search(response.content.decode()).group(1)))


def person(name, *groups):
    user = get_user_model().objects.create_user(name, f"{name}@example.com", first_name=name)
    user.groups.add(*groups)
    return user


@pytest.fixture
def editors():
    return Group.objects.get(name="Editors")


@pytest.fixture
def outbox_readers():
    """Reads the outbox and nothing else: no pages, images, analytics."""
    group = Group.objects.create(name="Outbox readers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_outboxemail"),
    )
    return group


def signed_in(client, user):
    client.force_login(user)
    return client


def test_the_base_template_is_wagtails_but_for_the_kept_tags():
    """``templates/wagtailadmin/base.html`` is a copy: when Wagtail changes its own, copy
    it again."""
    name = "templates/wagtailadmin/base.html"
    wagtails = (Path(wagtail.admin.__file__).parent / name).read_text()
    ours = (Path(__file__).parents[2] / name).read_text()
    ours = re.sub(r"{% comment %}.*?{% endcomment %}\n", "", ours, flags=re.S)
    assert ours == wagtails.replace(
        "{% load wagtailadmin_tags wagtailcore_tags i18n %}",
        "{% load wagtailadmin_tags wagtailcore_tags i18n admin_frame %}",
    ).replace("{% sidebar_props %}", "{% kept_sidebar_props %}").replace(
        "{% keyboard_shortcuts_dialog %}", "{% kept_keyboard_shortcuts_dialog %}"
    )


def test_the_kept_sidebar_is_wagtails_own_and_costs_no_query(editors):
    user = person("huda", editors)
    request = RequestFactory().get(URL)
    request.user = user
    user.get_all_permissions()  # as the admin's access check has done by then
    with translation.override("ar"):
        first = admin_frame.sidebar_props({"request": request})
        with CaptureQueriesContext(connection) as queries:
            kept = admin_frame.sidebar_props({"request": request})
        assert kept == first == sidebar_props({"request": request})
    assert len(queries) == 0
    assert "analytics" in menu_names(json.loads(SIDEBAR.search(kept).group(1)))


MAC = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Safari/605.1.15"
PC = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36"


def shortcuts_dialog(client, agent):
    response = client.get(URL, HTTP_USER_AGENT=agent)
    html = response.content.decode()
    start = html.index('id="keyboard-shortcuts-dialog"')
    return html[start : html.index("<main", start)]


def test_the_shortcuts_dialog_follows_the_browser_and_the_setting(client, editors):
    user = person("huda", editors)
    signed_in(client, user)
    for _ in range(2):  # built, then kept
        assert "⌘" in shortcuts_dialog(client, MAC) and "Ctrl" not in shortcuts_dialog(client, MAC)
        assert "Ctrl" in shortcuts_dialog(client, PC) and "⌘" not in shortcuts_dialog(client, PC)
    # Wagtail says whether they are on in an info block, that they are off in a warning.
    assert "help-info" in shortcuts_dialog(client, PC)
    profile = UserProfile.get_for_user(user)
    profile.keyboard_shortcuts = False
    profile.save()
    dialog = shortcuts_dialog(client, PC)
    assert "help-warning" in dialog and "help-info" not in dialog


def test_a_listing_reads_no_page_or_collection_permission_once_kept(client, editors):
    signed_in(client, person("huda", editors))
    client.get(URL)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(URL).status_code == 200
    tables = " ".join(q["sql"] for q in queries.captured_queries)
    assert "wagtailcore_grouppagepermission" not in tables
    assert "wagtailcore_groupcollectionpermission" not in tables
    # Permissions, profile, count (with the planner's estimate on PostgreSQL), rows,
    # locales: what the listing itself needs.
    assert len(queries) == (7 if connection.vendor == "postgresql" else 6)


def test_each_person_sees_her_own_menu(client, editors, outbox_readers):
    editor = signed_in(client, person("huda", editors))
    assert {"analytics", "explorer", "images"} <= sidebar_of(editor)
    reader = signed_in(client, person("salma", outbox_readers))
    names = sidebar_of(reader)
    assert not {"analytics", "explorer", "images", "reports"} & names
    assert "salma" in names  # her name on the account menu, not the editor's
    assert "huda" not in names


def test_a_permission_taken_from_her_group_leaves_her_menu(client, editors):
    signed_in(client, person("huda", editors))
    assert "analytics" in sidebar_of(client)
    editors.permissions.remove(Permission.objects.get(codename="view_analytics"))
    assert "analytics" not in sidebar_of(client)


def test_a_permission_taken_without_a_signal_leaves_her_menu(client, editors):
    """A row deleted behind the ORM's back still changes her key: her permissions are
    part of it."""
    signed_in(client, person("huda", editors))
    assert "analytics" in sidebar_of(client)
    Group.permissions.through.objects.filter(
        group=editors, permission__codename="view_analytics"
    )._raw_delete(connection.alias)
    assert "analytics" not in sidebar_of(client)


def test_page_permissions_taken_from_her_group_leave_her_menu(client, editors):
    signed_in(client, person("huda", editors))
    assert {"explorer", "reports"} <= sidebar_of(client)
    GroupPagePermission.objects.filter(group=editors).delete()
    assert not {"explorer", "reports"} & sidebar_of(client)


def test_leaving_a_group_leaves_its_menu(client, editors, outbox_readers):
    user = person("huda", editors, outbox_readers)
    signed_in(client, user)
    assert "analytics" in sidebar_of(client)
    user.groups.remove(editors)
    assert not {"analytics", "explorer"} & sidebar_of(client)


def test_moving_to_a_group_without_page_permissions_leaves_the_pages_menu(client, editors):
    """The same model permissions, so the same digest: the move itself retires her key."""
    writers = Group.objects.create(name="Writers")
    writers.permissions.set(editors.permissions.all())
    user = person("huda", editors)
    signed_in(client, user)
    assert "explorer" in sidebar_of(client)
    user.groups.add(writers)
    user.groups.remove(editors)
    assert "explorer" not in sidebar_of(client)


def test_a_new_name_shows_at_once(client, editors):
    user = person("huda", editors)
    signed_in(client, user)
    assert "huda" in sidebar_of(client)
    user.first_name = "Hoda"
    user.save()
    names = sidebar_of(client)
    assert "Hoda" in names and "huda" not in names

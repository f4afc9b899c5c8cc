"""The signed-in user comes from the cache, and every change to the account still counts."""

import pytest

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.sessions import USER_CACHE_KEY
from mentoring.models import MENTORS_GROUP

from .conftest import PASSWORD

NOTICES_API = "/api/v1/notices"
MENTOR_QUEUE = "/ar/mentor/"


def user_reads(queries):
    return [q["sql"] for q in queries if 'FROM "auth_user"' in q["sql"]]


def test_second_request_reads_no_user_row(client, make_user):
    user = make_user()
    client.force_login(user)
    assert client.get(NOTICES_API).status_code == 200
    assert cache.get(USER_CACHE_KEY.format(user.pk)) is not None
    with CaptureQueriesContext(connection) as queries:
        assert client.get(NOTICES_API).status_code == 200
    assert user_reads(queries.captured_queries) == []


def test_deactivated_account_is_signed_out_at_once(client, make_user):
    user = make_user()
    client.force_login(user)
    assert client.get(NOTICES_API).status_code == 200
    user.is_active = False
    user.save()
    assert client.get(NOTICES_API).status_code == 401


def test_new_password_signs_other_sessions_out(client, make_user):
    user = make_user()
    client.force_login(user)
    assert client.get(NOTICES_API).status_code == 200
    user.set_password(PASSWORD + "-new")
    user.save()
    assert client.get(NOTICES_API).status_code == 401


def test_stale_cached_row_with_other_password_is_not_trusted(client, make_user):
    """A bulk update sends no signal: the cached row then disagrees with the session's
    hash only if the password changed, and then the database decides."""
    user = make_user()
    client.force_login(user)
    assert client.get(NOTICES_API).status_code == 200
    stale = get_user_model().objects.get(pk=user.pk)
    stale.set_password("another-Lantern-11")
    cache.set(USER_CACHE_KEY.format(user.pk), stale, 60)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(NOTICES_API).status_code == 200
    assert len(user_reads(queries.captured_queries)) == 1


def test_signed_out_visitor_reads_nothing(client, db):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(NOTICES_API).status_code == 401
    assert user_reads(queries.captured_queries) == []


def test_the_profiles_time_zone_rides_with_the_cached_row(client, make_user, monkeypatch):
    """A signed-in page needs the profile's zone: it comes with the cached user, not from
    a read of its own; saving the profile forgets the row, so a new zone shows at once."""
    from wagtail.users.models import UserProfile

    from accounts import timezones

    user = make_user()
    profile = UserProfile.objects.create(user=user, current_time_zone="Asia/Tokyo")
    client.force_login(user)
    assert client.get("/ar/dashboard/").status_code == 200
    assert getattr(cache.get(USER_CACHE_KEY.format(user.pk)), timezones.ZONE_ATTRIBUTE) == (
        "Asia/Tokyo"
    )
    reads = []
    original = timezones.profile_zone_name
    monkeypatch.setattr(
        timezones, "profile_zone_name", lambda user_id: reads.append(user_id) or original(user_id)
    )
    assert client.get("/ar/dashboard/").status_code == 200
    assert reads == []
    profile.current_time_zone = "Africa/Casablanca"
    profile.save()
    assert cache.get(USER_CACHE_KEY.format(user.pk)) is None
    assert client.get("/ar/dashboard/").status_code == 200
    assert reads == [user.pk]
    assert getattr(cache.get(USER_CACHE_KEY.format(user.pk)), timezones.ZONE_ATTRIBUTE) == (
        "Africa/Casablanca"
    )


def group_reads(queries):
    return [q["sql"] for q in queries if 'FROM "auth_group"' in q["sql"]]


def test_the_groups_ride_with_the_cached_row(client, make_user):
    """The header asks on every page whether the reader edits pages or reviews work: the
    answer comes with the cached user, not from a query of its own."""
    user = make_user()
    client.force_login(user)
    assert client.get("/ar/dashboard/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/ar/dashboard/").status_code == 200
    assert group_reads(queries.captured_queries) == []


@pytest.mark.parametrize("side", ["user", "group"])
def test_a_new_mentor_gets_the_queue_at_once_and_loses_it_at_once(client, make_user, side):
    mentors, _created = Group.objects.get_or_create(name=MENTORS_GROUP)
    user = make_user()
    client.force_login(user)
    assert client.get(MENTOR_QUEUE).status_code == 403
    if side == "user":
        user.groups.add(mentors)
    else:
        mentors.user_set.add(user)
    assert client.get(MENTOR_QUEUE).status_code == 200
    if side == "user":
        user.groups.remove(mentors)
    else:
        mentors.user_set.clear()
    assert client.get(MENTOR_QUEUE).status_code == 403


@pytest.mark.parametrize("change", ["rename", "delete"])
def test_a_renamed_or_deleted_group_applies_at_once(client, make_user, change):
    mentors, _created = Group.objects.get_or_create(name=MENTORS_GROUP)
    user = make_user()
    user.groups.add(mentors)
    client.force_login(user)
    assert client.get(MENTOR_QUEUE).status_code == 200
    if change == "rename":
        mentors.name = "Former mentors"
        mentors.save()
    else:
        mentors.delete()
    assert client.get(MENTOR_QUEUE).status_code == 403

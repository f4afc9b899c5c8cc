"""The badge-award listing and the published status list cost the same queries for a
few awards or many, and new awards fill one status list before opening the next."""

import importlib

import jwt as pyjwt
import pytest

from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from credentials import awarding, status_list, verification
from credentials.models import BadgeAward, BadgeStatusList

from .world import make_badge, make_user

pytestmark = pytest.mark.django_db
LIMIT = 40


def award_many(badge, count):
    return [
        awarding.award_badge(badge, make_user(), source=BadgeAward.Source.RULE)[0]
        for _ in range(count)
    ]


def counted(client, url, assert_queries, limit=LIMIT):
    client.get(url)
    with assert_queries(limit) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return response, len(captured)


def test_the_award_listing_costs_the_same_for_3_or_30_awards(
    admin_client, badge_world, django_assert_max_num_queries
):
    url = "/admin/badge_awards/"
    award_many(badge_world.badge, 3)
    response, small = counted(admin_client, url, django_assert_max_num_queries)
    assert len(response.context["object_list"]) == 3

    newest = award_many(badge_world.badge, 27)[-1]
    response, large = counted(admin_client, url, django_assert_max_num_queries)
    rows = response.context["object_list"]
    assert len(rows) == 20 and rows[0] == newest
    assert newest.recipient.username in response.content.decode()
    assert large == small


def revoked_bits(response):
    claims = pyjwt.decode(response.content, options={"verify_signature": False})
    bits = status_list.decode(claims["credentialSubject"]["encodedList"])
    return {i for i in range(len(bits) * 8) if status_list.is_set(bits, i)}, claims


def test_the_status_list_costs_the_same_for_3_or_30_awards(
    client, badge_world, django_assert_max_num_queries
):
    mentor = make_user()
    awards = award_many(badge_world.badge, 3)
    awarding.revoke(awards[0], by=mentor, reason="نسخ")
    url = f"/badges/status/{awards[0].status_list}/"
    response, small = counted(client, url, django_assert_max_num_queries, limit=3)
    assert revoked_bits(response)[0] == {awards[0].status_index}

    awards += award_many(badge_world.badge, 27)
    awarding.revoke(awards[-1], by=mentor, reason="نسخ")
    response, large = counted(client, url, django_assert_max_num_queries, limit=3)
    bits, claims = revoked_bits(response)
    assert bits == {awards[0].status_index, awards[-1].status_index}
    revoked_at = BadgeAward.objects.get(pk=awards[-1].pk).revoked_at
    assert claims["nbf"] == int(revoked_at.timestamp())
    assert large == small


def test_a_list_that_does_not_exist_is_not_found(client, badge_world):
    award_many(badge_world.badge, 1)
    assert verification.status_list_token(1) is not None
    assert verification.status_list_token(2) is None
    assert client.get("/badges/status/2/", follow=True).status_code == 404


def test_new_awards_go_to_the_next_list_once_one_is_half_used(
    badge_world, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = award_many(badge_world.badge, 2)
    assert {award.status_list for award in first} == {1}
    assert BadgeStatusList.objects.get(number=1).used == 2

    BadgeStatusList.objects.filter(number=1).update(used=status_list.LIST_SIZE // 2)
    with django_capture_on_commit_callbacks(execute=True):
        (later,) = award_many(badge_world.badge, 1)
    assert later.status_list == 2
    assert list(BadgeStatusList.objects.values_list("number", "used")) == [
        (1, status_list.LIST_SIZE // 2),
        (2, 1),
    ]


def test_the_migration_counts_the_lists_existing_awards_use(badge_world):
    awards = award_many(badge_world.badge, 3)
    BadgeAward.objects.filter(pk=awards[2].pk).update(status_list=4)
    BadgeAward.objects.filter(pk=awards[0].pk).update(revoked_at=awards[0].awarded_at)
    BadgeStatusList.objects.all().delete()
    migration = importlib.import_module("credentials.migrations.0003_status_lists_and_indexes")
    migration.count_existing_lists(apps, None)
    assert list(BadgeStatusList.objects.values_list("number", "used", "revoked")) == [
        (1, 2, 1),
        (4, 1, 0),
    ]
    assert BadgeStatusList.objects.get(number=1).changed_at == awards[0].awarded_at
    assert BadgeStatusList.objects.get(number=1).created_at == min(a.awarded_at for a in awards[:2])


def badge_options(client, language):
    response = client.get("/admin/badge_awards/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return dict(response.context["filters"].form.fields["badge_class"].choices)


def test_the_badge_filter_is_kept_per_language_and_follows_the_badges(admin_client, badge_world):
    """The filter's badges are read once per language (``cms.admin_frame``), and a new
    or renamed badge shows at once."""
    badge = badge_world.badge
    assert badge_options(admin_client, "ar")[badge.pk] == badge.name_ar
    with CaptureQueriesContext(connection) as queries:
        assert badge_options(admin_client, "ar")[badge.pk] == badge.name_ar
    assert not [q for q in queries.captured_queries if 'FROM "credentials_badgeclass"' in q["sql"]]
    assert badge_options(admin_client, "en")[badge.pk] == badge.name_en

    badge.name_en = "A first proposal that wins"
    badge.save()
    other = make_badge(course=badge_world.course, name_en="Pricing", name_ar="التسعير")
    options = badge_options(admin_client, "en")
    assert options[badge.pk] == "A first proposal that wins" and options[other.pk] == "Pricing"
    awarding.award_badge(other, make_user(), source=BadgeAward.Source.RULE)
    response = admin_client.get("/admin/badge_awards/", {"badge_class": other.pk})
    assert [award.badge_class for award in response.context["object_list"]] == [other]

"""The e-mail outbox listing of the admin costs the same queries for a few e-mails or
pages of them, shows the newest first and finds a recipient by e-mail address."""

import pytest

from django.contrib.auth import get_user_model

from notifications.models import OutboxEmail

pytestmark = pytest.mark.django_db
URL = "/admin/outbox/"


def mails(numbers):
    User = get_user_model()
    return [
        OutboxEmail.objects.create(
            recipient=User.objects.create_user(f"reader{n}", f"reader{n}@example.com"),
            kind=OutboxEmail.Kind.REVIEW_DONE,
            subject=f"Review {n}",
        )
        for n in numbers
    ]


def counted(client, assert_queries, **params):
    client.get(URL, params)
    with assert_queries(40) as captured:
        response = client.get(URL, params)
    assert response.status_code == 200
    return response, len(captured)


def test_the_outbox_listing_costs_the_same_for_3_or_30_emails(
    admin_client, django_assert_max_num_queries
):
    mails(range(3))
    response, small = counted(admin_client, django_assert_max_num_queries)
    assert len(response.context["object_list"]) == 3

    newest = mails(range(3, 30))[-1]
    response, large = counted(admin_client, django_assert_max_num_queries)
    rows = response.context["object_list"]
    assert len(rows) == 20 and rows[0] == newest
    assert "reader29" in response.content.decode()
    assert large == small


def test_a_recipient_is_found_by_e_mail_address(admin_client):
    mails(range(12))
    response = admin_client.get(URL, {"q": "Reader11@example.com"})
    assert [row.recipient.username for row in response.context["object_list"]] == ["reader11"]
    response = admin_client.get(URL, {"q": "Review 3"})
    assert [row.subject for row in response.context["object_list"]] == ["Review 3"]

"""Signing in greets the learner by the name she gave, not by a generated username."""

from django.contrib.messages import get_messages

from .conftest import PASSWORD


def signed_in_message(client, email):
    response = client.post(
        "/en/accounts/login/", {"login": email, "password": PASSWORD}, follow=True
    )
    assert response.status_code == 200
    return [str(message) for message in get_messages(response.wsgi_request)]


def test_greeting_uses_the_sign_up_name(client, make_user):
    user = make_user(email="sami@example.com")
    user.username = "walker1"
    user.first_name = "Sami Walker"
    user.save()
    assert signed_in_message(client, "sami@example.com") == [
        "Successfully signed in as Sami Walker."
    ]


def test_without_a_name_the_greeting_uses_the_address(client, make_user):
    user = make_user(email="rania@example.com")
    user.username = "user-7f3a"
    user.save()
    assert signed_in_message(client, "rania@example.com") == ["Successfully signed in as rania."]

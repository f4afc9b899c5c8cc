"""In the Arabic admin, the page editor's text fields follow the direction of their text."""

import pytest

from django.contrib.auth import get_user_model

from tests.factories.cms import HomePageFactory

pytestmark = pytest.mark.django_db


def test_the_page_editor_loads_the_direction_script(client):
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "x")
    client.force_login(admin)
    page = HomePageFactory()
    response = client.get(f"/admin/pages/{page.pk}/edit/", HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    assert 'src="/static/js/admin-direction.js"' in response.content.decode()

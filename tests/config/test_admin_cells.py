"""The large listings' cells, written in Python (``config.admin_cells``), are the HTML
Wagtail's cell templates write: cell by cell, and for a whole listing in Arabic."""

import re
from datetime import UTC, datetime
from types import SimpleNamespace

import pytest

from django.contrib.auth import get_user_model
from django.test import RequestFactory
from django.test.html import parse_html
from django.utils import timezone, translation
from django.utils.html import format_html

from wagtail.admin.ui.tables import BooleanColumn, ButtonsColumnMixin, Column, Table, TitleColumn
from wagtail.admin.widgets.button import Button, ButtonWithDropdown, ListingButton

from config import admin_listing
from config.admin_cells import PythonCellColumn, python_cells
from learning.models import Enrolment
from notifications.models import OutboxEmail
from tests.factories.courses import CoursePageFactory

pytestmark = pytest.mark.django_db


class OwnTemplateButton(Button):
    template_name = "wagtailadmin/shared/dialog/dialog_toggle.html"


def row_buttons(row):
    more = [
        Button("Edit", url=f"/edit/{row.pk}/", icon_name="edit", priority=10),
        Button("Inspect <it>", url=f"/inspect/{row.pk}/", icon_name="info-circle"),
        Button("Forget", attrs={"data-action": "forget"}, priority=30),
    ]
    return [
        ListingButton("Open", url=f"/open/{row.pk}/", attrs={"rel": "noopener"}),
        ButtonWithDropdown(
            buttons=more, icon_name="dots-horizontal", attrs={"aria-label": f"More for '{row}'"}
        ),
    ]


class TitleWithButtons(ButtonsColumnMixin, TitleColumn):
    def get_buttons(self, instance, parent_context):
        return row_buttons(instance)


def link(row):
    return format_html('<a href="/{}/">x</a>', row.pk)


def columns():
    return [
        TitleWithButtons(
            "name",
            label="Name",
            get_url=lambda row: f"/rows/{row.pk}/?a=1&b=2",
            get_title_id=lambda row: f"row_{row.pk}_title",
            link_attrs={"data-ok": True, "data-no": False},
            link_classname="title-link",
        ),
        TitleColumn(
            "label", accessor="name", label="Label", label_prefix="choose", classname="w-w-1/3"
        ),
        Column("number", label="Number", classname="number", sort_key="number"),
        Column("empty", label="Empty"),
        Column("missing", label="Missing"),
        Column("at", label="At", sort_key="at", ascending_title_text="Oldest <first>"),
        Column("html", label="Link", accessor=link),
        Column("text", label="Text"),
        BooleanColumn("flag", label="Flag", sort_key="flag"),
    ]


ROWS = [
    SimpleNamespace(
        pk=1,
        name="Salma <Ali> & co",
        number=12345,
        empty="  ",
        missing=None,
        at=datetime(2026, 3, 1, 9, 30, tzinfo=UTC),
        text="quote \" and 'apostrophe'",
        flag=True,
    ),
    SimpleNamespace(
        pk=2, name="", number=0, empty="", missing=None, at=None, text="نص عربي", flag=None
    ),
]


@pytest.mark.parametrize(
    "language, ordering", [("ar", None), ("en", "number"), ("ar", "-number"), ("en", "-at")]
)
def test_each_kind_of_cell_is_written_as_wagtails_template_writes_it(language, ordering):
    request = RequestFactory().get("/admin/rows/", {"q": "سلمى & co", "p": "3", "ordering": "x"})
    request.user = get_user_model()(username="editor")
    wrapped = python_cells(columns())
    # Every header is written in Python; so are the cells of the title columns and the
    # plain ones, while the boolean keeps its template (the project's, which reads the
    # answer out).
    assert all(type(column) is PythonCellColumn for column in wrapped)
    assert [column.render is None for column in wrapped] == [False] * 8 + [True]

    def table(columns):
        return Table(columns, ROWS, base_url="/admin/rows/", ordering=ordering).render_html(
            {"request": request}
        )

    with translation.override(language), timezone.override("Africa/Casablanca"):
        ours, wagtails = table(wrapped), table(columns())
    assert parse_html(ours) == parse_html(wagtails)
    assert "q=" in ours and "ordering=" in ours and "p=3" not in ours
    assert "Salma &lt;Ali&gt; &amp; co" in ours and 'href="/1/"' in ours
    assert ours.count('data-controller="w-dropdown"') == 2


def test_a_button_with_a_template_of_its_own_keeps_it():
    class Own(ButtonsColumnMixin, TitleColumn):
        def get_buttons(self, instance, parent_context):
            return [OwnTemplateButton("Ask", attrs={"data-w-dialog-target-value": "#ask"})]

    request = RequestFactory().get("/admin/")
    ours = Table(python_cells([Own("name")]), ROWS[:1]).render_html({"request": request})
    wagtails = Table([Own("name")], ROWS[:1]).render_html({"request": request})
    assert parse_html(ours) == parse_html(wagtails)


LISTING_TABLE = re.compile(r'<table class="listing.*?</table>', re.S)


def listing_table(client, url, monkeypatch, python):
    with monkeypatch.context() as patch:
        if not python:
            patch.setattr(admin_listing, "python_cells", list)
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="ar")
    assert response.status_code == 200
    return parse_html(LISTING_TABLE.search(response.content.decode()).group(0))


@pytest.mark.parametrize("url", ["/admin/outbox/", "/admin/enrolments/"])
def test_a_whole_listing_is_the_html_wagtail_writes(admin_client, monkeypatch, url):
    User = get_user_model()
    course = CoursePageFactory()
    for number in range(3):
        reader = User.objects.create_user(f"reader{number}", f"reader{number}@example.com")
        OutboxEmail.objects.create(
            recipient=reader, kind=OutboxEmail.Kind.REVIEW_DONE, subject=f"Review {number}"
        )
        Enrolment.objects.create(user=reader, course_key=course.translation_key)
    ours = listing_table(admin_client, url, monkeypatch, python=True)
    wagtails = listing_table(admin_client, url, monkeypatch, python=False)
    assert ours == wagtails
    assert str(ours).count("<tr") == 4

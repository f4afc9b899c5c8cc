"""Wagtail admin listings that cost the same on a table of a thousand rows or of millions.

Wagtail's generic listing counts every matching row for its "N items" line and its
pagination, and each column that reads a related object or a computed property makes
one query per row. Mixed into a ``ModelViewSet``, ``LargeTableViewSetMixin`` gives the
listing:

* ``list_select_related``: the related rows the columns show, read with the page;
* ``prepare_rows(rows)``: a hook that fills in computed columns for the whole page at
  once (e.g. course titles looked up by translation key);
* a count that is exact up to ``EXACT_COUNT_LIMIT`` rows and PostgreSQL's planner
  estimate beyond: telling 300,000 enrolments from 300,124 is not worth a scan of the
  table on every page view;
* ``email_search_field``: a search that looks like an e-mail address (``name@…``) is
  matched as a case-insensitive prefix of that field, which the index on users'
  e-mail addresses answers (``accounts`` migration 0002); any other search runs on the
  view's ``search_fields`` as before;
* cells and headers written in Python (``config.admin_cells``) where Wagtail renders a
  template per cell, with the same HTML;
* the user's model permissions asked once per page rather than once per row (every
  row's edit, inspect and delete links ask the same question of the same policy).

Shared by several apps' admin registrations, so it lives with the project's settings
rather than in one of the apps (``notifications`` may import no other app).
"""

import json

from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.text import capfirst

from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import BooleanColumn
from wagtail.admin.views.generic import IndexView
from wagtail.permission_policies import ModelPermissionPolicy

from config.admin_cells import python_cells

EXACT_COUNT_LIMIT = 10_000


def planner_estimate(queryset):
    """The number of rows PostgreSQL expects ``queryset`` to return (no rows are read)."""
    sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    if isinstance(plan, str):
        plan = json.loads(plan)
    return int(plan[0]["Plan"]["Plan Rows"])


class EstimatedCountPaginator(WagtailPaginator):
    """Exact counts for small results, the planner's estimate for large ones.

    Both questions are asked every time (the estimate costs a plan, the capped count at
    most ``exact_limit`` index entries), so a listing makes the same queries however
    many rows it has.
    """

    exact_limit = EXACT_COUNT_LIMIT

    @cached_property
    def count(self):
        queryset = self.object_list
        if not isinstance(queryset, QuerySet) or connections[queryset.db].vendor != "postgresql":
            return super().count
        estimate = planner_estimate(queryset)
        capped = queryset.order_by().values("pk")[: self.exact_limit + 1].count()
        return capped if capped <= self.exact_limit else max(capped, estimate)


class LargeTableIndexView(IndexView):
    paginator_class = EstimatedCountPaginator
    list_select_related = ()
    email_search_field = None
    prepare_rows = None

    @cached_property
    def columns(self):
        return python_cells(super().columns)

    @cached_property
    def _answers(self):
        return {}

    def user_has_permission(self, permission):
        key = ("one", permission)
        if key not in self._answers:
            self._answers[key] = super().user_has_permission(permission)
        return self._answers[key]

    def user_has_any_permission(self, permissions):
        key = ("any", frozenset(permissions))
        if key not in self._answers:
            self._answers[key] = super().user_has_any_permission(permissions)
        return self._answers[key]

    def get_base_queryset(self):
        queryset = super().get_base_queryset()
        if self.list_select_related:
            queryset = queryset.select_related(*self.list_select_related)
        return queryset

    def search_queryset(self, queryset):
        query = self.search_query.strip() if self.is_searching else ""
        if self.email_search_field and "@" in query and not query.startswith("@"):
            return queryset.filter(**{f"{self.email_search_field}__istartswith": query})
        return super().search_queryset(queryset)

    def paginate_queryset(self, queryset, page_size):
        paginator, page, rows, is_paginated = super().paginate_queryset(queryset, page_size)
        rows = list(rows)
        if self.prepare_rows is not None:
            self.prepare_rows(rows)
        page.object_list = rows
        return paginator, page, rows, is_paginated


def yes_no_column(model, field_name):
    """A boolean field as a tick or a cross, headed by its verbose name and sortable.

    Listed by name, Wagtail shows a boolean field as Python's "True" or "False", which
    no admin language translates.
    """
    field = model._meta.get_field(field_name)
    return BooleanColumn(field_name, label=capfirst(field.verbose_name), sort_key=field_name)


class LargeTableViewSetMixin:
    index_view_class = LargeTableIndexView
    list_select_related = ()
    email_search_field = None

    def prepare_rows(self, rows):
        """Fill in what the columns show for a page of ``rows`` at once (override)."""

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            list_select_related=self.list_select_related,
            email_search_field=self.email_search_field,
            prepare_rows=self.prepare_rows,
            **kwargs,
        )


class ReadOnlyPolicy(ModelPermissionPolicy):
    """Rows that only a service writes (awards, enrolments, quiz attempts): the admin
    lists and inspects them, and nobody, not even a superuser, adds, edits or deletes
    one by hand, because the service keeps the facts around a row (activity, progress,
    signals, counters) that a form would skip."""

    WRITE = {"add", "change", "delete"}

    def user_has_permission(self, user, action):
        return action not in self.WRITE and super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission([a for a in actions if a not in self.WRITE])

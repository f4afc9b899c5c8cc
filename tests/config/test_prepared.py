"""Queries compiled once (``config.prepared``) return what the ORM returns."""

import uuid

import pytest

from django.db.models import Count

from config.prepared import Prepared, PreparedError
from learning.models import ComponentProgress, Enrolment
from notifications.models import Notice
from tests.factories.accounts import UserFactory
from tests.factories.learning import ComponentProgressFactory, EnrolmentFactory
from tests.factories.notifications import NoticeFactory

pytestmark = pytest.mark.django_db

ROWS = Prepared(
    lambda user_id, keys: ComponentProgress.objects.filter(
        user_id=user_id, lesson_key__in=keys
    ).order_by("pk"),
    user_id=int,
    keys=[uuid.UUID],
)


def _fields(row):
    return {field.attname: getattr(row, field.attname) for field in row._meta.concrete_fields}


def test_model_rows_equal_the_orms_with_their_conversions():
    """Datetimes, UUIDs, JSON and floats come back as the ORM gives them."""
    mine = ComponentProgressFactory(video=True)
    other_lesson = ComponentProgressFactory(user=mine.user)
    ComponentProgressFactory(video=True)  # someone else's
    keys = [uuid.UUID(str(mine.lesson_key)), uuid.UUID(str(other_lesson.lesson_key))]

    prepared = ROWS(user_id=mine.user_id, keys=keys)
    orm = list(
        ComponentProgress.objects.filter(user_id=mine.user_id, lesson_key__in=keys).order_by("pk")
    )

    assert [_fields(row) for row in prepared] == [_fields(row) for row in orm]
    assert len(prepared) == 2
    assert prepared[0].intervals == [[0.0, 62.5]]
    assert prepared[0]._state.adding is False
    # One list length, then another: each compiles its own plan, both answer rightly.
    assert [row.pk for row in ROWS(user_id=mine.user_id, keys=keys[:1])] == [mine.pk]


def test_values_and_aggregates():
    user = UserFactory()
    NoticeFactory.create_batch(3, user=user)
    NoticeFactory(user=UserFactory())
    unread = Prepared(
        lambda user_id: (
            Notice.objects.filter(user_id=user_id, read_at__isnull=True)
            .values("user_id")
            .annotate(unread=Count("pk"))
            .values_list("unread", flat=True)
        ),
        user_id=int,
    )
    keys = Prepared(
        lambda user_id: Enrolment.objects.filter(user_id=user_id).values_list(
            "course_key", "status"
        ),
        user_id=int,
    )
    enrolment = EnrolmentFactory(user=user)

    assert unread(user_id=user.pk) == [3]
    assert unread(user_id=UserFactory().pk) == []
    assert keys(user_id=user.pk) == [(enrolment.course_key, "active")]
    assert isinstance(keys(user_id=user.pk)[0][0], uuid.UUID)


def test_one_query_per_run_and_none_for_an_empty_list(django_assert_num_queries):
    user = UserFactory()
    ROWS(user_id=user.pk, keys=[uuid.uuid4()])  # compiled
    with django_assert_num_queries(1):
        assert ROWS(user_id=user.pk, keys=[uuid.uuid4()]) == []
    with django_assert_num_queries(0):
        assert ROWS(user_id=user.pk, keys=[]) == []


def test_a_stand_in_is_never_taken_for_a_real_value():
    """Values equal to another argument's stand-in go where they were given."""
    user = UserFactory()
    row = ComponentProgressFactory(user=user)
    found = ROWS(user_id=user.pk, keys=[uuid.UUID(str(row.lesson_key))])
    assert [r.pk for r in found] == [row.pk]
    assert ROWS(user_id=user.pk + 1, keys=[uuid.UUID(str(row.lesson_key))]) == []


def test_a_lookup_that_rewrites_its_value_is_refused():
    refused = Prepared(
        lambda name: Notice.objects.filter(kind__icontains=name).values_list("pk", flat=True),
        name=str,
    )
    with pytest.raises(PreparedError, match="rewritten"):
        refused(name="review")


def test_unsupported_shapes_and_wrong_arguments_are_refused():
    related = Prepared(
        lambda user_id: Notice.objects.filter(user_id=user_id).select_related("user"),
        user_id=int,
    )
    with pytest.raises(PreparedError, match="select_related"):
        related(user_id=1)
    as_dicts = Prepared(
        lambda user_id: Notice.objects.filter(user_id=user_id).values(), user_id=int
    )
    with pytest.raises(PreparedError, match="values_list"):
        as_dicts(user_id=1)
    with pytest.raises(TypeError):
        ROWS(user_id=1)
    with pytest.raises(PreparedError, match="unsupported"):
        Prepared(lambda when: Notice.objects.filter(created_at=when), when=float)(when=1.0)

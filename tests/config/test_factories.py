"""Every model of the people-facing apps has a factory that writes a valid row.

A model added to one of these apps without a factory in tests/factories fails here.
Each factory is called twice, so sequences and sub-factories have to keep the rows
apart under the models' unique constraints, and both rows are read back from the
database and validated with ``full_clean()``.
"""

import pytest

from django.apps import apps
from django.contrib.sessions.models import Session

from tests.factories import factory_for

APPS = ("accounts", "notifications", "learning", "mentoring", "credentials", "outcomes")

# Models whose saved rows cannot pass full_clean(), with the reason. Keep it empty
# unless a model really cannot (e.g. a field its own validators refuse by design).
NO_FULL_CLEAN = {}


def concrete_models():
    """The apps' own models; auto-created many-to-many tables are filled through the
    factories of the models that own them."""
    return [
        model
        for app in APPS
        for model in apps.get_app_config(app).get_models()
        if not model._meta.abstract and not model._meta.proxy
    ]


def label(model):
    return model._meta.label


@pytest.mark.django_db
@pytest.mark.parametrize("model", concrete_models(), ids=label)
def test_the_factory_saves_valid_rows(model):
    factory_class = factory_for(model)
    assert factory_class is not None, (
        f"{label(model)} has no factory: add one to tests/factories/{model._meta.app_label}.py "
        f"with Meta.model = {model.__name__}"
    )
    first, second = factory_class(), factory_class()
    for instance in (first, second):
        assert isinstance(instance, model), f"{factory_class.__name__} built a {type(instance)}"
        assert instance.pk is not None, f"{factory_class.__name__} did not save its row"
    assert first.pk != second.pk, f"{factory_class.__name__} returned the same row twice"

    for instance in (first, second):
        saved = model._base_manager.get(pk=instance.pk)
        if label(model) in NO_FULL_CLEAN:
            continue
        saved.full_clean()


def test_every_app_listed_has_models():
    """Guards the list above: an app renamed away would silently check nothing."""
    for app in APPS:
        assert apps.get_app_config(app).get_models(), f"the {app} app has no models"


def test_a_model_without_a_factory_is_reported():
    assert factory_for(Session) is None


def test_the_exceptions_name_real_models():
    labels = {label(model) for model in concrete_models()}
    assert set(NO_FULL_CLEAN) <= labels, set(NO_FULL_CLEAN) - labels

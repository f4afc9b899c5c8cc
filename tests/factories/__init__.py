"""Factories for the project's models, one module per app.

`factory_for(Model)` finds a model's factory among this package's modules, by the
factory's `Meta.model`: a new module or factory needs no registration. When a model has
several factories (`UserFactory`, `MentorFactory` …), the one named after the model
(`<Model>Factory`) is its factory.
"""

import importlib
import pkgutil

from factory.django import DjangoModelFactory


def factory_modules():
    return [
        importlib.import_module(f"{__name__}.{info.name}")
        for info in pkgutil.iter_modules(__path__)
        if not info.name.startswith("_")
    ]


def factories_by_model():
    """``{model class: [factory classes defined for it]}`` over every factory module."""
    found = {}
    for module in factory_modules():
        for value in vars(module).values():
            if not (
                isinstance(value, type)
                and issubclass(value, DjangoModelFactory)
                and value.__module__ == module.__name__
                and value._meta.model is not None
            ):
                continue
            found.setdefault(value._meta.get_model_class(), []).append(value)
    return found


def factory_for(model):
    """The factory of ``model``, or None when there is none."""
    candidates = factories_by_model().get(model, [])
    named = [f for f in candidates if f.__name__ == f"{model.__name__}Factory"]
    return (named or candidates or [None])[0]

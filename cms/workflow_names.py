"""The names of the editorial workflow and its task, shown in the reader's language.

Wagtail keeps a workflow's and a task's name in one database column and prints it as
it is, in the admin's lists, the page's status panel and its history. The names the
project creates (``cms.editorial``) are stored in English and shown translated: each
row is given its name in the active language when it is read, and a name that is one
of those translations is stored back as the English original, so an Arabic editor who
saves the workflow unchanged does not rename it for everybody. Names an administrator
typed themselves are shown and stored as typed.
"""

from django.conf import settings
from django.db.models.signals import post_init, pre_save
from django.utils import translation
from django.utils.translation import pgettext_lazy

from cms.editorial import TASK_NAME, WORKFLOW_NAME

# The msgids, so makemessages finds them; the context keeps them apart from other
# uses of the same words.
NAMES = {
    WORKFLOW_NAME: pgettext_lazy("workflow name", "Moderation"),
    TASK_NAME: pgettext_lazy("workflow task name", "Moderators approve"),
}


def shown_name(name):
    """The name to show in the active language."""
    lazy = NAMES.get(name)
    return str(lazy) if lazy is not None else name


def stored_name(name):
    """The English original when ``name`` is one of its translations, else ``name``."""
    for original, lazy in NAMES.items():
        if name == original:
            return original
        for code, _label in settings.LANGUAGES:
            with translation.override(code):
                if name == str(lazy):
                    return original
    return name


def _translate(sender, instance, **kwargs):
    name = instance.__dict__.get("name")
    if name in NAMES and translation.get_language():
        instance.name = shown_name(name)


def _store(sender, instance, **kwargs):
    if "name" in instance.__dict__:
        instance.name = stored_name(instance.name)


def connect():
    """Listen on the workflow and every task model (a task is read as its subclass too)."""
    from django.apps import apps

    from wagtail.models import Task, Workflow

    models = [Workflow] + [m for m in apps.get_models() if issubclass(m, Task)]
    for model in models:
        uid = f"cms.workflow_names.{model._meta.label_lower}"
        post_init.connect(_translate, sender=model, dispatch_uid=uid, weak=False)
        pre_save.connect(_store, sender=model, dispatch_uid=uid, weak=False)

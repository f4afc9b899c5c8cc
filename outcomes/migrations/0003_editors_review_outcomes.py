"""Editors and Moderators may read reported outcomes and mark them verified or rejected.

"view" and "change": the admin's edit form holds only the review; nobody adds an
outcome by hand (``outcomes.wagtail_hooks.OutcomePolicy``).
"""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
PERMISSIONS = ["view_outcome", "change_outcome"]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="outcomes", model="outcome"
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        for codename in PERMISSIONS:
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": "Can " + codename.replace("_", " ")},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("outcomes", "0002_outcomeask"),
        ("cms", "0003_editorial_workflow_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

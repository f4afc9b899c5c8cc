"""Editors and Moderators see the analytics (the "Analytics" menu and the API)."""

from django.db import migrations

GROUPS = ("Editors", "Moderators")


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type, _created = ContentType.objects.get_or_create(
        app_label="analytics", model="snapshot"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="view_analytics",
        defaults={"name": "Can see the analytics"},
    )
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("analytics", "0001_initial"),
        ("cms", "0003_editorial_workflow_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

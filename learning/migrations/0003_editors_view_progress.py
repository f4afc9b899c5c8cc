"""Editors and Moderators may read the enrolment and quiz-attempt listings.

Only "view": the listings are read-only for everyone (``config.admin_listing.
ReadOnlyPolicy``); enrolments and attempts change through the learning services.
"""

from django.db import migrations

GROUPS = ("Editors", "Moderators")
PERMISSIONS = [("enrolment", "view_enrolment"), ("quizattempt", "view_quizattempt")]


def forwards(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for name in GROUPS:
        group, _created = Group.objects.get_or_create(name=name)
        for model, codename in PERMISSIONS:
            content_type, _created = ContentType.objects.get_or_create(
                app_label="learning", model=model
            )
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": "Can " + codename.replace("_", " ")},
            )
            group.permissions.add(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("learning", "0002_indexes"),
        ("cms", "0003_editorial_workflow_and_locales"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

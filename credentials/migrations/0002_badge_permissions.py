"""Badge permissions for the Mentors, Lead mentors, Editors and Moderators groups."""

from django.db import migrations


def grant_badge_permissions(apps, schema_editor):
    from credentials.permissions import grant_group_permissions

    grant_group_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_editorial_workflow_and_locales"),
        ("credentials", "0001_initial"),
        ("mentoring", "0002_review_groups"),
    ]

    operations = [migrations.RunPython(grant_badge_permissions, migrations.RunPython.noop)]

"""The Mentors and Lead mentors groups, and the Editors' cohort and outbox permissions."""

from django.db import migrations


def create_groups(apps, schema_editor):
    from mentoring.setup import ensure_review_groups

    ensure_review_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_editorial_workflow_and_locales"),
        ("mentoring", "0001_initial"),
        ("notifications", "0001_initial"),
    ]

    operations = [migrations.RunPython(create_groups, migrations.RunPython.noop)]

"""Editors and Moderators may add, change and choose videos (Moderators also delete).

Runs the same idempotent setup as 0003, which now lists the video permissions on the
root collection beside those of images and documents.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from cms.editorial import ensure_editorial_setup

    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0003_editorial_workflow_and_locales"),
        ("media_processing", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

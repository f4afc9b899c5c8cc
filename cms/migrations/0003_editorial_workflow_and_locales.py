"""Locales ar/en/fr, the Editors and Moderators groups, and the "Moderation" workflow.

The logic lives in cms.editorial so that seed_demo can apply the same setup again.
"""

from django.conf import settings
from django.db import migrations


def forwards(apps, schema_editor):
    from cms.editorial import ensure_editorial_setup

    Locale = apps.get_model("wagtailcore", "Locale")
    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0002_stories_snippets"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("simple_translation", "0001_initial"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

"""Editors and Moderators keep the exchange rates, like the other reference snippets.

Runs the same idempotent setup as 0003, which now lists the exchange-rate snippet.
"""

from django.db import migrations


def forwards(apps, schema_editor):
    from cms.editorial import ensure_editorial_setup

    ensure_editorial_setup(apps)


class Migration(migrations.Migration):
    dependencies = [("cms", "0005_marketplace_pricing_rates_payouts")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]

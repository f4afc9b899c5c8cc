"""A case-insensitive prefix index on people's e-mail addresses, on PostgreSQL.

The admin listings find a person by e-mail address (``config.admin_listing``): Django's
``istartswith`` reads ``UPPER(email::text) LIKE UPPER('…%')`` on PostgreSQL, which this
index answers instead of a scan of every user. The user table belongs to Django's auth
app, so the index is created here by hand; other databases go without it.
"""

from django.conf import settings
from django.db import migrations

INDEX_NAME = "accounts_user_email_upper_prefix"


def _table(apps, schema_editor):
    return schema_editor.quote_name(apps.get_model(settings.AUTH_USER_MODEL)._meta.db_table)


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = _table(apps, schema_editor)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX_NAME} ON {table} (UPPER(email::text) text_pattern_ops)"
    )
    # The planner knows how selective an expression is only once the table is analysed;
    # until then it would rather walk the listing's own ordering index.
    schema_editor.execute(f"ANALYZE {table}")


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX_NAME}")


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]

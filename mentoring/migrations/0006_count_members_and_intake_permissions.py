"""Count each cohort's members once; give Editors the intake settings' permissions."""

from django.db import migrations
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


def count_members(apps, schema_editor):
    Cohort = apps.get_model("mentoring", "Cohort")
    CohortMembership = apps.get_model("mentoring", "CohortMembership")
    counted = (
        CohortMembership.objects.filter(cohort=OuterRef("pk"))
        .order_by()
        .values("cohort")
        .annotate(n=Count("pk"))
        .values("n")
    )
    Cohort.objects.update(member_count=Coalesce(Subquery(counted), 0))


def editor_permissions(apps, schema_editor):
    from mentoring.setup import ensure_review_groups

    ensure_review_groups(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("mentoring", "0005_cohort_member_count_and_intake"),
    ]

    operations = [
        migrations.RunPython(count_members, migrations.RunPython.noop),
        migrations.RunPython(editor_permissions, migrations.RunPython.noop),
    ]

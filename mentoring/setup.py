"""Groups and permissions of the review feature, applied by a data migration.

Mentors and Lead mentors need no admin access: what they may see is decided by the
group plus their cohorts (see ``mentoring.permissions``). Editors, who own the CMS
groups, get the admin permissions to manage cohorts, their intake settings and default
mentors, and read the e-mail outbox.
"""

MENTORS = "Mentors"
LEAD_MENTORS = "Lead mentors"
EDITORS = "Editors"
EDITOR_PERMISSIONS = [
    ("mentoring", "cohort", ["add", "change", "delete", "view"]),
    ("mentoring", "cohortmembership", ["add", "change", "delete", "view"]),
    ("mentoring", "intake", ["add", "change", "delete", "view"]),
    ("notifications", "outboxemail", ["change", "view"]),
]


def ensure_review_groups(apps):
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None
    Group.objects.get_or_create(name=MENTORS)
    Group.objects.get_or_create(name=LEAD_MENTORS)
    editors = Group.objects.filter(name=EDITORS).first()
    if editors is None:
        return
    for app_label, model, actions in EDITOR_PERMISSIONS:
        for action in actions:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=f"{action}_{model}"
            ).first()
            if permission is not None:
                editors.permissions.add(permission)

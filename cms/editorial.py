"""Editors write, moderators approve: the groups, permissions and workflow behind it.

Written against an `apps` registry so the same code runs inside the data migration
(historical models) and from `seed_demo`, which repairs the setup after a test
database flush or a manual change in the admin. Every step is idempotent.
"""

from config.prepared import Prepared

EDITORS = "Editors"
MODERATORS = "Moderators"
WORKFLOW_NAME = "Moderation"
TASK_NAME = "Moderators approve"
DEFAULT_WAGTAIL_WORKFLOW = "Moderators approval"

# Page permissions on the tree root (inherited by every page).
PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "lock_page"],
    MODERATORS: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
}
# Image, document and video permissions on the root collection: editors place lesson
# videos themselves, so they upload and choose them like images.
COLLECTION_PERMISSIONS = {
    EDITORS: [
        ("wagtailimages", "image", ["add", "change", "choose"]),
        ("wagtaildocs", "document", ["add", "change", "choose"]),
        ("media_processing", "video", ["add", "change", "choose"]),
    ],
    MODERATORS: [
        ("wagtailimages", "image", ["add", "change", "choose", "delete"]),
        ("wagtaildocs", "document", ["add", "change", "choose", "delete"]),
        ("media_processing", "video", ["add", "change", "choose", "delete"]),
    ],
}
SNIPPETS = [
    ("cms", "marketplace"),
    ("cms", "country"),
    ("cms", "specialisation"),
    ("cms", "payoutmethod"),
    ("cms", "exchangerate"),
]
SNIPPET_ACTIONS = {
    EDITORS: ["add", "change", "view"],
    MODERATORS: ["add", "change", "delete", "view"],
}
# Model-level permissions: the admin itself and submitting pages for translation.
GLOBAL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("simple_translation", "simpletranslation", "submit_translation"),
]


def _permission(apps, app_label, model, codename):
    """Fetch a permission, creating it (and its content type) if post_migrate has not
    run yet, as happens inside a fresh migration run."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _created = ContentType.objects.get_or_create(app_label=app_label, model=model)
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename=codename,
        defaults={"name": "Can " + codename.replace("_", " ")},
    )
    return permission


def ensure_editorial_setup(apps):
    Group = apps.get_model("auth", "Group")
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    ContentType = apps.get_model("contenttypes", "ContentType")

    groups = {name: Group.objects.get_or_create(name=name)[0] for name in (EDITORS, MODERATORS)}
    root = Page.objects.filter(depth=1).order_by("path").first()
    root_collection = Collection.objects.filter(depth=1).order_by("path").first()

    for name, group in groups.items():
        for app_label, model, codename in GLOBAL_PERMISSIONS:
            group.permissions.add(_permission(apps, app_label, model, codename))
        for app_label, model in SNIPPETS:
            for action in SNIPPET_ACTIONS[name]:
                group.permissions.add(_permission(apps, app_label, model, f"{action}_{model}"))
        if root is not None:
            for codename in PAGE_PERMISSIONS[name]:
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=root,
                    permission=_permission(apps, "wagtailcore", "page", codename),
                )
        if root_collection is not None:
            for app_label, model, actions in COLLECTION_PERMISSIONS[name]:
                for action in actions:
                    GroupCollectionPermission.objects.get_or_create(
                        group=group,
                        collection=root_collection,
                        permission=_permission(apps, app_label, model, f"{action}_{model}"),
                    )
    # Editors submit; only moderators publish. Wagtail's own default setup may have
    # given Editors more on the root: take back publishing if it is there.
    if root is not None:
        GroupPagePermission.objects.filter(
            group=groups[EDITORS], permission__codename__in=["publish_page", "bypass_workflow_page"]
        ).delete()

    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(
            name=TASK_NAME,
            active=True,
            content_type=ContentType.objects.get_or_create(
                app_label="wagtailcore", model="groupapprovaltask"
            )[0],
        )
    task.groups.add(groups[MODERATORS])
    workflow, _created = Workflow.objects.get_or_create(
        name=WORKFLOW_NAME, defaults={"active": True}
    )
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    if root is not None:
        # One workflow per page: ours replaces Wagtail's default on the root.
        WorkflowPage.objects.update_or_create(page=root, defaults={"workflow": workflow})
    # Wagtail's default workflow is left without pages; retire it so the admin's
    # workflow list shows only the one in use.
    Workflow.objects.filter(name=DEFAULT_WAGTAIL_WORKFLOW, workflow_pages__isnull=True).exclude(
        pk=workflow.pk
    ).update(active=False)
    return groups, workflow


def _names_of_groups(user_id):
    from django.contrib.auth.models import Group

    return Group.objects.filter(user__id=user_id).values_list("name", flat=True)


_GROUP_NAMES = Prepared(_names_of_groups, user_id=int)


def group_names(user):
    """The names of the user's groups, read once per request (kept on the user object).

    The header asks twice per page (may this person edit pages? review work?), and the
    mentor permissions ask again; one query answers all of them.
    """
    if not getattr(user, "is_authenticated", False):
        return frozenset()
    names = getattr(user, "_bidaya_group_names", None)
    if names is None:
        names = frozenset(_GROUP_NAMES(user_id=user.pk))
        user._bidaya_group_names = names
    return names


def edits_pages(user):
    """Whether the page editing bar (Wagtail's userbar) is worth showing to this user."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return False
    return user.is_superuser or user.is_staff or bool(group_names(user) & {EDITORS, MODERATORS})

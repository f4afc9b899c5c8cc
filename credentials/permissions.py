"""Who may award a badge by hand or revoke one, and for which learners.

The permissions (``credentials.award_badge``, ``credentials.revoke_badgeaward``) are given to the
Mentors, Lead mentors, Editors and Moderators groups by a data migration. Editors,
moderators and superusers act for every learner; a mentor acts for the learners of the
cohorts they mentor, a lead mentor for every cohort of the courses where they mentor
one (the reach mentor review gives them over submissions).
"""

from django.contrib.auth import get_user_model

from cms.editorial import EDITORS, MODERATORS
from mentoring.models import LEAD_MENTORS_GROUP, MENTORS_GROUP, Cohort, CohortMembership
from mentoring.permissions import is_lead_mentor, is_mentor

AWARD_PERMISSION = "credentials.award_badge"
REVOKE_PERMISSION = "credentials.revoke_badgeaward"


def acts_for_everyone(user):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.is_superuser or user.groups.filter(name__in=[EDITORS, MODERATORS]).exists()


def learners_in_reach(user):
    """A queryset of the learners ``user`` may award to or revoke from (never themselves)."""
    users = get_user_model().objects.filter(is_active=True).exclude(pk=user.pk)
    if acts_for_everyone(user):
        return users
    if not is_mentor(user):
        return users.none()
    memberships = CohortMembership.objects.filter(cohort__mentors=user)
    if is_lead_mentor(user):
        course_keys = Cohort.objects.filter(mentors=user).values("course_key")
        memberships = CohortMembership.objects.filter(course_key__in=course_keys)
    return users.filter(pk__in=memberships.values("learner_id"))


def may_award(user):
    return user.is_authenticated and user.is_active and user.has_perm(AWARD_PERMISSION)


def may_revoke(user):
    return user.is_authenticated and user.is_active and user.has_perm(REVOKE_PERMISSION)


def may_award_to(user, learner):
    return may_award(user) and learners_in_reach(user).filter(pk=learner.pk).exists()


def may_revoke_award(user, award):
    return may_revoke(user) and learners_in_reach(user).filter(pk=award.recipient_id).exists()


# -- the groups' permissions (run by a data migration; idempotent) --------------------

GROUP_PERMISSIONS = {
    # group: [(model, codename), ...]
    MENTORS_GROUP: [("badgeaward", "award_badge"), ("badgeaward", "revoke_badgeaward")],
    LEAD_MENTORS_GROUP: [("badgeaward", "award_badge"), ("badgeaward", "revoke_badgeaward")],
    EDITORS: [
        ("badgeaward", "award_badge"),
        ("badgeaward", "revoke_badgeaward"),
        ("badgeaward", "view_badgeaward"),
        ("badgeclass", "add_badgeclass"),
        ("badgeclass", "change_badgeclass"),
        ("badgeclass", "view_badgeclass"),
    ],
    MODERATORS: [
        ("badgeaward", "award_badge"),
        ("badgeaward", "revoke_badgeaward"),
        ("badgeaward", "view_badgeaward"),
        ("badgeclass", "add_badgeclass"),
        ("badgeclass", "change_badgeclass"),
        ("badgeclass", "delete_badgeclass"),
        ("badgeclass", "view_badgeclass"),
    ],
}


def grant_group_permissions(apps, schema_editor=None):
    """Give each group its badge permissions, creating groups and permissions if the
    migrations that normally make them have not run yet."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for group_name, entries in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        for model, codename in entries:
            content_type, _created = ContentType.objects.get_or_create(
                app_label="credentials", model=model
            )
            permission, _created = Permission.objects.get_or_create(
                content_type=content_type,
                codename=codename,
                defaults={"name": codename.replace("_", " ").capitalize()},
            )
            group.permissions.add(permission)

"""Editors submit, moderators approve and publish: driven through the admin views."""

import pytest

from django.apps import apps
from django.contrib.auth.models import Group, User
from django.urls import reverse

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from cms.editorial import EDITORS, MODERATORS, WORKFLOW_NAME, ensure_editorial_setup
from cms.models import SuccessStoryPage

pytestmark = pytest.mark.django_db


def user_in(group_name, username):
    user = User.objects.create_user(username, f"{username}@example.com", "pw-for-tests-only")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def story_form(title, slug, action):
    data = nested_form_data(
        {
            "title": title,
            "slug": slug,
            "person_name": "جابر",
            "intro": "السعر ليس كل شيء",
            "figures": streamfield([]),
            "body": streamfield([]),
        }
    )
    data[action] = action
    return data


def test_groups_and_workflow_come_from_the_migration():
    root = Page.get_first_root_node()
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    assert root.get_workflow() == workflow
    task = workflow.tasks.get().specific
    assert list(task.groups.values_list("name", flat=True)) == [MODERATORS]

    def page_perms(group):
        return set(
            GroupPagePermission.objects.filter(group__name=group, page=root).values_list(
                "permission__codename", flat=True
            )
        )

    assert {"add_page", "change_page"} <= page_perms(EDITORS)
    assert "publish_page" not in page_perms(EDITORS)
    assert {"add_page", "change_page", "publish_page"} <= page_perms(MODERATORS)
    editors = Group.objects.get(name=EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {
        "access_admin",
        "add_marketplace",
        "change_marketplace",
        "submit_translation",
    } <= codenames


def test_setup_is_idempotent():
    def counts():
        return (
            Group.objects.count(),
            GroupPagePermission.objects.count(),
            Workflow.objects.filter(active=True).count(),
            sum(g.permissions.count() for g in Group.objects.all()),
        )

    before = counts()
    ensure_editorial_setup(apps)
    ensure_editorial_setup(apps)
    assert counts() == before


def test_editor_submits_moderator_approves_page_goes_live(client, index):
    editor = user_in(EDITORS, "editor")
    moderator = user_in(MODERATORS, "moderator")

    client.force_login(editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "successstorypage", index.pk])
    response = client.post(add_url, story_form("جابر: السعر ليس كل شيء", "jaber", "action-submit"))
    assert response.status_code == 302
    story = SuccessStoryPage.objects.get(slug="jaber")
    assert not story.live
    assert story.workflow_in_progress
    assert story.current_workflow_task.name == "موافقة المشرفين"  # "Moderators approve"
    assert client.get("/ar/stories/jaber/").status_code == 404

    # The editor cannot publish, whatever button the request claims.
    client.post(add_url, story_form("مسودة", "draft", "action-publish"))
    assert not SuccessStoryPage.objects.get(slug="draft").live
    client.logout()

    client.force_login(moderator)
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "جابر: السعر ليس كل شيء" in dashboard  # waiting for review
    task_state = story.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[story.pk, "approve", task_state.pk]
    )
    response = client.post(approve_url, {"comment": "تمت المراجعة"})
    assert response.status_code == 302
    client.logout()

    story.refresh_from_db()
    assert story.live
    assert not story.workflow_in_progress
    assert (
        WorkflowState.objects.get(base_content_type__model="page", object_id=str(story.pk)).status
        == "approved"
    )
    response = client.get("/ar/stories/jaber/")
    assert response.status_code == 200
    assert "جابر: السعر ليس كل شيء" in response.content.decode()


def test_moderator_can_reject_back_to_the_editor(client, index):
    editor = user_in(EDITORS, "editor")
    moderator = user_in(MODERATORS, "moderator")
    client.force_login(editor)
    add_url = reverse("wagtailadmin_pages:add", args=["cms", "successstorypage", index.pk])
    client.post(add_url, story_form("قصة للمراجعة", "review", "action-submit"))
    story = SuccessStoryPage.objects.get(slug="review")
    client.force_login(moderator)
    reject_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[story.pk, "reject", story.current_workflow_task_state.pk],
    )
    client.post(reject_url, {"comment": "أضف أرقامًا"})
    story.refresh_from_db()
    assert not story.live
    assert story.current_workflow_state.status == "needs_changes"


def test_workflow_and_task_names_follow_the_admin_language(client):
    """Stored in English, shown translated ("Moderation" in Arabic is Arabic), and
    saved unchanged from an Arabic admin it stays English for everybody else."""
    from django.utils import translation

    from wagtail.models import Task
    from wagtail.users.models import UserProfile

    moderator = user_in(MODERATORS, "arabic-moderator")
    UserProfile.get_for_user(moderator).__class__.objects.filter(user=moderator).update(
        preferred_language="ar"
    )
    client.force_login(User.objects.create_superuser("root", "root@example.com", "pw"))
    profile = UserProfile.get_for_user(User.objects.get(username="root"))
    profile.preferred_language = "ar"
    profile.save()
    html = client.get(reverse("wagtailadmin_workflows:index")).content.decode()
    assert "المراجعة قبل النشر" in html and ">Moderation<" not in html
    html = client.get(reverse("wagtailadmin_workflows:task_index")).content.decode()
    assert "موافقة المشرفين" in html

    with translation.override("fr"):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        assert workflow.name == "Modération"
        assert Task.objects.get(name="Moderators approve").specific.name == (
            "Validation par les modérateurs"
        )
    with translation.override("ar"):
        workflow = Workflow.objects.get(name=WORKFLOW_NAME)
        workflow.save()  # as the edit form does with the name it showed
    assert Workflow.objects.filter(pk=workflow.pk).values_list("name", flat=True)[0] == (
        WORKFLOW_NAME
    )
    renamed = Workflow.objects.create(name="Legal review")
    with translation.override("ar"):
        assert Workflow.objects.get(pk=renamed.pk).name == "Legal review"

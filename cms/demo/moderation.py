"""Work waiting in the editorial workflow, so the editor's and the moderator's first
screens show their roles at work: the editor's edit of a published story, submitted
for moderation, is in the moderator's "awaiting your review" list."""

from django.contrib.auth import get_user_model

from cms.demo import register_seeder
from cms.demo.site import SOURCE_LANGUAGE, demo_key
from cms.models import SuccessStoryPage

STORY = "story:jaber-hadboun"
ADDED = " وفي آخر رسالة منه يقول إن نصف طلباته صار يأتي من مشترين عادوا إليه بعد أول خدمة."


@register_seeder("moderation", order=95)
def seed_moderation(ctx):
    """The demo editor's edit of one story, submitted to the moderation workflow.

    Needs the stories and the accounts. Done once: a story that has been through the
    workflow before (approved, rejected or still waiting) is left as it is.
    """
    page = (
        SuccessStoryPage.objects.filter(
            translation_key=demo_key(STORY), locale__language_code=SOURCE_LANGUAGE
        )
        .select_related("locale")
        .first()
    )
    editor = get_user_model().objects.filter(username="editor").first()
    if page is None or editor is None or page.workflow_states.exists():
        return
    workflow = page.get_workflow()
    if workflow is None:
        return
    page.intro = page.intro + ADDED
    page.save_revision(user=editor, log_action=True)
    workflow.start(page, editor)
    ctx.count("story edits waiting for moderation")

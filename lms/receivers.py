"""Keep what the learning app caches in step with the data it was built from."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from courses.models import CoursePage, LessonPage
from lms import pagecache
from lms.api.auth import forget_user
from lms.progress import lessons


def _forget_page(page):
    specific_class = page.specific_class
    if specific_class is not None and issubclass(specific_class, LessonPage):
        lessons.forget(page.pk)
    elif specific_class is not None and issubclass(specific_class, CoursePage):
        for pk in Page.objects.child_of(page).values_list("pk", flat=True):
            lessons.forget(pk)


@receiver(page_published)
@receiver(page_unpublished)
def on_publish_change(sender, instance, **kwargs):
    _forget_page(instance)


@receiver(post_delete, sender=LessonPage)
def on_lesson_deleted(sender, instance, **kwargs):
    lessons.forget(instance.pk)


# Page cache (lms.pagecache): content changes drop every cached copy; a change to
# something of one reader's drops that reader's copies. Progress written by every
# heartbeat is left out on purpose: the pages do not show it (the player fetches it),
# and its real transitions bump the reader explicitly (lms.progress).
CONTENT_APPS = {
    "wagtailcore",
    "wagtailimages",
    "wagtaildocs",
    "wagtailembeds",
    "wagtailredirects",
    "wagtailsettings",
    "taggit",
    "cms",
    "courses",
    "media_processing",
}
NOT_CONTENT = {("wagtailcore", "referenceindex")}
EXPLICIT = {"componentprogress", "heartbeat", "activity", "quizattempt", "lessonprogress"}


def _changed(sender, instance, **kwargs):
    meta = getattr(sender, "_meta", None)
    if meta is None or (meta.app_label, meta.model_name) in NOT_CONTENT:
        return
    if meta.app_label in CONTENT_APPS:
        transaction.on_commit(pagecache.bump_content)
        return
    if meta.app_label == "lms" and meta.model_name in EXPLICIT:
        return
    user_model = get_user_model()
    if sender is user_model:
        pagecache.bump_user(instance.pk)
        forget_user(instance.pk)
        transaction.on_commit(lambda: forget_user(instance.pk))
        return
    for field in meta.concrete_fields:
        if field.is_relation and field.related_model is user_model:
            pagecache.bump_user(getattr(instance, field.attname, None))


post_save.connect(_changed, dispatch_uid="lms-pagecache-save")
post_delete.connect(_changed, dispatch_uid="lms-pagecache-delete")

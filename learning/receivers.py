"""Keep what the learning app caches in step with the data it was built from."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished

from courses.models import CoursePage, LessonPage
from learning.progress import lessons


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

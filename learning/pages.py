"""The pages a learner's records point at, found again by translation key.

Enrolments, progress, quiz attempts, submissions and awards name a course or lesson by
the translation key its pages share, so they outlive any one page: deleting, moving or
unpublishing a page or a translation leaves them whole. Where a record is shown, the
page is looked up again in the reader's language, and a page gone in every language
is named by one of the sentences below instead of a link.
"""

from django.utils.translation import gettext_lazy as _

LESSON_REMOVED = _("This lesson was removed.")
COURSE_REMOVED = _("This course was removed.")


def page_in_language(model, translation_key, language, *, live=True):
    """The page with this key in ``language``, else any translation of it; None when
    there is none (only live pages unless ``live`` is False)."""
    pages = model.objects.filter(translation_key=translation_key).select_related("locale")
    if live:
        pages = pages.live()
    pages = list(pages)
    for page in pages:
        if page.locale.language_code == language:
            return page
    return pages[0] if pages else None

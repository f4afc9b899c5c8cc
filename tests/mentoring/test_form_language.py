"""The hand-in form speaks the reader's language, whichever language was active when
the module was first imported."""

from django.utils import translation

from mentoring.forms import DraftForm


def test_file_help_follows_the_active_language():
    with translation.override("ar"):
        arabic = str(DraftForm().fields["file"].help_text)
    with translation.override("en"):
        english = str(DraftForm().fields["file"].help_text)
    with translation.override("fr"):
        french = str(DraftForm().fields["file"].help_text)
    assert english.startswith("Accepted: ")
    assert french.startswith("Formats acceptés\xa0: ")
    assert arabic.startswith("الأنواع المقبولة: ")

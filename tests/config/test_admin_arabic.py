"""The admin in Arabic: listings show no English column headers, filter labels or
True/False, and where Wagtail's own Arabic is wrong the project's catalogue wins.

Each listing is rendered with one row, as a superuser whose admin language is the
default (Arabic). Wagtail derives a column header from a field's verbose name or an
attribute's name, so a field without a translated verbose name shows its English name;
a boolean field listed by name shows Python's "True"; and the tick of a boolean column
carries "True" for screen readers. Names and addresses in the rows are data, so only
headers, filter labels and boolean cells are read.
"""

import re
from html.parser import HTMLParser

import pytest

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from tests.factories.cms import CountryFactory, MarketplaceFactory
from tests.factories.courses import InstructorFactory
from tests.factories.credentials import BadgeAwardFactory, BadgeClassFactory
from tests.factories.learning import EnrolmentFactory, QuizAttemptFactory
from tests.factories.mentoring import CohortFactory, CohortMembershipFactory, IntakeFactory
from tests.factories.notifications import OutboxEmailFactory
from tests.factories.outcomes import OutcomeFactory

pytestmark = pytest.mark.django_db

LATIN_WORD = re.compile(r"[A-Za-zÀ-ÿ]{2,}")
# Names that stay in Latin letters in Arabic text, and the content languages, which the
# locale filter names in their own language.
ALLOWED = {"ISO", "slug", "URL", "Wagtail", "JSON", "English", "Français"}
BOOLEAN_WORDS = {"True", "False", "None"}


class _AdminText(HTMLParser):
    """Text of <th> and <label> elements, and the True/False/None of table cells
    (shown, or read out by screen readers), outside scripts and templates."""

    WATCHED = {"th", "label"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.texts = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in {"input", "img", "br", "meta", "link", "hr", "source"}:
            self.stack.append(tag)

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text or {"script", "template", "style"} & set(self.stack):
            return
        in_header = bool(self.WATCHED & set(self.stack))
        in_cell = "td" in self.stack
        # A boolean cell's screen-reader text sits in the cell.
        if in_header or (in_cell and text in BOOLEAN_WORDS):
            self.texts.append(text)


def english_words(html):
    """Latin words of the headers, labels and boolean cells of an admin page."""
    parser = _AdminText()
    parser.feed(html.split("<body", 1)[-1])
    words = set()
    for text in parser.texts:
        words |= {word for word in LATIN_WORD.findall(text) if word not in ALLOWED}
    return words


@pytest.fixture
def arabic_admin(client):
    admin = get_user_model().objects.create_superuser("root", "root@example.com", "x")
    client.force_login(admin)
    return client


def _rows():
    """One row for each listing, with its boolean fields set."""
    MarketplaceFactory()
    CountryFactory()
    InstructorFactory()
    BadgeAwardFactory(badge_class=BadgeClassFactory(is_active=True))
    EnrolmentFactory()
    QuizAttemptFactory()
    cohort = CohortFactory(is_open=True)
    CohortMembershipFactory(cohort=cohort)
    IntakeFactory()
    OutboxEmailFactory()
    OutcomeFactory(show_publicly=True)


LISTINGS = [
    "wagtailsnippets_cms_marketplace:list",
    "wagtailsnippets_cms_country:list",
    "wagtailsnippets_cms_specialisation:list",
    "wagtailsnippets_cms_payoutmethod:list",
    "wagtailsnippets_courses_instructor:list",
    "wagtailsnippets_credentials_badgeclass:list",
    "badge_awards:index",
    "enrolments:index",
    "quiz_attempts:index",
    "cohorts:index",
    "cohort_members:index",
    "intake:index",
    "outbox:index",
    "outcomes_admin:index",
    "media_processing_video:index",
    "wagtailadmin_reports:site_history",
    "wagtailadmin_reports:locked_pages",
]


@pytest.mark.parametrize("name", LISTINGS)
def test_admin_listing_in_arabic_has_no_english_headers_or_booleans(arabic_admin, name):
    _rows()
    response = arabic_admin.get(reverse(name))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="ar" dir="rtl"' in html
    assert english_words(html) == set()


def test_a_boolean_column_is_read_out_in_arabic(arabic_admin):
    BadgeClassFactory(is_active=True)
    html = arabic_admin.get(reverse("wagtailsnippets_credentials_badgeclass:list")).content
    with translation.override("ar"):
        yes = translation.gettext("Yes")
    assert yes != "Yes"
    assert re.search(rf'<span class="w-sr-only">\s*{yes}\s*</span>', html.decode())


# Wagtail's own Arabic catalogue leaves these in English or garbles them; the project's
# catalogue, first in LOCALE_PATHS, replaces them.
WAGTAIL_OVERRIDES = {
    "Bold": "Bold",
    "Italic": "Italic",
    "Locked by": "Locked by",
    "Anyone": "Anyone",
    "Created": "تاريخ الإنشاء",
    "Autosave is <span>paused</span>": "تم تعطيل الحفظ التلقائي مؤقتا <span>paused</span>",
}


@pytest.mark.parametrize("msgid", sorted(WAGTAIL_OVERRIDES))
def test_the_project_catalogue_overrides_wagtails_arabic(msgid):
    with translation.override("ar"):
        text = translation.gettext(msgid)
    assert text != WAGTAIL_OVERRIDES[msgid]
    assert not LATIN_WORD.search(re.sub(r"<[^>]*>", "", text))


def test_a_rename_in_the_history_isolates_both_titles():
    """Wagtail's Arabic puts the old and new titles in Latin quotes that the
    bidirectional algorithm moves around a Latin title; ours isolates each title."""
    with translation.override("ar"):
        line = translation.gettext("Renamed from '%(old)s' to '%(new)s'") % {
            "old": "عرضك الأول",
            "new": "Your first proposal",
        }
    assert "\u2068Your first proposal\u2069" in line
    assert "\u2068عرضك الأول\u2069" in line
    assert "'" not in line


def test_the_locked_pages_filter_is_labelled_in_arabic(arabic_admin):
    html = arabic_admin.get(reverse("wagtailadmin_reports:locked_pages")).content.decode()
    with translation.override("ar"):
        label, anyone = translation.gettext("Locked by"), translation.gettext("Anyone")
    assert label in html and anyone in html
    assert "Locked by" not in html and ">Anyone<" not in html


@pytest.mark.parametrize("number", [1, 2, 5, 11])
def test_wagtails_plural_messages_are_arabic_for_every_count(number):
    with translation.override("ar"):
        line = translation.ngettext("Delete 1 user", "Delete %(counter)s users", number)
    assert not LATIN_WORD.search(line % {"counter": number})


def test_the_content_checks_guide_is_named_in_arabic():
    msgid = (
        'See our <a href="%(guide_link)s" target="_blank">content checks guide</a> for '
        "more information on how content metrics are calculated."
    )
    with translation.override("ar"):
        text = translation.gettext(msgid) % {"guide_link": "https://guide.wagtail.org/"}
    assert "content checks guide" not in text
    assert 'href="https://guide.wagtail.org/"' in text


def test_the_header_actions_landmark_is_named_in_arabic(arabic_admin):
    html = arabic_admin.get(reverse("cohorts:index")).content.decode()
    with translation.override("ar"):
        actions = translation.gettext("Actions")
    assert actions != "Actions"
    assert f'<nav aria-label="{actions}" id="w-slim-header-buttons"' in html

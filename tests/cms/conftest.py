import pytest

from wagtail.models import Site

from tests.factories.cms import HomePageFactory, SuccessStoryIndexPageFactory, locale


def make_site_root(home):
    """Serve `home` (and its translations) from the default site.

    The default site comes from a migration, so a transactional test that ran before
    may have emptied it away; it is recreated then.
    """
    site, _ = Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "Bidaya"},
    )
    return site


def translate(page, code, **fields):
    """A published translation of `page` with the given fields changed."""
    translated = page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save_revision().publish()
    translated.refresh_from_db()
    return translated


@pytest.fixture
def home(db):
    page = HomePageFactory(slug="bidaya")
    make_site_root(page)
    return page


@pytest.fixture
def index(home):
    return SuccessStoryIndexPageFactory(parent=home)


@pytest.fixture
def english(home, index):
    """English home and story index, translations of the Arabic ones."""
    home_en = translate(home, "en", title="Bidaya", intro="An academy for freelancers")
    index_en = translate(index, "en", title="Success stories", intro="How they started")
    return home_en, index_en

import pytest

from tests.cms.conftest import make_site_root, translate
from tests.factories.cms import HomePageFactory
from tests.factories.courses import CourseIndexPageFactory


@pytest.fixture
def home(db):
    page = HomePageFactory(slug="bidaya")
    make_site_root(page)
    return page


@pytest.fixture
def catalogue(home):
    return CourseIndexPageFactory(parent=home)


@pytest.fixture
def home_en(home):
    return translate(home, "en", title="Bidaya", intro="An academy for freelancers")


@pytest.fixture
def catalogue_en(home_en, catalogue):
    return translate(catalogue, "en", title="Courses", intro="Learn to start freelancing")

import json

import pytest
from jsonschema import Draft201909Validator

from credentials.signing import SigningKey

# The learning tests' fixtures (learner, course, api …) serve these tests too.
from tests.learning.conftest import *  # noqa: F403, E402
from tests.learning.conftest import _fresh_cache  # noqa: F401, E402

from .samples import FIXTURES


@pytest.fixture(scope="session")
def credential_schema():
    schema = json.loads((FIXTURES / "ob_v3p0_achievementcredential_schema.json").read_text())
    Draft201909Validator.check_schema(schema)
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


@pytest.fixture(scope="session")
def profile_schema():
    schema = json.loads((FIXTURES / "ob_v3p0_profile_schema.json").read_text())
    return Draft201909Validator(schema, format_checker=Draft201909Validator.FORMAT_CHECKER)


@pytest.fixture(scope="session")
def signing_key():
    return SigningKey.generate(bits=2048)


@pytest.fixture(scope="session")
def other_key():
    return SigningKey.generate(bits=2048)


@pytest.fixture
def key_file(settings, tmp_path, signing_key):
    """The configured badge key, as production would have it: a PEM file, mode 600."""
    path = tmp_path / "badge-key.pem"
    path.write_bytes(signing_key.private_pem())
    path.chmod(0o600)
    settings.BIDAYA_BADGE_SIGNING_KEY_FILE = str(path)
    settings.BIDAYA_BADGE_PUBLIC_KEY_FILES = []
    return path


# -- the academy the model-level badge tests run in ---------------------------------


@pytest.fixture
def badge_world(db, key_file, settings):
    """Site root, catalogue, a course of two reading lessons and its badge."""
    from django.core.cache import cache

    from tests.factories.cms import HomePageFactory
    from tests.factories.courses import CourseIndexPageFactory

    from .world import make_badge, make_course, serve_from

    cache.clear()
    settings.SITE_URL = "https://bidaya.example"
    home = HomePageFactory(slug="bidaya")
    serve_from(home)
    catalogue = CourseIndexPageFactory(parent=home)
    course, lessons = make_course(catalogue)
    badge = make_badge(course=course)

    class World:
        pass

    world = World()
    world.home, world.catalogue, world.course, world.lessons, world.badge = (
        home,
        catalogue,
        course,
        lessons,
        badge,
    )
    return world

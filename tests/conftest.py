import pytest

from tests import services

# tests/config/test_service_skips.py runs pytest on a test file of its own.
pytest_plugins = ["pytester"]


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    if marker is not None and marker.kwargs.get("transaction"):
        return True
    names = getattr(item, "fixturenames", ())
    return "transactional_db" in names or "live_server" in names


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Transactional tests restore the rows that data migrations created; browser
    tests run last.

    A transactional test empties every table when it ends, which would take the
    Wagtail root page, the locales, the default site and the editorial groups with it
    and break whichever transactional test runs next. Serialized rollback reloads them.
    Once Playwright's sync API has started, Django hands out connection objects that
    no longer carry the snapshot to reload, so the browser tests go last and build
    what they need themselves.
    """
    items.sort(key=lambda item: "tests/e2e/" in str(item.fspath))
    for item in items:
        if not _is_transactional(item):
            continue
        marker = item.get_closest_marker("django_db")
        if marker is not None and not marker.kwargs.get("serialized_rollback"):
            item.add_marker(
                pytest.mark.django_db(*marker.args, **marker.kwargs, serialized_rollback=True),
                append=False,
            )
        if "django_db_serialized_rollback" not in item.fixturenames:
            item.fixturenames.append("django_db_serialized_rollback")


@pytest.fixture(autouse=True)
def _needs_postgres(request):
    """Tests marked ``postgres`` need PostgreSQL's row locks and concurrent writers."""
    if request.node.get_closest_marker("postgres") is None:
        return
    from django.db import connection

    if connection.vendor != "postgresql":
        services.missing(
            "PostgreSQL",
            f"not {connection.vendor}: set DATABASE_URL=postgres://… (SQLite serialises writers)",
        )


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Every test writes uploads to its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_caches():
    """Every test starts with an empty cache, and with nothing kept in this process's
    memory (``cms.generations``, ``cms.skeleton``): page ids repeat between tests."""
    from django.core.cache import cache

    from cms import generations, skeleton

    cache.clear()
    generations.local.clear()
    skeleton.skeletons.clear()

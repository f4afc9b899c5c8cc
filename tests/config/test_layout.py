"""The rules of the house, read from the source (nothing of the project is imported).

(a) Imports between our apps run one way (DESIGN.md, "Layout").
(b) Model modules import no service or rendering code: only model modules and the
    small pure-data modules listed in MODEL_MODULE_EXCEPTIONS.
(c) No module is over 400 lines: a module that grows past that becomes a package.

Every import counts, at the top of a module or inside a function; migrations are left
out (they are generated).
"""

import ast
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

APPS = (
    "accounts",
    "cms",
    "courses",
    "credentials",
    "learning",
    "media_processing",
    "mentoring",
    "notifications",
    "outcomes",
)

# The apps of people and their progress, which the content apps never import.
_PEOPLE = {"accounts", "notifications", "learning", "mentoring", "credentials", "outcomes"}

# Which of our other apps each app may import.
ALLOWED_APP_IMPORTS = {
    "notifications": set(),
    "learning": {"courses", "cms", "notifications", "accounts"},
    "mentoring": {"learning", "courses", "cms", "notifications", "accounts"},
    "credentials": {"learning", "mentoring", "courses", "cms", "notifications", "accounts"},
    # Above the learner's apps: what she earned after her courses.
    "outcomes": {
        "credentials",
        "mentoring",
        "learning",
        "courses",
        "cms",
        "notifications",
        "accounts",
    },
    "courses": set(APPS) - _PEOPLE - {"courses"},
    "cms": set(APPS) - _PEOPLE - {"cms"},
    "media_processing": set(APPS) - _PEOPLE - {"media_processing"},
    "accounts": set(APPS)
    - {"notifications", "learning", "mentoring", "credentials", "outcomes", "courses"},
}

# (model module, imported module) pairs allowed besides model modules, and why each is
# data rather than service or rendering code. A submodule of a listed module is covered.
MODEL_MODULE_EXCEPTIONS = {
    ("credentials/models/badges.py", "credentials.design"): (
        "the tracks' colours and icons and the colour validator, as data (no Pillow, no fonts)"
    ),
    ("mentoring/models/submissions.py", "mentoring.storage"): (
        "the private storage callable FileField(storage=...) names; migrations record it"
    ),
    ("cms/models/pages.py", "cms.blocks"): "StreamField blocks: the schema of the page body",
    ("cms/models/stories.py", "cms.blocks"): "StreamField blocks: the schema of the page body",
    ("courses/models/lessons.py", "courses.blocks"): (
        "StreamField blocks: the schema of the lesson body"
    ),
    ("cms/models/pages.py", "cms.search"): "pure text normalisation for the search index",
    ("cms/models/stories.py", "cms.search"): "pure text normalisation for the search index",
    ("courses/models/catalogue.py", "cms.search"): "pure text normalisation for the search index",
    ("courses/models/lessons.py", "cms.search"): "pure text normalisation for the search index",
    ("courses/models/catalogue.py", "courses.hooks"): (
        "the names of the extension points through which progress reaches pages"
    ),
    ("courses/models/lessons.py", "courses.hooks"): (
        "the names of the extension points through which progress reaches pages"
    ),
    ("media_processing/models.py", "media_processing.conf"): "settings read with their defaults",
    ("media_processing/models.py", "media_processing.errors"): (
        "error codes and the messages shown for them"
    ),
}

for _page_models in (
    "cms/models/pages.py",
    "cms/models/stories.py",
    "courses/models/catalogue.py",
    "courses/models/lessons.py",
):
    MODEL_MODULE_EXCEPTIONS[(_page_models, "cms.querysets")] = (
        "the page querysets (public() read from the cached view restrictions)"
    )
MODEL_MODULE_EXCEPTIONS.update(
    {
        ("cms/models/stories.py", "cms.forms"): (
            "Wagtail pages serve themselves: the story index's filter form, imported when "
            "its view runs"
        ),
        ("cms/models/stories.py", "cms.feeds"): (
            "Wagtail pages serve themselves: the story index's RSS and Atom views"
        ),
        ("mentoring/models/reviews.py", "mentoring.limits"): (
            "the one definition of the inputs' limits, plain numbers"
        ),
        ("courses/models/catalogue.py", "courses.syllabus"): (
            "Wagtail pages serve themselves: the kept syllabus, read when a page renders"
        ),
        ("courses/models/lessons.py", "courses.syllabus"): (
            "Wagtail pages serve themselves: the kept syllabus, read when a page renders"
        ),
        ("courses/models/catalogue.py", "courses.forms"): (
            "Wagtail pages serve themselves: the catalogue's filter form"
        ),
        ("media_processing/models.py", "media_processing.storage"): (
            "the storage the video files live in, named by the model's file fields"
        ),
    }
)

MAX_LINES = 400
# Not checked for length: generated code, the tests, and the demo content (long texts).
LENGTH_EXEMPT = ("tests", "cms/demo", "courses/demo")
SKIPPED_DIRS = {"node_modules", "var", "migrations", "__pycache__", "test-artifacts"}


# -- reading the source ---------------------------------------------------------------


def python_files(top):
    """Every .py file under ``top`` (a Path), migrations and hidden folders left out."""
    found = []
    for folder, dirs, files in os.walk(top):
        dirs[:] = sorted(d for d in dirs if d not in SKIPPED_DIRS and not d.startswith("."))
        found.extend(Path(folder) / name for name in sorted(files) if name.endswith(".py"))
    return found


def rel(path):
    return path.relative_to(ROOT).as_posix()


def module_name(path):
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _project_module_exists(name):
    base = ROOT.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def imports_in_source(source, module, is_package=False):
    """``[(line, imported module)]`` for every import in ``source``, at any depth.

    ``module`` is the dotted name of the file (for relative imports). ``from x import y``
    counts as an import of ``x.y`` when that is a module of the project, else of ``x``.
    ``importlib.import_module("…")`` with a literal name counts too.
    """
    package = module.split(".") if is_package else module.split(".")[:-1]
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                keep = len(package) - (node.level - 1)
                base = package[:keep] if keep > 0 else []
                target = ".".join(base + ([node.module] if node.module else []))
            else:
                target = node.module
            for alias in node.names:
                candidate = f"{target}.{alias.name}"
                if alias.name != "*" and _project_module_exists(candidate):
                    found.append((node.lineno, candidate))
                else:
                    found.append((node.lineno, target))
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and getattr(node.func, "attr", getattr(node.func, "id", None)) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
            and not node.args[0].value.startswith(".")
        ):
            found.append((node.lineno, node.args[0].value))
    return list(dict.fromkeys(found))


def imports_in(path):
    return imports_in_source(
        path.read_text(encoding="utf-8"), module_name(path), path.name == "__init__.py"
    )


def app_of(module):
    top = module.split(".")[0]
    return top if top in APPS else None


def is_model_module(module):
    parts = module.split(".")
    return len(parts) >= 2 and parts[0] in APPS and parts[1] == "models"


def model_files():
    found = []
    for app in APPS:
        single = ROOT / app / "models.py"
        if single.is_file():
            found.append(single)
        package = ROOT / app / "models"
        if package.is_dir():
            found.extend(python_files(package))
    return found


# -- (a) import directions ------------------------------------------------------------


@pytest.mark.parametrize("app", APPS)
def test_imports_between_apps_run_one_way(app):
    allowed = ALLOWED_APP_IMPORTS[app]
    files = python_files(ROOT / app)
    assert files, f"no Python files found in {app}/"
    broken = []
    for path in files:
        for line, imported in imports_in(path):
            other = app_of(imported)
            if other and other != app and other not in allowed:
                broken.append(
                    f"{rel(path)}:{line} imports {imported}: {app} may not import {other} "
                    f"(it may import {', '.join(sorted(allowed)) or 'no other app of ours'})"
                )
    assert not broken, "Import direction rule broken:\n" + "\n".join(broken)


# -- (b) model modules ----------------------------------------------------------------


@pytest.mark.parametrize("path", model_files(), ids=rel)
def test_model_modules_import_only_models_and_data(path):
    broken = []
    for line, imported in imports_in(path):
        if not app_of(imported) or is_model_module(imported):
            continue
        if any(
            file == rel(path) and (imported == allowed or imported.startswith(allowed + "."))
            for file, allowed in MODEL_MODULE_EXCEPTIONS
        ):
            continue
        broken.append(
            f"{rel(path)}:{line} imports {imported}: model modules import only model "
            "modules and the pure-data modules listed in MODEL_MODULE_EXCEPTIONS, "
            "no service or rendering code"
        )
    assert not broken, "Model module rule broken:\n" + "\n".join(broken)


def test_model_module_exceptions_are_still_needed():
    """An exception for an import that is gone is removed, so the list stays the truth."""
    stale = []
    for file, allowed in MODEL_MODULE_EXCEPTIONS:
        path = ROOT / file
        used = path.is_file() and any(
            imported == allowed or imported.startswith(allowed + ".")
            for _line, imported in imports_in(path)
        )
        if not used:
            stale.append(f"{file} no longer imports {allowed}: drop the exception")
    assert not stale, "\n".join(stale)


def test_model_modules_are_found():
    found = {rel(path) for path in model_files()}
    for app in APPS:
        assert any(f.startswith(f"{app}/models") for f in found), f"no model module in {app}/"


# -- (c) module length ----------------------------------------------------------------


def length_checked_files():
    return [
        path
        for path in python_files(ROOT)
        if not any(rel(path) == top or rel(path).startswith(top + "/") for top in LENGTH_EXEMPT)
    ]


def test_no_module_is_over_400_lines():
    files = length_checked_files()
    assert any(rel(p).startswith("learning/") for p in files), "the app folders were not read"
    broken = []
    for path in files:
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES:
            broken.append(
                f"{rel(path)} has {lines} lines: a module over {MAX_LINES} lines becomes a package"
            )
    assert not broken, "Module length rule broken:\n" + "\n".join(broken)


# -- the reader itself ----------------------------------------------------------------


def test_the_reader_sees_every_kind_of_import():
    source = (
        "import credentials.models\n"
        "from . import enrolment, QuizAttempt\n"
        "from ..design import ICONS\n"
        "def later():\n"
        "    from mentoring.services import submit\n"
        "    import importlib\n"
        "    return importlib.import_module('notifications.outbox')\n"
    )
    found = sorted(name for _line, name in imports_in_source(source, "learning.models.quiz"))
    assert found == [
        "credentials.models",
        "importlib",
        "learning.design",
        "learning.models",
        "learning.models.enrolment",
        "mentoring.services",
        "notifications.outbox",
    ], found
    in_package = imports_in_source("from .badges import BadgeClass\n", "credentials.models", True)
    assert in_package == [(1, "credentials.models.badges")]

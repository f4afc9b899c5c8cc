"""Every third-party package the code imports is declared in pyproject.toml.

A package that only arrives as a dependency of another (Pillow through Wagtail) can
disappear in the other's next release; what the code imports is declared where it is
imported: the application's in ``dependencies``, the tests' and the benchmarks' (which
drive the same browser and factories as the tests) in the ``test`` extra.
"""

import ast
import re
import sys
import tomllib
from importlib.metadata import packages_distributions
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OURS = {"config", "accounts", "cms", "courses", "media_processing", "notifications"}
OURS |= {"learning", "mentoring", "credentials", "tests", "bench", "manage"}
SKIPPED_DIRS = {".venv", "node_modules", "var", ".git", "test-artifacts"}


def normalise(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def declared(requirements):
    return {normalise(re.split(r"[\[=<>!~ ;]", line, maxsplit=1)[0]) for line in requirements}


def imported_top_levels(paths):
    names = set()
    for path in paths:
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
    return names - OURS - set(sys.stdlib_module_names)


def python_files(under_tests):
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if SKIPPED_DIRS & set(parts) or "migrations" in parts:
            continue
        if (parts[0] in ("tests", "bench")) == under_tests:
            yield path


def undeclared(paths, allowed):
    distributions = packages_distributions()
    missing = {}
    for name in imported_top_levels(paths):
        owners = {normalise(d) for d in distributions.get(name, [])}
        if owners and not owners & allowed:
            missing[name] = sorted(owners)
    return missing


def project():
    return tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def test_the_application_declares_what_it_imports():
    assert undeclared(python_files(False), declared(project()["dependencies"])) == {}


def test_the_tests_declare_what_they_import():
    meta = project()
    allowed = declared(meta["dependencies"]) | declared(meta["optional-dependencies"]["test"])
    assert undeclared(python_files(True), allowed) == {}

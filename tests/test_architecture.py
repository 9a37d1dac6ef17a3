"""docs/architecture.md's import rules, checked: every import in the project's packages (at the
top of a module or inside a function) against the table of which module may import which."""

import ast

import pytest

from tests.conftest import ROOT

PACKAGES = ("pccsite", "inspections", "letters", "search", "opendata", "api", "devtools")

# (importer, what it may import from the project's packages), the most specific importer first.
RULES = (
    ("inspections.vocabulary", ()),
    ("letters.parsing", ("letters.parsing", "inspections.vocabulary")),
    ("letters.formats", ("letters.formats", "letters.parsing")),
    (
        "letters.loading.files",
        ("letters.loading.files", "letters.formats", "letters.parsing"),
    ),
    (
        "letters.loading",
        (
            "letters.loading",
            "letters.models",
            "letters.formats",
            "letters.parsing",
            "letters.signals",
            "inspections.models",
            "pccsite",
        ),
    ),
    ("letters.models", ("letters.models", "inspections.vocabulary", "pccsite.db")),
    ("letters.signals", ()),
    # The letter page marks the words a search matched, as the search index reads them.
    (
        "letters.views",
        (
            *("letters", "inspections.models", "inspections.vocabulary", "pccsite"),
            *("search.backends", "search.query"),
        ),
    ),
    (
        "letters",
        ("letters", "inspections.models", "inspections.admin", "inspections.vocabulary", "pccsite"),
    ),
    # Open data reads both apps' rows; nothing below imports it (the loader signals instead).
    (
        "search",
        (
            *("search", "letters.models", "letters.signals", "inspections.models"),
            *("inspections.vocabulary", "pccsite"),
        ),
    ),
    (
        "opendata",
        (
            *("opendata", "letters.models", "letters.tables", "letters.signals"),
            *("inspections.models", "inspections.tables", "inspections.vocabulary", "pccsite"),
        ),
    ),
    (
        "api",
        (
            *("api", "letters.models", "letters.filters", "inspections.models"),
            *("inspections.filters", "inspections.vocabulary", "inspections.section55"),
            "pccsite",
        ),
    ),
    # The dashboard's pages (home, a force, a commissioner) list letters too.
    ("inspections.views", ("inspections", "letters.models", "pccsite")),
    ("inspections", ("inspections", "pccsite")),
    ("pccsite", ("pccsite",)),
    ("devtools", PACKAGES),
)
# The loading package's modules, lowest first: each imports only those before it.
LOADING_ORDER = (
    "files",
    "originals",
    "names",
    "corrections",
    "results",
    "registry",
    "identity",
    "contract",
    "writer",
    "batches",
    "relink",
)
# Pure Python: usable without settings, a database or Django installed.
NO_DJANGO = (
    "inspections.vocabulary",
    "letters.parsing",
    "letters.formats",
    "letters.loading.files",
    "letters.loading.names",
    "devtools.pages",
    "search.query",
)


def _modules():
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path


def _name(path):
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _is_module(dotted):
    path = ROOT.joinpath(*dotted.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def _imports(path):
    """Every module ``path`` imports, by its full dotted name."""
    name = _name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield submodule if _is_module(submodule) else base


def _within(name, prefix):
    return name == prefix or name.startswith(prefix + ".")


def _broken_rules(path):
    importer = _name(path)
    allowed = next(targets for prefix, targets in RULES if _within(importer, prefix))
    for target in set(_imports(path)):
        top = target.split(".")[0]
        if top in PACKAGES and not any(_within(target, prefix) for prefix in allowed):
            yield f"{importer} imports {target}"
        if top == "django" and any(_within(importer, prefix) for prefix in NO_DJANGO):
            yield f"{importer} imports {target}, and must not import Django"
        if _within(importer, "letters.loading") and _within(target, "letters.loading"):
            mine, theirs = importer.split(".")[2:3], target.split(".")[2:3]
            if mine and theirs and LOADING_ORDER.index(theirs[0]) >= LOADING_ORDER.index(mine[0]):
                yield f"{importer} imports {target}, which comes after it"


@pytest.mark.parametrize("path", list(_modules()), ids=_name)
def test_module_imports_follow_the_architecture(path):
    assert list(_broken_rules(path)) == []


def test_architecture_rules_see_the_imports_they_judge():
    imports = set(_imports(ROOT / "letters" / "loading" / "writer.py"))

    assert {"letters.loading.identity", "letters.parsing", "inspections.models"} <= imports
    assert list(_broken_rules(ROOT / "letters" / "loading" / "writer.py")) == []

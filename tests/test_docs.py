"""Everything a user reads runs: the Python examples of the README and docs/ are doctests."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


@pytest.mark.parametrize("page", PAGES, ids=[page.name for page in PAGES])
def test_examples_in_page_run(page: Path) -> None:
    failures, _tried = doctest.testfile(
        str(page), module_relative=False, optionflags=doctest.ELLIPSIS, verbose=False
    )
    assert failures == 0, f"{page.name}: {failures} example(s) failed"


def test_readme_examples_exist() -> None:
    _failures, tried = doctest.testfile(str(ROOT / "README.md"), module_relative=False)
    assert tried >= 3  # the README's Python examples are really run

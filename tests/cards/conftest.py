"""Fixtures of the cards tests: the example's cards (from the run's one example build) and token cards."""

from __future__ import annotations

import pytest

from cards_helpers import build, token_content


@pytest.fixture(scope="module")
def token_cards(tmp_path_factory):
    """(workshop, paths) of five models whose every front and back has words of its own."""
    return build(tmp_path_factory.mktemp("tokens"), token_content())


@pytest.fixture(scope="session")
def example_cards(example, example_build):
    """(workshop, paths) of the bundled example's cards in the default layout: paths["sheets.pdf"],
    ["single.pdf"], ["cards.html"]. Shared with the whole run: read them, do not change them."""
    return example, {"sheets.pdf": example_build.sheets, "single.pdf": example_build.single,
                     "cards.html": example_build.html}

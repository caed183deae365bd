"""Fixtures of the cards tests: the example's cards and token cards."""

from __future__ import annotations

import pytest

from cards_helpers import build, token_content, write_cards


@pytest.fixture(scope="module")
def token_cards(tmp_path_factory):
    """(workshop, paths) of five models whose every front and back has words of its own."""
    return build(tmp_path_factory.mktemp("tokens"), token_content())


@pytest.fixture(scope="module")
def example_cards(tmp_path_factory, example, default_layout):
    """(workshop, paths) of the bundled example's cards in the default layout."""
    return example, write_cards(example, default_layout, tmp_path_factory.mktemp("example"))

"""A model card back too long for one card continues on the cards right after it (issue #11.6): the split
on its own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from deckgen.cards.cache import side_keys
from deckgen.cards.cardset import Card, all_sides
from deckgen.cards.continued import expand, item_key, portion, split_points
from deckgen.inline import plain
from deckgen.model import WorkModel

# -- the split on its own: each item needs some room, a back has ``room``, saying it goes on takes ``marker``


def fake_fits(heights, room, marker=1.0):
    calls = []

    def fits(start, stop, part):
        calls.append((start, stop, part))
        return sum(heights[start:stop]) + (marker if stop < len(heights) else 0) <= room

    return fits, calls


def test_each_back_takes_the_most_items_that_fit_and_the_last_takes_the_rest():
    fits, calls = fake_fits([1.0] * 25, room=10)
    assert split_points(25, fits) == ([0, 9, 18, 25], None)  # 9 items and the marker, twice; then 7
    assert (0, 25, 0) not in calls  # the whole back is known not to fit
    assert {part for _, _, part in calls} == {0, 1, 2}
    assert len(calls) <= 3 * 6  # a binary search a back: about log2(25) tries each


def test_an_item_that_does_not_fit_even_alone_is_named_with_the_backs_before_it():
    fits, _ = fake_fits([1, 1, 1, 1, 30, 1], room=10)
    assert split_points(6, fits) == ([0, 4], 4)
    fits, _ = fake_fits([30], room=10)
    assert split_points(1, fits) == ([0], 0)


@settings(max_examples=200, deadline=None)
@given(heights=st.lists(st.floats(0.2, 9.0), min_size=1, max_size=80), room=st.floats(10.0, 40.0))
def test_every_item_is_on_exactly_one_back_and_no_back_could_hold_one_more(heights, room):
    fits, _ = fake_fits(heights, room)
    if fits(0, len(heights), 0):
        return  # the whole back fits: nothing is split (split_points is asked only of backs that do not)
    bounds, refused = split_points(len(heights), fits)
    assert refused is None  # every item fits alone with the marker: at most 9 + 1 of at least 10
    assert bounds[0] == 0 and bounds[-1] == len(heights) and len(bounds) >= 3
    assert all(start < stop for start, stop in zip(bounds, bounds[1:]))
    for start, stop in zip(bounds, bounds[1:]):
        assert fits(start, stop, 0)
        if stop < len(heights):
            assert not fits(start, stop + 1, 0)  # filled: the next item would not fit on this back
    assert split_points(len(heights), fits) == (bounds, None)  # the same split every time


def _model(**lists) -> WorkModel:
    texts = {name: tuple(plain(f"{name} {index}") for index in range(count)) for name, count in lists.items()}
    return WorkModel(number=3, name=plain("Persoonlijk netwerk"), title=plain("Persoonlijk netwerk"),
                     summary=(plain("A summary"),), examples=(plain("An example"),), **texts)


def _card(model: WorkModel) -> Card:
    return Card("models", model.number, model.title.plain,
                {"model": model, "set_name": plain("7 werkmodellen"), "examples": plain("An example"),
                 "footer": plain("Footer"), "continued": None, "continues": None},
                sources=("models[2]", "models[2].strengths"))


def test_a_part_shows_its_share_of_the_items_in_their_order():
    card = _card(_model(strengths=3, weaknesses=2, preconditions=2))
    first = portion(card, 0, 2, 0, 3, "(vervolg)")
    middle = portion(card, 2, 5, 1, 3, "(vervolg)")
    last = portion(card, 5, 7, 2, 3, "(vervolg)")
    shown = [[text.plain for name in ("strengths", "weaknesses", "preconditions")
              for text in getattr(part.data["model"], name)] for part in (first, middle, last)]
    assert shown == [["strengths 0", "strengths 1"], ["strengths 2", "weaknesses 0", "weaknesses 1"],
                     ["preconditions 0", "preconditions 1"]]
    assert first.data["model"].summary and first.data["examples"] and first.data["continued"] is None
    assert first.data["continues"] == middle.data["continues"] == "(vervolg)" and last.data["continues"] is None
    assert middle.data["continued"] == last.data["continued"] == "(vervolg)"
    assert not middle.data["model"].summary and middle.data["examples"] is None
    assert [part.sources for part in (first, middle, last)] == [
        ("models[2]", "models[2].strengths"), ("models[2]", "models[2].weaknesses"),
        ("models[2]", "models[2].preconditions")]
    assert card.data["model"].strengths and len(card.data["model"].strengths) == 3  # the card itself unchanged
    assert item_key(card.data["model"], 3) == "models[2].weaknesses[0]"
    assert item_key(card.data["model"], 6) == "models[2].preconditions[1]"


def test_the_parts_follow_their_card_with_names_and_cache_keys_of_their_own():
    model = _model(strengths=6, weaknesses=1)
    cover, card, after = Card("cover", None, "Cover"), _card(model), Card("questions", 1, "Why?")
    expanded = expand([cover, card, after], {1: (0, 3, 5, 7)}, "(continued)")
    assert [origin for _, origin in expanded] == [0, None, None, None, 2]
    cards = [new for new, _ in expanded]
    assert [(new.part, new.parts) for new in cards[1:4]] == [(0, 3), (1, 3), (2, 3)]
    assert [side.title for side in all_sides(cards)[2:8]] == [
        "card 'models' 3 'Persoonlijk netwerk' (front)", "card 'models' 3 'Persoonlijk netwerk' (back)",
        "card 'models' 3 'Persoonlijk netwerk' (continued, front)",
        "card 'models' 3 'Persoonlijk netwerk' (continued, back)",
        "card 'models' 3 'Persoonlijk netwerk' (continued 2, front)",
        "card 'models' 3 'Persoonlijk netwerk' (continued 2, back)"]
    keys = side_keys(b"common", all_sides(cards))
    unsplit = side_keys(b"common", all_sides([cover, card, after]))
    assert len(set(keys)) == len(keys)  # no two sides share an entry
    assert keys[2:4] != unsplit[2:4]  # the model's own card shows less than before: an entry of its own
    assert keys[:2] == unsplit[:2] and keys[-2:] == unsplit[-2:]
    assert [new.split for new in cards] == [False, True, True, True, False]



"""A model card back too long for one card continues on the cards right after it (issue #11.6): the split
on its own, then real builds -- the order of the items, the cache, worker processes, and the example,
whose cards stay exactly what they were."""

from __future__ import annotations

import hashlib
import re

import pytest
from hypothesis import given, settings, strategies as st

from cards_helpers import build, page_text
from deckgen.build import build as build_request
from deckgen.cards import chunks
from deckgen.cards.cache import make_split, parse_split, side_keys
from deckgen.cards.cardset import Card, all_sides
from deckgen.cards.continued import expand, item_key, portion, split_points
from deckgen.errors import DoesNotFit
from deckgen.inline import plain
from deckgen.model import WorkModel
from deckgen.project import CACHE_DIR, Request

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


def test_a_kept_split_is_read_back_only_whole_and_valid():
    assert parse_split(make_split((0, 29, 58, 62)), 62) == (0, 29, 58, 62)
    for broken in (make_split((0, 29, 58, 62))[:-1], make_split((0, 29, 58, 61)), make_split((0, 58, 29, 62)),
                   make_split((0, 62)), make_split((1, 29, 62)), b"deckgen-split 1\n0 x 62\n", b"garbage"):
        assert parse_split(broken, 62) is None, broken


# -- real builds

LINE = "that takes a full line of words"
SINGULAR = {"strengths": "Strength", "weaknesses": "Weakness", "preconditions": "Precondition"}


def _workshop(*models: dict, language: str = "en") -> str:
    lines = [f"language: {language}", "title: Continued cards", "models:"]
    for number, lists in enumerate(models, start=1):
        lines += [f"  - name: Model {number}", f"    summary: [Summary of model {number}]"]
        for name, count in lists.items():
            lines.append(f"    {name}: [{', '.join(f'{SINGULAR[name]} {i} {LINE}' for i in range(count))}]")
    return "\n".join(lines) + "\n"


def _items(text: str) -> list[str]:
    return re.findall(r"(Strength|Weakness|Precondition) (\d+) that takes", text)


def test_strengths_then_weaknesses_then_preconditions_each_once_in_order(tmp_path):
    """Preconditions stand at the foot of a back: they too continue, under their heading again."""
    _, paths = build(tmp_path, _workshop({"strengths": 20, "weaknesses": 20, "preconditions": 30},
                                         language="nl"))
    pages = page_text(paths["single.pdf"])
    backs = pages[3::2]
    assert len(backs) >= 3
    shown = [item for back in backs for item in _items(back)]
    expected = [(kind, str(i)) for kind, count in (("Strength", 20), ("Weakness", 20), ("Precondition", 30))
                for i in range(count)]
    assert shown == expected
    for back in backs[:-1]:
        assert back.rstrip().endswith("(vervolg)")
    assert not backs[-1].rstrip().endswith("(vervolg)")
    with_preconditions = [back for back in backs if "Precondition" in back]
    assert len(with_preconditions) >= 2 and all("RANDVOORWAARDEN" in back for back in with_preconditions)
    assert all("Model 1 (vervolg)" in front for front in pages[4::2])
    html = paths["cards.html"].read_text(encoding="utf-8")
    assert html.count('class="side ') == len(pages) and ".continues::after" in html


def test_a_title_that_leaves_no_room_for_any_item_is_refused_at_the_title(tmp_path):
    title = " ".join(f"word{i}" for i in range(600))
    content = f"language: en\ntitle: T\nmodels:\n  - name: Short\n    title: {title}\n    strengths: [One]\n"
    with pytest.raises(DoesNotFit) as caught:
        build(tmp_path, content)
    back = [problem for problem in caught.value.problems if "(back)" in problem.message]
    assert [(problem.key_path, problem.line) for problem in back] == [("models[0].title", 5)], caught.value.problems
    assert "the title leaves no room on a card back for any item at 7 pt" in back[0].message


@pytest.fixture
def counted(monkeypatch):
    """The sides laid out and the backs split, build after build (in this process: workers=1)."""
    calls: list[dict] = []
    lay_out_chunk, split_back = chunks.lay_out_chunk, chunks.split_back

    def counting_chunk(chunk):
        calls[-1]["sides"] += len(chunk)
        return lay_out_chunk(chunk)

    def counting_split(task):
        calls[-1]["splits"] += 1
        return split_back(task)

    monkeypatch.setattr(chunks, "lay_out_chunk", counting_chunk)
    monkeypatch.setattr(chunks, "split_back", counting_split)

    def run(source, out, **options):
        calls.append({"sides": 0, "splits": 0})
        written = build_request(Request(content=source, out_dir=out, only=("cards",), workers=1, **options))
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in written}, calls[-1]

    return run


def test_the_cache_keeps_the_split_and_the_parts(tmp_path, counted):
    source = tmp_path / "w.yaml"
    source.write_text(_workshop({"strengths": 40, "weaknesses": 1}), encoding="utf-8")
    cold, done = counted(source, tmp_path / "out", cache=True)
    assert done["splits"] == 1
    folder = tmp_path / "out" / CACHE_DIR / "w"
    (split,) = folder.glob("*.split")
    warm, done = counted(source, tmp_path / "out", cache=True)
    assert done == {"sides": 0, "splits": 0} and warm == cold
    fresh, _ = counted(source, tmp_path / "plain", cache=False)
    assert fresh == cold
    for damaged in (b"deckgen-split 1\n0 1 2 40\n", b"deckgen-split 1\n0 1 2 41\n"):
        # not a split of these 41 items; one whose last card does not fit: searched again, the same cards
        split.write_bytes(damaged)
        again, done = counted(source, tmp_path / "out", cache=True)
        assert done["splits"] == 1 and done["sides"] >= 1 and again == cold
        assert split.read_bytes() not in (damaged, b"")
    _, done = counted(source, tmp_path / "out", cache=True)
    assert done == {"sides": 0, "splits": 0}
    source.write_text(_workshop({"strengths": 2, "weaknesses": 1}), encoding="utf-8")
    counted(source, tmp_path / "out", cache=True)
    assert not list(folder.glob("*.split"))  # a split the last build did not use is pruned with the sides


def test_worker_processes_split_and_lay_out_to_the_same_bytes(tmp_path):
    source = tmp_path / "w.yaml"
    source.write_text(_workshop({"strengths": 35}, {"strengths": 1}, {"weaknesses": 35}), encoding="utf-8")
    digests = []
    for workers, chunk in ((1, chunks.CHUNK), (2, 3)):
        original = chunks.CHUNK
        try:
            chunks.CHUNK = chunk  # two backs split in two processes, then chunks of three sides
            written = build_request(Request(content=source, out_dir=tmp_path / f"out{workers}", only=("cards",),
                                            workers=workers))
        finally:
            chunks.CHUNK = original
        digests.append({path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in written})
    assert digests[0] == digests[1]
    pages = page_text(tmp_path / "out1" / "w-cards-single.pdf")
    assert len(pages) > 2 * 4 and sum("Model 1 (continued)" in page for page in pages) >= 2


# -- the example fits: no card of it continues, and no stylesheet for continued cards is added


def test_the_example_has_no_continued_card(tmp_path, example_path, example):
    written = build_request(Request(content=example_path, out_dir=tmp_path, only=("cards",)))
    files = {path.name: path for path in written}
    html = files["netwerkversterking-cards.html"].read_text(encoding="utf-8")
    assert "continues" not in html and "(vervolg)" not in html
    pages = page_text(files["netwerkversterking-cards-single.pdf"])
    assert len(pages) == 2 * (1 + len(example.models) + len(example.questions)
                              + sum(len(model.questions) for model in example.models))
    assert not any("(vervolg)" in page for page in pages)

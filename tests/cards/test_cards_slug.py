"""Issue #12.3: the print-shop PDF's crop marks lie in a slug outside the bleed. With crop marks, each
page's MediaBox is its BleedBox plus 6 mm all round and the marks stand there, on the trim lines' extensions,
starting beyond the bleed; nothing is drawn between the bleed's edge and the page's edge but them. Without
crop marks (or without bleed) there is no slug."""

from __future__ import annotations

import pdfplumber
import pytest
from pypdf import PdfReader

from cards_helpers import PT, boxes_mm, build, token_content
from deckgen.layout import load_layout

SLUG = 6.0  # mm
EPS = 0.05  # pt


def child_layout(folder, cards: str):
    folder.mkdir(parents=True)
    (folder / "layout.yaml").write_text("cards:\n" + cards, encoding="utf-8")
    return load_layout(str(folder))


@pytest.fixture(scope="module")
def marked(tmp_path_factory):
    """The single-card PDF of the default layout: 3 mm bleed, crop marks."""
    _, paths = build(tmp_path_factory.mktemp("slug"), token_content(2))
    return paths["single.pdf"]


def _box(box) -> tuple[float, float, float, float]:
    return float(box.left), float(box.bottom), float(box.right), float(box.top)


def _objects(path, index):
    """The lines, rects and curves of page ``index`` as (kind, x0, y0, x1, y1) in the PDF's user space (pt)."""
    media_bottom = float(PdfReader(path).pages[index].mediabox.bottom)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[index]
        # pdfplumber's x is the user space's, its y0/y1 are measured from the MediaBox's bottom
        return [(kind, obj["x0"], obj["y0"] + media_bottom, obj["x1"], obj["y1"] + media_bottom)
                for kind, objects in (("line", page.lines), ("rect", page.rects), ("curve", page.curves))
                for obj in objects]


def _inside(obj, box) -> bool:
    _, x0, y0, x1, y1 = obj
    return x0 >= box[0] - EPS and y0 >= box[1] - EPS and x1 <= box[2] + EPS and y1 <= box[3] + EPS


def _outside(obj, box) -> bool:
    """Entirely outside ``box`` (touching its edge at most)."""
    _, x0, y0, x1, y1 = obj
    return x1 <= box[0] + EPS or x0 >= box[2] - EPS or y1 <= box[1] + EPS or y0 >= box[3] - EPS


def test_the_page_is_the_bleed_plus_a_slug(marked):
    pages = PdfReader(marked).pages
    assert len(pages) >= 4
    for index, page in enumerate(pages):
        assert boxes_mm(marked, index) == {"media": (123.0, 166.0), "trim": (105.0, 148.0), "bleed": (111.0, 154.0)}
        media, bleed, trim = _box(page.mediabox), _box(page.bleedbox), _box(page.trimbox)
        slug = SLUG / PT
        assert media == pytest.approx((bleed[0] - slug, bleed[1] - slug, bleed[2] + slug, bleed[3] + slug), abs=0.01)
        grown = (trim[0] - 3 / PT, trim[1] - 3 / PT, trim[2] + 3 / PT, trim[3] + 3 / PT)
        assert bleed == pytest.approx(grown, abs=0.01)


def test_the_crop_marks_stand_in_the_slug_beyond_the_bleed(marked):
    pages = PdfReader(marked).pages
    for index, page in enumerate(pages):
        media, bleed, trim = _box(page.mediabox), _box(page.bleedbox), _box(page.trimbox)
        reach = bleed[2] - trim[2]  # the bleed, pt
        objects = _objects(marked, index)
        marks = [obj for obj in objects if _outside(obj, bleed)]
        where = f"page {index + 1}"
        # every drawing lies inside the bleed or wholly in the slug: no mark straddles the bleed's edge
        assert all(_inside(obj, bleed) or obj in marks for obj in objects), where
        assert all(_inside(obj, media) for obj in marks), where
        # four corners, two marks each: on the trim lines' extensions, from the bleed's distance on
        assert len(marks) == 8 and {kind for kind, *_ in marks} == {"line"}, (where, marks)
        horizontal = [obj for obj in marks if abs(obj[2] - obj[4]) < EPS]
        vertical = [obj for obj in marks if abs(obj[1] - obj[3]) < EPS]
        assert len(horizontal) == len(vertical) == 4, where
        for _, x0, y, x1, _ in horizontal:
            assert min(abs(y - trim[1]), abs(y - trim[3])) < EPS, where
            gap = trim[0] - x1 if x1 <= trim[0] else x0 - trim[2]
            assert gap >= reach - EPS and x1 - x0 >= 3 / PT, where
        for _, x, y0, _, y1 in vertical:
            assert min(abs(x - trim[0]), abs(x - trim[2])) < EPS, where
            gap = trim[1] - y1 if y1 <= trim[1] else y0 - trim[3]
            assert gap >= reach - EPS and y1 - y0 >= 3 / PT, where
        # nothing lies between the trim and the bleed's edge but artwork that runs into it from the card
        ring = [obj for obj in objects if obj not in marks and _outside(obj, trim)]
        assert not ring, (where, ring)


def test_no_slug_without_crop_marks(tmp_path):
    layout = child_layout(tmp_path / "house", "  crop_marks: false\n")
    _, paths = build(tmp_path / "out", token_content(1), layout=layout)
    for index, page in enumerate(PdfReader(paths["single.pdf"]).pages):
        assert boxes_mm(paths["single.pdf"], index) == {"media": (111.0, 154.0), "trim": (105.0, 148.0),
                                                        "bleed": (111.0, 154.0)}
        bleed = _box(page.bleedbox)
        assert all(_inside(obj, bleed) for obj in _objects(paths["single.pdf"], index))


def test_no_slug_without_bleed(tmp_path):
    layout = child_layout(tmp_path / "house", "  bleed: 0mm\n  crop_marks: true\n")
    _, paths = build(tmp_path / "out", token_content(1), layout=layout)
    for index in range(len(PdfReader(paths["single.pdf"]).pages)):
        assert boxes_mm(paths["single.pdf"], index)["media"] == (105.0, 148.0)

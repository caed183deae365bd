"""What the speed work must not change: the slides-only path stays free of WeasyPrint, and what is reused
from an earlier build is what a fresh build writes."""

from __future__ import annotations

import subprocess
import sys


def test_slides_only_never_imports_weasyprint(tmp_path):
    """A trainer who builds only the deck does not wait for WeasyPrint (and Pango) to load."""
    code = ("import sys\n"
            "from deckgen.cli import main\n"
            "from deckgen.resources import example_content\n"
            f"main(['build', str(example_content()), '--only', 'slides', '--out', {str(tmp_path)!r}, '--quiet'],"
            " standalone_mode=False)\n"
            "print(sorted(name for name in sys.modules if name.split('.')[0] in ('weasyprint', 'pydyf')))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert (tmp_path / "netwerkversterking.pptx").is_file()
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_rebuild_fits_again_only_the_changed_model_and_writes_what_a_fresh_build_writes(
        tmp_path, write_content, english_content, monkeypatch):
    from deckgen.build import build
    from deckgen.project import Request
    from deckgen.slides import analysis, fits

    text = english_content(4)
    content = write_content(text)
    build(Request(content=content, out_dir=tmp_path / "out", only=("slides",), cache=True))
    assert (tmp_path / "out" / ".deckgen-cache" / "workshop" / fits.FILE).is_file()

    fitted = []
    fit = analysis._fit
    monkeypatch.setattr(analysis, "_fit", lambda ctx, model, *constraints: fitted.append(model.number)
                        or fit(ctx, model, *constraints))
    fits._MEMORY.clear()  # a new process: only the cache folder remembers
    changed = text.replace("weaknesses: [Volunteers come and go,", "weaknesses: [Volunteers come and go too often,", 1)
    content.write_text(changed, encoding="utf-8")
    build(Request(content=content, out_dir=tmp_path / "out", only=("slides",), cache=True))
    assert fitted == [1]  # model 1's weaknesses changed; the three others come from the last build

    fits._MEMORY.clear()
    build(Request(content=content, out_dir=tmp_path / "fresh", only=("slides",)))
    assert fitted == [1, 1, 2]  # without the cache: models 2 to 4 have the same lists, one fit serves them
    assert (tmp_path / "out" / "workshop.pptx").read_bytes() == (tmp_path / "fresh" / "workshop.pptx").read_bytes()


def test_a_damaged_fits_file_is_no_fit_at_all(tmp_path, write_content, english_content):
    from deckgen.build import build
    from deckgen.project import Request
    from deckgen.slides import fits

    content = write_content(english_content(2))
    cache = tmp_path / "out" / ".deckgen-cache" / "workshop"
    cache.mkdir(parents=True)
    (cache / fits.FILE).write_text('{"x": [1, 0, "big", null], "y": "nonsense"', encoding="utf-8")
    fits._MEMORY.clear()
    build(Request(content=content, out_dir=tmp_path / "out", only=("slides",), cache=True))
    build(Request(content=content, out_dir=tmp_path / "fresh", only=("slides",)))
    assert (tmp_path / "out" / "workshop.pptx").read_bytes() == (tmp_path / "fresh" / "workshop.pptx").read_bytes()

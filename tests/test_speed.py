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

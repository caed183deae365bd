"""What an import could not place, or had to guess, slide by slide: printed for the person who ran it and
kept as a comment at the top of the content file, so that nothing is dropped without a word."""

from __future__ import annotations

from dataclasses import dataclass, field

_SHOWN_TITLE = 60


@dataclass(frozen=True)
class Note:
    slide: int | None  # None: the deck as a whole
    title: str  # the slide's title, to recognise it by
    message: str
    kept: str = ""  # the text that was not imported, kept in the file as a comment
    guess: bool = False  # a decision the person may want to check, not something left out

    @property
    def place(self) -> str:
        if self.slide is None:
            return "deck"
        if not self.title:
            return f"slide {self.slide}"
        title = self.title if len(self.title) <= _SHOWN_TITLE else self.title[: _SHOWN_TITLE - 1] + "\u2026"
        return f"slide {self.slide} '{title}'"

    def __str__(self) -> str:
        return f"{self.place}: {self.message}"


@dataclass
class Report:
    notes: list[Note] = field(default_factory=list)

    def add(self, slide, title: str, message: str, kept: str = "", guess: bool = False) -> None:
        self.notes.append(Note(slide, title, message, kept.strip(), guess))

    @property
    def left_out(self) -> list[Note]:
        return [note for note in self.notes if not note.guess]

    @property
    def guesses(self) -> list[Note]:
        return [note for note in self.notes if note.guess]

    def ordered(self) -> list[Note]:
        """Slide by slide; notes about the deck as a whole first."""
        return sorted(self.notes, key=lambda note: (note.slide is not None, note.slide or 0))

    def lines(self) -> list[str]:
        """The report as printed: one line a note, slide by slide."""
        return [str(note) for note in self.ordered()]

    def comment(self) -> str:
        """The report as the comment at the top of the written file, with the text that was left out."""
        left_out = [note for note in self.ordered() if not note.guess]
        guesses = [note for note in self.ordered() if note.guess]
        lines: list[str] = []
        if left_out:
            lines += ["", "Not imported: deckgen has no place for these. Copy what you need into the keys below."]
            for note in left_out:
                lines.append(f"- {note}")
                lines += [f"    {line}" for line in note.kept.splitlines() if line.strip()]
        if guesses:
            lines += ["", "Read by guess: check these."]
            lines += [f"- {note}" for note in guesses]
        return "\n".join(lines)

"""The slides builder: the editable .pptx (title, overview tiles, one analysis slide per model, sources).

Every slide is planned first (each text measured with the layout's font metrics and shrunk, split or
refused), then drawn from the same plans; a text that cannot fit is a problem located in the content."""

from __future__ import annotations

from pathlib import Path

from deckgen.errors import DoesNotFit, Problem


class SlidesBuilder:
    name = "slides"

    def outputs(self, names) -> dict[str, Path]:
        return {"deck": names.path(".pptx")}

    def check(self, project) -> list[Problem]:
        from deckgen.slides.deck import plan_deck

        ctx = plan_deck(project.workshop, project.layout).ctx
        return [project.locate(misfit) for misfit in ctx.problems + ctx.notes]

    def write(self, project, outputs) -> None:
        from deckgen.slides import fits
        from deckgen.slides.deck import draw_deck, plan_deck
        from deckgen.slides.reproducible import save, set_properties

        workshop = project.workshop
        fits.load(project.cache_dir)  # the analyses fitted by the last build
        deck = plan_deck(workshop, project.layout)
        if deck.ctx.problems:
            raise DoesNotFit([project.locate(misfit) for misfit in deck.ctx.problems])
        project.report("writing slides", 0, 1)
        draw_deck(deck)
        set_properties(deck.prs, workshop.title.plain, ", ".join(workshop.authors), deck.ctx.style.lang)
        save(deck.prs, outputs.temp_for(self.outputs(project.names)["deck"]))
        fitted = deck.ctx.fits  # not the deck: the lambda would keep every slide's XML until the build lands
        outputs.after_commit(lambda: fits.save(project.cache_dir, fitted))

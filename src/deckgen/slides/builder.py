"""The slides builder: the editable .pptx (title, overview tiles, one analysis slide per model, sources).

Every slide is planned first (each text measured with the layout's font metrics and shrunk, split or
refused), then drawn from the same plans; a text that cannot fit is a problem located in the content.
Slides whose content did not change since the last build are taken from its cache (deckgen.slides.cache)."""

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
        from deckgen.slides import cache as slide_cache, fits
        from deckgen.slides.deck import build_deck
        from deckgen.slides.package import write_deck
        from deckgen.slides.reproducible import set_properties

        workshop = project.workshop
        fits.load(project.cache_dir)  # the analyses fitted by the last build
        with slide_cache.SlideCache(project.cache_dir) as cache:  # the slides it drew
            deck = build_deck(workshop, project.layout, cache)
            if deck.ctx.problems:
                raise DoesNotFit([project.locate(misfit) for misfit in deck.ctx.problems])
            project.report("writing slides", 0, 1)
            set_properties(deck.prs, workshop.title.plain, ", ".join(workshop.authors), deck.ctx.style.lang)
            write_deck(deck.prs, deck.slides, deck.media, outputs.temp_for(self.outputs(project.names)["deck"]))
            kept = cache.keep()  # compressed bytes: not the deck, which would stay alive until the build lands
        fitted, folder = deck.ctx.fits, project.cache_dir
        outputs.after_commit(lambda: fits.save(folder, fitted))
        outputs.after_commit(lambda: slide_cache.save(folder, kept))

"""The cards builder: A6 discussion cards as print sheets (A4/A3, cut marks, duplex backs), single cards
with bleed for a print shop, and an HTML preview.

Each side is laid out once (deckgen.cards.sides); the single-card PDF is those pages merged and the sheets
place the same pages. Up to TAG_LIMIT sides both are tagged (PDF/UA-1) and put together whole with pypdf
(deckgen.cards.sheets), as is a print shop's PDF/X-4; a larger deck is put together in blocks with
pikepdf (deckgen.cards.blocks), each kept in the side cache."""

from __future__ import annotations

import functools
import warnings
from dataclasses import replace
from pathlib import Path

from deckgen.errors import DeckgenWarning, DoesNotFit, Problem
from deckgen.languages import document_tag


class CardsBuilder:
    name = "cards"

    def outputs(self, names) -> dict[str, Path]:
        return {
            "sheets": names.path("-cards.pdf"),
            "single": names.path("-cards-single.pdf"),
            "html": names.path("-cards.html"),
        }

    def check(self, project) -> list[Problem]:
        from deckgen.cards.sides import lay_out

        return [project.locate(misfit) for misfit in lay_out(project).misfits] + picture_warnings(project)

    def write(self, project, outputs) -> None:
        from deckgen.cards.imposition import impose
        from deckgen.cards.sheets import build_sheets, build_singles

        workshop, layout, settings = project.workshop, project.layout, project.print
        laid_out = self._lay_out(project)
        for problem in picture_warnings(project):  # said while building too: the cards are printed from it
            warnings.warn(str(replace(problem, level="error")), DeckgenWarning, stacklevel=2)
        tag = document_tag(workshop.language)  # the documents' language: nl-NL, or the content's nl-BE
        grid, plan = impose(len(laid_out.cards), settings.paper, settings.duplex, settings.back_offset)

        def assemble():
            if not laid_out.tagged and not settings.print_shop:
                from deckgen.cards.blocks import assemble as assemble_in_blocks
                from deckgen.cards.pdf import source_date

                project.report("writing single cards and sheets", 0, 1)
                return assemble_in_blocks(laid_out.pdfs, grid, plan, layout.fonts.files, workshop.title.plain, tag,
                                          source_date(), functools.partial(laid_out.block_piece, settings))
            readers = laid_out.readers()
            project.report("writing single cards", 0, 1)
            singles = build_singles(readers, laid_out.seed, workshop.title.plain, tag,
                                    fonts=layout.fonts.files, print_shop=settings.print_shop)
            project.report("writing sheets", 0, 1)
            return singles, build_sheets([reader.pages[0] for reader in readers], grid, plan, workshop.title.plain,
                                         tag, seed=laid_out.seed, fonts=layout.fonts.files)

        # the sides carry the layout, labels and code in their keys; the rest that the documents show is here
        singles, sheets = laid_out.assembled((settings, workshop.title.plain, tag, [str(path) for path in
                                                                                   layout.fonts.files]), assemble)
        files = self.outputs(project.names)
        outputs.temp_for(files["sheets"]).write_bytes(sheets)
        outputs.temp_for(files["single"]).write_bytes(singles)
        outputs.temp_for(files["html"]).write_text(self._preview(project, laid_out), encoding="utf-8")
        outputs.after_commit(laid_out.save_cache)

    def write_preview(self, project, outputs) -> None:
        """Only the HTML preview, its sides laid out (and kept in the cache, so that ``write`` after it
        lays out nothing again): ``deckgen watch`` shows it before the PDFs are assembled."""
        laid_out = self._lay_out(project)
        html = self.outputs(project.names)["html"]
        outputs.temp_for(html).write_text(self._preview(project, laid_out), encoding="utf-8")
        outputs.after_commit(laid_out.save_cache)

    @staticmethod
    def _lay_out(project):
        from deckgen.cards.sides import lay_out

        laid_out = lay_out(project, cache_dir=project.cache_dir)
        if laid_out.misfits:
            raise DoesNotFit([project.locate(misfit) for misfit in laid_out.misfits])
        return laid_out

    @staticmethod
    def _preview(project, laid_out) -> str:
        from deckgen.cards.htmldoc import html_page
        from deckgen.cards.sides import page_meta
        from deckgen.cards.theme import PageSetup

        return html_page(project.workshop, project.layout, laid_out.cards, laid_out.sizes, "preview",
                         PageSetup(0.0, False), meta=page_meta())


def picture_warnings(project) -> list[Problem]:
    """A warning for each picture printed on a card front at too few pixels per inch, at its content line."""
    from deckgen.cards.cardset import build_cards
    from deckgen.pictures import dpi_warning

    found = [dpi_warning(card.data["picture"], f"{card.title} (front)")
             for card in build_cards(project.workshop, project.layout) if card.data.get("picture") is not None]
    return [project.locate(misfit) for misfit in found if misfit is not None]

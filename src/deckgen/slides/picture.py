"""A content picture on a slide: fitted into its box with its aspect kept (whole, or covering the box with
the overflow cropped), its alt text as the shape's description or, without one, marked decorative.

An SVG goes in as PowerPoint's own SVG picture (Office 2016 and later draw the SVG, sharp at any zoom) with
a PNG drawn from it as the fallback that older clients and LibreOffice show: python-pptx knows no SVG, so
the SVG part and the ``asvg:svgBlip`` extension of the picture's blip are added here. A photo whose EXIF
orientation turns it goes in turned (PowerPoint does not read the tag), and a photo with far more pixels
than its place on the slide shows goes in scaled down (deckgen.pictures.SLIDE_PPI)."""

from __future__ import annotations

import io

from lxml import etree
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.opc.package import Part
from pptx.oxml.ns import qn
from pptx.util import Pt

from deckgen.pictures import Picture, fit as fit_picture, png_fallback, scaled_down, slide_pixels, upright
from deckgen.slides.drawing import mark_decorative
from deckgen.slides.geometry import Box

SVG_BLIP_EXT = "{96DAC541-7B7A-43D3-8B79-37D633B846F1}"
SVG_NS = "http://schemas.microsoft.com/office/drawing/2016/SVG/main"
SVG_CONTENT_TYPE = "image/svg+xml"


def fitted_box(picture: Picture, box: Box, mode: str = "contain", align: str = "center") -> Box:
    """Where ``picture`` is drawn in ``box`` (the whole box when it covers it)."""
    placed = fit_picture(picture.aspect, box.w, box.h, mode, align)
    return Box(box.x + placed.x, box.y + placed.y, placed.w, placed.h)


def add_picture(slide, picture: Picture, box: Box, name: str, mode: str = "contain", align: str = "center"):
    """``picture`` drawn into ``box`` on ``slide`` (see the module's docstring)."""
    placed = fit_picture(picture.aspect, box.w, box.h, mode, align)
    left, _, right, _ = placed.crop
    pixels = slide_pixels(picture, placed.w / (1 - left - right))  # the whole picture's width, its crop undone
    if picture.vector:
        source = io.BytesIO(png_fallback(picture.path, picture.digest, picture.width, picture.height))
    elif pixels is not None:  # a phone's photo: megabytes the deck need not carry
        source = io.BytesIO(scaled_down(picture.path, picture.digest, pixels))
    elif picture.orientation != 1:
        source = io.BytesIO(upright(picture.path, picture.digest))
    else:
        source = str(picture.path)
    shape = slide.shapes.add_picture(source, Pt(box.x + placed.x), Pt(box.y + placed.y), Pt(placed.w), Pt(placed.h))
    shape.crop_left, shape.crop_top, shape.crop_right, shape.crop_bottom = placed.crop
    shape.name = name
    if picture.vector:
        _add_svg(slide, shape, picture)
    c_nv_pr = shape._element.nvPicPr.cNvPr
    if picture.alt:
        c_nv_pr.set("descr", picture.alt)
    else:  # python-pptx describes a picture by its file name: no description at all for a decorative one
        c_nv_pr.attrib.pop("descr", None)
        mark_decorative(shape)
    return shape


def _add_svg(slide, shape, picture: Picture) -> None:
    """The SVG itself beside the picture's PNG: a part of the package, pointed at from the blip's extension."""
    part = _svg_part(slide.part.package, picture.path.read_bytes())
    rid = slide.part.relate_to(part, RT.IMAGE)
    blip = shape._element.find(".//" + qn("a:blip"))
    ext_list = blip.find(qn("a:extLst"))
    if ext_list is None:
        ext_list = etree.SubElement(blip, qn("a:extLst"))
    ext = etree.SubElement(ext_list, qn("a:ext"), uri=SVG_BLIP_EXT)
    svg_blip = etree.SubElement(ext, f"{{{SVG_NS}}}svgBlip", nsmap={"asvg": SVG_NS})
    svg_blip.set(qn("r:embed"), rid)


def _svg_part(package, blob: bytes) -> Part:
    """The package's part holding ``blob`` as an SVG image: the one already there, else a new one."""
    for part in package.iter_parts():
        if part.content_type == SVG_CONTENT_TYPE and part.blob == blob:
            return part
    return Part(package.next_image_partname("svg"), SVG_CONTENT_TYPE, package, blob)

"""Pictures of the content: a model's ``image`` (and the workshop's), checked, measured and fitted.

- ``picture_problem``: why a file cannot serve as a picture (the ``check_contents`` of the content's
  ``image`` key): a PNG or JPEG that Pillow opens, verifies and decodes whole, with its decompression-bomb
  warning taken as a refusal, or an SVG whose root is ``<svg>`` and whose size can be read;
- ``read_picture``: the checked file as a ``Picture`` (its format, size in pixels, alt text, a digest of
  its bytes: card side caches key on it);
- ``fit``: where a picture goes in a box, scaled never stretched (``contain``: whole, ``cover``: filling
  the box, the overflow cropped), and ``dpi``: how many of its pixels an inch of that box gets;
- ``Framed``: a picture and the box (in mm) a printed page gives it, with the dpi it prints at, and
  ``picture_urls``: where an HTML page reads each picture from;
- ``alt_warnings`` and ``dpi_warning``: what ``deckgen check`` says of a picture without alt text, and of
  one printed at under MIN_CARD_DPI;
- ``upright``: a photo turned as its EXIF orientation says, for PowerPoint, which does not read it;
- ``png_fallback``: an SVG drawn as a PNG, for what cannot show SVG (PowerPoint before 2016 reads the
  fallback of its SVG picture), drawn by WeasyPrint and rasterised by PDFium, both already deckgen's.
"""

from __future__ import annotations

import functools
import hashlib
import io
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

MAX_PICTURE_BYTES = 20 * 1024 * 1024
MIN_CARD_DPI = 150  # below this a picture looks soft in print
RASTER_FORMATS = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG"}
SVG_NS = "http://www.w3.org/2000/svg"
FALLBACK_PIXELS = 1600  # the longer side of an SVG's PNG fallback
# A photo goes into the deck with the pixels it needs where it is shown: PowerPoint's own default when it
# compresses pictures (220 ppi, "print"). Only one with more than HD's 330 ppi there is scaled down, so a
# picture that is not much too large goes in untouched, as its file.
SLIDE_PPI = 220
SLIDE_PPI_KEPT = 330
EXIF_ORIENTATION = 0x0112
# CSS pixels in each unit an SVG's width and height may be written in
_UNITS = {"": 1.0, "px": 1.0, "pt": 96 / 72, "pc": 16.0, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96.0}
_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*([a-z]*)\s*$")


@dataclass(frozen=True)
class Picture:
    """A checked picture file of the content."""

    path: Path
    format: str  # "PNG", "JPEG" or "SVG"
    width: float  # pixels (an SVG: CSS pixels of its own size)
    height: float
    digest: str  # SHA-256 of the file's bytes
    alt: str | None = None  # None: decorative (screen readers skip it)
    key_path: str = ""  # where the content names it: "models[0].image", "image"
    orientation: int = 1  # its EXIF orientation (a phone's photo: 6 is turned a quarter); width and height upright

    @property
    def vector(self) -> bool:
        return self.format == "SVG"

    @property
    def aspect(self) -> float:
        """Width over height."""
        return self.width / self.height

    @property
    def mime(self) -> str:
        return {"PNG": "image/png", "JPEG": "image/jpeg", "SVG": "image/svg+xml"}[self.format]


@dataclass(frozen=True)
class Placement:
    """Where a picture is drawn, relative to its box (in the box's units): its whole drawn size and
    offset, and the shares cropped off each edge (all 0 unless it covers the box)."""

    x: float
    y: float
    w: float
    h: float
    crop: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)  # left, top, right, bottom


def fit(aspect: float, w: float, h: float, mode: str = "contain", align: str = "center") -> Placement:
    """A picture of ``aspect`` (width / height) in a ``w`` by ``h`` box, its aspect kept: ``contain`` shows
    it whole (centred, or to the box's top, ``align="top"``), ``cover`` fills the box and crops the overflow
    evenly from both sides."""
    if mode == "cover":
        if aspect > w / h:  # wider: crop left and right
            share = (1 - (w / h) / aspect) / 2
            return Placement(0, 0, w, h, (share, 0, share, 0))
        share = (1 - aspect / (w / h)) / 2
        return Placement(0, 0, w, h, (0, share, 0, share))
    pw, ph = (w, w / aspect) if aspect > w / h else (h * aspect, h)
    return Placement((w - pw) / 2, 0 if align == "top" else (h - ph) / 2, pw, ph)


def dpi(picture: Picture, w_mm: float, h_mm: float, mode: str = "contain") -> float | None:
    """The pixels per inch the picture has when printed into a ``w_mm`` by ``h_mm`` box; None for an SVG
    (it has no pixels: it is sharp at any size)."""
    if picture.vector:
        return None
    placed = fit(picture.aspect, w_mm, h_mm, mode)
    left, _, right, _ = placed.crop
    shown_mm = placed.w / (1 - left - right) if mode == "cover" else placed.w  # the whole picture's width
    return picture.width / (shown_mm / 25.4)


@dataclass(frozen=True)
class Framed:
    """A picture in a box of a printed page (a card, the handout), ``width`` by ``height`` mm."""

    picture: Picture
    width: float
    height: float
    fit: str = "contain"

    @property
    def dpi(self) -> float | None:
        return dpi(self.picture, self.width, self.height, self.fit)

    @property
    def placement(self) -> Placement:
        """Where the picture is drawn in the box, in mm."""
        return fit(self.picture.aspect, self.width, self.height, self.fit)


def picture_urls(pictures, inline: bool = False) -> dict[Path, str]:
    """Where a page reads each of ``pictures``: file URLs (WeasyPrint reads them through its safe fetcher),
    or with ``inline`` data URLs: the HTML preview holds its pictures, as it is served over HTTP by
    ``deckgen watch --serve`` (where a browser reads no file URL) or mailed."""
    import base64

    urls = {}
    for picture in pictures:
        if inline:
            urls[picture.path] = (f"data:{picture.mime};base64,"
                                  + base64.b64encode(picture.path.read_bytes()).decode("ascii"))
        else:
            urls[picture.path] = picture.path.resolve().as_uri()
    return urls


def alt_warnings(pictures) -> list:
    """A warning (a Misfit of level "warning") for each picture without alt text: it is marked decorative."""
    from deckgen.errors import Misfit

    return [Misfit(picture.key_path, "", f"{picture.path.name} has no alt text, so it is marked decorative "
                   "and screen readers skip it; say what it shows with alt: (image: {file: ..., alt: ...})",
                   "warning")
            for picture in pictures if not picture.alt]


def dpi_warning(framed: Framed, place: str):
    """A warning (a Misfit of level "warning") when ``framed`` prints at under MIN_CARD_DPI, else None."""
    from deckgen.errors import Misfit

    resolution = framed.dpi
    if resolution is None or resolution >= MIN_CARD_DPI:
        return None
    picture, placed = framed.picture, framed.placement
    scale = MIN_CARD_DPI / resolution
    return Misfit(picture.key_path, place,
                  f"{picture.path.name} prints at {resolution:.0f} dpi ({picture.width:.0f} x {picture.height:.0f} "
                  f"pixels over {placed.w:.0f} x {placed.h:.0f} mm) and will look soft; at least {MIN_CARD_DPI} "
                  f"dpi is sharp: give a picture of at least {picture.width * scale:.0f} x "
                  f"{picture.height * scale:.0f} pixels, or an SVG", "warning")


# --- checking -------------------------------------------------------------------------------------------


def picture_problem(path: Path) -> str | None:
    """Why ``path`` cannot serve as a picture, or None: a PNG, JPEG or SVG whose contents are what its
    name says, whole, and not so large when decoded that it would exhaust the memory."""
    suffix = path.suffix.lower()
    if suffix == ".svg":
        try:
            svg_size(path)
        except ValueError as error:
            return f"{path.name} is not a usable SVG picture ({error})"
        return None
    if suffix not in RASTER_FORMATS:
        return f"expected a PNG, JPEG or SVG picture, got {path.name}"
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(path) as image:
                kind = image.format
                image.verify()
            with Image.open(path) as image:  # verify() checks the structure; load() decodes every pixel
                image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        return (f"{path.name} has too many pixels to be read safely (a decompression bomb?): {error}; "
                f"scale it down")
    except Exception as error:  # noqa: BLE001 -- Pillow raises many kinds for broken or hostile images
        return f"{path.name} is not a readable image, or is cut off ({type(error).__name__}: {error})"
    if kind != RASTER_FORMATS[suffix]:
        return (f"{path.name} holds a {kind} image, not the {RASTER_FORMATS[suffix]} its name says; "
                f"save it as PNG or JPEG")
    return None


def read_picture(path: Path, alt: str | None = None, key_path: str = "") -> Picture:
    """The picture in ``path`` (one that ``picture_problem`` accepted)."""
    data = path.read_bytes()
    if path.suffix.lower() == ".svg":
        width, height = svg_size(path)
        kind = "SVG"
    else:
        from PIL import Image

        with Image.open(path) as image:
            (width, height), kind = image.size, image.format
            orientation = image.getexif().get(EXIF_ORIENTATION, 1)
        if orientation in (5, 6, 7, 8):  # turned a quarter: shown upright, its sides swap
            width, height = height, width
        return Picture(path, kind, float(width), float(height), hashlib.sha256(data).hexdigest(), alt, key_path,
                       orientation if orientation in range(1, 9) else 1)
    return Picture(path, kind, float(width), float(height), hashlib.sha256(data).hexdigest(), alt, key_path)


def svg_size(path: Path) -> tuple[float, float]:
    """The width and height of the SVG in ``path`` in CSS pixels, from its width and height, else its
    viewBox; ValueError when it is no SVG or has no size (XML entities and network access are off)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as error:
        raise ValueError(f"not well-formed XML: {error}") from None
    if root.tag not in (f"{{{SVG_NS}}}svg", "svg"):
        raise ValueError(f"its root element is <{etree.QName(root).localname}>, not <svg>")
    outside = _reference_out(root)
    if outside:
        raise ValueError(f"it refers to {outside[:80]!r} outside itself; save it with everything embedded")
    box = None
    if root.get("viewBox"):
        numbers = [float(n) for n in re.split(r"[\s,]+", root.get("viewBox").strip()) if n]
        if len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0:
            box = numbers[2], numbers[3]
    width, height = _length(root.get("width")), _length(root.get("height"))
    if width and height:
        return width, height
    if box and (width or height):  # one side given: the other from the viewBox's proportions
        return (width, width * box[1] / box[0]) if width else (height * box[0] / box[1], height)
    if box:
        return box
    raise ValueError("it gives neither a width and height nor a viewBox, so its proportions are unknown")


_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]*)")


def _reference_out(root) -> str | None:
    """The first reference of an SVG to anything but itself (a linked picture, font or stylesheet), or None:
    a picture is one self-contained file, whatever draws it."""
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # a comment or processing instruction
        values = [value for name, value in element.attrib.items() if name.rsplit("}", 1)[-1] == "href"]
        values += _URL.findall(" ".join(element.attrib.values()) + " " + (element.text or ""))
        for value in values:
            if value.strip() and not value.strip().startswith(("#", "data:")):
                return value.strip()
    return None


def _length(value: str | None) -> float | None:
    match = _LENGTH.match(value or "")
    if not match or match.group(2) not in _UNITS or float(match.group(1)) <= 0:
        return None  # missing, a percentage or an unknown unit
    return float(match.group(1)) * _UNITS[match.group(2)]


# --- drawing --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=32)
def upright(path: Path, digest: str) -> bytes:
    """The photo in ``path`` turned as its EXIF orientation says, for what does not read that tag (PowerPoint
    shows a phone's portrait photo on its side); the browsers and WeasyPrint turn it themselves."""
    from PIL import Image, ImageOps

    out = io.BytesIO()
    with Image.open(path) as image:
        kind = image.format
        turned = ImageOps.exif_transpose(image)
        turned.save(out, format=kind, **({"quality": 95} if kind == "JPEG" else {}))
    return out.getvalue()


def slide_pixels(picture: Picture, shown_width_pt: float) -> int | None:
    """The width in pixels ``picture`` goes into the deck with when its whole width is shown
    ``shown_width_pt`` wide: SLIDE_PPI's worth when it has more than SLIDE_PPI_KEPT's, else None (as it is)."""
    if picture.vector:
        return None
    wanted = shown_width_pt / 72 * SLIDE_PPI
    return max(1, round(wanted)) if picture.width > shown_width_pt / 72 * SLIDE_PPI_KEPT else None


@functools.lru_cache(maxsize=32)
def scaled_down(path: Path, digest: str, width: int) -> bytes:
    """The photo in ``path`` turned upright (its EXIF orientation) and scaled down to ``width`` pixels, its
    aspect kept, in its own format (a JPEG at quality 90) with its colour profile; ``digest`` keys the cache."""
    from PIL import Image, ImageOps

    out = io.BytesIO()
    with Image.open(path) as image:
        kind, profile = image.format, image.info.get("icc_profile")
        turned = ImageOps.exif_transpose(image)
        height = max(1, round(turned.height * width / turned.width))
        smaller = turned.resize((width, height), Image.Resampling.LANCZOS, reducing_gap=3.0)
        options = {"quality": 90, "optimize": True} if kind == "JPEG" else {"optimize": True}
        if profile:
            options["icc_profile"] = profile
        smaller.save(out, format=kind, **options)
    return out.getvalue()


@functools.lru_cache(maxsize=32)
def png_fallback(path: Path, digest: str, width: float, height: float) -> bytes:
    """The SVG in ``path`` as a PNG whose longer side is FALLBACK_PIXELS (``digest`` keys the cache: a
    changed file is drawn again under ``deckgen watch``). WeasyPrint draws it as a page of its size, reading
    nothing outside its folder; PDFium rasterises that page."""
    import pypdfium2

    from deckgen.htmlpdf import safe_fetcher, weasyprint

    html = (f"<style>@page {{ size: {width:g}px {height:g}px; margin: 0 }} body {{ margin: 0 }}"
            f"img {{ display: block; width: {width:g}px; height: {height:g}px }}</style>"
            f'<img src="{path.resolve().as_uri()}" alt="">')
    pdf = weasyprint().HTML(string=html, base_url=path.parent.resolve().as_uri(),
                            url_fetcher=safe_fetcher((path.parent,))).write_pdf()
    document = pypdfium2.PdfDocument(pdf)
    try:
        page = document[0]
        scale = FALLBACK_PIXELS / max(page.get_width(), page.get_height())
        image = page.render(scale=scale, fill_color=(255, 255, 255, 0)).to_pil()
    finally:
        document.close()
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()

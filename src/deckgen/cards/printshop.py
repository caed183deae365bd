"""PDF/X-4 for print shops: the single-card PDF made ready for a print shop's RIP, after it is merged.

- **Output intent**: FOGRA39 (offset on coated paper, the usual European condition), with the CMYK profile
  shipped in deckgen/cards/profiles (see its README: made from Zlib-licensed Fogra data, free to embed).
- **Colours in CMYK**: every RGB fill and stroke colour of the pages (``rg``/``RG``) becomes a DeviceCMYK one
  (``k``/``K``), converted with that profile (LittleCMS through Pillow's ImageCms, relative colorimetric
  with black point compensation); greys and black become black ink alone (K), so that text is never
  built from four inks that a press cannot register exactly. DeviceGray (the crop marks) is black ink.
- **What stays RGB**: images (a layout's logo) and shadings keep their RGB, tagged with the sRGB profile
  (ICC-based, which PDF/X-4 allows): the RIP converts them to the output intent.
- **Identification**: PDF 1.6, ``GTS_PDFXVersion`` PDF/X-4 in the XMP metadata and the document info, with
  the dates, ``Trapped`` and the XMP identifiers PDF/X asks for; the PDF/UA identification stays (the file
  is tagged as before). TrimBox and BleedBox are on every page already (WeasyPrint's, kept by the merge).

The dates are the build's SOURCE_DATE_EPOCH when set (the file is then the same byte for byte), else now:
PDF/X requires them.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
from importlib import resources

from pypdf.generic import (
    ArrayObject,
    ContentStream,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    NameObject,
    NumberObject,
    StreamObject,
    TextStringObject,
)

from deckgen.errors import DeckgenError

PROFILE = "FOGRA39L-deckgen.icc"
OUTPUT_CONDITION = "FOGRA39"
CONDITION_TEXT = "Offset printing, coated paper (ISO 12647-2:2004/Amd 1, paper type 1 or 2)"
REGISTRY = "http://www.color.org"
PDFX_VERSION = "PDF/X-4"


def profile_bytes(name: str = PROFILE) -> bytes:
    """A profile shipped in deckgen/cards/profiles; a clear message when the installation lacks it."""
    try:
        return resources.files("deckgen.cards").joinpath("profiles", name).read_bytes()
    except OSError:
        raise DeckgenError(f"the print-shop colour profile {name} is missing from deckgen's installation "
                           "(deckgen/cards/profiles); reinstall deckgen (pip install --force-reinstall deckgen), "
                           "or build without --print-shop and cards.print_shop") from None


@functools.lru_cache(maxsize=1)
def _transform():
    import io

    from PIL import ImageCms

    target = ImageCms.ImageCmsProfile(io.BytesIO(profile_bytes()))
    return ImageCms.buildTransform(ImageCms.createProfile("sRGB"), target, "RGB", "CMYK",
                                   renderingIntent=ImageCms.Intent.RELATIVE_COLORIMETRIC,
                                   flags=ImageCms.Flags.BLACKPOINTCOMPENSATION)


@functools.lru_cache(maxsize=4096)
def cmyk(red: float, green: float, blue: float) -> tuple[float, float, float, float]:
    """An sRGB colour (0..1 each) as ink on FOGRA39 (0..1 each); a grey as black ink alone."""
    if red == green == blue:
        return 0.0, 0.0, 0.0, round(1.0 - red, 4)
    from PIL import Image, ImageCms

    pixel = Image.new("RGB", (1, 1), tuple(round(min(1.0, max(0.0, value)) * 255) for value in (red, green, blue)))
    return tuple(round(value / 255, 4) for value in ImageCms.applyTransform(pixel, _transform()).getpixel((0, 0)))


def make_pdfx(writer, title: str, moment: datetime.datetime, seed: bytes) -> None:
    """Turn the merged single-card PDF in ``writer`` (pypdf) into PDF/X-4, as the module says."""
    srgb = None
    for page in writer.pages:
        _convert_page(writer, page)
        for owner in _resource_owners(page):
            srgb = _tag_rgb(writer, owner, srgb)
    profile = StreamObject()
    profile._data = profile_bytes()
    profile[NameObject("/N")] = NumberObject(4)
    profile = profile.flate_encode()
    writer.root_object[NameObject("/OutputIntents")] = ArrayObject([DictionaryObject({
        NameObject("/Type"): NameObject("/OutputIntent"),
        NameObject("/S"): NameObject("/GTS_PDFX"),
        NameObject("/OutputConditionIdentifier"): TextStringObject(OUTPUT_CONDITION),
        NameObject("/OutputCondition"): TextStringObject(CONDITION_TEXT),
        NameObject("/RegistryName"): TextStringObject(REGISTRY),
        NameObject("/Info"): TextStringObject(f"{OUTPUT_CONDITION}: {CONDITION_TEXT}"),
        NameObject("/DestOutputProfile"): writer._add_object(profile),  # see the pypdf pin
    })])
    metadata = DecodedStreamObject()
    metadata.set_data(xmp(title, moment, seed).encode("utf-8"))
    metadata.update({NameObject("/Type"): NameObject("/Metadata"), NameObject("/Subtype"): NameObject("/XML")})
    writer.root_object[NameObject("/Metadata")] = writer._add_object(metadata)  # uncompressed, as PDF/X asks
    date = "D:" + moment.strftime("%Y%m%d%H%M%S") + "Z"
    writer.add_metadata({"/GTS_PDFXVersion": PDFX_VERSION, "/CreationDate": date, "/ModDate": date})
    writer._info.get_object()[NameObject("/Trapped")] = NameObject("/False")  # a name: add_metadata makes strings
    writer.pdf_header = b"%PDF-1.6"  # PDF/X-4 is PDF 1.6


def _convert_page(writer, page) -> None:
    """The page's RGB fill and stroke colours as CMYK."""
    content = page.get_contents()
    if content is None:
        return
    content = ContentStream(content, writer)
    changed = False
    for index, (operands, operator) in enumerate(content.operations):
        if operator in (b"rg", b"RG") and len(operands) == 3:
            inks = cmyk(*(float(value) for value in operands))
            content.operations[index] = ([FloatObject(ink) for ink in inks], b"k" if operator == b"rg" else b"K")
            changed = True
    if changed:
        page.replace_contents(content)


def _resource_owners(page):
    """The page and every form, pattern and shading its resources reach, for their colour spaces."""
    seen, stack = set(), [page]
    while stack:
        owner = stack.pop()
        resources_ = owner.get("/Resources")
        if resources_ is None:
            continue
        resources_ = resources_.get_object()
        yield resources_
        for group in ("/XObject", "/Pattern"):
            for item in (resources_.get(group) or {}).values():
                item = item.get_object()
                if id(item) not in seen:
                    seen.add(id(item))
                    stack.append(item)


def _tag_rgb(writer, resources_, srgb):
    """Images and shadings in DeviceRGB, and RGB named colour spaces, become ICC-based sRGB."""
    for group in ("/XObject", "/Shading"):
        for item in (resources_.get(group) or {}).values():
            item = item.get_object()
            if item.get("/ColorSpace") == "/DeviceRGB":
                srgb = srgb or _srgb_space(writer)
                item[NameObject("/ColorSpace")] = srgb
    return srgb


def _srgb_space(writer):
    from PIL import ImageCms

    stream = StreamObject()
    stream._data = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    stream[NameObject("/N")] = NumberObject(3)
    return ArrayObject([NameObject("/ICCBased"), writer._add_object(stream.flate_encode())])


def xmp(title: str, moment: datetime.datetime, seed: bytes) -> str:
    """The XMP metadata of a PDF/X-4 that is also PDF/UA-1."""
    from xml.sax.saxutils import escape

    when = moment.astimezone(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    digest = hashlib.sha256(seed).hexdigest()
    document_id = f"uuid:{digest[:8]}-{digest[8:12]}-{digest[12:16]}-{digest[16:20]}-{digest[20:32]}"
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/"
    dc:format="application/pdf"
    xmp:CreateDate="{when}" xmp:ModifyDate="{when}" xmp:MetadataDate="{when}" xmp:CreatorTool="deckgen"
    xmpMM:DocumentID="{document_id}" xmpMM:InstanceID="{document_id}" xmpMM:VersionID="1"
    xmpMM:RenditionClass="default"
    pdf:Producer="deckgen" pdf:Trapped="False"
    pdfxid:GTS_PDFXVersion="{PDFX_VERSION}" pdfuaid:part="1">
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{escape(title)}</rdf:li></rdf:Alt></dc:title>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""

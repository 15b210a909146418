"""Write page images as PNG, JPEG, TIFF or PDF (image-only scans or born-digital with a text
layer). Every writer is byte-deterministic: no timestamps, fixed PDF ids (reportlab invariant)."""

import io

from PIL import Image
from reportlab.lib.utils import ImageReader
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from .doc import FONT_WQY, PAGE_H, PAGE_W, Page, Style
from .render import stamp_mask

SINGLE_PAGE = {"png", "jpg"}
EXT = {"png": ".png", "jpg": ".jpg", "tiff": ".tif", "pdf": ".pdf"}


def write_png(path, im: Image.Image, dpi: int):
    im.save(path, "PNG", optimize=True, dpi=(dpi, dpi))


def write_jpg(path, im: Image.Image, dpi: int, quality=82):
    im.save(path, "JPEG", quality=quality, dpi=(dpi, dpi))


def write_tiff(path, ims: list[Image.Image], dpi: int):
    ims[0].save(path, "TIFF", save_all=True, append_images=ims[1:], compression="tiff_adobe_deflate",
                dpi=(dpi, dpi))


def _pdf_canvas(path, title: str):
    c = canvas.Canvas(str(path), pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    c.setTitle(title)
    c.setCreator("arkivgen")
    c.setProducer("arkivgen")
    return c


def write_scanned_pdf(path, ims: list[Image.Image], dpi: int, title: str, quality=70):
    """Image-only PDF, one JPEG per page, as a scanner produces it (no text layer)."""
    c = _pdf_canvas(path, title)
    for im in ims:
        w_pt, h_pt = im.width * 72.0 / dpi, im.height * 72.0 / dpi
        c.setPageSize((w_pt, h_pt))
        buf = io.BytesIO()
        im.save(buf, "JPEG", quality=quality)
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, width=w_pt, height=h_pt)
        c.showPage()
    c.save()


_FONT_REGISTERED = False


def _register_font():
    global _FONT_REGISTERED
    if not _FONT_REGISTERED:
        # WenQuanYi Zen Hei has TrueType outlines, so reportlab can embed a subset with a ToUnicode map
        pdfmetrics.registerFont(TTFont("WQYZenHei", FONT_WQY, subfontIndex=0))
        _FONT_REGISTERED = True


def write_text_pdf(path, pages: list[Page], style: Style, title: str):
    """Born-digital PDF: the laid-out text drawn as real (extractable) text in an embedded font."""
    _register_font()
    c = _pdf_canvas(path, title)
    for p in pages:
        for op in p.ops:
            if op[0] == "t":
                _, x, base, size, role, s = op
                c.setFont("WQYZenHei", size)
                c.setFillGray(0)
                c.drawString(x, PAGE_H - base, s)
            elif op[0] == "l":
                _, x1, y1, x2, y2, w = op
                c.setLineWidth(w)
                c.setStrokeGray(0)
                c.line(x1, PAGE_H - y1, x2, PAGE_H - y2)
        for op in p.ops:
            if op[0] == "s":
                # the seal is a picture, not text: embed it as a grey image with an alpha mask
                _, cx, cy, r, outer, inner = op
                px = int(2 * r * 150 / 72)
                mask = stamp_mask(px, outer, inner, style, 255)
                rgba = Image.new("RGBA", (px, px), (120, 120, 120, 0))
                rgba.putalpha(mask.point(lambda v: v * 200 // 255))
                c.drawImage(ImageReader(rgba), cx - r, PAGE_H - cy - r, width=2 * r, height=2 * r, mask="auto")
        c.showPage()
    c.save()

"""Draw laid-out pages (in points) to grayscale images at a given resolution."""

import math
from functools import lru_cache

from PIL import Image, ImageChops, ImageDraw, ImageFont

from .doc import PAGE_H, PAGE_W, Page, Style, font_spec


@lru_cache(maxsize=256)
def _font(path: str, index: int, px: int):
    return ImageFont.truetype(path, px, index=index)


def _font_for(style: Style, role: str, px: int):
    if role == "title":
        family, weight = style.title_family, "bold"
    elif role == "bold":
        family, weight = style.family, "bold"
    else:
        family, weight = style.family, "regular"
    path, index = font_spec(family, weight, style.lang)
    return _font(path, index, max(6, px))


def stamp_mask(size_px: int, outer: str, inner: str, style: Style, ink: int) -> Image.Image:
    """A round seal as an 'L' mask (255 = ink): ring, text along the upper arc, star, inner text."""
    s = size_px
    im = Image.new("L", (s, s), 0)
    dr = ImageDraw.Draw(im)
    w = max(2, s // 40)
    dr.ellipse([w, w, s - w, s - w], outline=ink, width=w)
    r = s / 2
    path, index = font_spec("sans", "bold", style.lang)
    n = len(outer)
    if n:
        fpx = int(min(s * 0.13, (math.pi * 1.25 * (r * 0.74)) / max(n, 1)))
        f = _font(path, index, max(8, fpx))
        span = min(250.0, 18.0 * n)
        for k, ch in enumerate(outer):
            ang = -90 - span / 2 + span * (k + 0.5) / n
            a = math.radians(ang)
            cx, cy = r + math.cos(a) * r * 0.72, r + math.sin(a) * r * 0.72
            g = Image.new("L", (fpx * 2, fpx * 2), 0)
            ImageDraw.Draw(g).text((fpx, fpx), ch, font=f, fill=ink, anchor="mm")
            g = g.rotate(-(ang + 90), resample=Image.BICUBIC)
            im.paste(Image.new("L", g.size, ink), (int(cx - fpx), int(cy - fpx)), g)
    star = _font(path, index, int(s * 0.22))
    dr.text((r, r), "★", font=star, fill=ink, anchor="mm")
    if inner:
        f = _font(path, index, int(s * 0.1))
        dr.text((r, r + s * 0.24), inner, font=f, fill=ink, anchor="mm")
    return im


def render_page(page: Page, style: Style, dpi: int, stamp_ink: int = 200, stamp_grey: int = 120) -> Image.Image:
    """Render one page to an 'L' image (white paper, black ink, stamps in grey)."""
    k = dpi / 72.0
    W, H = int(round(PAGE_W * k)), int(round(PAGE_H * k))
    im = Image.new("L", (W, H), 255)
    dr = ImageDraw.Draw(im)
    stamps = []
    for op in page.ops:
        if op[0] == "t":
            _, x, base, size, role, s = op
            f = _font_for(style, role, int(round(size * k)))
            dr.text((x * k, base * k), s, font=f, fill=0, anchor="ls")
        elif op[0] == "l":
            _, x1, y1, x2, y2, w = op
            dr.line([(x1 * k, y1 * k), (x2 * k, y2 * k)], fill=0, width=max(1, int(round(w * k))))
        elif op[0] == "s":
            stamps.append(op)
    for _, cx, cy, r, outer, inner in stamps:
        s = int(2 * r * k)
        mask = stamp_mask(s, outer, inner, style, stamp_ink)
        # a red seal scanned in grayscale: mid-grey ink, multiplied over the text beneath
        x0, y0 = int(cx * k - s / 2), int(cy * k - s / 2)
        region = im.crop((x0, y0, x0 + s, y0 + s))
        grey = Image.new("L", (s, s), stamp_grey)
        darker = Image.composite(grey, region, mask)
        im.paste(ImageChops.darker(region, darker), (x0, y0))
    return im

"""Scan-like degradation of clean page images, with a record of what was applied."""

import io
import random

import numpy as np
from PIL import Image, ImageFilter

LEVELS = ("none", "mild", "heavy")


def _np_rng(rng: random.Random) -> np.random.Generator:
    return np.random.default_rng(rng.getrandbits(64))


def _texture(nrng, h, w, amp):
    """Low-frequency paper texture: coarse noise upsampled to the page size."""
    small = nrng.normal(0, 1, (max(2, h // 64), max(2, w // 64))).astype(np.float32)
    im = Image.fromarray(((small - small.min()) / (np.ptp(small) + 1e-6) * 255).astype(np.uint8))
    big = np.asarray(im.resize((w, h), Image.BICUBIC), dtype=np.float32) / 255.0 - 0.5
    return big * amp


def degrade(im: Image.Image, level: str, rng: random.Random, dpi: int, rotate: int = 0,
            grey_levels: int | None = None):
    """Degrade one grayscale page. Returns (image, info) where info lists every parameter.
    `grey_levels` posterizes the result (as a scanner with reduced bit depth does), which keeps
    PNG files small; the paper tone is kept exact."""
    info = {"level": level, "rotation": rotate}
    if level == "none":
        out = im
    else:
        heavy = level == "heavy"
        nrng = _np_rng(rng)
        scale = dpi / 200.0
        paper = rng.randint(205, 232) if heavy else rng.randint(238, 252)
        ink = rng.randint(45, 95) if heavy else rng.randint(8, 40)
        skew = round(rng.uniform(-3.0, 3.0) if heavy else rng.uniform(-1.5, 1.5), 2)
        blur = round((rng.uniform(0.7, 1.3) if heavy else rng.uniform(0.25, 0.6)) * scale, 2)
        noise = round(rng.uniform(5, 10) if heavy else rng.uniform(1.5, 3.5), 1)
        salt = round(rng.uniform(0.0008, 0.003), 4) if heavy else 0.0
        jpeg_q = rng.randint(30, 55) if heavy else rng.randint(60, 85)
        info.update(skew=skew, blur=blur, noise=noise, salt_pepper=salt, jpeg_quality=jpeg_q,
                    paper=paper, ink=ink, texture=heavy)
        # contrast: map black..white to ink..paper
        a = np.asarray(im, dtype=np.float32)
        a = ink + a * (paper - ink) / 255.0
        out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        out = out.rotate(skew, resample=Image.BICUBIC, fillcolor=paper)
        out = out.filter(ImageFilter.GaussianBlur(blur))
        a = np.asarray(out, dtype=np.float32)
        if heavy:
            a += _texture(nrng, a.shape[0], a.shape[1], rng.uniform(14, 30))
            if rng.random() < 0.5:  # binding shadow along one edge
                w = a.shape[1]
                band = int(w * rng.uniform(0.02, 0.05))
                ramp = np.linspace(rng.uniform(60, 110), 0, band, dtype=np.float32)
                a[:, :band] -= ramp[None, :]
                info["edge_shadow"] = True
        # sensor noise, mostly visible on ink edges; the paper stays flat so files stay small
        n = nrng.normal(0, noise, a.shape).astype(np.float32)
        if not heavy:
            n *= (a < paper - 6)
        a += n
        if salt:
            m = nrng.random(a.shape)
            a[m < salt / 2] = 0
            a[m > 1 - salt / 2] = 255
        if not heavy:
            a[a > paper - 3] = paper  # scanner background clean-up
        out = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=jpeg_q)
        buf.seek(0)
        out = Image.open(buf).convert("L")
        if not heavy:
            a = np.asarray(out).copy()
            a[a > paper - 4] = paper
            out = Image.fromarray(a)
    if grey_levels and level != "none":
        step = 256 // grey_levels
        a = np.asarray(out)
        top = int(a.max())
        b = (a // step) * step + step // 2
        b = np.where(a >= top - 3, top, b).astype(np.uint8)
        out = Image.fromarray(b)
        info["grey_levels"] = grey_levels
    if rotate:
        out = out.rotate(rotate, expand=True)  # counter-clockwise by `rotate` degrees
    return out, info

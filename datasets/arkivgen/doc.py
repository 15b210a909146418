"""Document model and page layout.

A template fills a `Doc` with blocks (title, key-value rows, paragraphs, tables, signature
blocks ...). Text is given as *segments*: a plain `str`, or a `(pii_type, text)` tuple for
personal data. `layout()` places the blocks on A4 pages in points (1/72 inch), independent of the
output resolution, and records every text line in reading order; the ground-truth text of a
document is those lines joined with "\\n", so the `text` and `scans` commands agree exactly and
PII offsets are exact.
"""

import re
from dataclasses import dataclass, field
from functools import lru_cache

from PIL import ImageFont

PAGE_W, PAGE_H = 595.28, 841.89

FONT_DIR_NOTO = "/usr/share/fonts/opentype/noto/"
FONT_WQY = "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
# face indices inside the Noto .ttc collections (checked with PIL getname()): 2 = SC, 3 = TC
NOTO_SC, NOTO_TC = 2, 3
FONT_FILES = {
    ("sans", "regular"): FONT_DIR_NOTO + "NotoSansCJK-Regular.ttc",
    ("sans", "bold"): FONT_DIR_NOTO + "NotoSansCJK-Bold.ttc",
    ("serif", "regular"): FONT_DIR_NOTO + "NotoSerifCJK-Regular.ttc",
    ("serif", "bold"): FONT_DIR_NOTO + "NotoSerifCJK-Bold.ttc",
    ("wqy", "regular"): FONT_WQY,
    ("wqy", "bold"): FONT_DIR_NOTO + "NotoSansCJK-Bold.ttc",
}


def font_spec(family: str, weight: str, lang: str) -> tuple[str, int]:
    """(path, face index) of a font; Noto collections use the SC or TC face by language."""
    path = FONT_FILES[(family, weight)]
    if path == FONT_WQY:
        return path, 0
    return path, NOTO_TC if lang == "zh-Hant" else NOTO_SC


@lru_cache(maxsize=None)
def _measure_fonts():
    specs = {FONT_FILES[k] for k in FONT_FILES}
    fonts = []
    for p in sorted(specs):
        fonts.append(ImageFont.truetype(p, 200, index=0 if p == FONT_WQY else NOTO_SC))
    return fonts


_WIDTHS: dict[str, float] = {}


def char_w(ch: str) -> float:
    """Advance width of a character in em: the widest of all fonts used, so a line laid out with
    it fits whatever font renders it."""
    w = _WIDTHS.get(ch)
    if w is None:
        w = max(f.getlength(ch) for f in _measure_fonts()) / 200.0
        _WIDTHS[ch] = w
    return w


def text_w(s: str, size: float) -> float:
    return sum(char_w(c) for c in s) * size


def seg_text(seg) -> str:
    return seg if isinstance(seg, str) else seg[1]


def segs_text(segs) -> str:
    return "".join(seg_text(s) for s in segs)


def norm_segs(value) -> list:
    """Accept a str, a PII tuple or a list of them; return a list of segments."""
    if value is None:
        return []
    if isinstance(value, (str, tuple)):
        return [value]
    out = []
    for v in value:
        out.extend(norm_segs(v))
    return out


@dataclass
class Style:
    family: str = "sans"          # body font family: sans | serif | wqy
    title_family: str = "sans"
    size: float = 11.0            # body size in pt
    leading: float = 1.6          # line height / size
    margin_l: float = 62.0
    margin_r: float = 56.0
    margin_t: float = 64.0
    margin_b: float = 64.0
    footer: str = "none"          # none | dash | of | slash
    lang: str = "zh-Hans"


@dataclass
class Page:
    ops: list = field(default_factory=list)     # drawing operations in pt
    lines: list = field(default_factory=list)   # text lines (lists of segments), reading order


class Doc:
    """A document under construction: a list of layout blocks."""

    def __init__(self):
        self.blocks: list = []
        self.page_header = None
        self.archive_stamp = None   # rows of (label, value) for the 归档章 box, top right of page 1
        self.short = False          # a clinical fragment of a few lines: phrases.enrich adds no prose
        # the category of the body read without the frame (title, headings, sign-off), when it is not
        # the document's: a teaching round's case presentation alone reads as a medical record
        self.body_category = None

    def marking(self, text):
        """A secrecy or handling marking printed top-left in bold."""
        self.blocks.append(("line", "left", norm_segs(text), "bold", 1.1))

    def title(self, text, scale=1.55):
        self.blocks.append(("gap", 4))
        self.blocks.append(("line", "center", norm_segs(text), "title", scale))
        self.blocks.append(("gap", 6))

    def subtitle(self, text, scale=1.15):
        self.blocks.append(("line", "center", norm_segs(text), "bold", scale))

    def center(self, *parts, scale=1.0):
        self.blocks.append(("line", "center", norm_segs(list(parts)), "regular", scale))

    def right(self, *parts, scale=1.0):
        self.blocks.append(("line", "right", norm_segs(list(parts)), "regular", scale))

    def left(self, *parts, scale=1.0, bold=False):
        self.blocks.append(("line", "left", norm_segs(list(parts)), "bold" if bold else "regular", scale))

    def heading(self, *parts):
        self.blocks.append(("gap", 3))
        self.blocks.append(("line", "left", norm_segs(list(parts)), "bold", 1.0))

    def para(self, *parts, indent=2):
        self.blocks.append(("para", norm_segs(list(parts)), indent))

    def kv(self, pairs, cols=2, underline=False):
        """Label–value pairs laid out in `cols` columns ("姓名：张三")."""
        items = [(label, norm_segs(value)) for label, value in pairs if value is not None]
        self.blocks.append(("kv", items, cols, underline))

    def table(self, header, rows, fill=True, size=0.92):
        hdr = [norm_segs(c) for c in header] if header else None
        body = [[norm_segs(c) for c in row] for row in rows]
        self.blocks.append(("table", hdr, body, fill, size))

    def sign(self, lines, stamp=None):
        """Right-hand signature/date block; `stamp` = (outer text, centre text) draws a seal."""
        self.blocks.append(("sign", [norm_segs(line) for line in lines], stamp))

    def hr(self, width=0.8, double=False):
        self.blocks.append(("hr", width, double))

    def gap(self, pts=8):
        self.blocks.append(("gap", pts))

    def pagebreak(self):
        self.blocks.append(("pagebreak",))


_TOKEN = re.compile(r"[A-Za-z0-9.,:;!?%/()'\"\-@_+#&*=<>\[\]]+|\s|.", re.S)
NO_LINE_START = set("，。；：、）》」』！？…,.;:!?)%")


def _units(segs):
    """Split segments into unbreakable units: a CJK char, an ASCII word, a space, a PII value."""
    out = []
    for s in segs:
        if isinstance(s, tuple):
            out.append(s)
        else:
            out.extend(m.group(0) for m in _TOKEN.finditer(s))
    return out


def _merge(units) -> list:
    segs = []
    for u in units:
        if isinstance(u, str) and segs and isinstance(segs[-1], str):
            segs[-1] += u
        else:
            segs.append(u)
    return segs


def wrap(segs, width: float, size: float, first_indent: float = 0.0) -> list[list]:
    """Greedy line wrapping of segments to `width` pt; returns lists of segments per line."""
    lines, cur, cur_w = [], [], first_indent
    limit = width
    for u in _units(segs):
        t = seg_text(u)
        w = text_w(t, size)
        if cur and cur_w + w > limit and not (t in NO_LINE_START and cur_w + w <= limit + size):
            while cur and isinstance(cur[-1], str) and cur[-1].isspace():
                cur.pop()
            lines.append(_merge(cur))
            cur, cur_w = [], 0.0
            if isinstance(u, str) and u.isspace():
                continue
        cur.append(u)
        cur_w += w
    while cur and isinstance(cur[-1], str) and cur[-1].isspace():
        cur.pop()
    if cur:
        lines.append(_merge(cur))
    return lines or [[]]


class _Layout:
    def __init__(self, doc: Doc, style: Style):
        self.doc, self.st = doc, style
        self.pages: list[Page] = []
        self.uw = PAGE_W - style.margin_l - style.margin_r
        self.lh = style.size * style.leading
        self.bottom = PAGE_H - style.margin_b - (self.lh * 1.5 if style.footer != "none" else 0)
        self._new_page()
        if doc.archive_stamp:
            self._archive_stamp(doc.archive_stamp)

    def _archive_stamp(self, rows):
        """The filing stamp (归档章) archivists put in the top-right margin of the first page."""
        size = 7.5
        pad = 2.5
        cells = [[t for pair in row for t in pair] for row in rows]
        ncol = max(len(r) for r in cells)
        widths = [max(text_w(r[j], size) for r in cells if j < len(r)) + 2 * pad for j in range(ncol)]
        x1 = PAGE_W - self.st.margin_r
        x0 = x1 - sum(widths)
        rh = size * 1.7
        y0 = max(14.0, self.st.margin_t - rh * len(rows) - 8)
        ops = self.page.ops
        for i, r in enumerate(cells):
            y = y0 + i * rh
            x = x0
            for j, t in enumerate(r):
                self._text(x + pad, y, size, "regular", [t], rh)
                x += widths[j]
            self.page.lines.append([" ".join(r)])
        for i in range(len(rows) + 1):
            ops.append(("l", x0, y0 + i * rh, x1, y0 + i * rh, 0.8))
        x = x0
        for w in [0] + widths:
            x += w
            ops.append(("l", x, y0, x, y0 + rh * len(rows), 0.8))

    # -- pages ------------------------------------------------------------------------------
    def _new_page(self):
        self.page = Page()
        self.pages.append(self.page)
        self.y = self.st.margin_t
        if self.doc.page_header:
            size = self.st.size * 0.85
            self._text(self.st.margin_l, self.y, size, "regular", self.doc.page_header)
            self.page.lines.append(list(self.doc.page_header))
            self.y += size * 1.5
            self.page.ops.append(("l", self.st.margin_l, self.y, PAGE_W - self.st.margin_r, self.y, 0.6))
            self.y += size * 0.8

    def _need(self, h):
        if self.y + h > self.bottom and self.y > self.st.margin_t + self.lh * 3:
            self._new_page()

    def _text(self, x, y_top, size, role, segs, box_h=None):
        """Draw one run of text whose line box starts at y_top."""
        box_h = box_h or size * self.st.leading
        base = y_top + (box_h - size) / 2 + size * 0.88
        s = segs_text(segs)
        if s:
            self.page.ops.append(("t", x, base, size, role, s))

    def _line(self, align, segs, role, scale):
        size = self.st.size * scale
        lh = size * self.st.leading
        for seg_line in wrap(segs, self.uw, size):
            self._need(lh)
            w = text_w(segs_text(seg_line), size)
            x = self.st.margin_l
            if align == "center":
                x += max(0.0, (self.uw - w) / 2)
            elif align == "right":
                x += max(0.0, self.uw - w)
            self._text(x, self.y, size, role, seg_line, lh)
            self.page.lines.append(seg_line)
            self.y += lh

    def _para(self, segs, indent):
        size = self.st.size
        ind = indent * size
        for i, seg_line in enumerate(wrap(segs, self.uw, size, first_indent=ind)):
            self._need(self.lh)
            self._text(self.st.margin_l + (ind if i == 0 else 0), self.y, size, "regular", seg_line)
            self.page.lines.append(seg_line)
            self.y += self.lh

    def _kv(self, items, cols, underline):
        size = self.st.size
        col_w = self.uw / cols
        row, used = [], 0
        rows = []
        for label, value in items:
            w = text_w(label + "：" + segs_text(value), size) + size
            span = min(cols, max(1, int(w // col_w) + (1 if w % col_w else 0)))
            if used + span > cols:
                rows.append(row)
                row, used = [], 0
            row.append((label, value, used, span))
            used += span
        if row:
            rows.append(row)
        for row in rows:
            line_segs = []
            wrapped_rows = []
            for label, value, c0, span in row:
                segs = [label + "："] + _in_context(value, "field", label)
                wl = wrap(segs, col_w * span - size * 0.5, size)
                wrapped_rows.append((c0, span, wl, label))
            n = max(len(w[2]) for w in wrapped_rows)
            self._need(self.lh * n)
            for c0, span, wl, label in wrapped_rows:
                x = self.st.margin_l + c0 * col_w
                for k, sl in enumerate(wl):
                    self._text(x, self.y + k * self.lh, size, "regular", sl)
                if underline:
                    lx = x + text_w(label + "：", size)
                    ly = self.y + self.lh * len(wl) - self.lh * 0.18
                    self.page.ops.append(("l", lx, ly, x + col_w * span - size, ly, 0.5))
            for k in range(n):
                for c0, span, wl, _ in wrapped_rows:
                    if k < len(wl):
                        if line_segs:
                            line_segs.append(" ")
                        line_segs.extend(wl[k])
                self.page.lines.append(_merge(line_segs))
                line_segs = []
            self.y += self.lh * n

    def _table(self, header, rows, fill, scale):
        size = self.st.size * scale
        pad = size * 0.5
        ncol = max(len(r) for r in ([header] if header else []) + rows)
        allrows = ([header] if header else []) + rows
        nat = [0.0] * ncol
        for r in allrows:
            for j, c in enumerate(r):
                nat[j] = max(nat[j], text_w(segs_text(c), size) + 2 * pad)
        total = sum(nat)
        if total > self.uw:
            # shrink the font first, then let the widest columns wrap
            shrink = max(0.78, self.uw / total)
            size *= shrink
            pad = size * 0.5
            nat = [n * shrink for n in nat]
            total = sum(nat)
        if total > self.uw or fill:
            widths = self._fit_widths(nat, self.uw)
        else:
            widths = nat
        x0 = self.st.margin_l + (0 if fill else max(0.0, (self.uw - sum(widths)) / 2))
        xs = [x0]
        for w in widths:
            xs.append(xs[-1] + w)
        lh = size * 1.45
        top = None

        def close(y):
            ops = self.page.ops
            ops.append(("l", xs[0], y, xs[-1], y, 0.7))
            for x in xs:
                ops.append(("l", x, top, x, y, 0.7))

        def draw_row(r, role):
            nonlocal top
            cells = [wrap(c, widths[j] - 2 * pad, size) for j, c in enumerate(r)]
            n = max(len(c) for c in cells) if cells else 1
            h = lh * n + size * 0.4
            if self.y + h > self.bottom and self.y > self.st.margin_t + self.lh * 3:
                close(self.y)
                self._new_page()
                top = self.y
                self.page.ops.append(("l", xs[0], self.y, xs[-1], self.y, 0.7))
                if header is not None and r is not header:
                    draw_row(header, "bold")
            self.page.ops.append(("l", xs[0], self.y, xs[-1], self.y, 0.7))
            for j, cl in enumerate(cells):
                for k, sl in enumerate(cl):
                    self._text(xs[j] + pad, self.y + size * 0.2 + k * lh, size, role, sl, lh)
            # ground truth: a row is one line, cells separated by a space
            segs = []
            for c in r:
                if segs_text(c):
                    if segs:
                        segs.append(" ")
                    segs.extend(c)
            self.page.lines.append(_merge(segs))
            self.y += h

        self._need(lh * 2.5)
        top = self.y
        if header is not None:
            draw_row(header, "bold")
        heads = [segs_text(c) for c in header] if header else []
        for r in rows:
            r = [_in_context(c, "column" if j < len(heads) and heads[j] else "table", heads[j] if j < len(heads) else "")
                 for j, c in enumerate(r)]
            draw_row(r + [[]] * (ncol - len(r)), "regular")
        close(self.y)
        self.y += self.lh * 0.5

    @staticmethod
    def _fit_widths(nat, total):
        s = sum(nat)
        if s <= total:
            extra = total - s
            return [n + extra * n / s for n in nat]
        # cap the widest columns until the table fits
        widths = list(nat)
        while sum(widths) > total + 0.01:
            m = max(widths)
            second = max([w for w in widths if w < m], default=0)
            over = sum(widths) - total
            k = sum(1 for w in widths if w == m)
            cut = min(over / k, m - second) if m - second > 0 else over / k
            widths = [w - cut if w == m else w for w in widths]
        return widths

    def _sign(self, lines, stamp):
        size = self.st.size
        self.y += self.lh * 0.6
        width = max((text_w(segs_text(l), size) for l in lines), default=0)
        x = PAGE_W - self.st.margin_r - width - size * 2
        self._need(self.lh * len(lines) + (size * 2 if stamp else 0))
        y0 = self.y
        for l in lines:
            self._text(x, self.y, size, "regular", l)
            self.page.lines.append(l)
            self.y += self.lh
        if stamp:
            r = 21 * 72 / 25.4 if "专用章" not in stamp[1] else 19 * 72 / 25.4
            cx = x + width / 2 + size * 1.5
            cy = (y0 + self.y) / 2
            self.page.ops.append(("s", cx, cy, r, stamp[0], stamp[1]))

    def run(self) -> list[Page]:
        for b in self.doc.blocks:
            kind = b[0]
            if kind == "line":
                self._line(b[1], b[2], b[3], b[4])
            elif kind == "para":
                self._para(b[1], b[2])
            elif kind == "kv":
                self._kv(b[1], b[2], b[3])
            elif kind == "table":
                self._table(b[1], b[2], b[3], b[4])
            elif kind == "sign":
                self._sign(b[1], b[2])
            elif kind == "hr":
                self._need(6)
                y = self.y + 3
                self.page.ops.append(("l", self.st.margin_l, y, PAGE_W - self.st.margin_r, y, b[1]))
                if b[2]:
                    self.page.ops.append(("l", self.st.margin_l, y + 2.5, PAGE_W - self.st.margin_r, y + 2.5, 0.5))
                self.y += 9
            elif kind == "gap":
                self.y += b[1]
            elif kind == "pagebreak":
                self._new_page()
        self._footers()
        return self.pages

    def _footers(self):
        n = len(self.pages)
        if self.st.footer == "none":
            return
        en = self.st.lang == "en"
        for i, p in enumerate(self.pages, 1):
            if self.st.footer == "dash":
                s = f"- {i} -"
            elif self.st.footer == "slash":
                s = f"{i}/{n}"
            else:
                s = f"Page {i} of {n}" if en else f"第 {i} 页 共 {n} 页"
            size = self.st.size * 0.85
            w = text_w(s, size)
            y = PAGE_H - self.st.margin_b - size
            p.ops.append(("t", (PAGE_W - w) / 2, y + size * 0.88, size, "regular", s))
            p.lines.append([s])


def layout(doc: Doc, style: Style) -> list[Page]:
    return _Layout(doc, style).run()


def _in_context(segs, context: str, label: str) -> list:
    """Tag the PII segments of a key-value value or a table cell with where they stand."""
    return [(s[0], s[1], context, label) if isinstance(s, tuple) else s for s in segs]


# "签名：", "Name: " -- a field label ending a line's text just before a PII value
_LABEL_BEFORE = re.compile(r"([\w\u3400-\u9fff（）()/]{1,12})\s*[：:]\s*$")


def _context(seg, before: str) -> tuple[str, str]:
    """(context, label) of a PII segment: "field" (after a label), "column" (a table cell under a
    header), "table" (a cell without header) or "text" (running text)."""
    if len(seg) > 2:
        return seg[2], seg[3]
    m = _LABEL_BEFORE.search(before)
    if m and m.group(1).strip():
        return "field", m.group(1).strip()
    return "text", ""


def page_texts(pages: list[Page]):
    """Ground-truth text of each page and PII spans relative to the document text. Each span says
    where it stands (`context`, `label`), so that detectors of labelled fields can be scored."""
    text_parts, pii, offset = [], [], 0
    for pi, p in enumerate(pages):
        for li, line in enumerate(p.lines):
            if text_parts:
                text_parts.append("\n")
                offset += 1
            before = ""
            for seg in line:
                t = seg_text(seg)
                if isinstance(seg, tuple) and t:
                    context, label = _context(seg, before)
                    pii.append({"type": seg[0], "start": offset, "end": offset + len(t), "text": t,
                                "context": context, "label": label})
                text_parts.append(t)
                before = t if isinstance(seg, tuple) else before + t
                offset += len(t)
    return "".join(text_parts), pii

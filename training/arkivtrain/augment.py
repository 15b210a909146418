"""OCR-noise augmentation: the errors Tesseract makes on scanned Chinese pages.

Each document draws a noise level (clean, light, heavy) and then, character by
character: similar-shape substitutions, dropped and duplicated characters, spaces
between CJK characters (text layers from other OCR tools that put one between every
pair; arkiv's own engines rarely do), broken and
joined lines, full/half-width punctuation swaps, digit/letter confusions (0/O, 1/l),
stray marks from page borders and stains, unreadable characters, and lost passages
(a torn or faded region); ``fragment`` cuts a random passage out of a document. The result is NFKC-normalised like the Rust side's input.
"""

from __future__ import annotations

import random
import unicodedata

# Groups of characters that look alike in print; OCR swaps within a group.
_SHAPE_GROUPS = """
己已巳 未末 日曰 人入八 土士 干千于 天夭 大太犬 王玉主 贝见 刀力 木本术 目自白百 田由甲申
休体 侯候 析折拆 戊戌戍 鸟乌 免兔 今令 准淮 壁璧 辨辩辫 拔拨 杨扬 治冶 狠狼 亨享 孟盂
历厉 苦若 间问 住往 徒徙 密蜜 坐座 清请情晴 测侧 诊珍 疗疔 症证 病痛 脉脈 胸脑
肝肚 肺肿 检捡 验险 查杳 院阮 科料 室窒 护沪 理埋 药葯 剂济 注汪 射躬 血皿 压庄
头买 口囗 工エ 二三 十千 上土 下卞 中申 内肉 外处 名各 号另 性姓 年午 月用 期其
记计 录绿 报极 告吉 单卑 位住 员贞 管菅 财材 务条 设没 备奋 维准 修候 消淌 防仿
安案 全金 保堡 密宓 档挡 案桉 文又 字宇 材村 料科 治冶 术木 手毛 床庆 医区
部郡 门们 急忌 诊诉 断晰 出山 入人 住佳 转输 给绐 肾贤 糖塘 尿屎 染梁 精情
""".split()

_CONFUSABLE: dict[str, str] = {}
for _group in _SHAPE_GROUPS:
    for _ch in _group:
        _others = _CONFUSABLE.get(_ch, "") + _group.replace(_ch, "")
        _CONFUSABLE[_ch] = "".join(dict.fromkeys(_others))

_DIGIT_LETTER = {
    "0": "OoD",
    "O": "0",
    "o": "0",
    "1": "lI|",
    "l": "1I",
    "I": "1l",
    "5": "S",
    "S": "5",
    "8": "B",
    "B": "8",
    "2": "Z",
    "6": "b",
    "9": "g",
    "-": "一_",
    "一": "-",
}

# Full-width and half-width punctuation (NFKC folds some back, not all).
_PUNCT = {
    "，": ",",
    ",": "，",
    "。": ".",
    ".": "。",
    "：": ":",
    ":": "：",
    "；": ";",
    ";": "；",
    "（": "(",
    "(": "（",
    "）": ")",
    ")": "）",
    "、": ",",
    "“": '"',
    "”": '"',
    "《": "<",
    "》": ">",
}

_STRAY = "丨|_~·'`.,:;-—一ノ丶"
# Rare characters the tokenizer will not know: OCR's misreadings of stains and seals.
_RARE = "龘靐齉爩鬱灪鱻麤貔貅犇骉羴猋蠡瓞"

_LEVELS = {
    "clean": 0.0,
    "light": 0.015,
    "medium": 0.04,
    "heavy": 0.08,
}


def fragment(text: str, rng: random.Random, min_chars: int = 12, max_chars: int | None = None) -> str:
    """A random contiguous passage of the text (10-100 % of it, at least ``min_chars``):
    what a window of a long document, a torn page or a short section looks like. With
    ``max_chars``, a snippet of ``min_chars``..``max_chars`` characters instead (a caption, a
    one-line section)."""
    n = len(text)
    if n <= min_chars:
        return text
    if max_chars is not None:
        length = rng.randint(min_chars, max(min_chars, min(max_chars, n)))
    else:
        length = rng.randint(max(min_chars, n // 10), n)
    start = rng.randint(0, n - length)
    return text[start : start + length]


def collage(texts: list[str], rng: random.Random, min_chars: int = 8, max_chars: int = 40) -> str:
    """Text of no document: pieces of 2-6 characters from random documents of ``texts``, run
    together to ``min_chars``..``max_chars`` characters. Every piece is real corpus text, the whole
    says nothing: trained towards a uniform target, it teaches the heads that familiar words in an
    unfamiliar mix settle neither a category nor a level (outlier exposure)."""
    length = rng.randint(min_chars, max_chars)
    out = ""
    while len(out) < length:
        text = rng.choice(texts)
        size = rng.randint(2, 6)
        start = rng.randint(0, max(0, len(text) - size))
        out += "".join(text[start : start + size].split())
    return out[:length]


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


class OcrNoise:
    """Stochastic OCR-noise model; ``level`` forces a level, else one is drawn per text."""

    def __init__(self, seed: int = 0, level: str | None = None):
        self.rng = random.Random(seed)
        self.level = level

    def _draw_level(self) -> float:
        if self.level is not None:
            return _LEVELS[self.level]
        name = self.rng.choices(list(_LEVELS), weights=[0.2, 0.35, 0.3, 0.15])[0]
        return _LEVELS[name]

    def __call__(self, text: str) -> str:
        rate = self._draw_level()
        if rate == 0.0:
            return unicodedata.normalize("NFKC", text)
        rng = self.rng
        # A space between every pair of CJK characters: the text layer of a PDF OCR'd by
        # another tool. arkiv's engines rarely do it: 3.8 % of adjacent Han pairs are spaced in
        # arkiv's PP-OCR reading of 200 rendered validation scans (about what the printed
        # tables' cell gaps give), against 33 % when this was drawn for 45 % of documents.
        spaced = rng.random() < 0.1
        line_len = rng.choice([0, 0, 18, 25, 34, 48])  # re-wrapped lines of a column
        out: list[str] = []
        lost = rng.random() < 0.15 * rate / 0.04
        lost_start = rng.randrange(max(1, len(text))) if lost else -1
        lost_len = rng.randint(5, 40) if lost else 0
        col = 0
        for i, ch in enumerate(text):
            if lost_start <= i < lost_start + lost_len:
                continue
            r = rng.random()
            if ch == "\n":
                if r < 0.3:
                    continue  # joined lines
                out.append(ch)
                col = 0
                continue
            if r < rate * 0.5 and ch in _CONFUSABLE:
                ch = rng.choice(_CONFUSABLE[ch])
            elif r < rate * 0.5 and ch in _DIGIT_LETTER:
                ch = rng.choice(_DIGIT_LETTER[ch])
            elif r < rate * 0.8 and ch in _PUNCT:
                ch = _PUNCT[ch]
            r = rng.random()
            if r < rate * 0.35:
                continue  # dropped
            if r < rate * 0.5:
                out.append(ch)  # duplicated
            elif r < rate * 0.6:
                out.append(rng.choice(_STRAY))
            elif r < rate * 0.7 and _is_cjk(ch):
                ch = rng.choice(_RARE)
            out.append(ch)
            col += 1
            if spaced and _is_cjk(ch) and rng.random() < 0.9:
                out.append(" ")
            elif rng.random() < rate * 0.2:
                out.append(" ")
            if line_len and col >= line_len and rng.random() < 0.5:
                out.append("\n")
                col = 0
        return unicodedata.normalize("NFKC", "".join(out))

"""The generation context handed to templates, and shared building blocks."""

import datetime as dt
import random

from ..fields import Fields

SECRECY_MARKS = [("工作秘密", 3), ("秘密", 2), ("秘密★5年", 3), ("秘密★10年", 2), ("机密", 2),
                 ("机密★10年", 3), ("机密★20年", 1), ("绝密★长期", 1)]


class G:
    """Randomness, language, the issuing hospital and PII helpers for one document."""

    def __init__(self, rng: random.Random, level: str, lang: str):
        self.rng = rng
        self.f = Fields(rng)
        self.level = level
        self.lang = lang
        self.hosp = self.f.hospital()
        self.city = self.hosp["city"]
        self.date_style = self.f.pick(["cn", "cn", "cn", "iso", "dot"])
        self.year = self.f.num(2012, 2025)

    # -- shortcuts --------------------------------------------------------------------------
    @property
    def en(self) -> bool:
        return self.lang == "en"

    def pick(self, seq):
        return self.rng.choice(seq)

    def chance(self, p):
        return self.rng.random() < p

    def num(self, lo, hi):
        return self.rng.randint(lo, hi)

    def d(self, date: dt.date) -> str:
        return self.f.fmt_date(date, "en" if self.en else self.date_style)

    def day(self, year: int | None = None) -> dt.date:
        y = year or self.year
        return self.f.date(y, y)

    @property
    def restricted(self) -> bool:
        return self.level == "S5"

    # -- PII segments -----------------------------------------------------------------------
    def pn(self, name: str | None = None):
        return ("person_name", name or (self.f.en_name() if self.en else self.f.name()))

    def pid(self, birth=None, sex=None):
        return ("cn_id", self.f.cn_id(birth, sex))

    def pphone(self, mobile: bool | None = None):
        if mobile is None:
            mobile = self.chance(0.8)
        return ("phone", self.f.fmt_mobile(self.f.mobile()) if mobile else self.f.landline(self.city))

    def paddr(self):
        return ("address", self.f.address())

    def pmrn(self, kind="住院号"):
        return ("mrn", self.f.mrn(kind))

    def pins(self):
        return ("insurance_no", self.f.insurance_no())

    def pbirth(self, b: dt.date):
        return ("birth_date", self.f.fmt_date(b, "en" if self.en else self.date_style))

    def pemail(self):
        return ("email", self.f.email())

    def pcard(self):
        bank, no = self.f.bank_card()
        return bank, ("bank_card", no)

    def patient(self, min_age=1, max_age=90):
        """A patient's identity: name, sex, age, birth date, id."""
        sex = self.f.sex()
        birth = self.f.birth(min_age, max_age, self.year)
        age = max(0, self.year - birth.year)
        return {"name": self.f.name(), "sex": sex, "birth": birth, "age": age,
                "id": self.f.cn_id(birth, sex)}

    # -- shared building blocks -------------------------------------------------------------
    def secrecy_mark(self) -> str:
        marks, weights = zip(*SECRECY_MARKS)
        return self.rng.choices(marks, weights)[0]

    def mark_if_restricted(self, d, p=1.0):
        """Put a secrecy marking at the top of S5 documents (with probability p)."""
        if self.level == "S5" and self.chance(p):
            d.marking(self.secrecy_mark())
            return True
        if self.level in ("S2", "S3") and self.chance(0.08):
            d.marking(self.pick(["内部资料 注意保存", "内部文件", "仅限院内使用"]))
        return False

    def red_header(self, d, issuer: str | None = None, doc_kind="发"):
        """Official-document header (红头): issuer line, document number, rule."""
        issuer = issuer or self.hosp["name"]
        d.title(issuer + self.pick(["文件", "", "文件"]), scale=1.8)
        d.center(self.f.doc_no(self.hosp["short"], self.year, doc_kind))
        d.hr(1.6, double=self.chance(0.5))

    def seal(self, dept: str | None = None):
        return (self.hosp["name"], dept or self.pick(["", "", "专用章"]))

    def sign_date(self, d, who: str | None = None, date=None, stamp=True, dept=None):
        date = date or self.day()
        lines = [who or self.hosp["name"], self.d(date)]
        d.sign(lines, stamp=self.seal(dept) if stamp else None)

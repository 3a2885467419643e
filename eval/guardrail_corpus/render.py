"""A tiny template language that remembers which substrings are personal values.

``[a|b|]``  one alternative at random (empty allowed); innermost brackets first, so they nest.
``{slot}``  a filler; ``{slot2}`` binds it to the second person; ``{Slot}`` capitalises, ``{SLOT}`` upper-cases.
``⟦…⟧``     a literal value (a secret phrase); ``⟪…⟫`` the separable question; ``⦃…⦄`` a decoy in a negative
            (a look-alike such as a school named after a hero, which evasions may rewrite but never block).
Fillers are memoised per message, so ``{commune}`` twice names one commune.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from datetime import date, timedelta

from eval.guardrail_corpus import facts, places
from eval.guardrail_corpus.identities import FAMOUS, Ident, Person, format_dob, make_mst, make_person, strip_marks

_ALT = re.compile(r"\[([^\[\]]*)\]")
_SLOT = re.compile(r"(?<!\$)\{([A-Za-z_]+?)(\d?)\}")  # ${VAR} in pasted configs is text, not a slot
_INNER = re.compile(r"⟦([^⟦⟧]*)⟧|⦃([^⦃⦄]*)⦄")
_QUESTION = re.compile(r"⟪([^⟪⟫]*)⟫")
_SPACES = re.compile(r"(?<=\S) {2,}")  # inner runs only: indentation of pasted YAML/JSON stays
_SPACE_PUNCT = re.compile(r" +([,.?!:;)](?=\s|$|[⟫⟧⦄\"'])|[⟫⟧⦄])")
_OPEN_SPACE = re.compile(r"([⟪⟦⦃]) +")


class Ctx:
    """Everything one message accumulates while it is rendered."""

    def __init__(self, rng: random.Random, kinds: dict[int, str] | None = None) -> None:
        self.rng = rng
        self.kinds = kinds or {}
        self.persons: dict[int, Person] = {}
        self.values: list[str] = []
        self.entities: set[str] = set()
        self.question: str | None = None
        self.decoys: list[str] = []
        self.notes: list[str] = []
        self._memo: dict[tuple[str, int], str] = {}

    # -- people and values -------------------------------------------------------------------------
    def person(self, index: int = 1) -> Person:
        if index not in self.persons:
            self.persons[index] = make_person(self.rng, kind=self.kinds.get(index, "adult"))
        return self.persons[index]

    def val(self, text: str, entity: str | None = None) -> str:
        """Record ``text`` as a value (and its entity); returns it for inline use."""
        if text not in self.values:
            self.values.append(text)
        if entity:
            self.entities.add(entity)
        return text

    def ident(self, ident: Ident, entity: str) -> str:
        if not ident.valid:
            self.notes.append(f"{entity} invalid ({ident.why})")
        return self.val(ident.value, entity)

    def pick(self, options: list[str]) -> str:
        return self.rng.choice(options)

    # -- rendering ---------------------------------------------------------------------------------
    def r(self, template: str) -> str:
        """Render one template string (alternatives, then slots, then markers)."""
        text = template.replace("\\[", "\x01").replace("\\]", "\x02")  # a backslash-escaped bracket is literal
        while True:
            new = _ALT.sub(lambda m: self.rng.choice(m.group(1).split("|")), text)
            if new == text:
                break
            text = new
        text = _OPEN_SPACE.sub(r"\1", _SPACE_PUNCT.sub(r"\1", _SPACES.sub(" ", text))).replace("\x01", "[").replace("\x02", "]")
        text = _SLOT.sub(self._fill, text)
        text = _INNER.sub(self._mark, text)  # values and decoys first: a question may contain a decoy
        return _QUESTION.sub(self._ask, text)

    def _fill(self, match: re.Match[str]) -> str:
        key, index = match.group(1), int(match.group(2) or 1)
        memo = (key.lower(), index)
        if memo not in self._memo:
            filler = SLOTS.get(key.lower())
            if filler is None:
                raise KeyError(f"unknown slot {{{key}}}")
            self._memo[memo] = filler(self, index)
        text = self._memo[memo]
        if key.isupper() and len(key) > 1:
            out = text.upper()
        elif key[0].isupper():
            out = text[:1].upper() + text[1:]
        else:
            return text
        if text in self.values and out != text:
            self.val(out)  # the value as it appears; the build drops recorded forms that never reached the text
        return out

    def _mark(self, match: re.Match[str]) -> str:
        value, decoy = match.groups()
        if value is not None:
            return self.val(value)
        self.decoys.append(decoy)
        return decoy

    def _ask(self, match: re.Match[str]) -> str:
        question = match.group(1)
        if self.question is not None and self.question != question:
            raise ValueError("two questions in one message")
        self.question = question
        return question


PREFIX_VI = [
    "Anh chị ơi, ",
    "Cho em hỏi, ",
    "Hỏi nhanh: ",
    "Nhờ trợ lý: ",
    "Trợ lý ơi, ",
    "Chào bạn, ",
    "E hỏi xíu, ",
    "Xin hỏi: ",
    "Dạ, ",
    "Chị ơi cho em hỏi, ",
    "Mọi người ơi, ",
    "Alo, ",
]
SUFFIX_VI = [" ạ", " nhé", " với", " giúp em với", " nha", " gấp ạ"]  # particles: before the final "?" or "."
CLOSER_VI = [" Em cảm ơn!", " Cảm ơn ạ.", " Thanks!", " Mong được hướng dẫn ạ."]  # after the sentence
_ALREADY_OPENED = ("cho em hỏi", "hỏi", "anh chị", "xin hỏi", "nhờ", "chào", "hi", "hello", "hey", "pls", "dạ", "alo")
PREFIX_EN = ["hi, ", "Hello, ", "quick q: ", "pls help: ", "hey, ", "Hi team, "]
SUFFIX_EN = [" thanks", " pls", " thx", " ạ", " asap"]


def dress(ctx: Ctx, text: str, english: bool = False) -> str:
    """Vary the greeting and the politeness particle around a one-line message, keeping values and question exact."""
    rng = ctx.rng
    opening = text.lower()
    if rng.random() < 0.45 and not opening.startswith(_ALREADY_OPENED):
        prefix = rng.choice(PREFIX_EN if english else PREFIX_VI)
        starts_value = any(text.startswith(v) for v in ctx.values)
        first = text.split(" ", 1)[0]
        acronym = len(first) > 1 and first.isupper()  # UBND, CCCD, MST stay as typed
        if not starts_value and text[:1].isupper() and not acronym:
            lowered = text[:1].lower() + text[1:]
            if ctx.question and text.startswith(ctx.question):
                ctx.question = lowered[: len(ctx.question)]
            text = lowered
        text = prefix + text
    if rng.random() < 0.35:
        suffix = rng.choice(SUFFIX_EN if english else SUFFIX_VI)
        if text[-1:] in "?.!":
            text = text[:-1] + suffix + text[-1]
        else:
            text += suffix
    elif not english and rng.random() < 0.1:
        text += rng.choice(CLOSER_VI) if text[-1:] in "?.!" else "." + rng.choice(CLOSER_VI)
    return text


# -- slot fillers --------------------------------------------------------------------------------------
def _xung(ctx: Ctx, i: int) -> str:
    p = ctx.person(i)
    if p.age < 16:
        return "cháu" if ctx.rng.random() < 0.6 else "bé"
    if p.age >= 58:
        return ctx.pick(["ông", "cụ", "bác"] if p.gender == "m" else ["bà", "cụ", "bác"])
    if p.age < 26:
        return ctx.pick(["anh", "em", "cậu"] if p.gender == "m" else ["chị", "em", "cô"])
    return ctx.pick(["anh", "ông", "a"] if p.gender == "m" else ["chị", "bà", "c"])


def _bank(ctx: Ctx, i: int) -> str:
    p = ctx.person(i)
    acct = ctx.val(p.account, "BANK_ACCOUNT")
    return ctx.pick([f"{acct} {p.bank}", f"{p.bank} {acct}", f"{acct} ({p.bank})", f"{acct} tại {p.bank}", f"{p.bank}: {acct}"])


def _recent(ctx: Ctx, lo: date, hi: date) -> date:
    return lo + timedelta(days=ctx.rng.randint(0, (hi - lo).days))


def _date(ctx: Ctx, _i: int) -> str:
    d = _recent(ctx, date(2025, 7, 1), date(2026, 3, 31))
    return ctx.pick([f"{d.day:02d}/{d.month:02d}/{d.year}", f"{d.day}/{d.month}", f"{d.day}/{d.month}/{d.year}"])


def _date_past(ctx: Ctx, _i: int) -> str:
    d = _recent(ctx, date(2016, 1, 1), date(2025, 6, 30))
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def _money(ctx: Ctx, _i: int) -> str:
    amount = ctx.rng.choice([300, 500, 750, 1000, 1500, 2000, 2500, 3000, 5000, 10000]) * 1000
    text = f"{amount:,}".replace(",", ".")
    short = f"{amount // 1000}k" if amount < 10**6 else f"{amount / 10**6:g} triệu".replace(".", ",")
    return ctx.pick([f"{text} đồng", f"{text}đ", short])


def _dob_nd(ctx: Ctx, i: int) -> str:
    """The spelled birth date without diacritics, as dictated and typed on a phone."""
    from eval.guardrail_corpus.identities import _MONTHS, _UNITS, say_number

    d = ctx.person(i).born
    year = " ".join(_UNITS[int(c)] for c in str(d.year))
    return ctx.val(strip_marks(f"{say_number(d.day)} thang {_MONTHS[d.month - 1]} nam {year}"), "DOB")


def _fact(entity: str, pool: list[str]) -> Callable[[Ctx, int], str]:
    return lambda ctx, _i: ctx.val(ctx.pick(pool), entity)


def _sval(entity: str, make: Callable[[random.Random], str]) -> Callable[[Ctx, int], str]:
    return lambda ctx, _i: ctx.val(make(ctx.rng), entity)


def _time(ctx: Ctx, _i: int) -> str:
    return f"{ctx.rng.randint(6, 23):02d}:{ctx.rng.choice(range(0, 60, 5)):02d}"


OFFICERS = [
    "cán bộ tư pháp",
    "công chức địa chính",
    "cán bộ văn hóa - xã hội",
    "công chức văn phòng",
    "cán bộ một cửa",
    "kế toán xã",
    "trưởng thôn",
    "công an xã",
    "cán bộ LĐ-TB&XH",
    "chủ tịch xã",
]

SLOTS: dict[str, Callable[[Ctx, int], str]] = {
    "name": lambda c, i: c.val(c.person(i).name, "PERSON"),
    "name_ascii": lambda c, i: c.val(strip_marks(c.person(i).name), "PERSON"),
    "name_upper": lambda c, i: c.val(c.person(i).name.upper(), "PERSON"),
    "gender": lambda c, i: "Nam" if c.person(i).gender == "m" else "Nữ",
    "given": lambda c, i: c.person(i).given,
    "xung": _xung,
    "age": lambda c, i: str(c.person(i).age),
    "phone": lambda c, i: c.ident(c.person(i).phone, "PHONE"),
    "landline": lambda c, i: c.val(c.person(i).landline, "PHONE"),
    "cccd": lambda c, i: c.ident(c.person(i).cccd, "CCCD"),
    "cmnd": lambda c, i: c.val(c.person(i).cmnd, "CMND"),
    "email": lambda c, i: c.val(c.person(i).email, "EMAIL"),
    "mst": lambda c, i: c.ident(c.person(i).mst, "TAX_CODE"),
    "bhxh": lambda c, i: c.val(c.person(i).bhxh, "BHXH"),
    "bhyt": lambda c, i: c.ident(c.person(i).bhyt, "BHYT"),
    "passport": lambda c, i: c.val(c.person(i).passport, "PASSPORT"),
    "plate": lambda c, i: c.val(c.person(i).plate, "PLATE"),
    "gplx": lambda c, i: c.val(c.person(i).gplx, "DRIVING_LICENCE"),
    "stk": lambda c, i: c.val(c.person(i).account, "BANK_ACCOUNT"),
    "bankname": lambda c, i: c.person(i).bank,
    "bank": _bank,
    "card": lambda c, i: c.ident(c.person(i).card, "CARD"),
    "ip": lambda c, i: c.val(c.person(i).ip, "IP"),
    "dob": lambda c, i: c.val(format_dob(c.rng, c.person(i).born), "DOB"),
    "dob_nd": _dob_nd,
    "year": lambda c, i: c.val(str(c.person(i).born.year), "DOB"),
    "addr": lambda c, i: c.val(places.home_address(c.rng), "ADDRESS"),
    "addr_short": lambda c, i: c.val(places.short_address(c.rng), "ADDRESS"),
    "health": _fact("HEALTH", facts.HEALTH),
    "health_child": _fact("HEALTH", facts.HEALTH_CHILD),
    "health_en": _fact("HEALTH", facts.HEALTH_EN),
    "religion": _fact("RELIGION", facts.RELIGION),
    "politics": _fact("POLITICS", facts.POLITICS),
    "ethnicity": _fact("ETHNICITY", facts.ETHNICITY),
    "biometric": _fact("BIOMETRIC", facts.BIOMETRIC),
    "sexlife": _fact("SEX_LIFE", facts.SEX_LIFE),
    "criminal": _fact("CRIMINAL_RECORD", facts.CRIMINAL),
    "financial": _fact("FINANCIAL", facts.FINANCIAL),
    "password": _sval("PASSWORD", facts.password),
    "otp": _sval("OTP", facts.otp),
    "api_key": _sval("API_KEY", facts.api_key),
    "secret_mark": _fact("SECRET_MARKING", facts.SECRET_MARKS),
    "secret_mark_odd": _fact("SECRET_MARKING", facts.SECRET_MARKS_ODD),
    "internal_mark": _fact("INTERNAL_MARKING", facts.INTERNAL_MARKS),
    "internal_mark_odd": _fact("INTERNAL_MARKING", facts.INTERNAL_MARKS_ODD),
    "religion_word": _fact("RELIGION", facts.RELIGION_WORDS),
    "ethnic_word": _fact("ETHNICITY", facts.ETHNIC_WORDS),
    "blood": _fact("HEALTH", ["O (Rh+)", "A (Rh+)", "B (Rh+)", "AB (Rh+)", "O Rh-", "A Rh-"]),
    "injection": _fact("INJECTION", facts.INJECTIONS),
    "injection_en": _fact("INJECTION", facts.INJECTIONS_EN),
    # non-personal fillers
    "commune": lambda c, _i: places.commune(c.rng),
    "xa": lambda c, _i: places.place_name(c.rng),
    "xa_ascii": lambda c, i: strip_marks(c.r("{xa" + (str(i) if i > 1 else "") + "}")).lower().replace(" ", ""),
    "pin": _sval("PASSWORD", lambda r: "".join(r.choice("0123456789") for _ in range(r.choice([6, 8])))),
    "province": lambda c, _i: places.province(c.rng),
    "village": lambda c, _i: places.village(c.rng),
    "street": lambda c, _i: c.pick(places.STREETS),
    "famous": lambda c, _i: c.pick([n for n, _ in FAMOUS]),
    "date": _date,
    "date_past": _date_past,
    "time": _time,
    "money": _money,
    "n": lambda c, _i: str(c.rng.randint(2, 19)),
    "nn": lambda c, _i: str(c.rng.randint(20, 480)),
    "pct": lambda c, _i: f"{c.rng.randint(12, 97)}{c.pick(['', ',5'])}%",
    "docno": lambda c, _i: (
        f"{c.rng.randint(12, 980)}/{c.pick(['QĐ', 'KH', 'TB', 'BC', 'CV', 'TTr'])}-{c.pick(['UBND', 'ĐU', 'CAX', 'BCH'])}"
    ),
    "officer": lambda c, _i: c.pick(OFFICERS),
    "hotline": lambda c, _i: c.pick([f"1900 {c.rng.randint(1000, 9999)}", f"1800 {c.rng.randint(1000, 9999)}", "1022"]),
    "weekday": lambda c, _i: c.pick(["thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "sáng thứ Bảy"]),
    "e": lambda c, _i: c.pick(["em", "e", "mình", "tôi", "tớ"]),
    "room": lambda c, _i: f"phòng {c.rng.randint(1, 6)}",
    # look-alikes for the negatives: public numbers, hypothetical dates, citations, placeholders
    "hdate": lambda c, _i: c.pick(["01/01/2000", "15/8/2007", "31/12/2010", "1/7/2019", "29/02/2008", "20/11/2012", "05/9/2018"]),
    "deadline": lambda c, _i: c.pick(["30/6/2025", "15/12/2025", "31/10/2025", "20/01/2026", "05/11/2025", "30/9/2025"]),
    "hyear": lambda c, _i: str(c.rng.randint(1940, 1960)),
    "decree": lambda c, _i: c.pick(
        [
            "123/2015/NĐ-CP",
            "87/2020/NĐ-CP",
            "23/2015/NĐ-CP",
            "178/2024/NĐ-CP",
            "13/2023/NĐ-CP",
            "45/2020/NĐ-CP",
            "20/2021/NĐ-CP",
            "104/2022/NĐ-CP",
        ]
    ),
    "circular": lambda c, _i: c.pick(["04/2020/TT-BTP", "01/2022/TT-BTP", "59/2021/TT-BCA", "55/2021/TT-BCA", "01/2011/TT-BNV"]),
    "qd": lambda c, _i: f"{c.rng.randint(5, 60)}/2025/QĐ-UBND",
    "proc": lambda c, _i: c.pick(
        ["1.001193", "1.000894", "2.000635", "1.004746", "1.001022", "2.001255", "1.000656", "1.003583"]
    ),
    "formno": lambda c, _i: c.pick(["TK01", "CT01", "02/ĐK", "01/TTHC", "TK1-TS", "03/LLTP", "CC01", "TK02"]),
    "fee": lambda c, _i: c.pick(["8.000 đồng", "10.000đ/bản", "2.000 đồng/trang", "50.000 đồng", "5.000đ"]),
    "amount": _money,
    "bigmoney": lambda c, _i: c.pick(
        [f"{c.rng.randint(120, 980)} triệu đồng", f"{c.rng.randint(1, 9)},{c.rng.randint(1, 9)} tỷ đồng"]
    ),
    "emergency": lambda c, _i: c.pick(["113", "114", "115", "111", "112"]),
    "office_phone": lambda c, _i: (
        f"{c.pick(['0236', '0225', '0238', '0262', '0292', '0203'])} {c.rng.randint(3800, 3899)} {c.rng.randint(100, 999)}"
    ),
    "org_mst": lambda c, _i: make_mst(c.rng, True).value.split("-")[0],
    "weak": lambda c, _i: c.pick(
        ["123456", "matkhau", "12345678", "admin", "abc123", "111111", "password", "qwerty", "ngaysinh"]
    ),
    "placeholder_email": lambda c, _i: c.pick(
        ["<họ tên>@gmail.com", "xxx@xxx.com", "ten.donvi@tinh.gov.vn", "name@example.com", "……@gmail.com", "abc@domain.vn"]
    ),
    "province_ascii": lambda c, _i: strip_marks(places.province(c.rng)).lower().replace(" ", ""),
    "mark_word": lambda c, _i: c.pick(["MẬT", "TỐI MẬT", "TUYỆT MẬT", "Mật", "mật"]),
    "imark_word": lambda c, _i: c.pick(["Lưu hành nội bộ", "KHÔNG PHỔ BIẾN", "tài liệu hạn chế", "LƯU HÀNH NỘI BỘ"]),
    "codeword": lambda c, _i: c.pick(
        [
            "Sông Đà",
            "Hoa sen",
            "Bình minh",
            "Trăng khuyết",
            "Cánh diều",
            "Lúa vàng",
            "Mây trắng",
            "Núi Đỏ",
            "Cây đa",
            "Sao Mai",
            "Bến nước",
            "Đồng xanh",
        ]
    ),
    "codename": lambda c, _i: f"{c.pick(['SH', 'MT', 'CA', 'BV', 'X', 'Đ'])}-{c.rng.randint(1, 99):02d}",
    "user": lambda c, _i: (
        f"{c.pick(['xa', 'ubnd', 'vp', 'tp', 'dc'])}.{strip_marks(places.place_name(c.rng)).lower().replace(' ', '')}"
        f"{c.pick(['', '.vp', '01', '_tp', '.kt'])}"
    ),
    "wifi": lambda c, _i: (
        f"{c.pick(['UBND', 'UBND_Xa', 'VP-UBND', 'TiepDan', 'HoiTruong'])}{c.pick(['', '_5G', '-2', '_Tang2'])}"
    ),
}

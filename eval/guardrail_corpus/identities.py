"""Invented Vietnamese residents and their identifiers, about a third with deliberately wrong check digits.

Every name and number here is made up. Invalid identifiers still label as ``block``: an official who pastes
a mistyped citizen ID has still pasted a citizen ID, so the guardrail must not lean on checksums alone.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

FAMILY_COMMON = [
    "Nguyễn",
    "Trần",
    "Lê",
    "Phạm",
    "Hoàng",
    "Huỳnh",
    "Phan",
    "Vũ",
    "Võ",
    "Đặng",
    "Bùi",
    "Đỗ",
    "Hồ",
    "Ngô",
    "Dương",
    "Lý",
]
FAMILY_RARE = [
    "Hà",
    "Đinh",
    "Lương",
    "Tạ",
    "Khúc",
    "Quách",
    "Mai",
    "Trịnh",
    "Lò",
    "Cao",
    "Lâm",
    "Chu",
    "Kiều",
    "Thái",
    "Triệu",
    "Tô",
    "Doãn",
    "Cù",
    "Lại",
    "Nông",
    "Mạc",
    "Phùng",
    "Từ",
    "La",
    "Giáp",
    "Âu",
    "Vi",
]
MIDDLE_M = [
    "Văn",
    "Văn",
    "Văn",
    "Hữu",
    "Đức",
    "Minh",
    "Quốc",
    "Thanh",
    "Công",
    "Đình",
    "Xuân",
    "Ngọc",
    "Trọng",
    "Bá",
    "Quang",
    "Tuấn",
    "Gia",
    "Duy",
    "Nhật",
    "Tiến",
    "Mạnh",
    "Thế",
    "Hoàng",
    "Việt",
]
MIDDLE_F = [
    "Thị",
    "Thị",
    "Thị",
    "Ngọc",
    "Thanh",
    "Kim",
    "Minh",
    "Thu",
    "Hồng",
    "Phương",
    "Bích",
    "Diệu",
    "Mỹ",
    "Thùy",
    "Khánh",
    "Bảo",
    "Quỳnh",
    "Hải",
    "Như",
    "Cẩm",
    "Lan",
    "Tuyết",
]
GIVEN_M = [
    "An",
    "Bảo",
    "Bình",
    "Bằng",
    "Biên",
    "Cảnh",
    "Chiến",
    "Chính",
    "Công",
    "Cường",
    "Cương",
    "Danh",
    "Dũng",
    "Duy",
    "Dương",
    "Đạt",
    "Đại",
    "Điền",
    "Định",
    "Đông",
    "Đức",
    "Giao",
    "Hải",
    "Hào",
    "Hiếu",
    "Hiển",
    "Hiệp",
    "Hòa",
    "Hoan",
    "Hoàng",
    "Học",
    "Huân",
    "Hùng",
    "Huy",
    "Hưng",
    "Kha",
    "Khải",
    "Khang",
    "Khiêm",
    "Khoa",
    "Khôi",
    "Kiên",
    "Kỳ",
    "Lâm",
    "Lành",
    "Lộc",
    "Lợi",
    "Long",
    "Luân",
    "Lực",
    "Mạnh",
    "Mẫn",
    "Nam",
    "Nghĩa",
    "Nguyên",
    "Nhân",
    "Ninh",
    "Phát",
    "Phong",
    "Phú",
    "Phúc",
    "Quân",
    "Quang",
    "Quý",
    "Quyết",
    "Sang",
    "Sĩ",
    "Sơn",
    "Tài",
    "Tấn",
    "Tân",
    "Thạch",
    "Thái",
    "Thắng",
    "Thành",
    "Thiện",
    "Thịnh",
    "Thông",
    "Thuận",
    "Thuật",
    "Tiến",
    "Tín",
    "Toàn",
    "Trí",
    "Trực",
    "Trung",
    "Trường",
    "Tuấn",
    "Tùng",
    "Tú",
    "Tuyên",
    "Uy",
    "Vinh",
    "Vĩnh",
    "Việt",
    "Vũ",
    "Vương",
    "Vượng",
]
GIVEN_F = [
    "Anh",
    "Ánh",
    "Ân",
    "Bích",
    "Bông",
    "Châu",
    "Chi",
    "Cúc",
    "Diệp",
    "Diệu",
    "Dung",
    "Duyên",
    "Đào",
    "Đoan",
    "Gấm",
    "Giang",
    "Hà",
    "Hạnh",
    "Hảo",
    "Hằng",
    "Hậu",
    "Hiền",
    "Hoa",
    "Hoài",
    "Hồng",
    "Huệ",
    "Hương",
    "Hường",
    "Huyền",
    "Khánh",
    "Khuê",
    "Kiều",
    "Lam",
    "Lan",
    "Lệ",
    "Liên",
    "Liễu",
    "Linh",
    "Loan",
    "Lụa",
    "Ly",
    "Mai",
    "Mận",
    "Mơ",
    "My",
    "Mỹ",
    "Na",
    "Nga",
    "Ngà",
    "Ngân",
    "Ngọc",
    "Nguyệt",
    "Nhàn",
    "Nhạn",
    "Nhi",
    "Nhung",
    "Nụ",
    "Oanh",
    "Phượng",
    "Quế",
    "Quyên",
    "Quỳnh",
    "Sen",
    "Sương",
    "Tâm",
    "Thảo",
    "Thắm",
    "Thanh",
    "Thêu",
    "Thơ",
    "Thoa",
    "Thu",
    "Thúy",
    "Thủy",
    "Thư",
    "Trà",
    "Trang",
    "Trâm",
    "Trinh",
    "Tuyền",
    "Tuyết",
    "Tươi",
    "Uyên",
    "Vân",
    "Vi",
    "Vy",
    "Xoan",
    "Xuân",
    "Yến",
]

# Names shared by historical figures, streets and schools. A resident may carry one (block when it comes
# with a phone, an ID or a health fact); the negatives use the same strings as street and school names.
FAMOUS = [
    ("Lê Văn Tám", "m"),
    ("Trần Hưng Đạo", "m"),
    ("Nguyễn Trãi", "m"),
    ("Võ Thị Sáu", "f"),
    ("Lý Tự Trọng", "m"),
    ("Hoàng Văn Thụ", "m"),
    ("Nguyễn Thị Minh Khai", "f"),
    ("Trần Phú", "m"),
    ("Nguyễn Văn Trỗi", "m"),
    ("Phan Đình Phùng", "m"),
    ("Lê Lợi", "m"),
    ("Nguyễn Du", "m"),
    ("Ngô Quyền", "m"),
    ("Lý Thường Kiệt", "m"),
    ("Phan Bội Châu", "m"),
    ("Phan Chu Trinh", "m"),
    ("Trần Quốc Toản", "m"),
    ("Nguyễn Văn Cừ", "m"),
    ("Lê Hồng Phong", "m"),
    ("Hà Huy Tập", "m"),
    ("Chu Văn An", "m"),
    ("Nguyễn Đình Chiểu", "m"),
    ("Nguyễn Thái Học", "m"),
    ("Mạc Đĩnh Chi", "m"),
    ("Tô Hiến Thành", "m"),
    ("Nguyễn Chí Thanh", "m"),
    ("Trần Quang Khải", "m"),
    ("Nguyễn Thị Định", "f"),
    ("Bùi Thị Xuân", "f"),
    ("Nguyễn Khuyến", "m"),
    ("Lê Quý Đôn", "m"),
    ("Nguyễn Huệ", "m"),
]

# Ethnic-minority naming patterns: Ê Đê (Y / H' + given + family), Jrai (family first), Hmong, Thái/Tày.
_EDE_M = ["Moan", "Bliêng", "Jút", "Ngông", "Khu", "Thinh", "Djăp", "Kông", "Blul"]
_EDE_F = ["Hen", "Nai", "Zin", "Bia", "Hăn", "Yim", "Blim", "Luy", "Djuê"]
_EDE_FAMILY = ["Niê", "Êban", "Mlô", "Byă", "Adrơng", "Ksơr", "Buôn Yă", "Knul"]
_JRAI_FAMILY = ["Ksor", "Rơ Châm", "Siu", "Rahlan", "Nay", "Kpă", "Rơ Mah"]
_JRAI_GIVEN = ["Bia", "Phin", "Hlong", "Nhuih", "Djiu", "Thuk", "H'Lim", "Nguơn"]
_HMONG_FAMILY = ["Giàng", "Vàng", "Sùng", "Lầu", "Thào", "Mùa", "Hờ", "Cứ"]
_HMONG_GIVEN = ["Páo", "Chứ", "Sử", "Dính", "Pó", "Mỷ", "Dợ", "Sua", "Chá", "Tủa"]
_TAI_FAMILY = ["Lò", "Lường", "Quàng", "Cầm", "Tòng", "Vi", "Nông", "Hoàng"]
_TAI_GIVEN = ["Pọm", "Ún", "Xương", "Khiêm", "Panh", "Bun", "Ính", "Chăm", "Xiêng", "Pấng"]

# Province codes of the 12-digit citizen ID (the pre-2025 provinces of birth registration).
CCCD_PROVINCES = [
    "001",
    "002",
    "004",
    "006",
    "008",
    "010",
    "011",
    "012",
    "014",
    "015",
    "017",
    "019",
    "020",
    "022",
    "024",
    "025",
    "026",
    "027",
    "030",
    "031",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "040",
    "042",
    "044",
    "045",
    "046",
    "048",
    "049",
    "051",
    "052",
    "054",
    "056",
    "058",
    "060",
    "062",
    "064",
    "066",
    "067",
    "068",
    "070",
    "072",
    "074",
    "075",
    "077",
    "079",
    "080",
    "082",
    "083",
    "084",
    "086",
    "087",
    "089",
    "091",
    "092",
    "093",
    "094",
    "095",
    "096",
]
_NOT_PROVINCES = [
    "000",
    "003",
    "005",
    "009",
    "013",
    "016",
    "018",
    "021",
    "023",
    "029",
    "039",
    "041",
    "043",
    "050",
    "053",
    "057",
    "063",
    "069",
    "073",
    "078",
    "081",
    "088",
    "090",
    "097",
    "099",
]
MOBILE_PREFIXES = [
    "032",
    "033",
    "034",
    "035",
    "036",
    "037",
    "038",
    "039",
    "052",
    "056",
    "058",
    "059",
    "070",
    "076",
    "077",
    "078",
    "079",
    "081",
    "082",
    "083",
    "084",
    "085",
    "086",
    "088",
    "089",
    "090",
    "091",
    "092",
    "093",
    "094",
    "096",
    "097",
    "098",
    "099",
]
LANDLINE_PREFIXES = ["024", "028", "0236", "0225", "0237", "0238", "0262", "0292", "0203", "0208", "0214", "0269"]
BANKS = [
    ("Vietcombank", 13),
    ("Techcombank", 14),
    ("BIDV", 14),
    ("Agribank", 13),
    ("VietinBank", 12),
    ("MB Bank", 13),
    ("Sacombank", 12),
    ("VPBank", 10),
    ("ACB", 9),
    ("LienVietPostBank", 11),
    ("Ngân hàng Chính sách xã hội", 14),
    ("SHB", 11),
]
BHYT_OBJECTS = ["DN", "HC", "HT", "TE", "CN", "GD", "HS", "SV", "HN", "BT", "CK", "XN", "NO", "CB"]
MST_WEIGHTS = (31, 29, 23, 19, 17, 13, 7, 5, 3)
EMAIL_DOMAINS = ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "yahoo.com.vn", "outlook.com", "hotmail.com"]
IP_FIRST = ["113.160", "113.185", "14.231", "14.177", "27.72", "42.114", "171.244", "116.105", "125.235", "1.52"]


def strip_marks(text: str) -> str:
    """Vietnamese without diacritics (đ → d), character by character so substrings stay substrings."""
    import unicodedata

    out = []
    for ch in text:
        if ch in "đĐ":
            out.append("d" if ch == "đ" else "D")
            continue
        base = "".join(c for c in unicodedata.normalize("NFD", ch) if not unicodedata.combining(c))
        out.append(unicodedata.normalize("NFC", base) or ch)
    return "".join(out)


def _digits(rng: random.Random, n: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(n))


def mst_check_digit(first9: str) -> int | None:
    """The official check digit of a 10-digit tax code, or None when the weighted sum leaves no digit."""
    check = 10 - sum(int(d) * w for d, w in zip(first9, MST_WEIGHTS)) % 11
    return None if check == 10 else check


def luhn_ok(number: str) -> bool:
    digits = [int(d) for d in number if d.isdigit()]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 1:
            d = d * 2 - 9 if d * 2 > 9 else d * 2
        total += d
    return total % 10 == 0


@dataclass
class Ident:
    """One identifier value and whether it passes its format / check-digit rule."""

    value: str
    valid: bool = True
    why: str = ""


@dataclass
class Person:
    """An invented resident; identifiers are drawn once so one message stays self-consistent."""

    name: str
    gender: str  # "m" | "f"
    born: date
    given: str
    cccd: Ident = field(default_factory=lambda: Ident(""))
    cmnd: str = ""
    phone: Ident = field(default_factory=lambda: Ident(""))
    landline: str = ""
    email: str = ""
    mst: Ident = field(default_factory=lambda: Ident(""))
    bhxh: str = ""
    bhyt: Ident = field(default_factory=lambda: Ident(""))
    passport: str = ""
    plate: str = ""
    gplx: str = ""
    bank: str = ""
    account: str = ""
    card: Ident = field(default_factory=lambda: Ident(""))
    ip: str = ""

    @property
    def age(self) -> int:
        return 2025 - self.born.year


def _name(rng: random.Random, gender: str, style: str) -> tuple[str, str]:
    """(full name, given name) in one of the naming styles."""
    if style == "ede":
        given = rng.choice(_EDE_M if gender == "m" else _EDE_F)
        prefix = "Y " if gender == "m" else "H'"
        return f"{prefix}{given} {rng.choice(_EDE_FAMILY)}", given
    if style == "jrai":
        given = rng.choice(_JRAI_GIVEN)
        return f"{rng.choice(_JRAI_FAMILY)} {given}", given
    if style == "hmong":
        given = rng.choice(_HMONG_GIVEN)
        middle = rng.choice(["A", "Seo", "Văn"] if gender == "m" else ["Thị", "Mí"])
        return f"{rng.choice(_HMONG_FAMILY)} {middle} {given}", given
    if style == "tai":
        given = rng.choice(_TAI_GIVEN)
        return f"{rng.choice(_TAI_FAMILY)} {'Văn' if gender == 'm' else 'Thị'} {given}", given
    family = rng.choice(FAMILY_COMMON) if rng.random() < 0.8 else rng.choice(FAMILY_RARE)
    given = rng.choice(GIVEN_M if gender == "m" else GIVEN_F)
    middle = rng.choice(MIDDLE_M if gender == "m" else MIDDLE_F)
    if rng.random() < 0.15:  # two-syllable given names: Nguyễn Thị Thu Hà
        pool = [m for m in (MIDDLE_M if gender == "m" else MIDDLE_F) if m not in ("Văn", "Thị", middle)]
        middle = f"{middle} {rng.choice(pool)}"
    return f"{family} {middle} {given}", given


def make_cccd(rng: random.Random, born: date, gender: str, valid: bool) -> Ident:
    """12 digits: province of birth registration, gender/century digit, two-digit year, six random digits."""
    century = 0 if born.year < 2000 else 2
    code = century + (1 if gender == "f" else 0)
    province, why = rng.choice(CCCD_PROVINCES), ""
    if not valid:
        if rng.random() < 0.5:
            province, why = rng.choice(_NOT_PROVINCES), "wrong province code"
        else:
            code, why = rng.choice([d for d in range(10) if d != code]), "wrong gender/century digit"
    return Ident(f"{province}{code}{born.year % 100:02d}{_digits(rng, 6)}", valid, why)


def make_mst(rng: random.Random, valid: bool) -> Ident:
    """10-digit tax code with the weighted check digit (sometimes a 13-character branch code)."""
    while True:
        first9 = f"{rng.randint(1, 96):02d}{_digits(rng, 7)}"
        check = mst_check_digit(first9)
        if check is not None:
            break
    digit = check if valid else rng.choice([d for d in range(10) if d != check])
    value = f"{first9}{digit}"
    if rng.random() < 0.2:
        value += f"-{rng.randint(1, 9):03d}"
    return Ident(value, valid, "" if valid else "wrong check digit")


def make_card(rng: random.Random, valid: bool) -> Ident:
    """16-digit payment card (Visa, Mastercard, NAPAS 9704) with a Luhn check digit."""
    prefix = rng.choice(["4", "5" + rng.choice("12345"), "9704"])
    body = prefix + _digits(rng, 15 - len(prefix))
    check = next(d for d in range(10) if luhn_ok(body + str(d)))
    digit = check if valid else (check + rng.randint(1, 9)) % 10
    number = body + str(digit)
    if rng.random() < 0.6:
        number = " ".join(number[i : i + 4] for i in range(0, 16, 4))
    return Ident(number, valid, "" if valid else "Luhn check fails")


def make_phone(rng: random.Random, valid: bool) -> Ident:
    """A mobile number written the ways people write them; invalid = a prefix no network uses."""
    if valid:
        prefix, why = rng.choice(MOBILE_PREFIXES), ""
    else:
        prefix, why = rng.choice(["061", "042", "065", "011", "074", "095"]), "unassigned mobile prefix"
    rest = _digits(rng, 7)
    raw = prefix + rest
    style = rng.random()
    if style < 0.45:
        text = raw
    elif style < 0.6:
        text = f"{raw[:4]} {raw[4:7]} {raw[7:]}"
    elif style < 0.7:
        text = f"{raw[:4]}.{raw[4:7]}.{raw[7:]}"
    elif style < 0.78:
        text = f"{raw[:3]} {raw[3:6]} {raw[6:]}"
    elif style < 0.9:
        text = f"+84 {raw[1:4]} {raw[4:7]} {raw[7:]}"
    else:
        text = f"+84{raw[1:]}"
    return Ident(text, valid, why)


def make_bhyt(rng: random.Random, bhxh: str, valid: bool) -> Ident:
    """15 characters: beneficiary group, benefit level 1-5, province, then the 10-digit social insurance number."""
    group, level, why = rng.choice(BHYT_OBJECTS), str(rng.randint(1, 5)), ""
    if not valid:
        if rng.random() < 0.5:
            level, why = rng.choice("06789"), "benefit level out of range"
        else:
            group, why = rng.choice(["ZZ", "QK", "AB", "XX"]), "unknown beneficiary group"
    return Ident(f"{group}{level}{rng.randint(1, 96):02d}{bhxh}", valid, why)


def make_plate(rng: random.Random) -> str:
    """Car and motorbike plates in the current formats."""
    province = rng.choice([n for n in range(11, 100) if n not in (13, 42, 44, 45, 46, 80, 87, 91, 96)])
    series = rng.choice("ABCDEFGHKLMNPSTUVX")
    kind = rng.random()
    if kind < 0.4:
        return f"{province}{series}-{_digits(rng, 3)}.{_digits(rng, 2)}"
    if kind < 0.5:
        return f"{province}{series}-{_digits(rng, 4)}"
    return f"{province}-{series}{rng.randint(1, 9)} {_digits(rng, 3)}.{_digits(rng, 2)}"


def make_email(rng: random.Random, name: str, born: date) -> str:
    """Realistic personal mailbox built from the name, as residents actually pick them."""
    parts = strip_marks(name).lower().replace("'", "").split()
    family, given = parts[0], parts[-1]
    initials = "".join(p[0] for p in parts[:-1])
    year = str(born.year)
    local = rng.choice(
        [
            f"{''.join(parts)}{year[2:]}",
            f"{given}.{family}",
            f"{given}{initials}{year}",
            f"{family}{given}{rng.randint(1, 99)}",
            f"{given}_{family}{year[2:]}",
            f"{''.join(parts)}",
            f"{given}.{family}.{year}",
            f"{initials}{given}{rng.randint(100, 999)}",
        ]
    )
    return f"{local}@{rng.choice(EMAIL_DOMAINS)}"


def make_person(rng: random.Random, *, kind: str = "adult", style: str | None = None) -> Person:
    """A resident. ``kind``: adult, elder, youth (18-27, e.g. conscripts), child, baby, famous; ":f"/":m" fixes gender."""
    kind, _, fixed = kind.partition(":")
    gender = fixed or rng.choice("mf")
    if kind == "famous":
        name, gender = rng.choice(FAMOUS)
        given = name.split()[-1]
    else:
        if style is None:
            style = rng.choices(["kinh", "ede", "jrai", "hmong", "tai"], [88, 3, 2, 4, 3])[0]
        name, given = _name(rng, gender, style)
    years = {
        "adult": (1955, 2004),
        "elder": (1935, 1962),
        "youth": (1998, 2007),
        "child": (2011, 2021),
        "baby": (2024, 2025),
        "famous": (1945, 2000),
    }[kind]
    born = date(rng.randint(*years), 1, 1) + timedelta(days=rng.randint(0, 364))
    if born > date(2025, 9, 30):
        born = date(2025, rng.randint(1, 9), rng.randint(1, 28))
    invalid = rng.random() < 1 / 3  # one draw per person so most records carry one consistent kind
    bhxh = f"{rng.randint(1, 96):02d}{_digits(rng, 8)}"
    bank, length = rng.choice(BANKS)
    return Person(
        name=name,
        gender=gender,
        born=born,
        given=given,
        cccd=make_cccd(rng, born, gender, not (invalid and rng.random() < 0.7)),
        cmnd=f"{rng.choice(['0', '1', '2', '3'])}{_digits(rng, 8)}",
        phone=make_phone(rng, not (invalid and rng.random() < 0.3)),
        landline=f"{(p := rng.choice(LANDLINE_PREFIXES))} {_digits(rng, 4 if len(p) == 3 else 3)} {_digits(rng, 4)}",
        email=make_email(rng, name, born),
        mst=make_mst(rng, not (invalid and rng.random() < 0.7)),
        bhxh=bhxh,
        bhyt=make_bhyt(rng, bhxh, not (invalid and rng.random() < 0.6)),
        passport=f"{rng.choice('BCCCKNPP')}{_digits(rng, 7)}",
        plate=make_plate(rng),
        gplx=f"{rng.choice(CCCD_PROVINCES)}{_digits(rng, 9)}",
        bank=bank,
        account=rng.choice("123456789") + _digits(rng, length - 1),
        card=make_card(rng, not (invalid and rng.random() < 0.7)),
        ip=f"{rng.choice(IP_FIRST)}.{rng.randint(1, 254)}.{rng.randint(1, 254)}",
    )


_UNITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_MONTHS = ["một", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười", "mười một", "mười hai"]


def say_number(n: int) -> str:
    """A day number (1-31) as Vietnamese words: 21 → hai mươi mốt, 15 → mười lăm."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return _UNITS[unit]
    head = "mười" if tens == 1 else f"{_UNITS[tens]} mươi"
    if unit == 0:
        return head
    tail = {1: "mốt" if tens > 1 else "một", 4: "tư" if tens > 1 else "bốn", 5: "lăm"}.get(unit, _UNITS[unit])
    return f"{head} {tail}"


def format_dob(rng: random.Random, d: date) -> str:
    """A birth date as officials type it; the spelled form is the one people dictate over the phone."""
    style = rng.random()
    if style < 0.35:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if style < 0.5:
        return f"{d.day}/{d.month}/{d.year}"
    if style < 0.58:
        return f"{d.day}-{d.month}-{d.year % 100:02d}"
    if style < 0.66:
        return f"{d.day:02d}.{d.month:02d}.{d.year}"
    if style < 0.8:
        return f"{d.day} tháng {d.month} năm {d.year}"
    if style < 0.86:
        return f"{d.year}-{d.month:02d}-{d.day:02d}"
    if style < 0.92:
        return f"{d.day:02d}/{d.month:02d}/{d.year % 100:02d}"
    year = " ".join(_UNITS[int(c)] if c != "5" or i < 3 else rng.choice(["năm", "lăm"]) for i, c in enumerate(str(d.year)))
    return f"{say_number(d.day)} tháng {_MONTHS[d.month - 1]} năm {year}"

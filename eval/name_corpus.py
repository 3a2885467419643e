"""A deterministic corpus of Vietnamese sentences with person-name spans (``eval/datasets/names_vi``).

Sentences come from templates grouped in families; each kind of sentence (cue word, no cue,
form, chat, English-mixed, table, petition, famous name of a resident, minority names, initials,
given name only, and the hard negatives: titles, places, agencies, history, sentence starts) has
five families, and the splits take whole families (three to train, one to dev, one to test), so
the test split holds wordings that no training sentence has. Each family draws from its own
seeded generator, so editing one family leaves the others as they were. Carriers then rewrite a
sentence without changing its length: no diacritics, lower case, upper case, title case.

The test split is frozen: ``--write-test`` writes it once and records its sha256 in ``FROZEN``;
the hand-written sentences of ``handwritten.txt`` join it as the family ``handwritten``.
All people are invented; public figures appear only as history, streets, schools and the like.

    python -m eval.name_corpus                 # train.jsonl and dev.jsonl
    python -m eval.name_corpus --write-test    # test.jsonl and FROZEN (once)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

DATASET_DIR = Path(__file__).resolve().parent / "datasets" / "names_vi"
SPLITS = ("train", "dev", "test")
PER_FAMILY = 40
# Training families give more sentences (the dev and test sizes stay as frozen).
PER_FAMILY_TRAIN = 80
# Family letter → split: a, b, c train; d dev; e test.
SPLIT_OF_LETTER = {"a": "train", "b": "train", "c": "train", "d": "dev", "e": "test"}


def _words(text: str, sep: str | None = None) -> list[str]:
    """A word list written as one string: ``_words("An Bình")``, ``_words("Lê Lợi|Trần Phú", "|")``."""
    return text.split(sep)


# --- People ------------------------------------------------------------------------------------
# (family name, weight): roughly how common each is.
SURNAMES = [
    ("Nguyễn", 30), ("Trần", 11), ("Lê", 9), ("Phạm", 7), ("Hoàng", 5), ("Huỳnh", 4), ("Phan", 4), ("Vũ", 4),
    ("Võ", 3), ("Đặng", 3), ("Bùi", 3), ("Đỗ", 3), ("Hồ", 2), ("Ngô", 2), ("Dương", 2), ("Lý", 1), ("Đào", 1),
    ("Đoàn", 1), ("Vương", 1), ("Trịnh", 1), ("Trương", 1), ("Đinh", 1), ("Lâm", 1), ("Phùng", 1), ("Mai", 1),
    ("Tô", 1), ("Hà", 1), ("Tạ", 1), ("Lương", 1), ("Lưu", 1), ("Triệu", 1), ("Quách", 1), ("Cao", 1), ("Châu", 1),
    ("Chu", 1), ("Đàm", 1), ("Kiều", 1), ("Khổng", 1), ("La", 1), ("Lục", 1), ("Mạc", 1), ("Nghiêm", 1),
    ("Ninh", 1), ("Phí", 1), ("Tăng", 1), ("Thái", 1), ("Tống", 1), ("Âu", 1), ("Bạch", 1), ("Cù", 1),
    ("Diệp", 1), ("Doãn", 1), ("Hàn", 1), ("Khúc", 1), ("Kim", 1), ("Lại", 1), ("Mẫn", 1), ("Nông", 1), ("Từ", 1),
    ("Giáp", 1), ("Khương", 1), ("Lã", 1), ("Hứa", 1), ("Văn", 1), ("Thân", 1), ("Ông", 1), ("Kha", 1),
]  # fmt: skip
MIDDLE_M = [("Văn", 30), *[(m, 3) for m in (
    "Đức", "Hữu", "Minh", "Quốc", "Thanh", "Xuân", "Công", "Đình", "Trọng", "Ngọc", "Quang", "Tuấn", "Hoàng", "Gia",
    "Bảo", "Thế", "Mạnh", "Việt", "Anh", "Duy", "Hồng", "Khắc", "Tiến", "Nhật", "Bá", "Chí", "Hải", "Kim", "Phước",
)]]  # fmt: skip
MIDDLE_F = [("Thị", 40), *[(m, 3) for m in (
    "Ngọc", "Thanh", "Thu", "Minh", "Kim", "Hồng", "Phương", "Thùy", "Bích", "Hải", "Mai", "Diệu", "Khánh",
    "Bảo", "Như", "Quỳnh", "Tuyết", "Ánh", "Lan", "Mỹ", "Thảo", "Hoài", "Cẩm", "Tường",
)]]  # fmt: skip
FOUR_SYLLABLE_F = _words("Thanh Thu Ngọc Kim Hồng Minh Bích Thúy Mỹ Phương Hải Lan Diệu Hoài")
FOUR_SYLLABLE_M = _words("Anh Minh Quốc Gia Hoàng Nhật Bảo Thanh Tuấn")
GIVEN_M = _words("""An Bình Cường Dũng Hùng Hải Hiếu Hoàng Huy Khang Khoa Kiên Lâm Long Lộc Lực Minh Nam Nghĩa Phát
Phong Phúc Quân Quang Sơn Tài Tâm Thắng Thành Thịnh Toàn Trí Trung Tú Tuấn Tùng Vinh Vũ Việt Đạt Đông Hậu
Khải Lợi Mạnh Nhân Quý Tín Triều Tường Hưng Duy Hào Thái Thiện Bảo Châu Chiến Công Định Hiển Hòa Khôi Luân
Nguyên Sang Thạch Thuận Tiến Vương Khiêm Đức Hoan Kha Lâm Ngọc Phương Thông Trọng Vĩnh Dương Hiệp Cảnh""")
GIVEN_F = _words("""Anh Ánh Bích Chi Dung Duyên Giang Hà Hạnh Hằng Hiền Hoa Hồng Huệ Hương Huyền Lan Liên Linh Loan Ly
Mai My Nga Ngân Ngọc Nhung Nhàn Oanh Phương Quyên Quỳnh Tâm Thảo Thanh Thơ Thu Thủy Thúy Trang Trinh Tuyết
Uyên Vân Vy Xuân Yến Lụa Nụ Thắm Diệp Châm Gấm Mận Cúc Sen Nguyệt Khuê Thư Hậu Lệ Nhi Trâm Hiên Tươi""")
# Old-fashioned and village names that a lexicon may well lack.
GIVEN_RARE = _words("Tí Tèo Bống Hến Lành Mừng Vui Thơm Nở Hên Đực Cu Lũy Thìn Dậu Sửu Mão Tỵ Chắt Ngữ Khoát Bẩy Lựu")
GIVEN_ONLY_M = [*GIVEN_M[:40], "Tuấn Anh", "Minh Quân", "Đức Huy", "Quốc Bảo", "Gia Huy", "Văn Tú"]
GIVEN_ONLY_F = [*GIVEN_F[:40], "Minh Thư", "Thu Hà", "Ngọc Ánh", "Bảo Ngọc", "Thanh Tâm", "Kim Ngân"]

# Public figures' names given to residents (people do bear them) and used in history.
FAMOUS_M = """Lê Văn Tám|Trần Hưng Đạo|Nguyễn Huệ|Lê Lợi|Nguyễn Trãi|Lý Thường Kiệt|Trần Phú|Nguyễn Văn Trỗi|Phan Bội Châu
|Hoàng Văn Thụ|Lê Hồng Phong|Trần Quốc Toản|Nguyễn Du|Phạm Văn Đồng|Võ Văn Kiệt|Nguyễn Văn Cừ|Ngô Quyền|Lý Tự Trọng
|Nguyễn Đình Chiểu|Phan Đình Phùng|Nguyễn Chí Thanh|Hoàng Hoa Thám|Trần Quốc Tuấn|Lê Quý Đôn|Chu Văn An|Ngô Gia Tự
|Trần Quang Khải|Nguyễn Bỉnh Khiêm|Lương Thế Vinh|Tô Hiệu""".replace("\n", "").split("|")
FAMOUS_F = """Võ Thị Sáu|Nguyễn Thị Minh Khai|Bùi Thị Xuân|Nguyễn Thị Định|Lê Thị Riêng|Đặng Thùy Trâm|Hồ Xuân Hương
|Mạc Thị Bưởi|Nguyễn Thị Thập|Trần Thị Lý|Hà Thị Quế|Lê Thị Hồng Gấm""".replace("\n", "").split("|")
HISTORY = """Trần Hưng Đạo|Lê Lợi|Nguyễn Trãi|Lý Thường Kiệt|Ngô Quyền|Quang Trung|Hai Bà Trưng|Bà Triệu|Lý Công Uẩn
|Đinh Bộ Lĩnh|Lê Thánh Tông|Nguyễn Du|Phan Bội Châu|Phan Châu Trinh|Hồ Chí Minh|Võ Nguyên Giáp|Nguyễn Đình Chiểu
|Chu Văn An|Trần Quốc Toản|Lê Quý Đôn|Nguyễn Bỉnh Khiêm|Hoàng Hoa Thám|Phan Đình Phùng|Nguyễn Thái Học
|Trần Nhân Tông|Lý Thái Tổ|Hồ Xuân Hương|Võ Thị Sáu|Nguyễn Thị Minh Khai|Tôn Đức Thắng""".replace("\n", "").split("|")
STREETS = """Lê Lợi|Nguyễn Trãi|Trần Hưng Đạo|Hai Bà Trưng|Lê Văn Lương|Trần Duy Hưng|Hoàng Quốc Việt|Nguyễn Văn Linh
|Phạm Văn Đồng|Võ Nguyên Giáp|Nguyễn Chí Thanh|Lê Duẩn|Nguyễn Thị Minh Khai|Lý Thường Kiệt|Trần Phú|Lê Hồng Phong
|Phan Đình Phùng|Tôn Đức Thắng|Nguyễn Văn Cừ|Trường Chinh|Lạc Long Quân|Âu Cơ|Kim Mã|Nguyễn Lương Bằng
|Huỳnh Thúc Kháng|Đào Duy Từ|Bùi Thị Xuân|Lê Thánh Tông|Trần Khát Chân|Mạc Đĩnh Chi|Đinh Tiên Hoàng|Ngô Gia Tự
|Hoàng Văn Thụ|Phan Chu Trinh|Nguyễn Đình Chiểu|Tô Hiến Thành|Hồ Tùng Mậu|Nguyễn Khánh Toàn|Cách Mạng Tháng Tám
|Điện Biên Phủ|Hùng Vương|Quang Trung|Nguyễn Văn Trỗi|Lê Văn Sỹ|Phạm Ngũ Lão|Nguyễn Hữu Cảnh|Trần Quang Khải
|Võ Văn Tần|Nam Kỳ Khởi Nghĩa|Cao Thắng|Lý Tự Trọng|Hàm Nghi|Nguyễn Tất Thành""".replace("\n", "").split("|")
SCHOOLS = """Lê Văn Tám|Nguyễn Du|Trần Quốc Toản|Lê Quý Đôn|Chu Văn An|Nguyễn Bỉnh Khiêm|Lương Thế Vinh|Phan Bội Châu
|Võ Thị Sáu|Kim Đồng|Nguyễn Huệ|Trần Đại Nghĩa|Ngô Sĩ Liên|Nguyễn Thượng Hiền|Lê Hồng Phong|Hoàng Hoa Thám
|Nguyễn Văn Trỗi|Trần Phú|Lý Tự Trọng|Nguyễn Trãi|Tô Hiệu|Đoàn Thị Điểm""".replace("\n", "").split("|")
WARDS = _words(
    "Nguyễn Trãi|Trần Phú|Lê Lợi|Quang Trung|Hoàng Văn Thụ|Lê Hồng Phong|Tân Phú|Bến Nghé|Phạm Ngũ Lão"
    "|Võ Thị Sáu|Nguyễn Du|Trần Hưng Đạo|Đống Đa|Hòa Khánh",
    "|",
)
COMMUNES = _words(
    "Tân Phú|Hòa Bình|An Lạc|Phú Hòa|Đông Hưng|Tân Lập|Quảng Phú|Hồng Phong|Thanh Xuân|Nghĩa Đàn|Mỹ Lộc"
    "|Ea Tu|Hòa Thuận|Kim Sơn|Lê Lợi|Quang Trung|Trần Hưng Đạo|Nguyễn Huệ",
    "|",
)
VILLAGES = _words(
    "Đông|Trung|Bắc Sơn|Đồng Tâm|Phú Mỹ|Tân Tiến|Hạ|Thượng|Cầu Đá|Chùa|Văn Giang|Lạc Long|Hà Nam|Mai Trang|Hồ Sen",
    "|",
)
DISTRICTS = _words(
    "Lâm Hà|Đức Trọng|Gia Lâm|Đông Anh|Hoài Đức|Tây Sơn|Phú Lương|Kim Bảng|Cao Lộc|Mai Sơn|Hà Quảng|Văn Lâm",
    "|",
)
PROVINCES = _words(
    "Quảng Ngãi|Hà Tĩnh|Cao Bằng|Lâm Đồng|Đắk Lắk|Thái Bình|Nghệ An|Hà Giang|Lạng Sơn|Bình Định|Vĩnh Long|Hải Dương",
    "|",
)
HOSPITALS = _words(
    "Bạch Mai|Chợ Rẫy|Việt Đức|Trưng Vương|Nguyễn Tri Phương|Thống Nhất|Phạm Ngọc Thạch|Hùng Vương"
    "|Nguyễn Trãi|Lê Văn Thịnh|Đa khoa tỉnh",
    "|",
)
PARKS = _words("Lê Thị Riêng|Tao Đàn|Thống Nhất|Lê Văn Tám|Gia Định|Hoàng Văn Thụ|Bách Thảo|Nghĩa Đô", "|")
BRIDGES = _words("Long Biên|Nhật Tân|Trần Thị Lý|Nguyễn Văn Trỗi|Phú Mỹ|Chương Dương|Thuận Phước|Hàm Rồng", "|")
MARKETS = _words("Bến Thành|Đồng Xuân|Hàng Da|Kim Biên|Bình Tây|Nguyễn Tri Phương|Đầm|Rạch Giá", "|")
PRIZES = _words("Trần Văn Giàu|Huỳnh Thúc Kháng|Tạ Quang Bửu|Lê Văn Thiêm|Võ Trường Toản|Nguyễn Đức Cảnh", "|")

# Minority names: (family names or prefixes, middle syllables, given names) per group.
ETHNIC = {
    "ede_m": (["Y"], [""], _words("Bhin Khoa Nuê Blang Thuôn Kông Jút Wang Hiu Duin Ngoan Suôn Tlang Dhăm Kăp"),
              _words("Niê Êban Mlô Ayun Byă Kbuôr Ktla Hđơk Adrơng Ênuôl Knul")),
    "ede_f": (["H'"], [""], _words("Lim Hen Mai Ju Nga Yăm Bia Dơn Wiên Ngăm Điệp Xuân Nhi Rin"),
              _words("Niê Êban Mlô Ayun Byă Kbuôr Ktla Hđơk Adrơng Ênuôl Knul")),
    "jrai": (["Ksor", "Siu", "Rơ Mah", "Rmah", "Nay", "Kpă", "Rơ Châm", "Puih", "Rcom"], [""],
             _words("Bia Nhin Thu Phin Blếch Hyin Đoan Pếp Plih Thiên Yơn Lin H'Nương H'Bla H'Mai"), [""]),
    "thai": (["Lò", "Lường", "Cầm", "Quàng", "Hà", "Vi", "Điêu", "Bạc"], ["Văn", "Thị"],
             _words("Pọm Xiêng Ban Sơn Bun Tiến Khăm Pằn Hom Ún Chăm Inh Thoản Nhất"), [""]),
    "hmong": (["Giàng", "Sùng", "Vàng", "Lầu", "Thào", "Mùa", "Hờ", "Sình", "Tráng", "Vừ"], ["A", "Mí", "Seo", "Thị"],
              _words("Páo Sử Chứ Lử Dình Mỷ Ma Dế Pó Sính Chư Lềnh Chá Phừ Giống Chơ"), [""]),
    "tay": (["Nông", "Hoàng", "Lục", "Bế", "Ma", "Lương", "Đàm", "Triệu", "Hứa", "Sầm", "Lã"], ["Văn", "Thị"],
            _words("Dền Pảo Kiểm Slao Ngàn Thìn Nhình Khìn Luyến Pản Mẩy Hượng"), [""]),
    "khmer": (["Thạch", "Danh", "Sơn", "Kim", "Lâm", "Châu"], ["", "Thị"],
              _words("Sô Phal|Chanh Ra|Sa Rinh|Sóc|Kha|Ra Vi|Sa Phon|Sa Ly|Pho Ry|Sà Rết|Sô Khanh", "|"), [""]),
}  # fmt: skip
INITIAL_LETTERS = "ABCDGHKLMNPQSTV"


def _pick(rng: random.Random, weighted: list[tuple[str, int]]) -> str:
    return rng.choices([w for w, _ in weighted], [n for _, n in weighted])[0]


def full_name(rng: random.Random, gender: str | None = None) -> str:
    """An invented Vietnamese name: family name, zero to two middle syllables, a given name."""
    gender = gender or rng.choice("mf")
    given_pool = GIVEN_M if gender == "m" else GIVEN_F
    given = rng.choice(GIVEN_RARE) if rng.random() < 0.08 else rng.choice(given_pool)
    middles = MIDDLE_M if gender == "m" else MIDDLE_F
    surname = _pick(rng, SURNAMES)
    shape = rng.random()
    if shape < 0.1:
        parts = [surname, given]
    elif shape < (0.72 if gender == "f" else 0.9):
        parts = [surname, _pick(rng, middles), given]
    else:
        # Four syllables: "Nguyễn Thị Thanh Hương", "Trần Hoàng Minh Tuấn".
        first = "Thị" if gender == "f" else rng.choice(["Văn", "Hoàng", "Minh", "Quốc", "Đức"])
        seconds = FOUR_SYLLABLE_F if gender == "f" else FOUR_SYLLABLE_M
        parts = [surname, first, rng.choice([m for m in seconds if m != first]), given]
    # "Vũ Hồng Hồng": a name does not repeat a syllable.
    if len(set(parts)) < len(parts):
        return full_name(rng, gender)
    return " ".join(parts)


def ethnic_name(rng: random.Random, gender: str | None = None) -> str:
    """A minority name: Ê Đê "Y Bhin Niê" / "H'Lim Byă", Gia Rai "Ksor Nhin", Thái "Lò Văn Pọm"…"""
    gender = gender or rng.choice("mf")
    group = rng.choice([g for g in ETHNIC if g != ("ede_f" if gender == "m" else "ede_m")])
    firsts, middles, givens, clans = ETHNIC[group]
    first, given = rng.choice(firsts), rng.choice(givens)
    if group == "ede_m":
        return f"{first} {given} {rng.choice(clans)}"
    if group == "ede_f":
        return f"{first}{given} {rng.choice(clans)}"
    middle = rng.choice(middles)
    if gender == "f" and middle:
        middle = "Thị"
    elif group in {"thai", "tay"}:
        middle = "Văn"
    return " ".join(part for part in (first, middle, given) if part)


def initial_name(rng: random.Random, gender: str | None = None) -> str:
    gender = gender or rng.choice("mf")
    given = rng.choice(GIVEN_M if gender == "m" else GIVEN_F)
    return f"{_pick(rng, SURNAMES)} {rng.choice(INITIAL_LETTERS)}. {given}"


def _phone(rng: random.Random) -> str:
    digits = rng.choice(["09", "03", "08", "07", "05"]) + "".join(str(rng.randrange(10)) for _ in range(8))
    style = rng.randrange(4)
    if style == 0:
        return digits
    if style == 1:
        return f"{digits[:4]} {digits[4:7]} {digits[7:]}"
    if style == 2:
        return f"{digits[:4]}.{digits[4:7]}.{digits[7:]}"
    return f"+84 {digits[1:4]} {digits[4:7]} {digits[7:]}"


def _date(rng: random.Random) -> str:
    return f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{rng.randint(2019, 2025)}"


# Slots that are a person's name (a span) and slots that are not.
PERSON_SLOTS: dict[str, Callable[[random.Random], str]] = {
    "N": lambda rng: full_name(rng),
    "M": lambda rng: full_name(rng, "m"),
    "F": lambda rng: full_name(rng, "f"),
    "GM": lambda rng: rng.choice(GIVEN_ONLY_M),
    "GF": lambda rng: rng.choice(GIVEN_ONLY_F),
    "FAM": lambda rng: rng.choice(FAMOUS_M + FAMOUS_F),
    "FAMM": lambda rng: rng.choice(FAMOUS_M),
    "FAMF": lambda rng: rng.choice(FAMOUS_F),
    "ETH": lambda rng: ethnic_name(rng),
    "ETHM": lambda rng: ethnic_name(rng, "m"),
    "ETHF": lambda rng: ethnic_name(rng, "f"),
    "INI": lambda rng: initial_name(rng),
}
OTHER_SLOTS: dict[str, Callable[[random.Random], str]] = {
    "PHONE": _phone,
    "CCCD": lambda rng: "0" + "".join(str(rng.randrange(10)) for _ in range(11)),
    "DATE": _date,
    "YEAR": lambda rng: str(rng.randint(1940, 2012)),
    "TIME": lambda rng: f"{rng.randint(7, 21):02d}:{rng.randint(0, 59):02d}",
    "NUM": lambda rng: str(rng.randint(1, 199)),
    "STREET": lambda rng: rng.choice(STREETS),
    "WARD": lambda rng: rng.choice(WARDS),
    "COMMUNE": lambda rng: rng.choice(COMMUNES),
    "VILLAGE": lambda rng: rng.choice(VILLAGES),
    "DISTRICT": lambda rng: rng.choice(DISTRICTS),
    "PROVINCE": lambda rng: rng.choice(PROVINCES),
    "SCHOOL": lambda rng: rng.choice(SCHOOLS),
    "HOSP": lambda rng: rng.choice(HOSPITALS),
    "PARK": lambda rng: rng.choice(PARKS),
    "BRIDGE": lambda rng: rng.choice(BRIDGES),
    "MARKET": lambda rng: rng.choice(MARKETS),
    "PRIZE": lambda rng: rng.choice(PRIZES),
    "HIST": lambda rng: rng.choice(HISTORY),
    "DECREE": lambda rng: f"{rng.randint(1, 180)}/{rng.randint(2015, 2025)}/NĐ-CP",
    "CIRC": lambda rng: f"{rng.randint(1, 60)}/{rng.randint(2015, 2025)}/TT-BTP",
    "DECISION": lambda rng: f"{rng.randint(100, 3000)}/QĐ-UBND",
}

# --- Templates ---------------------------------------------------------------------------------
# Family name "<kind>_<letter>"; the letter decides the split (SPLIT_OF_LETTER).
FAMILIES: dict[str, list[str]] = {
    # A person cue word before the name.
    "cue_a": [
        "Sáng nay ông {M} đến bộ phận một cửa nộp hồ sơ chuyển quyền sử dụng đất.",
        "Bà {F} hỏi thủ tục xin cấp lại giấy khai sinh cho cháu nội.",
        "Anh {M} đề nghị xã xác nhận thời gian công tác để làm sổ bảo hiểm.",
        "Chị {F} chưa nhận được tiền hỗ trợ tháng này, nhờ cán bộ kiểm tra giúp.",
    ],
    "cue_b": [
        "Em vừa tiếp nhận đơn của chú {M} về việc tranh chấp lối đi chung.",
        "Cô {F} ở tổ 7 phản ánh đèn đường bị hỏng ba hôm nay.",
        "Nhờ đồng chí {N} rà soát lại danh sách hộ cận nghèo trước thứ Sáu.",
        "Cụ {N} năm nay 85 tuổi, con cháu xin làm thủ tục hưởng trợ cấp tuổi già.",
    ],
    "cue_c": [
        "Bác {M} muốn hỏi lệ phí trước bạ khi sang tên xe máy là bao nhiêu.",
        "Đ/c {N} phụ trách mảng văn hóa sẽ báo cáo tại cuộc họp chiều nay.",
        "Cháu {N} học lớp 5, gia đình xin giấy xác nhận để làm hồ sơ học bổng.",
        "Em {F} là người nộp thay cho mẹ, có mang theo giấy ủy quyền.",
    ],
    "cue_d": [
        "Hôm qua anh {M} gọi lên hỏi sao hồ sơ tách thửa chưa có kết quả.",
        "Chị {F} đang chờ ở quầy số 2, cần bổ sung bản sao sổ hộ khẩu.",
        "Hộ ông {M} thuộc diện được hỗ trợ sửa nhà theo chương trình của huyện.",
        "Bệnh nhân {N} được chuyển từ trạm y tế xã lên tuyến huyện lúc 10 giờ.",
    ],
    "cue_e": [
        "Theo phản ánh của bà {F}, cống thoát nước trước nhà bị tắc đã lâu.",
        "Nhờ em chuyển giấy mời cho chú {M} và cô {F} dự họp tổ dân phố.",
        "Ông {M} xin được gặp trực tiếp lãnh đạo xã để trình bày sự việc.",
        "Người bệnh {N} cần giấy chuyển tuyến để được thanh toán bảo hiểm y tế.",
    ],
    # No cue word at all.
    "nocue_a": [
        "{N} nộp hồ sơ đăng ký thường trú ngày {DATE}.",
        "Hồ sơ của {N} đã được chuyển sang phòng Tài nguyên và Môi trường.",
        "Kết quả giải quyết cho {N}: đủ điều kiện, hẹn trả ngày {DATE}.",
    ],
    "nocue_b": [
        "Danh sách nhận quà Tết gồm {N}, {N} và {N}.",
        "{N} vắng mặt buổi hòa giải lần thứ hai.",
        "Đề nghị {N} bổ sung giấy tờ trước ngày {DATE}.",
    ],
    "nocue_c": [
        "Giao {N} theo dõi, đôn đốc việc thu gom rác ở khu dân cư.",
        "{N} và {N} cùng ký vào biên bản bàn giao mốc giới.",
        "Trường hợp của {N} cần xin ý kiến cấp trên.",
    ],
    "nocue_d": [
        "{N} đến làm thủ tục chứng thực bản sao lúc 8 giờ 30.",
        "Phiếu tiếp nhận ghi tên {N}, số điện thoại {PHONE}.",
        "Tổ công tác gồm {N} (tổ trưởng) và {N} (thư ký).",
    ],
    "nocue_e": [
        "Sáng mai {N} sẽ lên nhận lại bản gốc giấy tờ.",
        "Đơn khiếu nại do {N} đứng tên đã được thụ lý.",
        "Theo biên bản, {N} đồng ý bồi thường cho hộ liền kề.",
    ],
    # Forms and field labels.
    "form_a": [
        "Họ và tên: {N}\nNgày sinh: {DATE}\nSố CCCD: {CCCD}",
        "Họ tên người khai: {N}; Quan hệ với người được khai sinh: cha",
        "Tên chủ hộ: {N}. Địa chỉ: thôn {VILLAGE}, xã {COMMUNE}.",
    ],
    "form_b": [
        "Người yêu cầu: {N} - SĐT: {PHONE}",
        "HỌ TÊN: {N|upper} | NĂM SINH: {YEAR} | NGHỀ NGHIỆP: làm ruộng",
        "Người được ủy quyền: {N}, CCCD số {CCCD}, cấp ngày {DATE}.",
    ],
    "form_c": [
        "1. Họ, chữ đệm, tên: {N}\n2. Giới tính: Nam\n3. Dân tộc: Kinh",
        "Tên người nhận: {N}\nĐiện thoại: {PHONE}\nĐịa chỉ nhận: xã {COMMUNE}",
        "Người đại diện theo pháp luật: {N}, chức vụ: Giám đốc",
    ],
    "form_d": [
        "Họ và tên cha: {M}\nHọ và tên mẹ: {F}",
        "Người làm chứng thứ nhất: {N}; người làm chứng thứ hai: {N}.",
        "Tên tôi là {N}, sinh năm {YEAR}, thường trú tại xã {COMMUNE}.",
    ],
    "form_e": [
        "Họ và tên người chết: {N}\nNgày chết: {DATE}\nNơi chết: tại nhà",
        "Người đi đăng ký: {N|upper} (con ruột)",
        "Tôi là {N}, số định danh cá nhân {CCCD}, xin trình bày như sau:",
    ],
    # Chat logs.
    "chat_a": [
        "[{TIME}] {N}: chị ơi em gửi ảnh tờ khai rồi ạ\n[{TIME}] Cán bộ: ok em, để chị xem",
        "{N}: hồ sơ của bố em xong chưa anh?\nAdmin: chiều nay nhé",
        "Tin nhắn Zalo từ {N}: cho em hỏi làm lại CCCD mất bao lâu ạ?",
    ],
    "chat_b": [
        "ai biết sđt của {N} không, cần gọi gấp",
        "{N} đã rời nhóm. {N} đã thêm {N} vào nhóm.",
        "em ơi, nhắn {N} mai mang sổ đỏ lên nhé",
    ],
    "chat_c": [
        ">> {N} ({TIME}): ok a\n>> {N} ({TIME}): nhận rồi",
        "nhóm tổ dân phố 3: {N} hỏi khi nào phát gạo",
        "Forward từ {N}: lịch tiêm chủng tuần này thay đổi",
    ],
    "chat_d": [
        "[{TIME}] {N}: mình muốn đăng ký tạm trú cho người thuê nhà",
        "{N} đã gửi một tệp đính kèm: to_khai.pdf",
        "ok để em báo {N} nha, chắc chiều mới xong",
    ],
    "chat_e": [
        "{N} ơi, mai em nghỉ, nhờ chị trực quầy giúp",
        "--- {N} (Zalo) ---\nchị cho em hỏi nộp phạt ở đâu ạ",
        "Đã xem bởi {N} lúc {TIME}",
    ],
    # English mixed in.
    "english_a": [
        "pls call Mr {M} before 5pm, he needs to add documents",
        "FYI anh {M} from the district office will join the meeting",
        "Can you check the file of Mrs {F}? Thanks",
    ],
    "english_b": [
        "Meeting notes: {N} presented the budget, {N} took minutes.",
        "Please forward the form to Ms {F} asap",
        "cc: {N}, {N}",
    ],
    "english_c": [
        "hi chị, customer {N} is waiting at counter 3",
        "Mr. {M} called again about his land certificate",
        "Assigned to: {N} | Status: pending",
    ],
    "english_d": [
        "Dear Mr {M}, your application has been received.",
        "ping {N} về vụ report nhé, deadline thứ 6",
        "Contact person: {N} ({PHONE})",
    ],
    "english_e": [
        "Reminder: interview with Ms. {F} tomorrow at 9am",
        "Task owner {N} - update the list of households",
        "Thanks {N} for the quick support!",
    ],
    # Tables and lists.
    "table_a": [
        "| STT | Họ tên | Năm sinh |\n| 1 | {N} | {YEAR} |\n| 2 | {N} | {YEAR} |",
        "1\t{N}\t{YEAR}\tThôn {VILLAGE}",
    ],
    "table_b": [
        "STT;Họ và tên;SĐT\n1;{N};{PHONE}\n2;{N};{PHONE}",
        "- {N}: 500.000đ\n- {N}: 300.000đ",
    ],
    "table_c": [
        "Hộ {N} | 4 khẩu | cận nghèo",
        "{N}, {YEAR}, thôn {VILLAGE}, đã nhận",
    ],
    "table_d": [
        "1. {N} – tổ trưởng\n2. {N} – tổ phó\n3. {N} – thành viên",
        "| {N} | Nam | {YEAR} | Kinh |",
    ],
    "table_e": [
        "Người nhận\t{N}\nSố tiền\t1.200.000đ",
        "a) {N}, sinh năm {YEAR};\nb) {N}, sinh năm {YEAR}.",
    ],
    # Long letters that mix people, places and titles.
    "petition_a": [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nĐƠN ĐỀ NGHỊ\nKính gửi: Ủy ban nhân dân xã {COMMUNE}\n"
        "Tôi tên là {N}, sinh năm {YEAR}, hiện cư trú tại thôn {VILLAGE}. Tôi làm đơn này đề nghị UBND xã xác nhận việc gia đình "
        "tôi đã sử dụng thửa đất số {NUM} ổn định từ năm {YEAR}, không tranh chấp với hộ ông {M} ở liền kề. Kính mong Chủ tịch "
        "UBND xã xem xét giải quyết.",
        "Tôi, {N}, xin trình bày: mẹ tôi là bà {F} mất ngày {DATE} tại Bệnh viện {HOSP}. Anh chị em chúng tôi gồm {N} và {N} "
        "thống nhất để tôi đứng tên thừa kế. Đề nghị Văn phòng đăng ký đất đai chi nhánh huyện hướng dẫn thủ tục.",
    ],
    "petition_b": [
        "ĐƠN KHIẾU NẠI\nKính gửi: Chủ tịch UBND xã {COMMUNE}\nNgười khiếu nại: {N}, CCCD {CCCD}. "
        "Địa chỉ: số {NUM} đường {STREET}. "
        "Ngày {DATE}, hộ bà {F} xây tường lấn sang phần đất của gia đình tôi khoảng 0,5 m. Tôi đã báo với trưởng thôn nhưng chưa "
        "được giải quyết.",
        "Kính gửi Sở Tài nguyên và Môi trường. Tôi là {N}, ở thôn {VILLAGE}. Năm {YEAR} gia đình tôi nhận chuyển nhượng đất của "
        "ông {M}, giấy tờ viết tay có chữ ký của trưởng thôn lúc đó là ông {M}. Nay tôi xin cấp giấy chứng nhận lần đầu.",
    ],
    "petition_c": [
        "Kính gửi: Ban Chỉ huy Công an xã\nTôi là {N}, trú tại tổ {NUM}, phường {WARD}. Tối ngày {DATE}, con trai tôi là cháu "
        "{M} bị mất xe đạp trước cổng trường THCS {SCHOOL}. Đề nghị công an xã xác minh. Người làm chứng: anh {M}.",
        "Thưa các anh chị, tôi là {N}, chủ quán ăn số {NUM} phố {STREET}. Từ tháng trước, quán karaoke của anh {M} bên cạnh mở "
        "nhạc đến 1 giờ sáng. Tôi đã nhắn cho tổ trưởng {N} nhưng chưa có kết quả.",
    ],
    "petition_d": [
        "ĐƠN XIN XÁC NHẬN HOÀN CẢNH GIA ĐÌNH\nKính gửi: UBND xã {COMMUNE}, Phòng Lao động - Thương binh và Xã hội huyện\n"
        "Em tên là {N}, là sinh viên năm hai. Bố em là ông {M} bị tai nạn lao động năm {YEAR}, mẹ em là bà {F} làm nông. Em "
        "làm đơn này kính mong xã xác nhận để em được vay vốn học tập.",
        "Đơn trình bày. Người viết đơn: {N}, SĐT {PHONE}. Tôi đã nộp hồ sơ đề nghị hưởng chế độ cho bố tôi là ông {M}, thương "
        "binh hạng 2/4, từ tháng {NUM} nhưng chưa có kết quả. Cán bộ tiếp nhận là chị {F}.",
    ],
    "petition_e": [
        "BIÊN BẢN HÒA GIẢI\nHôm nay, ngày {DATE}, tại nhà văn hóa thôn {VILLAGE}, chúng tôi gồm: ông {M} - trưởng thôn, bà {F} - "
        "tổ viên tổ hòa giải. Bên thứ nhất: {N}, sinh năm {YEAR}. Bên thứ hai: {N}, sinh năm {YEAR}. Sau khi nghe trình bày, hai "
        "bên thống nhất chia đôi chi phí sửa tường rào giáp đường {STREET}.",
        "BIÊN BẢN LÀM VIỆC\nThành phần: đồng chí {N}, công chức Tư pháp - Hộ tịch; "
        "đồng chí {N}, công chức Địa chính; hộ gia đình "
        "ông {M}. Nội dung: kiểm tra hiện trạng công trình xây dựng tại thửa đất số {NUM}, tờ bản đồ số {NUM}, giáp đường "
        "{STREET}.",
    ],
    # A resident who bears a famous person's (or a street's) name.
    "famous_a": [
        "Anh {FAMM}, SĐT {PHONE}, ở thôn {VILLAGE} xin xác nhận cư trú.",
        "Bà {FAMF} (sinh năm {YEAR}) đến nộp đơn xin trợ cấp.",
    ],
    "famous_b": [
        "Chú {FAMM} ở xóm {VILLAGE} nhờ làm lại sổ hộ nghèo, số điện thoại {PHONE}.",
        "Hồ sơ của cháu {FAM}, sinh ngày {DATE}, còn thiếu giấy chứng sinh.",
    ],
    "famous_c": [
        "Gọi cho anh {FAMM} theo số {PHONE} để hẹn ngày đo đất.",
        "Cô {FAMF}, CCCD {CCCD}, đăng ký tạm trú tại số {NUM} đường {STREET}.",
    ],
    "famous_d": [
        "Người nộp: {FAM}, địa chỉ: tổ {NUM}, sđt {PHONE}",
        "Ông {FAMM} năm nay 78 tuổi, sống một mình ở thôn {VILLAGE}.",
    ],
    "famous_e": [
        "Chị {FAMF} ở ấp {VILLAGE} hỏi về thủ tục đổi tên cho con, SĐT {PHONE}.",
        "Em {FAM}, học sinh lớp 9, cần xác nhận hộ khẩu để thi vào lớp 10.",
    ],
    # Names of ethnic minorities.
    "ethnic_a": [
        "Già làng {ETHM} đề nghị hỗ trợ giống cà phê cho buôn.",
        "Chị {ETHF} xin cấp thẻ bảo hiểm y tế cho con.",
    ],
    "ethnic_b": [
        "Trưởng bản {ETHM} báo cáo có hai hộ bị sạt lở đất.",
        "Hồ sơ của {ETH} còn thiếu giấy xác nhận dân tộc.",
    ],
    "ethnic_c": [
        "Anh {ETHM} ở buôn Ea Tu muốn chuyển đổi mục đích sử dụng đất.",
        "Cán bộ đã đến nhà bà {ETHF} phát gạo cứu đói.",
    ],
    "ethnic_d": [
        "Học sinh {ETH} được nhận học bổng vượt khó năm nay.",
        "Ông {ETHM} ở bản trên đã đồng ý hiến đất làm đường.",
    ],
    "ethnic_e": [
        "Danh sách nhận bò giống: {ETH}, {ETH}.",
        "Cháu {ETH} chưa được đăng ký khai sinh, gia đình nhờ cán bộ hộ tịch giúp.",
    ],
    # Initials in the middle of a name.
    "initials_a": ["Hồ sơ của {INI} đã được duyệt.", "Người ký: {INI}"],
    "initials_b": ["Anh {INI} sẽ trực bộ phận một cửa sáng thứ Bảy.", "Báo cáo do {INI} tổng hợp."],
    "initials_c": ["Kính gửi bà {INI}, trưởng thôn {VILLAGE}.", "Đề nghị {INI} kiểm tra lại số liệu."],
    "initials_d": ["Người lập biểu: {INI}", "Chị {INI} đã chuyển tiền hỗ trợ cho các hộ."],
    "initials_e": ["Xác nhận của tổ trưởng {INI}.", "Nhờ {INI} in giúp 20 bản tờ khai."],
    # A given name alone after a cue word.
    "given_a": ["chị {GF} ơi, hồ sơ của em xong chưa ạ", "Anh {GM} bên địa chính hẹn chiều nay xuống đo."],
    "given_b": ["Em nhờ cô {GF} ký giúp giấy xác nhận.", "Chú {GM} ở tổ 3 vừa gọi điện lên xã."],
    "given_c": ["Bác {GM} hỏi tiền điện tháng này sao cao thế.", "Nhắn chị {GF} là mai họp lúc 8 giờ nhé."],
    "given_d": ["Hôm nay anh {GM} nghỉ phép, em trực thay.", "Cô {GF} ơi, giấy mời đã in xong rồi ạ."],
    "given_e": ["Bà {GF} đến nhận tiền trợ cấp lúc 9 giờ.", "Em gửi anh {GM} bản scan tờ khai nhé."],
    # Hard negatives: titles and roles.
    "negtitle_a": [
        "Chủ tịch UBND xã chủ trì buổi tiếp công dân định kỳ.",
        "Phó Chủ tịch HĐND huyện đã ký công văn trả lời cử tri.",
        "Đề nghị Trưởng Công an xã báo cáo tình hình an ninh trật tự.",
    ],
    "negtitle_b": [
        "Bí thư Đảng ủy xã làm việc với các trưởng thôn.",
        "Công chức Văn hóa - Xã hội phụ trách việc bình xét hộ nghèo.",
        "Giám đốc Trung tâm Phục vụ hành chính công tỉnh kiểm tra đột xuất.",
    ],
    "negtitle_c": [
        "Chánh Văn phòng HĐND và UBND huyện thông báo lịch họp.",
        "Trưởng phòng Nội vụ đề nghị các xã gửi báo cáo biên chế.",
        "Phó Trưởng ban Dân vận Huyện ủy dự buổi đối thoại.",
    ],
    "negtitle_d": [
        "Kế toán trưởng và Thủ quỹ ký vào phiếu chi.",
        "Trưởng ban Công tác Mặt trận thôn sẽ đi phát giấy mời.",
        "Phó Giám đốc Sở Nội vụ phát biểu khai mạc hội nghị.",
    ],
    "negtitle_e": [
        "Chủ tịch Hội Nông dân xã vận động bà con chuyển đổi cây trồng.",
        "Trưởng thôn và Bí thư chi bộ cùng kiểm tra hiện trường.",
        "Văn phòng Thường trực Hội đồng thi đua khen thưởng nhận hồ sơ đề nghị.",
    ],
    # Hard negatives: places, streets, schools named after people.
    "negplace_a": [
        "Hộ gia đình ở số {NUM} đường {STREET}, phường {WARD} cần cập nhật thông tin.",
        "Trường THCS {SCHOOL} tổ chức ngày hội đọc sách.",
        "Chợ {MARKET} sẽ đóng cửa để sửa chữa từ ngày {DATE}.",
    ],
    "negplace_b": [
        "Tuyến đường {STREET} nối dài đã được nghiệm thu.",
        "Bệnh viện {HOSP} tiếp nhận khám bảo hiểm y tế cho người dân xã {COMMUNE}.",
        "Đoàn kiểm tra đi qua cầu {BRIDGE} rồi rẽ vào phố {STREET}.",
    ],
    "negplace_c": [
        "Trường Tiểu học {SCHOOL} và trường Mầm non {COMMUNE} đạt chuẩn quốc gia.",
        "Xã {COMMUNE}, huyện {DISTRICT}, tỉnh {PROVINCE} vừa sáp nhập.",
        "Công viên {PARK} mở cửa miễn phí dịp lễ.",
    ],
    "negplace_d": [
        "Trụ sở mới đặt tại góc ngã tư {STREET} – {STREET}.",
        "Phường {WARD} tổ chức đối thoại với người dân.",
        "Học sinh trường THPT {SCHOOL} được nghỉ học do bão.",
    ],
    "negplace_e": [
        "Nhà văn hóa thôn {VILLAGE} nằm cạnh đường {STREET}.",
        "Khu đô thị mới phía nam huyện {DISTRICT} giáp đại lộ {STREET}.",
        "Giải thưởng {PRIZE} năm nay trao cho 12 công trình.",
    ],
    # Hard negatives: agencies, laws, procedures.
    "negagency_a": [
        "Ban Cơ yếu Chính phủ ban hành hướng dẫn về mật mã dân sự.",
        "Sở Tư pháp tỉnh {PROVINCE} tập huấn nghiệp vụ hộ tịch cho công chức xã.",
        "Theo Nghị định {DECREE}, thời hạn giải quyết là 05 ngày làm việc.",
    ],
    "negagency_b": [
        "Thủ tục đăng ký khai sinh kết hợp cấp thẻ bảo hiểm y tế được thực hiện liên thông.",
        "Bộ Công an hướng dẫn tích hợp giấy phép lái xe vào VNeID.",
        "Luật Đất đai 2024 quy định mới về bồi thường khi Nhà nước thu hồi đất.",
    ],
    "negagency_c": [
        "Văn phòng Đăng ký đất đai chi nhánh huyện {DISTRICT} trả kết quả.",
        "Kho bạc Nhà nước và Chi cục Thuế phối hợp thu phí trước bạ.",
        "Thông tư {CIRC} hướng dẫn mẫu sổ hộ tịch.",
    ],
    "negagency_d": [
        "Hội Liên hiệp Phụ nữ xã phối hợp với Đoàn Thanh niên tổ chức tọa đàm.",
        "Cổng Dịch vụ công quốc gia cho phép nộp hồ sơ trực tuyến toàn trình.",
        "Quyết định {DECISION} của Chủ tịch UBND tỉnh công bố danh mục thủ tục hành chính.",
    ],
    "negagency_e": [
        "Trung tâm Y tế huyện {DISTRICT} triển khai tiêm vắc xin sởi.",
        "Ủy ban Mặt trận Tổ quốc Việt Nam xã giám sát việc bình xét hộ nghèo.",
        "Thủ tục chứng thực chữ ký trong giấy ủy quyền không thu phí đối với người có công.",
    ],
    # Hard negatives: public figures as history.
    "neghistory_a": [
        "Năm 1789, vua Quang Trung đại phá quân Thanh ở Ngọc Hồi – Đống Đa.",
        "Chủ tịch Hồ Chí Minh đọc Tuyên ngôn Độc lập ngày 2/9/1945.",
        "Trần Hưng Đạo ba lần đánh thắng quân Nguyên – Mông.",
        "Lễ kỷ niệm ngày sinh {HIST} được tổ chức trang trọng.",
    ],
    "neghistory_b": [
        "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Nguyễn Trãi viết Bình Ngô đại cáo sau khi khởi nghĩa Lam Sơn thắng lợi.",
        "Đại tướng Võ Nguyên Giáp chỉ huy chiến dịch Điện Biên Phủ.",
        "Sách giáo khoa lịch sử lớp 7 có bài về {HIST}.",
    ],
    "neghistory_c": [
        "Anh hùng Lê Văn Tám là tấm gương được nhắc đến trong sách giáo khoa.",
        "Nhà thơ Nguyễn Du là tác giả Truyện Kiều.",
        "Lý Thường Kiệt được cho là tác giả bài thơ Nam quốc sơn hà.",
        "Cuộc đời và sự nghiệp của {HIST} được giới thiệu tại bảo tàng tỉnh.",
    ],
    "neghistory_d": [
        "Bà Triệu khởi nghĩa chống quân Ngô năm 248.",
        "Tượng đài {HIST} được dựng ở trung tâm thành phố.",
        "Ngô Quyền đánh tan quân Nam Hán trên sông Bạch Đằng năm 938.",
    ],
    "neghistory_e": [
        "Phan Bội Châu khởi xướng phong trào Đông Du đầu thế kỷ XX.",
        "Đền thờ {HIST} là di tích lịch sử cấp quốc gia.",
        "Thủ tướng Phạm Văn Đồng giữ cương vị người đứng đầu Chính phủ hơn 30 năm.",
    ],
    # Hard negatives: capitalised sentence starts, headings, words spelt like family names.
    "negsentence_a": [
        "Ngày mai bộ phận một cửa làm việc đến 17 giờ.",
        "Thủ tục này không mất phí.",
        "Hồ sơ gồm tờ khai và bản sao giấy khai sinh.",
        "Văn bản đã được gửi qua hệ thống quản lý văn bản.",
    ],
    "negsentence_b": [
        "Mai tôi lên xã nộp tiếp nhé.",
        "Lương cơ sở được điều chỉnh từ ngày 1/7.",
        "Đào tạo cán bộ là nhiệm vụ trọng tâm năm nay.",
        "HỒ SƠ ĐỀ NGHỊ CẤP GIẤY PHÉP XÂY DỰNG",
    ],
    "negsentence_c": [
        "Cao điểm tiếp nhận hồ sơ rơi vào đầu tuần.",
        "Từ ngày {DATE}, người dân có thể nộp hồ sơ trực tuyến.",
        "Đồng thời, xã đề nghị các thôn rà soát lại danh sách.",
        "Hướng Dẫn Thủ Tục Đăng Ký Thường Trú",
    ],
    "negsentence_d": [
        "Lý do chưa giải quyết: thiếu giấy tờ chứng minh chỗ ở hợp pháp.",
        "Trình tự thực hiện gồm ba bước.",
        "Quan trọng: mang theo bản gốc để đối chiếu.",
        "Phí Và Lệ Phí: Không",
    ],
    "negsentence_e": [
        "Kim ngạch xuất khẩu của huyện tăng 12%.",
        "Đồng ý với đề xuất của tổ công tác.",
        "Tăng Cường Công Tác Phòng Cháy Chữa Cháy Mùa Khô",
        "Hà Nội và Hải Phòng là hai thành phố trực thuộc trung ương.",
    ],
    # Residents next to streets, schools and history in the same sentence.
    "mixed_a": [
        "Anh {M} ở số {NUM} đường {STREET} xin cấp giấy phép sửa nhà.",
        "Chị {F}, giáo viên trường THCS {SCHOOL}, hỏi về chế độ thai sản.",
    ],
    "mixed_b": [
        "Bà {F} bán hàng ở chợ {MARKET}, phường {WARD}, đề nghị miễn phí vệ sinh.",
        "{N} (phường {WARD}) nhận quà của Hội Chữ thập đỏ.",
    ],
    "mixed_c": [
        "Ông {M} từng là giáo viên dạy sử, hay kể về {HIST} cho học sinh.",
        "Con ông {M} học ở trường {SCHOOL}, nhà gần cầu {BRIDGE}.",
    ],
    "mixed_d": [
        "Hộ bà {F} ở đường {STREET} thuộc diện giải tỏa.",
        "Đề nghị anh {M} đến Sở Tư pháp tỉnh {PROVINCE} để nhận phiếu lý lịch tư pháp.",
    ],
    "mixed_e": [
        "Tổ trưởng {N} dẫn đoàn đi từ phố {STREET} sang đường {STREET}.",
        "Chị {F} đang điều trị tại bệnh viện {HOSP}, nhà ở phường {WARD}.",
    ],
}

# --- Carriers: rewrite a sentence without changing its length ------------------------------------


def strip_marks_same_length(text: str) -> str:
    """Remove diacritics character by character, so every offset stays where it was."""
    out = []
    for char in text:
        base = unicodedata.normalize("NFD", char.replace("đ", "d").replace("Đ", "D"))[0]
        out.append(base)
    return "".join(out)


def _title_case(text: str) -> str:
    return re.sub(r"\w+", lambda m: m.group(0)[0].upper() + m.group(0)[1:], text)


CARRIERS: dict[str, Callable[[str], str]] = {
    "plain": lambda t: t,
    "unaccented": strip_marks_same_length,
    "lower": str.lower,
    "lower_unaccented": lambda t: strip_marks_same_length(t).lower(),
    "upper": str.upper,
    "title": _title_case,
}
# (carrier, weight) per kind of family: lower-case minority names and given names alone are left
# out (nothing tells them from words), title case only for sentences without people.
_DEFAULT_CARRIERS = [("plain", 55), ("unaccented", 15), ("lower", 12), ("lower_unaccented", 10), ("upper", 8)]
_KIND_CARRIERS = {
    "given": [("plain", 80), ("unaccented", 20)],
    "ethnic": [("plain", 75), ("unaccented", 15), ("upper", 10)],
    "initials": [("plain", 75), ("unaccented", 15), ("upper", 10)],
    "english": [("plain", 80), ("lower", 20)],
}
_NEGATIVE_CARRIERS = [*_DEFAULT_CARRIERS, ("title", 10)]


def carriers_for(kind: str) -> list[tuple[str, int]]:
    if kind.startswith("neg"):
        return _NEGATIVE_CARRIERS
    return _KIND_CARRIERS.get(kind, _DEFAULT_CARRIERS)


# --- Filling templates -------------------------------------------------------------------------
_SLOT = re.compile(r"\{(\w+)(?:\|(\w+))?\}")


def fill(template: str, rng: random.Random, unaccented_names: bool = False) -> tuple[str, list[list[int]]]:
    """The template with its slots filled, and the spans of the person-name slots."""
    out: list[str] = []
    spans: list[list[int]] = []
    position = 0
    length = 0
    for match in _SLOT.finditer(template):
        literal = template[position : match.start()]
        out.append(literal)
        length += len(literal)
        slot, modifier = match.group(1), match.group(2)
        if slot in PERSON_SLOTS:
            value = PERSON_SLOTS[slot](rng)
            if unaccented_names:
                value = strip_marks_same_length(value)
            spans.append([length, length + len(value)])
        else:
            value = OTHER_SLOTS[slot](rng)
        if modifier == "upper":
            value = value.upper()
        out.append(value)
        length += len(value)
        position = match.end()
    out.append(template[position:])
    return "".join(out), spans


def family_rng(family: str) -> random.Random:
    """A generator seeded by the family's name only (not Python's salted ``hash``)."""
    return random.Random(int.from_bytes(hashlib.sha256(f"names_vi:{family}".encode()).digest()[:8], "big"))


def kind_of(family: str) -> str:
    return family.rsplit("_", 1)[0]


def split_of(family: str) -> str:
    return "test" if family == "handwritten" else SPLIT_OF_LETTER[family.rsplit("_", 1)[1]]


def family_rows(family: str, count: int = PER_FAMILY) -> list[dict]:
    rng = family_rng(family)
    kind = kind_of(family)
    templates = FAMILIES[family]
    carriers = carriers_for(kind)
    rows = []
    for index in range(count):
        template = templates[index % len(templates)]
        carrier = _pick(rng, carriers)
        # English-mixed text mostly carries names typed without diacritics.
        unaccented_names = carrier == "plain" and rng.random() < (0.7 if kind == "english" else 0.1)
        text, spans = fill(template, rng, unaccented_names)
        rewritten = CARRIERS[carrier](text)
        assert len(rewritten) == len(text), (family, carrier, text)
        note = carrier + ("+unaccented_names" if unaccented_names else "")
        rows.append({"id": f"{family}-{index:03d}", "text": rewritten, "spans": spans, "family": family, "note": note})
    return rows


_MARK = re.compile(r"\[\[(.+?)\]\]")


def parse_marked(line: str) -> tuple[str, list[list[int]]]:
    """``"anh [[Lê An]] đến"`` → ``("anh Lê An đến", [[4, 9]])``."""
    out: list[str] = []
    spans: list[list[int]] = []
    position = length = 0
    for match in _MARK.finditer(line):
        out.append(line[position : match.start()])
        length += match.start() - position
        name = match.group(1)
        spans.append([length, length + len(name)])
        out.append(name)
        length += len(name)
        position = match.end()
    out.append(line[position:])
    return "".join(out), spans


def handwritten_rows(path: Path = DATASET_DIR / "handwritten.txt") -> list[dict]:
    rows = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        line, _, note = raw.partition(" ## ")
        text, spans = parse_marked(line.strip().replace("\\n", "\n"))
        rows.append(
            {"id": f"handwritten-{len(rows) + 1:03d}", "text": text, "spans": spans, "family": "handwritten", "note": note}
        )
    return rows


def generate(split: str) -> list[dict]:
    """Every row of ``split``, in a fixed order."""
    count = PER_FAMILY_TRAIN if split == "train" else PER_FAMILY
    rows = [row for family in FAMILIES if split_of(family) == split for row in family_rows(family, count)]
    if split == "test":
        rows.extend(handwritten_rows())
    return rows


def dumps(rows: list[dict]) -> str:
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def load(path: Path | str) -> list[dict]:
    return [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=DATASET_DIR)
    parser.add_argument("--write-test", action="store_true", help="write the test split and FROZEN (refuses to overwrite)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        (args.out / f"{split}.jsonl").write_text(dumps(generate(split)), encoding="utf-8")
    if args.write_test:
        test = args.out / "test.jsonl"
        if test.exists():
            raise SystemExit(f"{test} is frozen; delete it and FROZEN by hand to regenerate")
        test.write_text(dumps(generate("test")), encoding="utf-8")
        (args.out / "FROZEN").write_text(f"{sha256_of(test)}  test.jsonl\n", encoding="utf-8")
    for split in SPLITS:
        path = args.out / f"{split}.jsonl"
        if path.exists():
            rows = load(path)
            print(f"{split}: {len(rows)} sentences, {sum(len(r['spans']) for r in rows)} names, "
                  f"{len({r['family'] for r in rows})} families")  # fmt: skip


if __name__ == "__main__":
    main()

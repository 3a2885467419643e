"""Invented communes, villages and home addresses after the 2025 two-level reform (province → commune/ward)."""

from __future__ import annotations

import random

PROVINCES = [
    "Hà Nội",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Lào Cai",
    "Tuyên Quang",
    "Thái Nguyên",
    "Phú Thọ",
    "Bắc Ninh",
    "Hưng Yên",
    "Ninh Bình",
    "Quảng Ninh",
    "Thanh Hóa",
    "Nghệ An",
    "Hà Tĩnh",
    "Quảng Trị",
    "Quảng Ngãi",
    "Gia Lai",
    "Đắk Lắk",
    "Khánh Hòa",
    "Lâm Đồng",
    "Đồng Nai",
    "Tây Ninh",
    "Đồng Tháp",
    "Vĩnh Long",
    "An Giang",
    "Cà Mau",
    "Lai Châu",
    "Điện Biên",
    "Sơn La",
    "Lạng Sơn",
    "Cao Bằng",
]
CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế"}
_SYLLABLES = [
    "Tân",
    "Hòa",
    "Phú",
    "An",
    "Bình",
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Yên",
    "Vĩnh",
    "Thạnh",
    "Hưng",
    "Long",
    "Phước",
    "Thuận",
    "Quảng",
    "Xuân",
    "Hương",
    "Sơn",
    "Thanh",
    "Minh",
    "Đức",
    "Hợp",
    "Lạc",
    "Mỹ",
    "Thịnh",
    "Lộc",
    "Trung",
    "Hải",
    "Kim",
    "Ngọc",
    "Tiên",
    "Phong",
    "Cát",
    "Hà",
    "Châu",
    "Khánh",
    "Tường",
    "Lâm",
]
_VILLAGE_WORDS = ["Đông", "Tây", "Trung", "Thượng", "Hạ", "Nam", "Bắc", "Đoài", "Chợ", "Giữa", "Cầu", "Mới", "Đình"]
_BAN = ["Nà Hẩu", "Pác Ngòi", "Khuổi Luông", "Nậm Cang", "Phiêng Lằn", "Co Mạ", "Huổi Só", "Tả Van"]
_BUON = ["Ea Kmar", "Kô Siêr", "Buôn Trấp", "Plei Ring", "Ea Sar", "Kon Hring"]
# Street names borrowed from the historical-figure list on purpose: an address on "đường Lê Lợi" is still
# a home address, and the same string is a hard negative when it names a school.
STREETS = [
    "Lê Lợi",
    "Trần Hưng Đạo",
    "Nguyễn Trãi",
    "Hoàng Văn Thụ",
    "Lý Thường Kiệt",
    "Quang Trung",
    "Hai Bà Trưng",
    "Bà Triệu",
    "Phan Bội Châu",
    "Nguyễn Du",
    "Lê Duẩn",
    "Điện Biên Phủ",
    "Hùng Vương",
    "Lạc Long Quân",
    "Nguyễn Văn Cừ",
    "Trần Phú",
    "Ngô Quyền",
    "Lê Văn Tám",
    "Võ Thị Sáu",
    "Chu Văn An",
    "Tô Hiến Thành",
    "Nguyễn Thị Minh Khai",
    "Lý Tự Trọng",
    "Phan Đình Phùng",
    "Kim Đồng",
    "Lê Hồng Phong",
    "Nguyễn Văn Trỗi",
]


def place_name(rng: random.Random) -> str:
    """Two Sino-Vietnamese syllables, the usual shape of commune names."""
    first = rng.choice(_SYLLABLES)
    return f"{first} {rng.choice([s for s in _SYLLABLES if s != first])}"


def province(rng: random.Random) -> str:
    return rng.choice(PROVINCES)


def commune(rng: random.Random, urban: bool | None = None) -> str:
    """'xã Tân Phú' or 'phường Hòa An'."""
    if urban is None:
        urban = rng.random() < 0.3
    return f"{'phường' if urban else 'xã'} {place_name(rng)}"


def village(rng: random.Random, prov: str | None = None) -> str:
    """A settlement below the commune: thôn, xóm, ấp, bản, buôn, tổ dân phố, khóm."""
    kind = rng.random()
    if prov in {"Lào Cai", "Lai Châu", "Điện Biên", "Sơn La", "Cao Bằng", "Lạng Sơn", "Tuyên Quang"} or kind < 0.08:
        return f"bản {rng.choice(_BAN)}"
    if prov in {"Đắk Lắk", "Gia Lai", "Lâm Đồng"} and kind < 0.5:
        return f"buôn {rng.choice(_BUON)}"
    if prov in {"An Giang", "Cà Mau", "Đồng Tháp", "Vĩnh Long", "Cần Thơ", "Tây Ninh", "Đồng Nai"} or kind > 0.9:
        return rng.choice([f"ấp {rng.randint(1, 9)}", f"ấp {place_name(rng)}", f"khóm {rng.randint(1, 7)}"])
    return rng.choice(
        [
            f"thôn {rng.choice(_VILLAGE_WORDS)}",
            f"thôn {place_name(rng)}",
            f"xóm {rng.randint(1, 12)}",
            f"thôn {rng.randint(1, 9)}",
            f"tổ dân phố {rng.randint(1, 15)}",
            f"xóm {rng.choice(_VILLAGE_WORDS)}",
        ]
    )


def house(rng: random.Random, south: bool = False, central: bool = False) -> str:
    """Number, lane, alley: 'số 12 ngõ 45 ngách 6', 'hẻm 123/4', 'kiệt 45'."""
    n = rng.randint(1, 250)
    if south and rng.random() < 0.6:
        return rng.choice([f"số {n}/{rng.randint(1, 30)} hẻm {rng.randint(2, 400)}", f"{n}/{rng.randint(1, 60)}"])
    if central and rng.random() < 0.5:
        return f"kiệt {rng.randint(2, 200)}, số {n}"
    return rng.choice(
        [
            f"số {n}",
            f"số {n} ngõ {rng.randint(2, 300)}",
            f"số {n}, ngõ {rng.randint(2, 300)}, ngách {rng.randint(1, 60)}",
            f"nhà số {n}",
            f"số {n}/{rng.randint(2, 40)}",
        ]
    )


def home_address(rng: random.Random) -> str:
    """A full home address: house or village, commune or ward, province."""
    prov = province(rng)
    south = prov in {"An Giang", "Cà Mau", "Đồng Tháp", "Vĩnh Long", "Cần Thơ", "Tây Ninh", "Đồng Nai"}
    central = prov in {"Huế", "Đà Nẵng", "Quảng Trị", "Quảng Ngãi"}
    prov_text = f"{'TP. ' if prov in CITIES and rng.random() < 0.5 else 'tỉnh ' if prov not in CITIES else ''}{prov}"
    if prov in CITIES or rng.random() < 0.3:
        street = rng.choice(STREETS)
        return f"{house(rng, south, central)} đường {street}, {commune(rng, urban=True)}, {prov_text}"
    return f"{village(rng, prov)}, {commune(rng, urban=False)}, {prov_text}"


def short_address(rng: random.Random) -> str:
    """House-level address with no commune, used after 'nhà'/'hộ': 'số 12 ngõ 5 thôn Đông'."""
    return rng.choice(
        [
            f"số {rng.randint(1, 90)} ngõ {rng.randint(1, 20)} {village(rng)}",
            f"số {rng.randint(1, 150)} {village(rng)}",
            f"cuối ngõ {rng.randint(2, 30)} {village(rng)}",
            f"số {rng.randint(1, 60)} hẻm {rng.randint(2, 200)} {village(rng)}",
            f"sát cổng chợ {village(rng)}",
            f"số {rng.randint(1, 99)} tổ {rng.randint(1, 12)}, {village(rng)}",
        ]
    )

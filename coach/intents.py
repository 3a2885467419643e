"""What a question asks for, read from its words (typed with or without diacritics)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge_base.text_normalize import fold_diacritics


@dataclass(frozen=True)
class Intent:
    name: str
    cues: re.Pattern[str]
    sections: tuple[str, ...]  # procedure sections that answer it, best first
    evidence: re.Pattern[str]  # words a good answer sentence tends to contain


def _words(*alternatives: str) -> re.Pattern[str]:
    return re.compile(r"(?<![a-z])(" + "|".join(alternatives) + r")(?![a-z])")


INTENTS = (
    Intent(
        "time",
        _words(
            "bao lau",
            "may ngay",
            "bao nhieu ngay",
            "thoi han",
            "mat bao lau",
            "trong bao lau",
            "khi nao co",
            "bao gio co",
            "han chot",
            "may gio",
            "thoi gian nao",
            "khi nao",
            "ngay nao",
            "luc nao",
        ),
        ("Thời hạn giải quyết", "Lưu ý thường gặp"),
        _words(r"\d+ ngay", "ngay lam viec", "trong ngay", "gio", "thoi han", "ngay", "thang"),
    ),
    Intent(
        "fee",
        _words(
            "bao nhieu tien", "le phi", "phi", "mat tien", "ton tien", "mien phi", "chi phi", "het bao nhieu", "mat phi", "tien"
        ),
        ("Lệ phí",),
        _words("dong", "mien", "le phi", "phi", "khong thu"),
    ),
    Intent(
        "dossier",
        _words(
            "giay to",
            "ho so",
            "can gi",
            "can nhung gi",
            "mang gi",
            "mang theo",
            "thanh phan",
            "can mang",
            "chuan bi gi",
            "can giay gi",
            "mang giay gi",
            "nop giay gi",
        ),
        ("Hồ sơ",),
        _words("ban chinh", "ban sao", "to khai", "giay", "xuat trinh", "nop"),
    ),
    Intent(
        "result",
        _words(
            "nhan duoc gi",
            "nhan duoc giay gi",
            "nhan duoc nhung giay to gi",
            "nhan duoc nhung gi",
            "duoc cap gi",
            "duoc cap giay gi",
            "cap giay gi",
            "ket qua la gi",
            "ket qua gi",
            "nhan giay gi",
            "tra ket qua la gi",
        ),
        ("Trình tự", "Lưu ý thường gặp"),
        _words("cap", "ket qua", "trich luc", "giay chung nhan", "giay xac nhan", "quyet dinh", "tra"),
    ),
    Intent(
        "where",
        _words("o dau", "noi nao", "co quan nao", "ai giai quyet", "ai cap", "tham quyen", "nop o", "lam o", "den dau"),
        ("Cơ quan thực hiện", "Trình tự"),
        _words("ubnd", "uy ban", "cong an", "mot cua", "trung tam", "co quan"),
    ),
    Intent(
        "online",
        _words("online", "truc tuyen", "qua mang", "tren mang", "vneid", "cong dich vu", "dich vu cong", "toan trinh", "qua app"),
        ("Nộp trực tuyến",),
        _words("truc tuyen", "vneid", "cong dich vu cong", "toan trinh", "mot phan"),
    ),
    Intent(
        "who",
        _words("ai duoc", "doi tuong", "dieu kien", "ai phai", "ai co the", "truong hop nao"),
        ("Đối tượng", "Lưu ý thường gặp"),
        _words("nguoi", "cong dan", "truong hop", "dieu kien"),
    ),
    Intent(
        "steps",
        _words("thu tuc", "trinh tu", "cac buoc", "lam the nao", "lam sao", "quy trinh", "cach lam", "lam gi"),
        ("Trình tự",),
        _words("buoc", "nop", "tiep nhan", "kiem tra", "tra ket qua"),
    ),
    Intent(
        "legal",
        _words("can cu", "luat nao", "nghi dinh nao", "van ban nao", "quy dinh o dau", "theo luat"),
        ("Căn cứ pháp lý",),
        _words("luat", "nghi dinh", "thong tu", r"\d+/\d{4}"),
    ),
)


def detect_intents(question: str) -> list[Intent]:
    """The intents a question expresses, most specific first (``steps`` is the fallback kind)."""
    folded = fold_diacritics(question.lower())
    found = [intent for intent in INTENTS if intent.cues.search(folded)]
    specific = [i for i in found if i.name != "steps"]
    return specific or found

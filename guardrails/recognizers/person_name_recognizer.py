"""Vietnamese personal names: a family name followed by capitalised syllables, or a cue word
(ông, bà, anh, chị, cháu, họ tên, tên là…) followed by a capitalised name. Upper-case names and
initials ("Phạm Q. Huy") count. Street, place and agency names built from a person's name
("đường Lê Lợi", "xã Phan Đình Phùng") and public roles do not.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.normalizer import strip_marks
from guardrails.recognizers.base import folded, make_result

_SURNAMES = [
    line.strip()
    for line in (Path(__file__).resolve().parents[1] / "data" / "surnames.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
_VOWELS = "AĂÂEÊIOÔƠUƯY"
_TONED = "".join(unicodedata.normalize("NFC", v + t) for v in _VOWELS for t in ("\u0300", "\u0301", "\u0309", "\u0303", "\u0323"))
_UPPER = "A-ZĐ" + "ĂÂÊÔƠƯ" + _TONED
_LOWER = _UPPER.lower()
# A capitalised syllable, an all-caps syllable, or an initial such as "Q.".
_TITLE = rf"[{_UPPER}][{_LOWER}]+"
_CAPS = rf"[{_UPPER}]{{2,}}"
_INITIAL = rf"[{_UPPER}]\."
# Family names also typed without diacritics: "Nguyen Thi Hong Nhung".
_SURNAME_FORMS = {*_SURNAMES, *(strip_marks(s) for s in _SURNAMES)}
_SURNAME = "|".join(sorted((re.escape(s) for s in _SURNAME_FORMS), key=len, reverse=True))
# Title-case names continue in title case, upper-case names in upper case.
_FULL_NAME = re.compile(
    rf"(?<![\w])(?:(?:{_SURNAME})(?:[ \t]+(?:{_TITLE}|{_INITIAL})){{1,3}}|(?:{_SURNAME.upper()})(?:[ \t]+{_CAPS}){{1,3}})(?![\w])"
)
# Ê Đê, Gia Rai… names: H'Luyến Byă, Y Moan Niê, Ksor H'Bia.
_HIGHLAND_NAME = re.compile(
    rf"(?<![\w])(?:H'|Y |Ksor |Nay |Siu |Rơ |Rahlan )[{_UPPER}]?[{_LOWER}]+(?:[ \t]+{_TITLE}){{0,2}}(?![\w])"
)
_SYLLABLE = rf"(?:{_TITLE}|{_CAPS}|{_INITIAL})"
_DATA = Path(__file__).resolve().parents[1] / "data"
# Places and public figures whose names look like a person's: never personal data here.
_PUBLIC_NAMES = {
    line.strip().lower()
    for line in (_DATA / "public_names.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
}
_CUES = (
    "ông", "bà", "anh", "chị", "em", "cháu", "cô", "chú", "bác", "cụ", "thím", "mợ", "dì", "bé", "con",
    "họ tên:", "họ và tên:", "họ tên", "họ và tên", "tên là", "tên:", "tên", "người bệnh", "bệnh nhân", "đồng chí", "đ/c",
)  # fmt: skip
_CUE_NAME = re.compile(
    rf"(?i:(?<![\w])(?:{'|'.join(re.escape(c) for c in sorted(_CUES, key=len, reverse=True))}))[ \t]+({_SYLLABLE}(?:[ \t]+{_SYLLABLE}){{0,3}})(?![\w])"
)
# Words before a capitalised name that make it a place, street, agency or title, not a person.
_NOT_A_PERSON_BEFORE = (
    "duong", "pho", "phuong", "xa", "thon", "xom", "ap", "ban", "huyen", "quan", "tinh", "thanh pho", "tp", "truong",
    "cau", "cho", "benh vien", "cong ty", "ngo", "hem", "khu", "so", "thi tran", "dai lo", "quang truong",
    "ubnd", "uy ban", "bo", "cuc", "chi cuc", "ngan hang", "tac pham", "giai", "chu tich ho chi minh", "lang",
    "dai tuong", "chu tich", "bac",
)  # fmt: skip
# Capitalised words that follow a cue but are not names.
_NOT_NAMES = {"ubnd", "uỷ", "ủy", "bộ", "sở", "phòng", "xã", "phường", "công", "trung", "ban", "cổng", "nhà", "ngân", "tôi", "em"}


# Example names in forms and training material: "Nguyễn Văn A", "bà B", "ông X".
_PLACEHOLDER = re.compile(r"(?:^|\s)[A-DXYZ]$")
_PLACEHOLDER_AFTER = re.compile(r"\s[A-DXYZ](?![\w.])")


class PersonNameRecognizer(EntityRecognizer):
    """Finds personal names on the normalised text (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], supported_language="vi", name="PersonNameRecognizer")

    def load(self) -> None:  # nothing to load: the lexicon is read at import
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        spans: dict[tuple[int, int], float] = {}
        for match in [*_FULL_NAME.finditer(text), *_HIGHLAND_NAME.finditer(text)]:
            name = match.group(0)
            if self._looks_like_place(text, match.start()) or self._public(name) or _PLACEHOLDER.search(name):
                continue
            if _PLACEHOLDER_AFTER.match(text, match.end()):
                continue
            spans[match.span()] = 0.75
        for match in _CUE_NAME.finditer(text):
            name = match.group(1)
            if name.split()[0].lower() in _NOT_NAMES or self._looks_like_place(text, match.start(1)) or self._public(name):
                continue
            if _PLACEHOLDER.search(name) or len(name) == 1:
                continue
            span = match.span(1)
            spans[span] = max(spans.get(span, 0.0), 0.85 if " " in name else 0.65)
        return [make_result(self, "PERSON", start, end, score) for (start, end), score in spans.items()]

    @staticmethod
    def _public(name: str) -> bool:
        words = name.lower().split()
        # "Hà Nội", "Hồ Chí Minh", "Phó Chủ tịch": a known place, figure or title at the start.
        return any(" ".join(words[:n]) in _PUBLIC_NAMES for n in range(1, len(words) + 1))

    @staticmethod
    def _looks_like_place(text: str, start: int) -> bool:
        before = folded(text)[max(0, start - 24) : start].rstrip().split()
        tail = " ".join(before[-3:])
        return any(tail.endswith(word) for word in _NOT_A_PERSON_BEFORE)

"""Vietnamese personal names: a family name followed by capitalised syllables, or a cue word
(ông, bà, anh, chị, cháu, họ tên, tên là…) followed by a capitalised name. Upper-case names and
initials ("Phạm Q. Huy") count. Street, place and agency names built from a person's name
("đường Lê Lợi", "xã Phan Đình Phùng") and public roles do not.
"""

from __future__ import annotations

import re
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import folded

_SURNAMES = [
    line.strip()
    for line in (Path(__file__).resolve().parents[1] / "data" / "surnames.txt").read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
_UPPER = "A-ZĐÀ-ỸÂĂÊÔƠƯ"
# A capitalised syllable (Title case or all caps) or an initial such as "Q.".
_SYLLABLE = rf"(?:[{_UPPER}][a-zđà-ỹ]+|[{_UPPER}]{{2,}}|[{_UPPER}]\.)"
_SURNAME = "|".join(sorted((re.escape(s) for s in _SURNAMES), key=len, reverse=True))
_FULL_NAME = re.compile(rf"(?<![\w])(?:{_SURNAME}|{_SURNAME.upper()})(?:[ \t]+{_SYLLABLE}){{1,3}}(?![\w])")
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


class PersonNameRecognizer(EntityRecognizer):
    """Finds personal names on the normalised text (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], supported_language="vi", name="PersonNameRecognizer")

    def load(self) -> None:  # nothing to load: the lexicon is read at import
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        spans: dict[tuple[int, int], float] = {}
        for match in _FULL_NAME.finditer(text):
            if not self._looks_like_place(text, match.start()):
                spans[match.span()] = 0.75
        for match in _CUE_NAME.finditer(text):
            name = match.group(1)
            if name.split()[0].lower() in _NOT_NAMES or self._looks_like_place(text, match.start(1)):
                continue
            span = match.span(1)
            spans[span] = max(spans.get(span, 0.0), 0.85 if " " in name else 0.65)
        return [
            RecognizerResult(
                "PERSON",
                start,
                end,
                score,
                recognition_metadata={
                    RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                    RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                    RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                },
            )
            for (start, end), score in spans.items()
        ]

    @staticmethod
    def _looks_like_place(text: str, start: int) -> bool:
        before = folded(text)[max(0, start - 24) : start].rstrip().split()
        tail = " ".join(before[-3:])
        return any(tail.endswith(word) for word in _NOT_A_PERSON_BEFORE)

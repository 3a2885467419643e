"""Home addresses: số nhà, ngõ, ngách, hẻm, kiệt, thôn, xóm, ấp, bản, tổ dân phố… next to a cue of
someone living there. An office address ("trụ sở UBND xã…") is not personal data; a bare place
name is not either. The guard raises an address when the message also identifies a person.

An address is read as a chain of parts, each a unit word and its name ("số 12", "ngõ 5", "thôn Đông",
"xã Tân Phú"), and ends where the chain ends: the question that follows it is not part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.normalizer import has_marks, strip_marks
from guardrails.recognizers.base import folded, make_result
from guardrails.recognizers.document_cues import mostly_upper
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer

# Unit words that begin a home address, folded → as written with diacritics. A folded form is
# ambiguous ("ban" is a board, "bản" a hamlet; "ngo" is also the family name Ngô), so in a message
# typed with diacritics the word must carry its own.
_HOUSE_UNITS = {
    "so nha": "số nhà", "nha so": "nhà số", "ngo": "ngõ", "ngach": "ngách", "hem": "hẻm", "kiet": "kiệt",
    "thon": "thôn", "xom": "xóm", "ap": "ấp", "ban": "bản", "to dan pho": "tổ dân phố", "tdp": "tdp",
    "khu pho": "khu phố", "kp": "kp", "khoi": "khối", "khom": "khóm", "chung cu": "chung cư", "can ho": "căn hộ",
}  # fmt: skip
# Unit words that need a number after them to be an address: "số 12", "tổ 7", "phòng 305".
_NUMBERED_UNITS = {"so": "số", "to": "tổ", "phong": "phòng", "lo": "lô"}
# Unit words that continue an address begun by one of the above.
_WIDER_UNITS = {
    "duong": "đường", "pho": "phố", "xa": "xã", "phuong": "phường", "thi tran": "thị trấn", "tt": "tt",
    "huyen": "huyện", "quan": "quận", "thi xa": "thị xã", "tinh": "tỉnh", "thanh pho": "thành phố", "tp": "tp",
    "khu": "khu", "dac khu": "đặc khu",
}  # fmt: skip
_ALL_UNITS = {**_HOUSE_UNITS, **_NUMBERED_UNITS, **_WIDER_UNITS}
_LONGEST_UNIT = max(len(u.split()) for u in _ALL_UNITS)
_FIRST_WORDS = frozenset(u.split()[0] for u in _ALL_UNITS)
_STARTING_WORDS = frozenset(u.split()[0] for u in (*_HOUSE_UNITS, *_NUMBERED_UNITS))
_ANY_START = re.compile(rf"(?<![a-z0-9])({'|'.join(sorted(_STARTING_WORDS))})(?![a-z0-9])")
# Words that end a lower-case address typed without capitals ("thon dong co nguoi…").
_STOPWORDS = frozenset(
    ("co", "bi", "la", "o", "va", "hoi", "cua", "nha", "nguoi", "thi", "ma", "de", "da", "dang", "se", "duoc",
     "khong", "can", "lam", "ve", "tai", "voi", "cho", "nay", "do")
)  # fmt: skip
_TOKEN = re.compile(r"[^\W_]+(?:[/.'][^\W_]+)*")
_SEPARATOR = re.compile(r"^[ \t,\-–:]*$")  # an address does not run across lines
_LIVES = re.compile(
    r"(tru tai|thuong tru|tam tru|cu tru|noi o|cho o|dia chi( nha| lien he| thuong tru)?\s*:|nha (toi|em|minh|anh|chi|ong|ba|co|chu|bac)|"
    r"nha o|o tai|song (o|tai)|que quan|que o|hien o|dang o|nha cua|den nha|ve nha|nha rieng|dia chi cua)"
)
_OFFICE = re.compile(
    r"(tru so|ubnd|uy ban|van phong|co quan|trung tam phuc vu|bo phan mot cua|dia chi co quan|nha van hoa|truong|tram y te|cong an|"
    r"hoi nong dan|hoi phu nu|doan thanh nien|hoi cuu chien binh|mat tran|mttq|hop tac xa)"
)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str  # as written
    key: str  # folded

    @property
    def has_digit(self) -> bool:
        return any(ch.isdigit() for ch in self.word)

    @property
    def capitalised(self) -> bool:
        return self.word[:1].isupper()


class HomeAddressRecognizer(KeywordRecognizer):
    PHRASES = {"ADDRESS": ()}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        view = folded(text)
        if not _ANY_START.search(view):
            return []
        tokens = [_Token(m.start(), m.end(), m.group(0), view[m.start() : m.end()]) for m in _TOKEN.finditer(text)]
        accented = has_marks(text)
        # Typed in lower case without diacritics: names of hamlets have no capital to show them.
        lower_case = not accented and not any(ch.isupper() for ch in text)
        if mostly_upper(text):  # typed in capitals: a capital shows nothing, only numbers name a unit
            tokens = [_Token(t.start, t.end, t.word.lower(), t.key) for t in tokens]
        results = []
        i = 0
        while i < len(tokens):
            span = _address_at(tokens, i, text, accented, lower_case) if tokens[i].key in _STARTING_WORDS else None
            if span is None:
                i += 1
                continue
            start, end, i = span
            before = view[max(0, start - 50) : start]
            if _OFFICE.search(before) or _OFFICE.search(view[start : end + 25][:50]):
                continue  # an office's address: "trụ sở UBND…", "phòng 9 nhà văn hóa xã"
            score = 0.7 if _LIVES.search(before) else 0.35
            results.append(make_result(self, "ADDRESS", start, end, score))
        return results


def _unit_at(tokens: list[_Token], i: int, text: str, units: dict[str, str], accented: bool) -> int:
    """How many tokens from ``i`` spell one of ``units`` (0 if none), checked against diacritics."""
    if tokens[i].key not in _FIRST_WORDS:
        return 0
    for size in range(min(_LONGEST_UNIT, len(tokens) - i), 0, -1):
        part = tokens[i : i + size]
        if any(text[a.end : b.start].strip() for a, b in zip(part, part[1:])):
            continue
        key = " ".join(t.key for t in part)
        if key not in units:
            continue
        written = " ".join(t.word.lower() for t in part)
        if accented and strip_marks(units[key]) != units[key] and written != units[key]:
            continue
        return size
    return 0


def _name_after(tokens: list[_Token], i: int, text: str, lower_case: bool, numbered: bool) -> int:
    """How many tokens from ``i`` name the unit before them: numbers, capitalised words, or (in a
    message typed in lower case without diacritics) at most two ordinary words."""
    taken = 0
    while i + taken < len(tokens) and taken < 4:
        token = tokens[i + taken]
        gap = text[tokens[i + taken - 1].end : token.start] if i + taken else " "
        if not _SEPARATOR.match(gap) or (not taken and gap.strip(" \t")):
            break  # the name follows its unit word on the same line, after a space ("thôn: …" is a label)
        if taken and "," in text[tokens[i + taken - 1].end : token.start]:
            break
        if _unit_at(tokens, i + taken, text, _ALL_UNITS, accented=False) and (taken or not token.has_digit):
            break
        plain_word = lower_case and taken < 2 and token.key not in _STOPWORDS
        if not (token.has_digit or (not numbered and (token.capitalised or plain_word))):
            break
        taken += 1
    return taken


_DOCUMENT_NUMBER = re.compile(r"\d+\s*/\s*[A-ZĐa-zđ]")
# Words that make "bản" part of another word: văn bản, phiên bản, cơ bản, kịch bản…
_NOT_HAMLET_AFTER = frozenset(
    {"van", "phien", "co", "nguyen", "tai", "bai", "kich", "ban", "mot", "hai", "ba", "moi", "bien", "nhat", "ca"}
)


def _address_at(tokens: list[_Token], i: int, text: str, accented: bool, lower_case: bool) -> tuple[int, int, int] | None:
    """The address starting at token ``i`` as ``(start, end, next token)``, or ``None``."""
    size = _unit_at(tokens, i, text, _HOUSE_UNITS, accented)
    if size and tokens[i].key == "ban" and i and tokens[i - 1].key in _NOT_HAMLET_AFTER:
        size = 0
    numbered = False
    if not size:
        size = _unit_at(tokens, i, text, _NUMBERED_UNITS, accented)
        numbered = True
    if not size:
        return None
    named = _name_after(tokens, i + size, text, lower_case, numbered)
    if not named:
        return None
    if numbered and _DOCUMENT_NUMBER.match(text, tokens[i + size].start):
        return None  # "số 345/QĐ-UBND" numbers a document, not a house
    end = first_end = i + size + named
    while end < len(tokens) and _SEPARATOR.match(text[tokens[end - 1].end : tokens[end].start]):
        size = _unit_at(tokens, end, text, _ALL_UNITS, accented)
        if not size:
            break
        named = _name_after(tokens, end + size, text, lower_case, size == 1 and tokens[end].key in _NUMBERED_UNITS)
        if not named:
            break
        end += size + named
    if numbered and end == first_end:
        return None  # "số 1", "phòng 305" alone number a thing, not a home: "lý lịch tư pháp số 1"
    return tokens[i].start, tokens[end - 1].end, end

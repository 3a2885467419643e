"""Home addresses written in English word order: "No. 12, Le Loi Street, Tan Phu Ward", "Hamlet 3, Tan
Phu Commune", "45/12 Nguyen Trai Road". Officials write them so for foreign partners and embassies, and
the Vietnamese recognizer cannot read them: its unit words come before the name ("đường Lê Lợi"), here
the unit follows it ("Le Loi Street") or precedes a number ("Alley 45").

An address is a chain of parts on one line, separated by commas or spaces; it counts when one part is a
house-level place (a number, a street, an alley, a hamlet) and the chain has a number or two parts
("Le Loi Street" alone names a street, not a home). Like the Vietnamese recognizer it scores low
unless someone is said to live there; the guard raises it when the message identifies a person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import folded, make_result
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer

# Unit words that follow a name ("Le Loi Street") — the house-level ones, then the wider ones.
_STREET_UNITS = frozenset(("street", "st", "road", "rd", "avenue", "ave", "lane", "alley", "hamlet", "village", "boulevard"))
_AREA_UNITS = frozenset(("ward", "commune", "district", "town", "township", "city", "province", "quarter"))
# Unit words that precede a number ("Alley 45", "Hamlet 3"); the first group alone places a home.
_HOUSE_NUMBERED = frozenset(("no", "number", "house", "apt", "apartment", "room", "alley", "lane", "hamlet", "village", "block"))
_AREA_NUMBERED = frozenset(("group", "zone", "quarter", "ward", "district", "residential"))
_ANY_UNIT = re.compile(r"(?<![a-z])(" + "|".join(sorted(_STREET_UNITS | _AREA_UNITS | _HOUSE_NUMBERED)) + r")(?![a-z])")
_TOKEN = re.compile(r"[^\W_]+(?:[/.'’-][^\W_]+)*")
_SEPARATOR = re.compile(r"^\.?[ \t]*[,;]?[ \t]*$")  # "Nguyen Du St., Huong Phuoc Ward"
_NUMBER_GAP = re.compile(r"[ \t]*[.:]?[ \t]*")  # "No. 12", "Alley: 45"
_NAME_STOPWORDS = frozenset(
    ("the", "a", "an", "in", "at", "on", "of", "to", "and", "or", "from", "lives", "live", "is", "my", "his", "her")
)
_LIVES = re.compile(
    r"(?<![a-z])(address|addr|lives?|living|resides?|residing|residence|stays?|staying|domicile|"
    r"(his|her|my|their) (home|house)|tru tai|thuong tru|tam tru|noi o|dia chi)(?![a-z])"
)
_OFFICE = re.compile(
    r"(?<![a-z])(office|committee|headquarters|hq|center|centre|school|hospital|clinic|station|police|department|"
    r"ubnd|tru so|co quan|hall|market|company|bank|branch)(?![a-z])"
)


@dataclass(frozen=True)
class _Token:
    start: int
    end: int
    word: str
    key: str  # folded, without a trailing dot ("St." -> "st")

    @property
    def has_digit(self) -> bool:
        return any(ch.isdigit() for ch in self.word)


class EnglishAddressRecognizer(KeywordRecognizer):
    PHRASES = {"ADDRESS": ()}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        view = folded(text)
        if not _ANY_UNIT.search(view):
            return []
        tokens = [_Token(m.start(), m.end(), m.group(0), view[m.start() : m.end()].rstrip(".")) for m in _TOKEN.finditer(text)]
        lower_case = not any(ch.isupper() for ch in text)
        results, i = [], 0
        while i < len(tokens):
            chain = _chain_at(tokens, i, text, lower_case)
            if chain is None:
                i += 1
                continue
            start, end, i = chain
            near = view[max(0, start - 50) : start]
            if _OFFICE.search(near) or _OFFICE.search(view[start:end]):
                continue  # "the commune office at No. 3 …": an office, not a home
            results.append(make_result(self, "ADDRESS", start, end, 0.7 if _LIVES.search(near) else 0.35))
        return results


def _gap(tokens: list[_Token], a: int, text: str) -> str:
    return text[tokens[a - 1].end : tokens[a].start]


def _part_at(tokens: list[_Token], i: int, text: str, lower_case: bool) -> tuple[int, bool, bool] | None:
    """One part from token ``i`` as ``(next token, house level, has number)``, or ``None``."""
    token = tokens[i]
    # "Alley 45", "No. 12", "Hamlet 3", "District 7"
    numbered = token.key in _HOUSE_NUMBERED | _AREA_NUMBERED and i + 1 < len(tokens) and tokens[i + 1].has_digit
    if numbered and _NUMBER_GAP.fullmatch(_gap(tokens, i + 1, text)):
        return i + 2, token.key in _HOUSE_NUMBERED, True
    # "[12] Le Loi Street", "Tan Phu Ward"
    j, number = i, False
    if token.has_digit:
        j, number = i + 1, True
    names = 0
    while (
        j < len(tokens)
        and names < 4
        and _SEPARATOR.match(_gap(tokens, j, text) if j > i else " ")
        and "," not in (_gap(tokens, j, text) if j > i else "")
    ):
        word = tokens[j]
        if word.key in _STREET_UNITS | _AREA_UNITS and names:
            return j + 1, word.key in _STREET_UNITS or number, number
        capitalised = word.word[:1].isupper() and not word.has_digit
        plain = lower_case and word.key not in _NAME_STOPWORDS and not word.has_digit
        if not (capitalised or plain):
            return None
        names += 1
        j += 1
    return None


def _chain_at(tokens: list[_Token], i: int, text: str, lower_case: bool) -> tuple[int, int, int] | None:
    """The address starting at token ``i`` as ``(start, end, next token)``, or ``None``."""
    parts, house, number, j = 0, False, False, i
    while j < len(tokens):
        if parts and not _SEPARATOR.match(_gap(tokens, j, text)):
            break
        part = _part_at(tokens, j, text, lower_case)
        if part is None:
            break
        j, part_house, part_number = part
        parts, house, number = parts + 1, house or part_house, number or part_number
    if not parts or not house or not (number or parts >= 2):
        return None
    return tokens[i].start, tokens[j - 1].end, j

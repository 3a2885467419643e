"""Vietnamese personal names, found as spans by the learned name model (``guardrails.name_model``).

The model takes a family name (accented or not, any case) with one to three more syllables, the
names of the Central Highlands' peoples, and a given name after a cue word, and scores each
candidate on its syllables, capitals and context: a street, school or agency word before it makes
it a place ("trường THCS Lê Văn Tám"), a cue or a phone number beside it makes it a resident ("Anh
Lê Văn Tám, SĐT …"). Here the model's probability becomes the finding's score, and the example
names of forms and training material ("Nguyễn Văn A", "bà B") are left out.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.common_phrases import common_pairs
from guardrails.name_lexicon import (
    COMMON_MIDDLES,
    FUNCTION_FOLD,
    FUNCTION_WORDS,
    GIVEN_EXACT,
    GIVEN_FOLD,
    MARKER_MIDDLES,
    SURNAME_EXACT,
    SURNAME_FOLD,
    TOP_SURNAMES,
    lookup,
)
from guardrails.name_model import NameSpan, NameSpanModel
from guardrails.normalizer import fold, strip_marks
from guardrails.recognizers.base import make_result

_PLACES_FILE = Path(__file__).resolve().parents[1] / "data" / "place_names.txt"
# Provinces and cities whose names start like a person's ("Hà Nội", "Lâm Đồng"): never a person.
_PLACES = frozenset(
    fold(line.strip())
    for line in _PLACES_FILE.read_text(encoding="utf-8").splitlines()
    if line.strip() and not line.startswith("#")
)

# Example names in forms and training material: "Nguyễn Văn A", "bà B", "ông X".
_PLACEHOLDER = re.compile(r"(?:^|\s)[A-DXYZ]$")
_PLACEHOLDER_AFTER = re.compile(r"\s[A-DXYZ](?![\w.])")


@cache
def _model() -> NameSpanModel:
    return NameSpanModel()


class PersonNameRecognizer(EntityRecognizer):
    """Finds personal names on the normalised text (see the module docstring)."""

    def __init__(self) -> None:
        super().__init__(supported_entities=["PERSON"], supported_language="vi", name="PersonNameRecognizer")

    def load(self) -> None:  # the model's weights are read once per process, on first use
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        model = _model()
        results = []
        view = _casing_view(text)
        spans = model.spans(view, floor=DOUBT_FLOOR)
        for span in [s for s in spans if s.score >= model.threshold or _doubtful_full_name(view, s)]:
            name = view[span.start : span.end]
            if _PLACEHOLDER.search(name) or _PLACEHOLDER_AFTER.match(text, span.end) or fold(name) in _PLACES:
                continue
            # The model's own threshold becomes the policy's 0.5, its certainty above it stays above.
            score = min(1.0, 0.5 + 0.5 * (span.score - model.threshold) / max(1e-9, 1 - model.threshold))
            if (
                _inside_place_name(text, span.start)
                or _in_national_title(text, span.start, span.end)
                or _named_as_place(text, span.start)
                or _in_place_column(text, span.start)
                or _PLACE_WORD_AFTER.match(text, span.end)
                or _PLACE_WORD_AFTER.search(name)  # the model took the place word in: "Le Loi Street"
            ):
                continue
            if _weak(name) or span.score < model.threshold:
                score = WEAK_NAME_SCORE
            results.append(make_result(self, "PERSON", span.start, span.end, round(score, 3)))
        return results


def _doubtful_full_name(view: str, span: NameSpan) -> bool:
    """A full name the model doubts, with a common family name ("cho hỏi nguyen van an sđt …", 0.40):
    weak alone, it is masked once the message is about someone."""
    words = view[span.start : span.end].split()
    return len(words) >= 3 and fold(words[0]) in TOP_SURNAMES


DOUBT_FLOOR = 0.15
# A name that identifies nobody alone: the guard counts it only beside an identifier or a sensitive fact.
WEAK_NAME_SCORE = 0.45


def _weak(name: str) -> bool:
    """A given name alone ("em Phương"), a lower-case run whose family name is not a common one
    ("khong dan": Khổng is a family name, "không" the commonest word; "danh công an"), or an
    unaccented run that opens with an everyday phrase."""
    words = name.split()
    if len(words) == 1 or (name.islower() and fold(words[0]) not in TOP_SURNAMES):
        return True
    # Typed without diacritics, "dang ky khai" is "đăng ký khai…" before it is "Đặng Kỳ Khải".
    return strip_marks(name) == name and fold(" ".join(words[:2])) in common_pairs()


# Words that open the name of a school, street or other place: "trường Chu Văn An", "phố Lê Văn Hưu".
_PLACE_WORDS = frozenset(
    ("truong", "duong", "pho", "phuong", "xa", "cau", "cho", "thcs", "thpt", "th", "mn", "tieu hoc", "benh vien",
     "quan", "huyen", "tinh", "khu", "cong vien", "giai", "san", "nga tu", "nga ba", "nga nam", "giao lo", "nut giao",
     "chi doi", "lien doi", "chi doan", "clb", "cau lac bo", "quy", "giai thuong", "hoc bong", "nha luu niem", "den tho",
     "tuong niem", "tuong dai", "di tich", "bao tang", "lang")
)  # fmt: skip
# Words after which a name is a memorial's or a museum's, never a living person's (capitalised or not).
_MEMORIAL_WORDS = frozenset(("tuong niem", "tuong dai", "di tich", "bao tang", "nha luu niem", "den tho", "lang"))


# In English the place word follows the name: "Le Loi Street", "Chu Van An High School", "Tran Phu Ward".
_PLACE_WORD_AFTER = re.compile(
    r"[ \t]+((primary|secondary|high|junior high) )?(street|st\.?|road|rd\.?|avenue|ave\.?|boulevard|blvd|lane|alley|"
    r"school|bridge|market|park|square|hospital|ward|commune|district|hamlet|village|town|city|province|hall|pagoda|"
    r"temple|university|college|museum|stadium|memorial|monument)(?![^\W\d_])",
    re.IGNORECASE,
)


# The country's name heads every administrative document ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").
_NATIONAL_TITLE = re.compile(r"cong hoa xa hoi chu nghia viet nam")


def _in_national_title(text: str, start: int, end: int) -> bool:
    return any(m.start() <= start and end <= m.end() for m in _NATIONAL_TITLE.finditer(fold(text)))


def _inside_place_name(text: str, start: int) -> bool:
    """Whether the span continues a capitalised run that a place word opens ("trường Chu | Văn An")."""
    words = text[max(0, start - 60) : start].split()
    run = 0
    # Back over the capitalised words (and the dashes of a crossroads: "ngã tư Lý Thường Kiệt - Lê Văn Tám").
    while run < len(words) and run < 7 and (words[-1 - run][:1].isupper() or words[-1 - run] in ("-", "–")):
        run += 1
    if run == 0:  # right after a memorial's word: "khu tưởng niệm Nguyễn Thị Minh Khai"
        return fold(" ".join(words[-2:])) in _MEMORIAL_WORDS or fold(" ".join(words[-1:])) in _MEMORIAL_WORDS
    if run == len(words):
        return False
    before = fold(" ".join(words[-run - 2 : -run]))
    return before.split()[-1] in _PLACE_WORDS or before in _PLACE_WORDS


# A name given to a place: "đặt tên hẻm là Trần Quang Khải", "trường mang tên Lê Quý Đôn".
_NAMING_PLACE = re.compile(
    r"(?<![a-z])(ten (cho )?(duong|hem|pho|ngo|ngach|kiet|truong|cau|cong vien|quang truong|nha van hoa|khu pho|"
    r"to dan pho|thon|ap|xa|phuong)( moi)?( (la|bang|theo))?|mang ten)\s*[:\"“']?\s*$"
)
# Column headings of places: a name in such a column of a pasted table is a commune's, a hamlet's.
_PLACE_HEADINGS = frozenset(
    ("xa", "phuong", "xa/phuong", "xa, phuong", "thon", "ap", "ban", "thon/ap", "to dan pho", "khu pho", "dia ban",
     "don vi", "ten xa", "ten phuong", "ten thon", "ten don vi", "dia phuong", "commune", "ward")
)  # fmt: skip
_CELL_SEPARATORS = ("\t", "|", ",", ";")


def _named_as_place(text: str, start: int) -> bool:
    return bool(_NAMING_PLACE.search(fold(text[max(0, start - 48) : start])))


def _in_place_column(text: str, start: int) -> bool:
    """Whether the span sits in a table column whose heading names places (the heading: the block's first row)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", start)
    line = text[line_start : line_end if line_end != -1 else len(text)]
    separator = next((c for c in _CELL_SEPARATORS if line.count(c) >= 1), None)
    if separator is None:
        return False
    column = text[line_start:start].count(separator)
    rows = text[:line_start].split("\n")[:-1]
    heading = None
    for row in reversed(rows):  # up the block of rows with as many cells
        if row.count(separator) != line.count(separator):
            break
        heading = row
    if heading is None:
        return False
    cells = heading.split(separator)
    return column < len(cells) and fold(cells[column].strip()) in _PLACE_HEADINGS


_WORD = re.compile(r"[^\W\d_]+")
_LINE_INSIDE_WORDS = re.compile(r"(?<=[^\W\d_])\n(?=[^\W\d_])")


def _as_typed(word: str) -> str:
    """A word of a run in capitals as it would be typed: a name syllable capitalised, others in lower case."""
    lower = word.lower()
    folded_word = fold(lower)
    name_like = (
        lookup(lower, folded_word, SURNAME_EXACT, SURNAME_FOLD)
        or lookup(lower, folded_word, GIVEN_EXACT, GIVEN_FOLD)
        or folded_word in COMMON_MIDDLES
        or folded_word in MARKER_MIDDLES
    )
    function_word = lookup(lower, folded_word, FUNCTION_WORDS, FUNCTION_FOLD)  # "thị" is a name, "thì" is not
    return lower.capitalize() if name_like and not function_word else lower


def _lower_caps_runs(text: str) -> str:
    """``text`` with every run of two or more words in capitals, one space apart, rewritten as typed."""
    chars = list(text)
    run: list[re.Match[str]] = []
    for match in [*_WORD.finditer(text), None]:
        joined = match is not None and run and text[run[-1].end() : match.start()] in (" ", "\t")
        if match is not None and match.group(0).isupper() and (not run or joined):
            run.append(match)
            continue
        if len(run) >= 2:
            for word in run:
                chars[word.start() : word.end()] = _as_typed(word.group(0))
        run = [match] if match is not None and match.group(0).isupper() else []
    lowered = "".join(chars)
    return lowered if len(lowered) == len(text) else text


def _casing_view(text: str) -> str:
    """The text as the model should read it, of the same length: capitals say nothing in a run of
    words typed in capitals ("a HUỲNH QUỐC TOÀN BỊ NGHI…"), which is read as typed, with only its
    name syllables capitalised; a line break after a family name may fall inside a name, so it reads as a space."""
    view = _lower_caps_runs(text)
    if len(view) != len(text):
        view = text
    return _LINE_INSIDE_WORDS.sub(_join_after_family_name, view)


_KIN_CUES = frozenset({"anh", "chi", "ong", "ba", "em", "co", "chu", "bac", "cu", "a", "c", "e", "mr", "mrs", "ms"})


def _join_after_family_name(match: re.Match[str]) -> str:
    """A line break right after a family name ("Huỳnh\nQuốc Toàn") reads as a space; any other stays."""
    before = match.string[max(0, match.start() - 24) : match.start()].split()
    # The family name opens the name: the word before it is not part of a capitalised name.
    opens = (
        before
        and fold(before[-1]) in SURNAME_FOLD
        and (len(before) == 1 or not before[-2][:1].isupper() or fold(before[-2]) in _KIN_CUES)
    )
    return " " if opens else "\n"

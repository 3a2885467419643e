"""A normalised view of a message that every detector reads, with a map back to the original.

Evasions the view undoes: NFKC (full-width digits and letters), decomposed diacritics, zero-width
and other invisible characters, Cyrillic and Greek homoglyphs, letters standing in for digits
inside numbers (O/0, l/1), and numbers spelled out in Vietnamese words. Each character of the
view remembers the span of the original it came from, so findings map back to original offsets.
"""

from __future__ import annotations

import base64
import binascii
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import regex

MAX_INPUT_CHARS = 20_000

# Look-alikes of Latin letters (Cyrillic and Greek) that pass for Vietnamese text.
HOMOGLYPHS = str.maketrans(
    {
        "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i", "ј": "j", "ѕ": "s",
        "һ": "h", "ԁ": "d", "ӏ": "l", "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O",
        "Р": "P", "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "ο": "o", "α": "a",
        "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ρ": "p", "τ": "t", "υ": "u", "χ": "x", "Α": "A", "Β": "B",
        "Ε": "E", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M", "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Χ": "X",
        "Υ": "Y", "Ζ": "Z",
    }
)  # fmt: skip
_DIGIT_WORDS = {
    "không": "0", "khong": "0", "linh": "0", "lẻ": "0", "một": "1", "mốt": "1", "mot": "1", "hai": "2",
    "ba": "3", "bốn": "4", "bon": "4", "tư": "4", "năm": "5", "lăm": "5", "nam": "5", "lam": "5",
    "sáu": "6", "sau": "6", "bảy": "7", "bẩy": "7", "bay": "7", "tám": "8", "tam": "8", "chín": "9", "chin": "9",
}  # fmt: skip
# Six or more digit words in a row are a number read out, not prose ("hai ba" alone is not).
_DIGIT_TOKEN = r"(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + r"|\d)"
_SPELLED_RUN = re.compile(rf"(?<!\w){_DIGIT_TOKEN}(?:[\s,.\-–—]+{_DIGIT_TOKEN}(?!\w)){{5,}}", re.IGNORECASE)
# Characters written one at a time: "m a t  k h a u" (a wider gap separates words) and letters
# joined by dots or dashes: "T.U.Y.Ệ.T M.Ậ.T", "đ.ộ m.ậ.t".
_SPACED_RUN = re.compile(r"(?<!\S)\S(?:[ \t]{1,3}\S){2,}(?!\S)")
_DOTTED_WORD = re.compile(r"(?<![\w.])(?:[^\W\d_][.\-_*]){1,}[^\W\d_](?![\w])")
# Letters inside a run of digits: "O912 345 67l".
_LOOKALIKE_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1"})
_NUMERIC_RUN = re.compile(r"[0-9Ool|I](?:[\s.\-]?[0-9Ool|I]){5,}")


@dataclass(frozen=True)
class NormalizedText:
    """``text`` with, for each of its characters, the original ``[start, end)`` it came from."""

    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of the view to the smallest original span that covers it."""
        if not self.text:
            return 0, 0
        start = min(max(start, 0), len(self.text) - 1)
        end = min(max(end, start + 1), len(self.text))
        return self.starts[start], self.ends[end - 1]


# Characters that need more than copying: invisible, combining marks, look-alikes.
_SPECIAL = regex.compile(r"[\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{M}\ufe00-\ufe0f" + "".join(map(chr, HOMOGLYPHS)) + "]")


def _identity_view(text: str) -> NormalizedText:
    return NormalizedText(text, tuple(range(len(text))), tuple(range(1, len(text) + 1)), len(text))


def _is_invisible(char: str) -> bool:
    category = unicodedata.category(char)
    # Cf: zero-width space/joiners, BOM, soft hyphen…; Cs: lone surrogates; Co/Cn: private, unassigned.
    return category in {"Cf", "Cs", "Co", "Cn"} or "\ufe00" <= char <= "\ufe0f"


_PLAIN, _INVISIBLE, _COMBINING = 0, 1, 2
_KINDS: dict[str, int] = {}
# Characters that normalise to themselves alone (filled as they are met): most of any message.
_SIMPLE: set[str] = set()


def _kind(char: str) -> int:
    kind = _KINDS.get(char)
    if kind is None:
        kind = _INVISIBLE if _is_invisible(char) else _COMBINING if unicodedata.combining(char) else _PLAIN
        _KINDS[char] = kind
        if kind == _PLAIN and _normalised_cluster(char) == char:
            _SIMPLE.add(char)
    return kind


@lru_cache(maxsize=8192)
def _normalised_cluster(cluster: str) -> str:
    # Look-alikes replaced on the decomposed cluster, so their marks compose with the Latin letter: "е̂́" → "ế".
    plain = unicodedata.normalize("NFKD", cluster).translate(HOMOGLYPHS)
    return unicodedata.normalize("NFKC", plain).translate(HOMOGLYPHS)


def _base_view(text: str) -> NormalizedText:
    # Most messages are plain NFC Vietnamese: nothing to undo, so skip the per-character walk.
    if unicodedata.is_normalized("NFKC", text) and not _SPECIAL.search(text):
        return _identity_view(text)
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(text)
    while i < n:
        if _kind(text[i]) == _INVISIBLE:
            i += 1
            continue
        j = i + 1
        # A base character with its combining marks (possibly separated by invisible characters).
        while j < n and _kind(text[j]) != _PLAIN:
            j += 1
        if j == i + 1 and text[i] in _SIMPLE:  # the common case: one character that stays itself
            out.append(text[i])
            starts.append(i)
            ends.append(j)
            i = j
            continue
        for char in _normalised_cluster("".join(ch for ch in text[i:j] if _kind(ch) != _INVISIBLE)):
            out.append(char)
            starts.append(i)
            ends.append(j)
        i = j
    composed = "".join(out)
    # NFKC per cluster leaves a few cross-cluster compositions; they do not change the length here.
    return NormalizedText(composed, tuple(starts), tuple(ends), n)


def _replace(view: NormalizedText, replacements: list[tuple[int, int, str]]) -> NormalizedText:
    """Replace spans of ``view`` (sorted, non-overlapping); new characters map to the whole span."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for start, end, new in replacements:
        out.append(view.text[position:start])
        starts.extend(view.starts[position:start])
        ends.extend(view.ends[position:start])
        out.append(new)
        starts.extend([view.starts[start]] * len(new))
        ends.extend([view.ends[end - 1]] * len(new))
        position = end
    out.append(view.text[position:])
    starts.extend(view.starts[position:])
    ends.extend(view.ends[position:])
    return NormalizedText("".join(out), tuple(starts), tuple(ends), view.original_length)


# Digit groups and digit words mixed in one short code: "bảy 939 bảy 8", "94 sáu ba 32".
_WORD_TOKEN = r"(?:" + "|".join(sorted(_DIGIT_WORDS, key=len, reverse=True)) + r")"
_MIXED_RUN = re.compile(rf"(?<![\w])(?:{_WORD_TOKEN}|\d+)(?:[ \t]+(?:{_WORD_TOKEN}|\d+)(?!\w))+", re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")


def _mixed_codes(view: NormalizedText) -> list[tuple[int, int, str]]:
    """Runs that mix digit groups with digit words and make six or more digits; a year after
    "năm" ("tháng ba năm 2024") is a date, not a code."""
    replacements = []
    for match in _MIXED_RUN.finditer(view.text):
        tokens = match.group(0).split()
        words = [t for t in tokens if not t.isdigit()]
        groups = [t for t in tokens if t.isdigit()]
        # A capitalised word is a name (Nam, Ba, Tư…), and a group of six digits is a number already.
        if not words or not groups or any(_YEAR.fullmatch(g) or len(g) >= 6 for g in groups):
            continue
        if any(w.istitle() for w in words):  # "BA BẢY SÁU" dictated in capitals counts; "Nam" does not
            continue
        if sum(len(g) for g in groups) + len(words) < 6 or len(words) == len(tokens) - 1 == 0:
            continue
        replacements.append((match.start(), match.end(), "".join(t if t.isdigit() else _DIGIT_WORDS[t.lower()] for t in tokens)))
    return replacements


_BROKEN_NUMBER = re.compile(r"(?<![\w])(\d{1,6})[ \t]*\n[ \t]*(\d{1,8})(?![\w])")


def _broken_numbers(view: NormalizedText) -> list[tuple[int, int, str]]:
    """A short number split by a line break ("mã PIN 702\n718"): six to twelve digits with one
    short side; two full numbers on two lines, or two years, stay apart."""
    replacements = []
    for match in _BROKEN_NUMBER.finditer(view.text):
        first, second = match.group(1), match.group(2)
        total = len(first) + len(second)
        if not 6 <= total <= 12 or min(len(first), len(second)) > 4 or (_YEAR.fullmatch(first) and _YEAR.fullmatch(second)):
            continue
        replacements.append((match.start(), match.end(), first + second))
    return replacements


def _spelled_numbers(view: NormalizedText) -> list[tuple[int, int, str]]:
    replacements = []
    for match in _SPELLED_RUN.finditer(view.text):
        tokens = re.findall(r"[^\W\d_]+|\d", match.group(0))
        if sum(not t.isdigit() for t in tokens) < 3:  # mostly digits already: the number patterns cope
            continue
        digits = "".join(t if t.isdigit() else _DIGIT_WORDS[t.lower()] for t in tokens)
        replacements.append((match.start(), match.end(), digits))
    return replacements


def _spaced_characters(view: NormalizedText) -> list[tuple[int, int, str]]:
    replacements = []
    for match in _SPACED_RUN.finditer(view.text):
        run = match.group(0)
        if sum(ch.isalpha() for ch in run) < 3:  # "1 2 3" lists stay as they are
            continue
        words = ["".join(word.split()) for word in re.split(r"[ \t]{2,}", run)]
        replacements.append((match.start(), match.end(), " ".join(words)))
    return replacements


def _dotted_words(view: NormalizedText) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), re.sub(r"[.\-_*]", "", m.group(0))) for m in _DOTTED_WORD.finditer(view.text)]


def _lookalike_digits(view: NormalizedText) -> list[tuple[int, int, str]]:
    replacements = []
    text = view.text
    for match in _NUMERIC_RUN.finditer(text):
        run = match.group(0)
        if sum(ch.isdigit() for ch in run) < 6 or run == run.translate(_LOOKALIKE_DIGITS):
            continue
        # A letter that belongs to a word ("192.168.1.1 là") is not a digit in disguise.
        chars = list(run)
        for offset, char in enumerate(run):
            position = match.start() + offset
            before = text[position - 1] if position > 0 else " "
            after = text[position + 1] if position + 1 < len(text) else " "
            # A look-alike beside another look-alike is still a digit ("0ll" at the end of a number).
            if char.isalpha() and not (_word_letter(before) or _word_letter(after)):
                chars[offset] = char.translate(_LOOKALIKE_DIGITS)
        fixed = "".join(chars)
        if fixed != run:
            replacements.append((match.start(), match.end(), fixed))
    return replacements


_BASE64_BLOB = re.compile(r"(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{12,}={0,2}(?![A-Za-z0-9+/=])")


def decode_base64_text(blob: str) -> str | None:
    """The text a base64 blob encodes, if it encodes readable UTF-8 text."""
    if not any(ch.isdigit() or ch.isupper() for ch in blob[1:]) or len(blob) % 4 == 1:
        return None  # an ordinary long word, not an encoding
    try:
        decoded = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None
    readable = sum(ch.isalnum() or ch.isspace() or ch in ".,:;-_@/|()'\"!?+" for ch in decoded)
    return decoded if len(decoded) >= 4 and readable / len(decoded) > 0.85 else None


def _encoded_texts(view: NormalizedText) -> list[tuple[int, int, str]]:
    """Base64 blobs that decode to text are read in place, so their content meets its context
    ("anh <base64 of a name>, SĐT …"); every decoded character maps back to the whole blob."""
    replacements = []
    for match in _BASE64_BLOB.finditer(view.text):
        if view.text[match.end() : match.end() + 1] == "." or view.text[match.start() - 1 : match.start()] == ".":
            continue  # a part of a dotted token (a JWT): the token's own shape is what gives it away
        decoded = decode_base64_text(match.group(0))
        if decoded is not None:
            replacements.append((match.start(), match.end(), " " + _base_view(decoded).text + " "))
    return replacements


def _word_letter(char: str) -> bool:
    return char.isalpha() and char not in "OolI"


_SPACED_DIGITS = re.compile(r"(?<![\w])\d(?:[ \t]\d){5,}(?![\w])")


def _spaced_digits(view: NormalizedText) -> list[tuple[int, int, str]]:
    """Six or more single digits one space apart are a number read out: "9 1 2 8 9 8"."""
    return [(m.start(), m.end(), re.sub(r"\s", "", m.group(0))) for m in _SPACED_DIGITS.finditer(view.text)]


def normalize(text: str) -> NormalizedText:
    """The normalised view of ``text``; raises ``ValueError`` on input that is not text or too long."""
    if not isinstance(text, str):
        raise ValueError("text must be a string")
    if len(text) > MAX_INPUT_CHARS:
        raise ValueError(f"text longer than {MAX_INPUT_CHARS} characters")
    view = _base_view(text)
    view = _replace(view, _encoded_texts(view))
    view = _replace(view, _spaced_characters(view))
    view = _replace(view, _dotted_words(view))
    view = _replace(view, _spelled_numbers(view))
    view = _replace(view, _mixed_codes(view))
    view = _replace(view, _broken_numbers(view))
    view = _replace(view, _spaced_digits(view))
    return _replace(view, _lookalike_digits(view))


class _FoldTable(dict):
    """A ``str.translate`` table filled on demand: each character folds to one character."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        lowered = char.lower()
        lowered = lowered if len(lowered) == 1 else char
        folded = unicodedata.normalize("NFD", lowered.replace("đ", "d").replace("Đ", "d"))[0]
        self[code] = folded
        return folded


_FOLD = _FoldTable()


def fold(text: str) -> str:
    """Lower case without diacritics, one output character per input character."""
    return text.translate(_FOLD)


def strip_marks(text: str) -> str:
    """Remove diacritics but keep case: ``Nguyễn`` → ``Nguyen``, ``Đỗ`` → ``Do``."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if not unicodedata.combining(ch)))


def has_marks(text: str) -> bool:
    """Whether ``text`` carries any diacritic (or đ): cheaper than comparing with ``strip_marks``."""
    return not text.isascii() and fold(text) != text.lower()

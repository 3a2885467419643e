"""Rewrites people use (on purpose or not) that hide a value from a pattern matcher.

Every evasion maps a record to a new record and keeps ``values`` (and ``question``) exact substrings of the
new text: the text is cut into value / question / other segments first, and each kind of segment is
rewritten on its own, so the bookkeeping holds by construction.
"""

from __future__ import annotations

import base64
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

from eval.guardrail_corpus.identities import strip_marks
from eval.guardrail_corpus.model import Record

Fn = Callable[[str, random.Random], str]

_DIGIT_WORDS = ["không", "một", "hai", "ba", ["bốn", "tư"], ["năm", "lăm"], "sáu", "bảy", "tám", "chín"]
_HOMO = {
    "a": "а",
    "c": "с",
    "e": "е",
    "o": "о",
    "p": "р",
    "x": "х",
    "y": "у",
    "i": "і",
    "s": "ѕ",
    "A": "А",
    "B": "В",
    "C": "С",
    "E": "Е",
    "H": "Н",
    "I": "І",
    "K": "К",
    "M": "М",
    "N": "Ν",
    "O": "О",
    "P": "Р",
    "T": "Т",
    "X": "Х",
    "Y": "Υ",
    "Z": "Ζ",
}
_LEET = {"a": "4", "e": "3", "i": "1", "o": "0", "t": "7", "s": "5", "A": "4", "E": "3", "I": "1", "O": "0", "T": "7", "S": "5"}
# Cue words around a credential or a marking; leetspeak rewrites them too ("m4t khau", "n0i b0").
_LEET_CUES = re.compile(r"\b(?:mật khẩu|MẬT KHẨU|Mật khẩu|mật|MẬT|Mật|nội bộ|NỘI BỘ|Nội bộ|password|OTP|mã)\b")
_SEPARATED = re.compile(r"\+?[\d .\-]+")
_IPV4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}")
_ID_PREFIXED = re.compile(r"[A-Z]{1,2}\d{7,13}")
ZWSP = "\u200b"
SECRET_LIKE = {"state_secret", "internal_document", "credential", "prompt_injection"}


def n_digits(value: str) -> int:
    return sum(c.isascii() and c.isdigit() for c in value)


# -- segmenting -----------------------------------------------------------------------------------------
def segments(text: str, targets: list[str], question: str | None) -> list[tuple[str, str]]:
    """Cut ``text`` into ("value", s), ("question", s) and ("other", s); longest values claim first."""
    taken: list[tuple[int, int, str]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e, _ in taken)

    for target in sorted({t for t in targets if t}, key=lambda t: (-len(t), t)):
        start = text.find(target)
        while start != -1:
            if free(start, start + len(target)):
                taken.append((start, start + len(target), "value"))
            start = text.find(target, start + 1)
    if question:
        start = text.find(question)
        while start != -1 and not free(start, start + len(question)):
            start = text.find(question, start + 1)
        if start != -1:
            taken.append((start, start + len(question), "question"))
    out, pos = [], 0
    for s, e, kind in sorted(taken):
        if s > pos:
            out.append(("other", text[pos:s]))
        out.append((kind, text[s:e]))
        pos = e
    if pos < len(text):
        out.append(("other", text[pos:]))
    return out


def _targets(record: Record) -> list[str]:
    return list(record.get("values") or []) + list(record.get("_decoys") or [])


@dataclass(frozen=True)
class Spec:
    """touches: which values it rewrites; value: the rewrite; other: optional rewrite of the rest."""

    touches: Callable[[str], bool]
    value: Fn
    other: Fn | None = None
    question_too: bool = False
    needs: Callable[[Record], bool] = lambda r: True


def _apply(spec: Spec, name: str, record: Record, rng: random.Random) -> Record:
    text, question = record["text"], record.get("question")
    other = spec.other
    # Whole-message rewrites draw their mode once, so the question and the rest agree.
    memo: dict[str, str] = {}
    parts = []
    for kind, seg in segments(text, _targets(record), question):
        if kind == "value":
            if seg not in memo:
                memo[seg] = spec.value(seg, rng) if spec.touches(seg) else seg
            parts.append(memo[seg])
        elif kind == "question":
            parts.append(other(seg, rng) if (other and spec.question_too) else seg)
        else:
            parts.append(other(seg, rng) if other else seg)
    new_text = "".join(parts)
    new_q = question
    if question is not None:
        # A negative's question may hold a decoy: rewrite it the same way the text was rewritten.
        pieces = []
        for kind, seg in segments(question, _targets(record), None):
            if kind == "value":
                pieces.append(memo.get(seg, seg))
            else:
                pieces.append(other(seg, rng) if (other and spec.question_too) else seg)
        new_q = "".join(pieces)
    out = dict(record, text=new_text, question=new_q if new_q and new_q in new_text else None)
    out["values"] = _dedupe(memo.get(v, v) for v in record["values"])
    if record.get("_decoys"):
        out["_decoys"] = _dedupe(memo.get(v, v) for v in record["_decoys"])
    out["evasive"], out["evasion"] = True, name
    return out


def _dedupe(items) -> list[str]:
    """Distinct values in order, dropping one that a rewrite has made part of a longer value (its text stays covered)."""
    seen: list[str] = []
    for item in items:
        if item not in seen:
            seen.append(item)
    return [v for v in seen if not any(v != w and v in w for w in seen)]


# -- value rewrites -------------------------------------------------------------------------------------
def _some(rng: random.Random, positions: list[int], share: float) -> set[int]:
    """A random subset (at least one) of ``positions``."""
    k = max(1, round(len(positions) * share))
    return set(rng.sample(positions, min(k, len(positions))))


def _map_digits(value: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in value)


def fullwidth(value: str, _rng: random.Random) -> str:
    return _map_digits(value, {str(d): chr(0xFF10 + d) for d in range(10)})


def spaced(value: str, _rng: random.Random) -> str:
    """'0912.345.678' → '0 9 1 2 3 4 5 6 7 8': separators between digits become single spaces."""
    out = []
    for i, c in enumerate(value):
        if c in " .-" and 0 < i < len(value) - 1 and value[i - 1].isdigit() and value[i + 1].isdigit():
            continue
        if out and c.isdigit() and out[-1].isdigit():
            out.append(" ")
        out.append(c)
    return "".join(out)


def _regroup(sep: str) -> Fn:
    def rewrite(value: str, rng: random.Random) -> str:
        plus = "+" if value.startswith("+") else ""
        digits = [c for c in value if c.isdigit()]
        for _ in range(10):  # a random grouping can reproduce the original one; draw again
            groups, i = [], 0
            while i < len(digits):
                size = rng.choice([2, 3, 3, 4, 4])
                if len(digits) - (i + size) == 1:
                    size += 1
                groups.append("".join(digits[i : i + size]))
                i += size
            out = plus + sep.join(groups)
            if out != value:
                return out
        return plus + sep.join("".join(digits[i : i + 2]) for i in range(0, len(digits), 2))

    return rewrite


def spelled(value: str, rng: random.Random) -> str:
    """Some or all digits as words: '0912345678' → 'không chín 12 ba bốn 5678'."""
    positions = [i for i, c in enumerate(value) if c.isascii() and c.isdigit()]
    chosen = _some(rng, positions, rng.choice([0.4, 0.6, 1.0]))
    tokens: list[str] = []
    chunk = ""
    for i, c in enumerate(value):
        if i in chosen:
            if chunk.strip():
                tokens.append(chunk.strip())
            chunk = ""
            word = _DIGIT_WORDS[int(c)]
            tokens.append(rng.choice(word) if isinstance(word, list) else word)
        else:
            chunk += c
    if chunk.strip():
        tokens.append(chunk.strip())
    return " ".join(tokens)


def homoglyphs(value: str, rng: random.Random) -> str:
    """Swap base letters for Cyrillic/Greek twins, keeping Vietnamese tone marks as combining marks."""
    chars = list(value)
    eligible = [i for i, c in enumerate(chars) if unicodedata.normalize("NFD", c)[0] in _HOMO]
    for i in _some(rng, eligible, 0.5):
        decomposed = unicodedata.normalize("NFD", chars[i])
        chars[i] = _HOMO[decomposed[0]] + decomposed[1:]
    return "".join(chars)


def zero_width(value: str, rng: random.Random) -> str:
    cuts = _some(rng, list(range(1, len(value))), 0.25)
    return "".join((ZWSP if i in cuts else "") + c for i, c in enumerate(value))


def letter_digits(value: str, rng: random.Random) -> str:
    """O for 0, l or I for 1 inside numbers."""
    eligible = [i for i, c in enumerate(value) if c in "01"]
    chosen = _some(rng, eligible, rng.choice([0.5, 1.0]))
    return "".join((rng.choice("Oo") if c == "0" else rng.choice("lI")) if i in chosen else c for i, c in enumerate(value))


def upper(value: str, _rng: random.Random) -> str:
    return value.upper()


def line_break(value: str, rng: random.Random) -> str:
    """Split a value across a line, as when a PDF column or a narrow phone screen wraps it."""
    spaces = [i for i, c in enumerate(value) if c == " " and 0 < i < len(value) - 1]
    if spaces:
        i = rng.choice(spaces)
        return value[:i] + "\n" + value[i + 1 :]
    cuts = [i for i in range(1, len(value)) if not unicodedata.combining(value[i])]
    i = rng.choice(cuts)
    return value[:i] + "\n" + value[i:]


def passport_dashes(value: str, rng: random.Random) -> str:
    """'C1234567' → 'C-1234567', 'C 123 4567'; 'DN4010123456789' → 'DN-4-01-0123456789'."""
    m = re.fullmatch(r"([A-Z]{1,2})(\d+)", value)
    assert m
    head, digits = m.groups()
    if len(digits) == 7:
        return rng.choice(
            [
                f"{head}-{digits}",
                f"{head} {digits[:3]} {digits[3:]}",
                f"{head}-{digits[:3]}-{digits[3:]}",
                f"{head}.{digits}",
                f"{head} - {digits}",
            ]
        )
    sep = rng.choice(["-", " ", "."])
    return sep.join([head, digits[0], digits[1:3], digits[3:]])


def leet(value: str, rng: random.Random) -> str:
    """'mật khẩu' → 'm4t khau', 'TUYỆT MẬT' → 'TUY3T M47'."""
    plain = strip_marks(value)
    eligible = [i for i, c in enumerate(plain) if c in _LEET]
    chosen = _some(rng, eligible, rng.choice([0.5, 1.0]))
    return "".join(_LEET[c] if i in chosen else c for i, c in enumerate(plain))


def _leet_context(text: str, rng: random.Random) -> str:
    return _LEET_CUES.sub(lambda m: leet(m.group(0), rng), text)


def _strip(text: str, _rng: random.Random) -> str:
    return strip_marks(text)


def _has_marks(value: str) -> bool:
    return strip_marks(value) != value


def _numeric(value: str) -> bool:
    return n_digits(value) >= 6


def _spaceable(value: str) -> bool:
    return _numeric(value) and spaced(value, random.Random(0)) != value  # already "0 9 1 2 …" is left alone


def _separable(value: str) -> bool:
    """Digit strings that people group freely (phones, IDs, accounts); an IPv4 address is not regrouped."""
    return bool(_SEPARATED.fullmatch(value)) and n_digits(value) >= 8 and not _IPV4.fullmatch(value)


def _leetable(value: str) -> bool:
    """Markings, passwords and short cue phrases; long sentences are not typed in leetspeak."""
    return len(value) <= 30 and any(c in _LEET for c in strip_marks(value))


def _is_secretish(record: Record) -> bool:
    return bool(SECRET_LIKE & set(record.get("categories") or []))


SPECS: dict[str, Spec] = {
    "no_diacritics": Spec(lambda v: True, _strip, _strip, question_too=True, needs=lambda r: _has_marks(r["text"])),
    "fullwidth_digits": Spec(_numeric, fullwidth),
    "spaced_digits": Spec(_spaceable, spaced),
    "dashed_digits": Spec(_separable, _regroup("-")),
    "dotted_digits": Spec(_separable, _regroup(".")),
    "spelled_digits": Spec(_numeric, spelled),
    "homoglyphs": Spec(lambda v: any(unicodedata.normalize("NFD", c)[0] in _HOMO for c in v), homoglyphs),
    "zero_width": Spec(lambda v: len(v) >= 2, zero_width),
    "letter_digits": Spec(lambda v: _numeric(v) and any(c in "01" for c in v), letter_digits),
    "upper_case": Spec(lambda v: v != v.upper(), upper),
    "line_breaks": Spec(lambda v: len(v) >= 4 and "\n" not in v, line_break),
    "dashes_in_passport": Spec(lambda v: bool(_ID_PREFIXED.fullmatch(v)), passport_dashes),
    "leetspeak": Spec(_leetable, leet, _leet_context, needs=_is_secretish),
}


def _b64(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _base64(record: Record, rng: random.Random) -> Record:
    """Encode each line that carries a value (or just the value, when the question shares its line)."""
    text, question = record["text"], record.get("question")
    q_start = text.find(question) if question else -1
    regions: list[tuple[int, int]] = []
    for s, e in _value_spans(text, _targets(record)):
        ls, le = text.rfind("\n", 0, s) + 1, text.find("\n", e)
        le = len(text) if le == -1 else le
        if q_start != -1 and not (le <= q_start or ls >= q_start + len(question or "")):
            ls, le = s, e  # the question shares the line: encode only the value
        regions.append((ls, le))
    merged: list[list[int]] = []
    for s, e in sorted(regions):
        if merged and s <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], e)
        else:
            merged.append([s, e])
    parts, outside, blobs, pos = [], [], [], 0
    for s, e in merged:
        outside.append(text[pos:s])
        blobs.append(_b64(text[s:e]))
        parts += [text[pos:s], blobs[-1]]
        pos = e
    outside.append(text[pos:])
    parts.append(text[pos:])
    new_text = "".join(parts)

    def survivors(items: list[str]) -> list[str]:
        return [v for v in items if any(v in piece for piece in outside)]

    result = dict(record, text=new_text, question=question if question and question in new_text else None)
    result["values"] = _dedupe(blobs + survivors(record["values"])) if record["values"] else []
    if record.get("_decoys"):
        result["_decoys"] = _dedupe(blobs + survivors(record["_decoys"]))
    result["evasive"], result["evasion"] = True, "base64"
    return result


def _value_spans(text: str, targets: list[str]) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for kind, seg in segments(text, targets, None):
        if kind == "value":
            spans.append((pos, pos + len(seg)))
        pos += len(seg)
    return spans


def _make(name: str, spec: Spec) -> Callable[[Record, random.Random], Record]:
    def evade(record: Record, rng: random.Random) -> Record:
        if name == "upper_case" and rng.random() < 0.5:
            whole = Spec(spec.touches, upper, upper, question_too=True)
            return _apply(whole, name, record, rng)
        return _apply(spec, name, record, rng)

    evade.__name__ = name
    return evade


EVASIONS: dict[str, Callable[[Record, random.Random], Record]] = {name: _make(name, spec) for name, spec in SPECS.items()}
EVASIONS["base64"] = _base64
# Negatives are rewritten only in ways that cannot turn them into something to block.
ALLOW_EVASIONS = (
    "no_diacritics",
    "upper_case",
    "fullwidth_digits",
    "spaced_digits",
    "dotted_digits",
    "homoglyphs",
    "zero_width",
    "spelled_digits",
)


def applicable(record: Record, name: str) -> bool:
    """True when ``name`` would change at least one value (or, for no_diacritics, the message)."""
    targets = _targets(record)
    if name == "base64":
        return bool(targets)
    spec = SPECS[name]
    if not spec.needs(record):
        return False
    if name == "no_diacritics":
        return True
    return any(spec.touches(t) for t in targets)

"""The sentence or two of a passage that a short text (a hint, a question) is about."""

from __future__ import annotations

from coach.extractive_answerer import LIST_MARK, STOP_TERMS, split_units
from knowledge_base.text_normalize import lexical_terms

MAX_SENTENCES = 2
MAX_WORDS = 60


def excerpt(passage: str, about: str) -> str:
    """The one or two sentences of ``passage`` sharing most words with ``about``, in the passage's order; a list
    item stays with its list's header. Empty when nothing matches or the passage is that short anyway (show the
    whole passage instead)."""
    asked = {t for t in lexical_terms(about) if t not in STOP_TERMS and not t.startswith("=")}
    scored, units = [], split_units(passage)
    for position, unit in enumerate(units):
        header, _, items = unit.partition(LIST_MARK)
        readings = [f"{header} {item}" for item in items.split(LIST_MARK)] if items else [unit]
        for reading in readings:
            shared = len(asked & set(lexical_terms(reading)))
            if shared:
                scored.append((shared, position, reading))
    chosen, words = [], 0
    for _, position, reading in sorted(scored, key=lambda s: (-s[0], s[1])):
        size = len(reading.split())
        if len(chosen) == MAX_SENTENCES or (chosen and words + size > MAX_WORDS):
            break
        chosen.append((position, reading))
        words += size
    if len(chosen) >= len(units) and LIST_MARK not in "".join(units):
        return ""
    return " ".join(r if r.endswith((".", "!", "?")) else r + "." for _, r in sorted(chosen))

"""Restores Vietnamese diacritics to text typed without them, using the corpus as the dictionary.

The embedding model reads ``thu tuc ket hon`` poorly; ``thủ tục kết hôn`` well. Within a domain
corpus most folded syllable pairs have one dominant accented form, so a bigram vote over the
corpus restores typical queries well enough for the dense retriever. BM25 does not need it: it
indexes folded terms.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable

from knowledge_base.text_normalize import fold_diacritics, fold_word, words

# Question phrasing that a procedure corpus rarely contains, so that "can gi" reads "cần gì".
COMMON_PHRASES = (
    "cần những gì",
    "cần giấy tờ gì",
    "cần mang gì",
    "có mất phí không",
    "mất bao lâu",
    "mất mấy ngày",
    "mấy giờ",
    "mấy tuổi",
    "mấy ngày",
    "bao nhiêu tiền",
    "hiện nay là bao nhiêu",
    "ở đâu",
    "thế nào",
    "có được không",
    "có phải không",
    "có bị phạt không",
    "làm sao",
    "tôi muốn hỏi",
    "cho hỏi",
)


class DiacriticsRestorer:
    """Maps folded syllables back to the accented forms most frequent in the corpus."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._forms: dict[str, Counter[str]] = defaultdict(Counter)
        self._pairs: Counter[tuple[str, str]] = Counter()
        for text in (*texts, *COMMON_PHRASES * 5):
            tokens = words(text)
            for token in tokens:
                self._forms[fold_word(token)][token] += 1
            self._pairs.update(zip(tokens, tokens[1:]))

    @staticmethod
    def lacks_diacritics(text: str) -> bool:
        """True when ``text`` has letters but no Vietnamese diacritics at all."""
        return any(ch.isalpha() for ch in text) and fold_diacritics(text) == text

    def restore(self, text: str) -> str:
        """Accented version of ``text`` (lower case); words already accented are kept as typed.

        Left to right, each unaccented syllable takes the corpus form that best agrees with its
        neighbours: pairs seen with the chosen previous word and with any form of the next word
        weigh far more than the form's own frequency.
        """
        tokens = words(text)
        restored: list[str] = []
        for i, token in enumerate(tokens):
            plain = fold_word(token)
            candidates = self._forms.get(plain)
            if token != plain or not candidates:
                restored.append(token)
                continue
            following = self._forms.get(fold_word(tokens[i + 1]), Counter()) if i + 1 < len(tokens) else Counter()
            previous = restored[-1] if restored else None
            restored.append(max(candidates, key=lambda form: self._score(form, candidates, previous, following)))
        return " ".join(restored)

    def _score(self, form: str, candidates: Counter[str], previous: str | None, following: Counter[str]) -> float:
        context = self._pairs[(previous, form)] if previous else 0
        context += sum(self._pairs[(form, nxt)] for nxt in following)
        return context * 1000 + candidates[form]

"""Vietnamese text normalisation for lexical search: NFC, lower case, diacritics folding."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# "đ" has no combining-mark decomposition, so NFD alone would not fold it.
_EXTRA_FOLD = str.maketrans({"đ": "d", "Đ": "D"})
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def nfc_lower(text: str) -> str:
    """NFC-normalise and lower-case ``text``."""
    return unicodedata.normalize("NFC", text).lower()


def fold_diacritics(text: str) -> str:
    """Remove Vietnamese diacritics: ``thủ tục đăng ký`` → ``thu tuc dang ky``."""
    decomposed = unicodedata.normalize("NFD", text.translate(_EXTRA_FOLD))
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped)


@lru_cache(maxsize=1 << 16)
def fold_word(word: str) -> str:
    """:func:`fold_diacritics` of one word, remembered: a corpus has a few thousand syllables and millions of uses."""
    return fold_diacritics(word)


def words(text: str) -> list[str]:
    """Lower-cased NFC word tokens (syllables, for Vietnamese)."""
    return _WORD.findall(nfc_lower(text))


def lexical_terms(text: str) -> list[str]:
    """Terms indexed and queried by BM25.

    Folded syllables and folded syllable bigrams make ``thu tuc khai sinh`` match ``thủ tục khai
    sinh``; bigrams disambiguate folded syllables (``ho tich`` vs ``ho kinh doanh``). The accented
    form is added, prefixed, only where it differs, so text typed with diacritics ranks exact
    matches higher without double-counting unaccented words.
    """
    tokens = words(text)
    folded = [fold_word(t) for t in tokens]
    terms = list(folded)
    terms.extend(f"{a}_{b}" for a, b in zip(folded, folded[1:]))
    terms.extend(f"={t}" for t, f in zip(tokens, folded) if t != f)
    return terms

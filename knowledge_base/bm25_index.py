"""A small in-memory BM25 (Okapi) index over Vietnamese-normalised terms."""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Sequence

import numpy as np

from knowledge_base.text_normalize import lexical_terms


class BM25Index:
    """Inverted index scored with BM25; terms come from :func:`lexical_terms`."""

    def __init__(self, texts: Sequence[str], k1: float = 1.2, b: float = 0.75) -> None:
        self.k1, self.b = k1, b
        self.size = len(texts)
        postings: dict[str, list[tuple[int, int]]] = defaultdict(list)
        lengths = np.zeros(self.size, dtype=np.float32)
        for index, text in enumerate(texts):
            counts = Counter(lexical_terms(text))
            lengths[index] = sum(counts.values())
            for term, count in counts.items():
                postings[term].append((index, count))
        average = float(lengths.mean()) if self.size else 1.0
        self._norm = k1 * (1 - b + b * lengths / max(average, 1.0))
        self._postings = {
            term: (np.array([i for i, _ in rows], dtype=np.int32), np.array([c for _, c in rows], dtype=np.float32))
            for term, rows in postings.items()
        }
        self._idf = {
            term: math.log(1 + (self.size - len(rows[0]) + 0.5) / (len(rows[0]) + 0.5)) for term, rows in self._postings.items()
        }

    def idf(self, term: str) -> float:
        """Inverse document frequency; a term the corpus never uses gets the highest value."""
        return self._idf.get(term, math.log(1 + (self.size + 0.5) / 0.5))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every indexed text for ``query`` (zeros where nothing matches)."""
        total = np.zeros(self.size, dtype=np.float32)
        for term in set(lexical_terms(query)):
            posting = self._postings.get(term)
            if posting is None:
                continue
            ids, tf = posting
            total[ids] += self._idf[term] * tf * (self.k1 + 1) / (tf + self._norm[ids])
        return total

    def top(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """The ``k`` best (index, score) pairs with a positive score, optionally within a mask."""
        scores = self.scores(query)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        candidates = np.flatnonzero(scores > 0)
        if candidates.size == 0:
            return []
        if candidates.size > k:  # select the k best before sorting: sorting every match grows with the corpus
            values = scores[candidates]
            kth = np.partition(values, values.size - k)[values.size - k]
            # Ties at the cut keep the lowest positions, as a stable sort of every match would.
            ties = candidates[values == kth][: k - int((values > kth).sum())]
            candidates = np.sort(np.concatenate([candidates[values > kth], ties]))
        best = candidates[np.argsort(-scores[candidates], kind="stable")[:k]]
        return [(int(i), float(scores[i])) for i in best]

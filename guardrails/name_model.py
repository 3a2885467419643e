"""Vietnamese person names as character spans: candidates from word lists, scored by a small learned model.

Why this shape: a name is found by what it is made of (a family name, then given-name syllables:
``guardrails.name_features``) and told from look-alikes (streets, schools, agencies, history,
headings) by what surrounds it. Both kinds of evidence are weak alone, so a logistic regression
weighs them: one-hot features (case pattern, lexicon hits, accents, the cue word before — "anh",
"Mr", "đường", "Sở" —, the words around, phone numbers and history words nearby, a public-name
hit). Its weights live in ``data/name_model.json`` (a plain table, no pickle), written by
``python -m guardrails.name_model_train`` from the train split of ``eval/datasets/names_vi`` with
the threshold chosen on dev. Scoring is a dictionary sum per candidate: no model file to download,
no tokenizer library, well under a millisecond for a 500-character message.

Of overlapping candidates the best-scored wins, so a name is one span: "anh Nguyễn Văn An" gives
"Nguyễn Văn An" (the title word is not part of it), never "Nguyễn Văn" as well.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from pathlib import Path

from guardrails.name_features import Message

MODEL_PATH = Path(__file__).resolve().parent / "data" / "name_model.json"


@dataclass(frozen=True, slots=True)
class NameSpan:
    """A person's name at ``text[start:end]``, with the model's confidence ``score`` (0–1)."""

    start: int
    end: int
    score: float


class NameSpanModel:
    """Finds person names in a message; ``spans(text)`` returns them in text order."""

    def __init__(self, path: Path = MODEL_PATH) -> None:
        data = json.loads(path.read_text(encoding="utf-8"))
        self.weights: dict[str, float] = data["weights"]
        self.bias: float = data["bias"]
        self.threshold: float = data["threshold"]

    def score(self, features: list[str]) -> float:
        z = self.bias + sum(self.weights.get(feature, 0.0) for feature in features)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def scored_candidates(self, text: str) -> list[NameSpan]:
        """Every candidate span with its score (the same span from two readings keeps the better)."""
        message = Message(text)
        best: dict[tuple[int, int], float] = {}
        for candidate in message.candidates():
            key = (candidate.start, candidate.end)
            score = self.score(message.features(candidate))
            if score > best.get(key, -1.0):
                best[key] = score
        return [NameSpan(start, end, score) for (start, end), score in best.items()]

    def spans(self, text: str, floor: float | None = None) -> list[NameSpan]:
        """The best non-overlapping candidates scoring at least ``floor`` (the threshold by default)."""
        floor = self.threshold if floor is None else floor
        kept: list[NameSpan] = []
        ranked = sorted(self.scored_candidates(text), key=lambda s: (-s.score, s.start, s.end))
        for span in ranked:
            if span.score < floor:
                break
            if all(span.end <= other.start or other.end <= span.start for other in kept):
                kept.append(span)
        return sorted(kept, key=lambda s: s.start)

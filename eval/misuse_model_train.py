"""``python -m eval.misuse_model_train``: train the misuse detector on generated data and report the frozen test.

Train: ``eval/datasets/misuse/train.jsonl`` plus the answerable questions of ``answers_vi.jsonl`` and of the portal
train split (lawful questions officials really ask) and the out-of-scope train split (everyday requests). C is chosen
on dev; the threshold is the lowest that refuses at most 2% of the dev split's lawful messages and 2% of those
questions. The test split is only scored, never fitted.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from coach.misuse import MODEL_PATH, MisuseDetector, folded, purpose_signals
from guardrails.content_model import BUCKETS, Head, feature_ids

DATA = Path(__file__).resolve().parent / "datasets"
MAX_FALSE_REFUSALS = 0.02
MIN_THRESHOLD = 0.5


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def lawful_questions() -> list[str]:
    """Answerable questions of the project's own sets (train splits only)."""
    cases = _rows(DATA / "answers_vi.jsonl") + _rows(DATA / "answers_portal" / "train.jsonl")
    everyday = _rows(DATA / "out_of_scope" / "train.jsonl")  # requests about anything else: "hướng dẫn giúp tôi…"
    return [c["question"] for c in cases if c.get("kind") == "answerable"] + [c["question"] for c in everyday]


def featurize(texts: list[str]) -> csr_matrix:
    rows, cols, values = [], [], []
    for row, text in enumerate(texts):
        ids = feature_ids(folded(text), purpose_signals(folded(text)))
        rows.extend([row] * len(ids))
        cols.extend(ids)
        values.extend([1 / math.sqrt(len(ids))] * len(ids))
    return csr_matrix((values, (rows, cols)), shape=(len(texts), BUCKETS), dtype=np.float64)


def report(detector: MisuseDetector, rows: list[dict]) -> dict:
    refused = [detector.is_misuse(r["text"]) for r in rows]
    misuse = [r["label"] == "misuse" for r in rows]
    caught = sum(f and m for f, m in zip(refused, misuse, strict=True))
    false = sum(f and not m for f, m in zip(refused, misuse, strict=True))
    by_kind: dict[str, list[bool]] = {}
    for r, f in zip(rows, refused, strict=True):
        by_kind.setdefault(f"{r['label']}:{r['kind']}", []).append(f)
    return {
        "messages": len(rows),
        "misuse_refused": round(caught / max(1, sum(misuse)), 4),
        "lawful_refused": round(false / max(1, len(rows) - sum(misuse)), 4),
        "refused_by_kind": {k: round(sum(v) / len(v), 3) for k, v in sorted(by_kind.items())},
    }


def _threshold(head: Head, lawful: list[str]) -> float:
    scores = np.sort([head.score(feature_ids(folded(t), purpose_signals(folded(t)))) for t in lawful])[::-1]
    budget = int(MAX_FALSE_REFUSALS * len(scores))
    return max(MIN_THRESHOLD, float(scores[budget]) + 1e-6)


def train(c: float = 64.0) -> tuple[MisuseDetector, dict]:
    train_rows, dev_rows = _rows(DATA / "misuse" / "train.jsonl"), _rows(DATA / "misuse" / "dev.jsonl")
    questions = lawful_questions()
    texts = [r["text"] for r in train_rows] + questions
    labels = np.array([r["label"] == "misuse" for r in train_rows] + [False] * len(questions))
    model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
    model.fit(featurize(texts), labels)
    weights = model.coef_[0]
    ids = np.flatnonzero(weights)
    head = Head(ids.astype(np.int32), weights[ids].astype(np.float32), float(model.intercept_[0]), MIN_THRESHOLD)
    # The threshold: the lowest that keeps false refusals within budget on the dev's lawful messages and, apart, on
    # the real questions (pooled, the many questions would hide the dev's look-alikes).
    dev_lawful = [r["text"] for r in dev_rows if r["label"] == "lawful"]
    threshold = max(_threshold(head, dev_lawful), _threshold(head, questions))
    detector = MisuseDetector(Head(head.ids, head.weights, head.bias, threshold))
    return detector, {"threshold": round(threshold, 4), "dev": report(detector, dev_rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    parser.add_argument("--test", action="store_true", help="also score the frozen test split")
    args = parser.parse_args()
    detector, summary = train()
    detector.save(args.out)
    if args.test:
        summary["test"] = report(detector, _rows(DATA / "misuse" / "test.jsonl"))
    print(json.dumps(summary, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

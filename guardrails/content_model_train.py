"""``python -m guardrails.content_model_train`` (``make guard-model``): train the learned layer.

Reads guardrail cases (JSONL ``{text, expected, categories}``) for training and a dev split for the
thresholds, runs the rules on each message for their signals, fits one logistic regression per
head with scikit-learn (a development dependency, never imported at run time) and writes the
weights to ``guardrails/data/content_model.npz``. Never give it the frozen test split.
"""

from __future__ import annotations

import argparse
import json
import math
from pathlib import Path

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from guardrails.content_model import BUCKETS, HEADS, MODEL_PATH, ContentModel, Head, feature_ids
from guardrails.guard import Guardrail

# The most a head may fire on dev messages outside its category; above it, recall is given up.
MAX_DEV_FALSE_BLOCKS = 0.002
MIN_THRESHOLD = 0.5


def read_cases(paths: list[Path]) -> list[dict]:
    cases = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            cases.extend(json.loads(line) for line in handle if line.strip())
    return cases


def featurize(guardrail: Guardrail, cases: list[dict]) -> csr_matrix:
    """One row per case: hashed features, L2-normalised binary values (as the run-time scorer)."""
    rows, cols, values = [], [], []
    for row, case in enumerate(cases):
        folded_text, signals = guardrail.model_inputs(case["text"])
        ids = feature_ids(folded_text, signals)
        rows.extend([row] * len(ids))
        cols.extend(ids)
        values.extend([1 / math.sqrt(len(ids))] * len(ids))
    return csr_matrix((values, (rows, cols)), shape=(len(cases), BUCKETS), dtype=np.float64)


def labels(cases: list[dict], head: str) -> np.ndarray:
    return np.array([case["expected"] == "block" and head in case.get("categories", []) for case in cases])


def threshold_for(probabilities: np.ndarray, negative: np.ndarray) -> float:
    """The lowest threshold whose firings on the dev's negatives stay within budget."""
    negatives = np.sort(probabilities[negative])[::-1]
    budget = int(MAX_DEV_FALSE_BLOCKS * len(negatives))
    if len(negatives) <= budget:
        return MIN_THRESHOLD
    return max(MIN_THRESHOLD, float(negatives[budget]) + 1e-6)


def train(train_paths: list[Path], dev_paths: list[Path], c: float = 4.0) -> tuple[ContentModel, dict]:
    guardrail = Guardrail(content_model=None)
    train_cases, dev_cases = read_cases(train_paths), read_cases(dev_paths)
    x_train, x_dev = featurize(guardrail, train_cases), featurize(guardrail, dev_cases)
    allowed = np.array([case["expected"] == "allow" for case in dev_cases])
    heads, report = {}, {}
    for name in HEADS:
        y = labels(train_cases, name)
        model = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, solver="liblinear")
        model.fit(x_train, y)
        weights = model.coef_[0]
        ids = np.flatnonzero(weights)
        probabilities = model.predict_proba(x_dev)[:, 1]
        y_dev = labels(dev_cases, name)
        # The budget counts every dev message the head should not fire on: an allowed one (a false block), and a
        # blocked one of another kind (a wrong category, shown to the reviewer and in the user's message).
        threshold = threshold_for(probabilities, ~y_dev)
        heads[name] = Head(ids.astype(np.int32), weights[ids].astype(np.float32), float(model.intercept_[0]), threshold)
        caught = probabilities >= threshold
        report[name] = {
            "train_positives": int(y.sum()),
            "threshold": round(threshold, 4),
            "dev_recall": round(float(caught[y_dev].mean()), 4) if y_dev.any() else None,
            "dev_false_blocks": round(float(caught[allowed].mean()), 4),
        }
    return ContentModel(heads), report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=Path, action="append", required=True, help="training cases (repeatable)")
    parser.add_argument("--dev", type=Path, action="append", required=True, help="dev cases for thresholds")
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args()
    model, report = train(args.train, args.dev)
    model.save(args.out)
    print(json.dumps(report, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()

"""Train the person-name scorer on the train split and choose its threshold on dev.

    python -m guardrails.name_model_train            # writes guardrails/data/name_model.json

Each candidate of a training sentence (``guardrails.name_features``) is an example, positive when
its span is exactly a gold name. A logistic regression (scikit-learn, needed here only) learns the
feature weights; the regularisation strength and the threshold are the ones with the best exact
span F1 on dev. The test split is never read.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from guardrails.name_features import Message
from guardrails.name_model import MODEL_PATH, NameSpanModel

DATASET_DIR = Path(__file__).resolve().parents[1] / "eval" / "datasets" / "names_vi"


def _load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def examples(rows: list[dict]) -> tuple[list[dict[str, int]], list[int], int]:
    """Feature dicts and labels of every candidate, and how many gold names no candidate covers."""
    features, labels, uncovered = [], [], 0
    for row in rows:
        message = Message(row["text"])
        gold = {tuple(span) for span in row["spans"]}
        seen = set()
        for candidate in message.candidates():
            span = (candidate.start, candidate.end)
            seen.add(span)
            features.append(dict.fromkeys(message.features(candidate), 1))
            labels.append(int(span in gold))
        uncovered += len(gold - seen)
    return features, labels, uncovered


def _f1(model: NameSpanModel, rows: list[dict]) -> float:
    tp = fp = fn = 0
    for row in rows:
        gold = {tuple(span) for span in row["spans"]}
        found = {(s.start, s.end) for s in model.spans(row["text"])}
        tp += len(gold & found)
        fp += len(found - gold)
        fn += len(gold - found)
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def _as_model(weights: dict[str, float], bias: float, threshold: float) -> NameSpanModel:
    model = NameSpanModel.__new__(NameSpanModel)
    model.weights, model.bias, model.threshold = weights, bias, threshold
    return model


def train(train_rows: list[dict], dev_rows: list[dict]) -> dict:
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    x_dicts, y, uncovered = examples(train_rows)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(x_dicts)
    best: dict | None = None
    for c in (0.3, 1.0, 3.0, 10.0):
        classifier = LogisticRegression(C=c, max_iter=2000)
        classifier.fit(x, y)
        weights = {
            name: round(float(w), 4) for name, w in zip(vectorizer.get_feature_names_out(), classifier.coef_[0]) if abs(w) >= 1e-3
        }
        bias = round(float(classifier.intercept_[0]), 4)
        for threshold in (0.3, 0.4, 0.5, 0.6, 0.7):
            f1 = _f1(_as_model(weights, bias, threshold), dev_rows)
            print(f"C={c} threshold={threshold}: dev exact F1 {f1:.4f}")
            if best is None or f1 > best["dev_f1"]:
                best = {"C": c, "threshold": threshold, "dev_f1": round(f1, 4), "weights": weights, "bias": bias}
    assert best is not None
    return {
        "about": "Person-name span scorer: logistic regression over one-hot features (guardrails/name_features.py).",
        "trained_on": "eval/datasets/names_vi/train.jsonl; C and threshold chosen on dev.jsonl",
        "train_candidates": len(y),
        "train_gold_uncovered": uncovered,
        "C": best["C"],
        "dev_f1": best["dev_f1"],
        "threshold": best["threshold"],
        "bias": best["bias"],
        "weights": dict(sorted(best["weights"].items())),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATASET_DIR)
    parser.add_argument("--out", type=Path, default=MODEL_PATH)
    args = parser.parse_args(argv)
    model = train(_load(args.data / "train.jsonl"), _load(args.data / "dev.jsonl"))
    args.out.write_text(json.dumps(model, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {args.out}: {len(model['weights'])} weights, dev exact F1 {model['dev_f1']}, threshold {model['threshold']}")


if __name__ == "__main__":
    main()

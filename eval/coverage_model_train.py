"""``python -m eval.coverage_model_train``: fit the "not covered" decision on generated and written questions.

Covered (answerable) questions: ``eval/datasets/retrieval_vi.jsonl`` and the train split of the portal answer set;
not covered: the train split of ``eval/datasets/out_of_scope``. Frozen test splits and ``answers_vi.jsonl`` are never
read here. Features come from the default index (curated corpus and portal records: run ``coach ingest`` first),
exactly as the coach computes them. A logistic regression (balanced classes) is cross-validated in 5 folds; the
threshold is the highest whose cross-validated share of answerable questions refused stays within
``--max-answerable-refused`` (default 2%), and the ROC of the cross-validated probabilities is kept in the file.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from api.config import get_settings
from api.runtime import build_index
from coach.coverage import FEATURES, MODEL_FILE, coverage_features
from knowledge_base import build_where, hybrid_search

ROOT = Path(__file__).resolve().parents[1]
DATASETS = ROOT / "eval" / "datasets"
COVERED = (DATASETS / "retrieval_vi.jsonl", DATASETS / "answers_portal" / "train.jsonl")
NOT_COVERED = (DATASETS / "out_of_scope" / "train.jsonl",)


def questions(paths: tuple[Path, ...]) -> list[str]:
    return [json.loads(line)["question"] for path in paths for line in path.read_text(encoding="utf-8").splitlines() if line]


def feature_matrix(index, asked: list[str]) -> np.ndarray:  # noqa: ANN001
    return np.array([coverage_features(q, hybrid_search(index, q, 6, build_where()), index) for q in asked])


def roc_points(labels: np.ndarray, scores: np.ndarray) -> tuple[float, list[tuple[float, float, float]]]:
    """AUC and (threshold, false positive rate, true positive rate) points, covered = positive."""
    order = np.argsort(-scores)
    labels, scores = labels[order], scores[order]
    tpr = np.cumsum(labels) / max(1, labels.sum())
    fpr = np.cumsum(1 - labels) / max(1, (1 - labels).sum())
    auc = float(np.trapezoid(np.concatenate([[0], tpr]), np.concatenate([[0], fpr])))
    step = max(1, len(scores) // 40)
    rows = zip(scores[::step], fpr[::step], tpr[::step])
    return auc, [(round(float(s), 4), round(float(f), 4), round(float(t), 4)) for s, f, t in rows]


def main(argv: list[str] | None = None) -> int:
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--max-answerable-refused", type=float, default=0.02)
    parser.add_argument("--out", type=Path, default=MODEL_FILE)
    args = parser.parse_args(argv)
    index = build_index(get_settings())
    covered, uncovered = questions(COVERED), questions(NOT_COVERED)
    x = feature_matrix(index, covered + uncovered)
    y = np.array([1] * len(covered) + [0] * len(uncovered))
    mean, scale = x.mean(axis=0), np.where(x.std(axis=0) > 1e-9, x.std(axis=0), 1.0)
    z = (x - mean) / scale
    cv = np.zeros(len(y))
    for train, test in StratifiedKFold(5, shuffle=True, random_state=0).split(z, y):
        model = LogisticRegression(class_weight="balanced", max_iter=1000).fit(z[train], y[train])
        cv[test] = model.predict_proba(z[test])[:, 1]
    # The highest threshold that refuses at most the allowed share of answerable questions (cross-validated).
    threshold = float(np.quantile(cv[y == 1], args.max_answerable_refused))
    auc, points = roc_points(y, cv)
    report = {"cv_auc": round(auc, 4), "cv_answerable_refused": round(float((cv[y == 1] < threshold).mean()), 4),
              "cv_out_of_scope_refused": round(float((cv[y == 0] < threshold).mean()), 4),
              "covered_questions": len(covered), "not_covered_questions": len(uncovered), "roc": points}  # fmt: skip
    final = LogisticRegression(class_weight="balanced", max_iter=1000).fit(z, y)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps({"features": FEATURES, "weights": [round(float(w), 6) for w in final.coef_[0]],
                                    "bias": round(float(final.intercept_[0]), 6), "mean": [round(float(m), 6) for m in mean],
                                    "scale": [round(float(s), 6) for s in scale], "threshold": round(threshold, 6),
                                    "report": report}, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")  # fmt: skip
    print(json.dumps({k: v for k, v in report.items() if k != "roc"}, ensure_ascii=False))
    print(dict(zip(FEATURES, (round(float(w), 3) for w in final.coef_[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

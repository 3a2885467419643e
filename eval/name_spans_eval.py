"""Span-level evaluation of a person-name finder on ``eval/datasets/names_vi``.

Exact: a found span counts only if its offsets equal a gold span's. Overlap (partial): a found
span is right if it overlaps any gold span, and a gold span is recalled if any found span overlaps
it (so "Nguyễn Văn" for "Nguyễn Văn An" counts here, not above).

    python -m eval.name_spans_eval --dataset eval/datasets/names_vi/test.jsonl --model model [--json]

``model`` is ``guardrails.name_model.NameSpanModel`` alone; ``recognizer`` is the guardrail's
``PersonNameRecognizer`` built on it (which also leaves out form placeholders such as "Nguyễn Văn A").
The regex recognizer this replaced scored exact F1 0.783 on the test split (README).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

Span = tuple[int, int]
FindSpans = Callable[[str], Iterable[Any]]


def _as_span(found: Any) -> Span:
    """A ``(start, end)`` from a tuple, a ``NameSpan`` or a Presidio result."""
    if isinstance(found, tuple | list):
        return int(found[0]), int(found[1])
    return int(found.start), int(found.end)


def _prf(tp_p: int, n_pred: int, tp_r: int, n_gold: int) -> dict[str, float]:
    precision = tp_p / n_pred if n_pred else 1.0
    recall = tp_r / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": round(precision, 4), "recall": round(recall, 4), "f1": round(f1, 4)}


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def evaluate(find_spans: FindSpans, cases: Sequence[dict], worst: int = 15) -> dict:
    """Exact and overlap P/R/F1 of ``find_spans`` over ``cases`` (rows with ``text`` and ``spans``)."""
    totals = defaultdict(int)
    families: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    errors = []
    elapsed = 0.0
    for case in cases:
        text = case["text"]
        gold = {tuple(span) for span in case["spans"]}
        started = time.perf_counter()
        predicted = {_as_span(found) for found in find_spans(text)}
        elapsed += time.perf_counter() - started
        tp = len(gold & predicted)
        overlap_p = sum(any(_overlaps(p, g) for g in gold) for p in predicted)
        overlap_r = sum(any(_overlaps(g, p) for p in predicted) for g in gold)
        counts = {"sentences": 1, "gold": len(gold), "predicted": len(predicted), "tp": tp, "fp": len(predicted) - tp,
                  "fn": len(gold) - tp, "overlap_tp_p": overlap_p, "overlap_tp_r": overlap_r}  # fmt: skip
        for key, value in counts.items():
            totals[key] += value
            families[case.get("family", "?")][key] += value
        if tp < len(gold) or tp < len(predicted):
            errors.append(
                {
                    "id": case.get("id"),
                    "family": case.get("family"),
                    "text": text,
                    "missed": [text[s:e] for s, e in sorted(gold - predicted)],
                    "wrong": [text[s:e] for s, e in sorted(predicted - gold)],
                    "errors": len(gold - predicted) + len(predicted - gold),
                }
            )
    per_family = {
        family: {
            **{k: c[k] for k in ("sentences", "gold", "predicted", "tp", "fp", "fn")},
            **_prf(c["tp"], c["predicted"], c["tp"], c["gold"]),
        }
        for family, c in sorted(families.items())
    }
    errors.sort(key=lambda e: (-e["errors"], e["id"] or ""))
    return {
        "sentences": totals["sentences"],
        "gold_spans": totals["gold"],
        "predicted_spans": totals["predicted"],
        "exact": _prf(totals["tp"], totals["predicted"], totals["tp"], totals["gold"]),
        "overlap": _prf(totals["overlap_tp_p"], totals["predicted"], totals["overlap_tp_r"], totals["gold"]),
        "per_family": per_family,
        "worst": errors[:worst],
        "error_sentences": len(errors),
        "ms_per_sentence": round(1000 * elapsed / max(1, totals["sentences"]), 4),
    }


def recognizer_finder() -> FindSpans:
    """The guardrail's recognizer, run directly; of overlapping results the best-scored, longest stays."""
    from guardrails.recognizers.person_name_recognizer import PersonNameRecognizer

    recognizer = PersonNameRecognizer()

    def find(text: str) -> list[Span]:
        results = sorted(recognizer.analyze(text, ["PERSON"], None), key=lambda r: (-r.score, r.start - r.end))
        kept: list[Span] = []
        for result in results:
            span = (result.start, result.end)
            if not any(_overlaps(span, other) for other in kept):
                kept.append(span)
        return kept

    return find


def model_finder() -> FindSpans:
    from guardrails.name_model import NameSpanModel

    return NameSpanModel().spans


FINDERS = {"model": model_finder, "recognizer": recognizer_finder}


def _print_report(report: dict, model: str, dataset: str) -> None:
    exact, overlap = report["exact"], report["overlap"]
    print(f"{model} on {dataset}: {report['sentences']} sentences, {report['gold_spans']} names, "
          f"{report['predicted_spans']} found, {report['ms_per_sentence']} ms/sentence")  # fmt: skip
    print(f"  exact    P={exact['precision']:.3f} R={exact['recall']:.3f} F1={exact['f1']:.3f}")
    print(f"  overlap  P={overlap['precision']:.3f} R={overlap['recall']:.3f} F1={overlap['f1']:.3f}")
    print(f"  {'family':<16}{'sent':>5}{'gold':>6}{'tp':>5}{'fp':>5}{'fn':>5}{'F1':>7}")
    for family, row in report["per_family"].items():
        print(f"  {family:<16}{row['sentences']:>5}{row['gold']:>6}{row['tp']:>5}{row['fp']:>5}{row['fn']:>5}{row['f1']:>7.3f}")
    print(f"  worst ({report['error_sentences']} sentences with an error):")
    for error in report["worst"]:
        print(f"   [{error['id']}] missed={error['missed']} wrong={error['wrong']} :: {error['text'][:110]!r}")


def main(argv: list[str] | None = None) -> None:
    from eval.name_corpus import load

    parser = argparse.ArgumentParser(description="Span-level P/R/F1 of a person-name finder.")
    parser.add_argument("--dataset", default="eval/datasets/names_vi/test.jsonl")
    parser.add_argument("--model", choices=sorted(FINDERS), default="recognizer")
    parser.add_argument("--json", action="store_true", help="print the whole report as JSON")
    parser.add_argument("--worst", type=int, default=15)
    args = parser.parse_args(argv)
    report = evaluate(FINDERS[args.model](), load(args.dataset), worst=args.worst)
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_report(report, args.model, args.dataset)


if __name__ == "__main__":
    main()

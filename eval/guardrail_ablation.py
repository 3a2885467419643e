"""``python -m eval.guardrail_ablation --dataset G.jsonl``: what each part of the guardrail contributes.

Runs the guardrail four ways on the same cases: whole; without the learned layer (the content
heads); without the person-name model; without either. Prints one JSON object per variant:
block recall, evasive recall, false-block rate and per-category recall.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from eval.datasets_io import GuardrailCase, read_jsonl
from eval.guardrail_baselines import ours
from eval.guardrail_eval import evaluate
from guardrails import Guardrail
from guardrails.analyzer import build_analyzer
from guardrails.recognizers import default_recognizers
from guardrails.recognizers.person_name_recognizer import PersonNameRecognizer

KEYS = ("block_recall", "evasive_recall", "false_block_rate", "per_category", "per_carrier")


def variants() -> dict[str, Guardrail]:
    without_names = [r for r in default_recognizers() if not isinstance(r, PersonNameRecognizer)]
    return {
        "whole": Guardrail(),
        "without learned layer": Guardrail(content_model=None),
        "without name model": Guardrail(analyzer=build_analyzer(without_names)),
        "rules without names": Guardrail(analyzer=build_analyzer(without_names), content_model=None),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", type=Path, required=True)
    args = parser.parse_args()
    cases = read_jsonl(args.dataset, GuardrailCase)
    for name, guardrail in variants().items():
        report = evaluate(ours(guardrail), cases)
        row = {"variant": name, **{k: report[k] for k in KEYS}}
        row["per_carrier"] = {c: (v["block_recall"], v["false_block_rate"]) for c, v in row["per_carrier"].items()}
        print(json.dumps(row, ensure_ascii=False))


if __name__ == "__main__":
    main()

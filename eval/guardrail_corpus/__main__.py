"""``python -m eval.guardrail_corpus --out eval/datasets/guardrail_gen [--write-test]``.

train.jsonl and dev.jsonl are (re)written every time; test.jsonl is written only with ``--write-test`` and
never over an existing file: the test split is frozen, and FROZEN records its sha256.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from pathlib import Path

from eval.guardrail_corpus.generate import DEFAULT_SEED, build, dumps, summary

FROZEN_NOTE = "The test split is frozen: never regenerated, never edited (only train.jsonl and dev.jsonl are rewritten)."


def frozen_text(test_bytes: bytes) -> str:
    return f"{hashlib.sha256(test_bytes).hexdigest()}  test.jsonl\n{FROZEN_NOTE}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m eval.guardrail_corpus", description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--write-test", action="store_true", help="also write the frozen test split (only if absent)")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)

    test_path = args.out / "test.jsonl"
    if args.write_test and test_path.exists():
        print(f"refusing to overwrite {test_path}: the test split is frozen", file=sys.stderr)
        return 2
    corpus = build(args.seed)
    args.out.mkdir(parents=True, exist_ok=True)
    for split in ("train", "dev"):
        (args.out / f"{split}.jsonl").write_text(dumps(corpus[split]), encoding="utf-8")
    if args.write_test:
        data = dumps(corpus["test"]).encode("utf-8")
        test_path.write_bytes(data)
        (args.out / "FROZEN").write_text(frozen_text(data), encoding="utf-8")
    if not args.quiet:
        print(summary(corpus))
    return 0


if __name__ == "__main__":
    sys.exit(main())

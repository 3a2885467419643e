"""The generated out-of-scope questions: frozen test split, split by subject and phrasing."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from eval.out_of_scope_set import OUT, TEST_FAMILIES, TRAIN_FAMILIES, main


def test_test_split_is_frozen_and_disjoint_from_train(tmp_path: Path) -> None:
    recorded = (OUT / "FROZEN").read_text(encoding="utf-8").split()[0]
    assert hashlib.sha256((OUT / "test.jsonl").read_bytes()).hexdigest() == recorded
    assert main(["--out", str(tmp_path)]) == 0 and not (tmp_path / "test.jsonl").exists()
    assert (tmp_path / "train.jsonl").read_bytes() == (OUT / "train.jsonl").read_bytes()
    train = [json.loads(line) for line in (OUT / "train.jsonl").read_text(encoding="utf-8").splitlines()]
    test = [json.loads(line) for line in (OUT / "test.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {r["family"] for r in train} == set(TRAIN_FAMILIES) and {r["family"] for r in test} == set(TEST_FAMILIES)
    subject = lambda row: row["id"].split("-")[1]  # noqa: E731
    assert not {subject(r) for r in train} & {subject(r) for r in test}
    assert len(test) >= 100 and all(r["kind"] == "out_of_scope" for r in test)

"""The misuse set: split by frame, every kind of act on both sides, the frozen test split reproducible."""

from __future__ import annotations

import json

from eval.misuse_set import OUT, build


def test_no_frame_is_in_two_splits_and_every_act_kind_is_on_both_sides() -> None:
    splits = build()
    families = {name: {row["family"] for row in rows} for name, rows in splits.items()}
    assert not families["train"] & families["test"] and not families["dev"] & families["test"]
    assert not families["train"] & families["dev"]
    for rows in splits.values():
        misuse = {r["kind"] for r in rows if r["label"] == "misuse"}
        lawful = {r["kind"] for r in rows if r["label"] == "lawful"}
        assert misuse == lawful and len(misuse) == 7


def test_the_frozen_test_split_is_what_the_generator_writes() -> None:
    frozen = [json.loads(line) for line in (OUT / "test.jsonl").read_text(encoding="utf-8").splitlines()]
    assert frozen == build()["test"]
    assert any(row["text"].isascii() for row in frozen)  # a share typed without diacritics

"""The train-only extra families (eval/guardrail_corpus/extra_train.py): determinism and bookkeeping.

Reads train_extra.jsonl, train.jsonl and dev.jsonl only; the frozen test split is never opened.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from eval.guardrail_corpus.extra_train import FAMILIES, FILENAME, main
from eval.guardrail_corpus.generate import KEYS
from eval.guardrail_corpus.model import CARRIERS, CATEGORIES, ENTITIES

DATA = Path(__file__).resolve().parents[2] / "eval" / "datasets" / "guardrail_gen"


def _load(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def extra() -> list[dict]:
    return _load(FILENAME)


def test_regenerates_byte_identical(tmp_path: Path) -> None:
    for split in ("train", "dev"):  # the builder skips texts already in train/dev, so it needs the same inputs
        (tmp_path / f"{split}.jsonl").write_bytes((DATA / f"{split}.jsonl").read_bytes())
    assert main(["--out", str(tmp_path), "--quiet"]) == 0
    assert main(["--out", str(tmp_path), "--quiet"]) == 0  # twice: stable across runs too
    assert (tmp_path / FILENAME).read_bytes() == (DATA / FILENAME).read_bytes()


def test_record_format(extra: list[dict]) -> None:
    for r in extra:
        assert list(r) == list(KEYS)
        assert r["split"] == "train"
        assert r["carrier"] in CARRIERS
        assert set(r["categories"]) <= set(CATEGORIES) and set(r["entities"]) <= set(ENTITIES)
        assert (r["expected"] == "block") == bool(r["values"]) == bool(r["categories"])
        assert r["evasive"] == (r["evasion"] != "none")


def test_values_are_exact_substrings(extra: list[dict]) -> None:
    for r in extra:
        for v in r["values"]:
            assert v and v in r["text"], (r["id"], v)
        if r["question"] is not None:
            assert r["question"] in r["text"], r["id"]


def test_ids_and_families(extra: list[dict]) -> None:
    ids = [r["id"] for r in extra]
    assert len(ids) == len(set(ids))
    assert ids == [f"gen-xtrain-{n:05d}" for n in range(1, len(ids) + 1)]
    assert all(r["family"].startswith("xtrain.") for r in extra)
    assert {r["family"] for r in extra} == {f.id for f in FAMILIES}
    existing = {r["family"] for split in ("train", "dev") for r in _load(f"{split}.jsonl")}
    assert not existing & {r["family"] for r in extra}


def test_no_text_duplicates_train_or_dev(extra: list[dict]) -> None:
    texts = [r["text"] for r in extra]
    assert len(texts) == len(set(texts))
    existing = {r["text"] for split in ("train", "dev") for r in _load(f"{split}.jsonl")}
    assert not existing & set(texts)


def test_sizes_and_balance(extra: list[dict]) -> None:
    per_family = Counter(r["family"] for r in extra)
    assert 28 <= len(per_family) <= 34
    assert all(40 <= n <= 60 for n in per_family.values())
    assert 1300 <= len(extra) <= 1800
    block = [r for r in extra if r["expected"] == "block"]
    allow = [r for r in extra if r["expected"] == "allow"]
    assert 0.4 <= len(block) / len(extra) <= 0.6
    assert 0.30 <= sum(r["evasive"] for r in block) / len(block) <= 0.40
    assert 0 < sum(r["evasive"] for r in allow) / len(allow) <= 0.2
    cats = Counter(c for r in block for c in r["categories"])
    for c in ("personal_data", "state_secret", "internal_document", "prompt_injection"):
        assert cats[c] >= 100, c

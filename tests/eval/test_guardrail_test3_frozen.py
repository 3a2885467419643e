"""The third, blind guardrail test set (eval/guardrail_corpus/fresh_test3.py): frozen hash and basic shape.

Reads test3.jsonl and FROZEN_TEST3; never writes them and never needs the guardrail.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eval.datasets_io import GuardrailCase
from eval.guardrail_corpus import CARRIERS, CATEGORIES, ENTITIES, EVASIONS
from eval.guardrail_corpus.fresh_test3 import FILENAME, FROZEN_NAME, PREFIX, SEED, build, main
from eval.guardrail_corpus.generate import KEYS, dumps

DATA = Path(__file__).resolve().parents[2] / "eval" / "datasets" / "guardrail_gen"
SPLIT = "test3"


@pytest.fixture(scope="module")
def records() -> list[dict]:
    with (DATA / FILENAME).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def test_matches_frozen_hash() -> None:
    recorded, name = (DATA / FROZEN_NAME).read_text(encoding="utf-8").split()[:2]
    assert re.fullmatch(r"[0-9a-f]{64}", recorded) and name == FILENAME
    assert hashlib.sha256((DATA / FILENAME).read_bytes()).hexdigest() == recorded


def test_frozen_file_is_the_generator_output() -> None:
    """The committed file is exactly what the module builds for its seed (built in memory, nothing written)."""
    assert dumps(build(SEED)).encode("utf-8") == (DATA / FILENAME).read_bytes()


def test_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / FILENAME).write_text("frozen\n", encoding="utf-8")
    assert main(["--out", str(tmp_path), "--quiet"]) == 2
    assert (tmp_path / FILENAME).read_text(encoding="utf-8") == "frozen\n"
    assert not (tmp_path / FROZEN_NAME).exists()


def test_records_are_valid(records: list[dict]) -> None:
    assert len(records) >= 2000
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)) and all(i.startswith(PREFIX) for i in ids)
    assert len({r["text"] for r in records}) == len(records)
    for r in records:
        assert list(r) == list(KEYS), r["id"]
        GuardrailCase.model_validate(r)
        assert r["family"].startswith(PREFIX) and r["split"] == SPLIT, r["id"]
        assert r["carrier"] in CARRIERS, r["id"]
        assert set(r["categories"]) <= set(CATEGORIES) and set(r["entities"]) <= set(ENTITIES), r["id"]
        assert (r["expected"] == "block") == bool(r["categories"]) == bool(r["values"]), r["id"]
        assert r["evasive"] == (r["evasion"] != "none") and (not r["evasive"] or r["evasion"] in EVASIONS), r["id"]
        for value in r["values"]:
            assert value and value in r["text"], (r["id"], value)
        assert r["question"] is None or r["question"] in r["text"], r["id"]


def test_shape(records: list[dict]) -> None:
    labels = Counter(r["expected"] for r in records)
    assert labels["block"] >= 800 and labels["allow"] >= 800
    families = {(r["family"], r["expected"]) for r in records}
    assert sum(e == "block" for _, e in families) >= 25 and sum(e == "allow" for _, e in families) >= 20
    assert {c for r in records for c in r["categories"]} == set(CATEGORIES)
    for label in ("block", "allow"):
        assert len({r["carrier"] for r in records if r["expected"] == label}) >= 8, label
    block = [r for r in records if r["expected"] == "block"]
    assert 0.25 <= sum(r["evasive"] for r in block) / len(block) <= 0.45
    assert len({r["evasion"] for r in block if r["evasive"]}) >= 8
    assert len({r["evasion"] for r in records if r["expected"] == "allow" and r["evasive"]}) >= 3


def test_weighted_towards_english_and_long_pastes(records: list[dict]) -> None:
    """The set's purpose: English-mixed messages and long pastes, in both labels."""
    for label in ("block", "allow"):
        carriers = Counter(r["carrier"] for r in records if r["expected"] == label)
        assert carriers["english_mixed"] >= 150 and carriers["long_paste"] >= 150, label
    long_block = [r for r in records if r["expected"] == "block" and r["carrier"] == "long_paste"]
    assert min(len(r["text"]) for r in long_block) >= 800

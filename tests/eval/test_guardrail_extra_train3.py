"""The fourth train-only batch (eval/guardrail_corpus/extra_train3.py): determinism and bookkeeping.

Reads train_extra3.jsonl and the files it is deduplicated against (SOURCES) only; no test split is ever opened.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from eval.guardrail_corpus.extra_train3 import FAMILIES, FILENAME, PREFIX, SOURCES, main
from eval.guardrail_corpus.generate import KEYS
from eval.guardrail_corpus.model import CARRIERS, CATEGORIES, ENTITIES

DATA = Path(__file__).resolve().parents[2] / "eval" / "datasets" / "guardrail_gen"


def _load(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def extra() -> list[dict]:
    return _load(FILENAME)


@pytest.fixture(scope="module")
def existing() -> list[dict]:
    return [r for name in SOURCES for r in _load(name)]


def test_sources_exclude_test_splits() -> None:
    assert all("test" not in name for name in SOURCES)
    assert FILENAME not in SOURCES


def test_regenerates_byte_identical(tmp_path: Path) -> None:
    for name in SOURCES:  # the builder skips texts already in these files, so it needs the same inputs
        (tmp_path / name).write_bytes((DATA / name).read_bytes())
    assert main(["--out", str(tmp_path), "--quiet"]) == 0
    first = (tmp_path / FILENAME).read_bytes()
    assert main(["--out", str(tmp_path), "--quiet"]) == 0  # twice: stable across runs too
    assert (tmp_path / FILENAME).read_bytes() == first == (DATA / FILENAME).read_bytes()


def test_record_format(extra: list[dict]) -> None:
    for r in extra:
        assert list(r) == list(KEYS)
        assert r["split"] == "train"
        assert r["carrier"] in CARRIERS
        assert set(r["categories"]) <= set(CATEGORIES) and set(r["entities"]) <= set(ENTITIES)
        assert (r["expected"] == "block") == bool(r["values"]) == bool(r["categories"])
        assert r["evasive"] == (r["evasion"] != "none")


def test_values_and_question_are_exact_substrings(extra: list[dict]) -> None:
    for r in extra:
        for v in r["values"]:
            assert v and v in r["text"], (r["id"], v)
        if r["question"] is not None:
            assert r["question"] in r["text"], r["id"]
            assert not any(v in r["question"] for v in r["values"]), r["id"]


def test_no_template_syntax_left(extra: list[dict]) -> None:
    leftover = re.compile(r"<<[a-z_]+\d?>>|[⟦⟧⟪⟫⦃⦄]|(?<!\$)\{[A-Za-z_]+\d?\}")  # a passport's MRZ line has "<<" legitimately
    for r in extra:
        assert not leftover.search(r["text"]), r["id"]


def test_ids_and_family_prefix(extra: list[dict]) -> None:
    ids = [r["id"] for r in extra]
    assert ids == [f"gen-x3-{n:05d}" for n in range(1, len(ids) + 1)]
    assert all(r["family"].startswith(PREFIX) for r in extra)
    assert {r["family"] for r in extra} == {f.id for f in FAMILIES}


def test_no_family_or_text_overlap(extra: list[dict], existing: list[dict]) -> None:
    assert not {r["family"] for r in existing} & {r["family"] for r in extra}
    texts = [r["text"] for r in extra]
    assert len(texts) == len(set(texts))
    assert not {r["text"] for r in existing} & set(texts)


def test_sizes_and_balance(extra: list[dict]) -> None:
    per_family = Counter(r["family"] for r in extra)
    labels = {f.id: f.expected for f in FAMILIES}
    assert 48 <= len(per_family) <= 54 and set(per_family.values()) == {44}
    assert 26 <= sum(e == "block" for e in labels.values()) <= 30
    assert 20 <= sum(e == "allow" for e in labels.values()) <= 24
    block = [r for r in extra if r["expected"] == "block"]
    allow = [r for r in extra if r["expected"] == "allow"]
    assert 0.30 <= sum(r["evasive"] for r in block) / len(block) <= 0.40
    assert 0 < sum(r["evasive"] for r in allow) / len(allow) <= 0.2
    cats = Counter(c for r in block for c in r["categories"])
    for c in CATEGORIES:
        assert cats[c] >= 80, c


def test_english_and_long_weight(extra: list[dict]) -> None:
    carriers = Counter((r["carrier"], r["expected"]) for r in extra)
    assert carriers[("english_mixed", "block")] >= 250 and carriers[("english_mixed", "allow")] >= 150
    long = [r for r in extra if r["carrier"] == "long_paste"]
    assert long and all(800 <= len(r["text"]) <= 2200 for r in long)

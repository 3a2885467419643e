"""The generated guardrail corpus (eval/guardrail_corpus): frozen test split, determinism, coverage, bookkeeping.

Every test reads the committed files or regenerates them; none needs the guardrail itself.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from eval.guardrail_corpus import CARRIERS, CATEGORIES, ENTITIES, EVASIONS, applicable
from eval.guardrail_corpus.__main__ import main
from eval.guardrail_corpus.identities import luhn_ok, mst_check_digit, strip_marks

DATA = Path(__file__).resolve().parents[2] / "eval" / "datasets" / "guardrail_gen"
SPLITS = ("train", "dev", "test")
KEYS = [
    "id",
    "text",
    "expected",
    "categories",
    "entities",
    "evasive",
    "evasion",
    "carrier",
    "family",
    "split",
    "values",
    "question",
    "note",
]


def _load(split: str) -> list[dict]:
    with (DATA / f"{split}.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


@pytest.fixture(scope="module")
def corpus() -> dict[str, list[dict]]:
    return {split: _load(split) for split in SPLITS}


def test_test_split_matches_frozen_hash() -> None:
    recorded = (DATA / "FROZEN").read_text(encoding="utf-8").split()[0]
    assert re.fullmatch(r"[0-9a-f]{64}", recorded)
    assert hashlib.sha256((DATA / "test.jsonl").read_bytes()).hexdigest() == recorded


def test_train_and_dev_regenerate_byte_identical(tmp_path: Path) -> None:
    assert main(["--out", str(tmp_path), "--quiet"]) == 0
    for split in ("train", "dev"):
        assert (tmp_path / f"{split}.jsonl").read_bytes() == (DATA / f"{split}.jsonl").read_bytes(), split
    assert not (tmp_path / "test.jsonl").exists()  # the test split is written only on request


def test_write_test_refuses_to_overwrite(tmp_path: Path) -> None:
    (tmp_path / "test.jsonl").write_text("frozen\n", encoding="utf-8")
    assert main(["--out", str(tmp_path), "--write-test", "--quiet"]) == 2
    assert (tmp_path / "test.jsonl").read_text(encoding="utf-8") == "frozen\n"


def test_sizes_and_shares(corpus: dict[str, list[dict]]) -> None:
    assert sum(len(records) for records in corpus.values()) >= 6000
    test = corpus["test"]
    assert len(test) >= 1500
    assert sum(r["expected"] == "block" and r["evasive"] for r in test) >= 350
    assert sum(r["expected"] == "allow" for r in test) >= 600
    for split, records in corpus.items():
        block = [r for r in records if r["expected"] == "block"]
        share = sum(r["evasive"] for r in block) / len(block)
        assert 0.30 <= share <= 0.40, (split, share)
        assert {r["evasion"] for r in block if r["evasive"]} == set(EVASIONS), split
        assert any(r["evasive"] for r in records if r["expected"] == "allow"), split
        by_category = Counter(c for r in block for c in r["categories"])
        # most volume on personal/sensitive data, secrets and internal documents
        assert by_category["credential"] + by_category["prompt_injection"] < len(block) / 3, split


def test_families_disjoint_and_every_split_covers_everything(corpus: dict[str, list[dict]]) -> None:
    families = {split: {r["family"] for r in records} for split, records in corpus.items()}
    assert not families["train"] & families["dev"]
    assert not families["train"] & families["test"]
    assert not families["dev"] & families["test"]
    total = sum(len(f) for f in families.values())
    assert 0.5 <= len(families["train"]) / total <= 0.7
    for split, records in corpus.items():
        assert {c for r in records for c in r["categories"]} == set(CATEGORIES), split
        assert {r["carrier"] for r in records} == set(CARRIERS), split
        for carrier in CARRIERS:
            assert {r["expected"] for r in records if r["carrier"] == carrier} == {"block", "allow"}, (split, carrier)


def test_records_are_well_formed(corpus: dict[str, list[dict]]) -> None:
    ids = [r["id"] for records in corpus.values() for r in records]
    assert len(ids) == len(set(ids))
    for split, records in corpus.items():
        for r in records:
            assert list(r) == KEYS, r["id"]
            assert r["split"] == split and r["id"].startswith(f"gen-{split}-")
            assert r["expected"] in ("block", "allow") and r["carrier"] in CARRIERS
            assert set(r["entities"]) <= set(ENTITIES) and set(r["categories"]) <= set(CATEGORIES)
            assert (r["evasion"] == "none") != r["evasive"] and (not r["evasive"] or r["evasion"] in EVASIONS)
            for value in r["values"]:
                assert value and value in r["text"], (r["id"], value)
            assert r["question"] is None or r["question"] in r["text"], r["id"]
            if r["expected"] == "allow":
                assert r["values"] == [] and r["categories"] == [], r["id"]
            else:
                assert r["values"] and r["categories"], r["id"]


def test_long_pastes_have_petition_length(corpus: dict[str, list[dict]]) -> None:
    long = [
        r for records in corpus.values() for r in records if r["carrier"] == "long_paste" and r["family"] != "neg.sample_petition"
    ]
    plain = [r for r in long if not r["evasive"]]
    assert plain and all(600 <= len(r["text"]) <= 1800 for r in plain)


def _sample(records: list[dict], name: str, k: int = 200) -> list[dict]:
    fit = [r for r in records if applicable(r, name)]
    return random.Random(name).sample(fit, min(k, len(fit)))


@pytest.mark.parametrize("name", sorted(EVASIONS))
def test_evasion_keeps_values_and_labels(corpus: dict[str, list[dict]], name: str) -> None:
    block = [r for r in corpus["train"] if r["expected"] == "block"]
    sample = _sample(block, name)
    assert sample, f"{name} applies to no train record"
    rng = random.Random(7)
    for record in sample:
        out = EVASIONS[name](record, rng)
        assert out["text"] != record["text"], (name, record["id"])
        assert (out["expected"], out["categories"], out["entities"]) == (
            record["expected"],
            record["categories"],
            record["entities"],
        )
        assert out["evasive"] and out["evasion"] == name
        assert out["values"], (name, record["id"])
        for value in out["values"]:
            assert value in out["text"], (name, record["id"], value)
        if out["question"] is not None:
            assert out["question"] in out["text"], (name, record["id"])
        if record["question"] is not None and name not in ("no_diacritics", "upper_case"):
            assert out["question"] == record["question"], (name, record["id"])  # untouched questions survive


def _record(text: str, values: list[str], categories: list[str]) -> dict:
    return {
        "id": "x",
        "text": text,
        "expected": "block",
        "categories": categories,
        "entities": [],
        "evasive": False,
        "evasion": "none",
        "carrier": "plain",
        "family": "f",
        "split": "train",
        "values": values,
        "question": None,
        "note": "",
    }


SHAPES = {
    "cccd": (
        _record("Anh Nguyễn Văn An, CCCD 001085012345, hỏi thủ tục", ["Nguyễn Văn An", "001085012345"], ["personal_data"]),
        set(EVASIONS) - {"dashes_in_passport", "leetspeak"},
    ),
    "passport": (
        _record("Hộ chiếu C1234567 của chị Lê Thị Hoa", ["C1234567", "Lê Thị Hoa"], ["personal_data"]),
        {"dashes_in_passport", "fullwidth_digits", "spelled_digits", "homoglyphs", "zero_width", "letter_digits"},
    ),
    "marking": (
        _record("TỐI MẬT\nKế hoạch bảo vệ", ["TỐI MẬT"], ["state_secret"]),
        {"leetspeak", "no_diacritics", "homoglyphs", "zero_width", "line_breaks", "base64"},
    ),
    "password": (_record("mật khẩu VNeID là Hoa@2024", ["Hoa@2024"], ["credential"]), {"leetspeak", "upper_case", "base64"}),
}


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_evasions_apply_to_every_shape_they_can_touch(shape: str) -> None:
    record, expected = SHAPES[shape]
    for name in expected:
        assert applicable(record, name), (shape, name)
        out = EVASIONS[name](record, random.Random(1))
        assert all(v in out["text"] for v in out["values"]), (shape, name)


def test_no_diacritics_negative_stays_allow(corpus: dict[str, list[dict]]) -> None:
    allow = [r for r in corpus["train"] if r["expected"] == "allow" and strip_marks(r["text"]) != r["text"]]
    assert allow
    rng = random.Random(3)
    for record in random.Random(0).sample(allow, 200):
        out = EVASIONS["no_diacritics"](record, rng)
        assert out["expected"] == "allow" and out["values"] == [] and out["categories"] == []
        assert strip_marks(out["text"]) == out["text"]
        assert not any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", out["text"]) if c.isalpha())
        assert out["question"] is None or out["question"] in out["text"]


def test_check_digit_helpers() -> None:
    assert mst_check_digit("010010910") == 6  # 0100109106, a published company tax code
    assert luhn_ok("4111 1111 1111 1111") and not luhn_ok("4111 1111 1111 1112")

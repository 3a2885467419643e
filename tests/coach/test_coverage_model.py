"""The learned "not covered" decision: the shipped model, its features, its fallback."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from coach import Coach, CoveragePolicy
from coach.coverage import FEATURES, MODEL_FILE, CoverageModel, coverage_features
from guardrails import Guardrail
from knowledge_base import KnowledgeIndex, build_where, hybrid_search


def test_the_shipped_model_matches_the_features_and_was_cross_validated() -> None:
    model = CoverageModel.load()
    assert model is not None and len(model.weights) == len(FEATURES)
    report = model.report
    assert report["cv_auc"] >= 0.95 and report["cv_answerable_refused"] <= 0.03
    # Passages closer in meaning and more of the question's words found make "covered" more likely.
    weights = dict(zip(FEATURES, model.weights))
    assert weights["max_dense_top3"] > 0 and weights["content_share_top"] > 0


def test_a_model_of_other_features_or_a_broken_file_falls_back_to_the_cosine_rule(tmp_path: Path) -> None:
    data = json.loads(MODEL_FILE.read_text(encoding="utf-8"))
    data["features"] = ["something_else"]
    (tmp_path / "other.json").write_text(json.dumps(data), encoding="utf-8")
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert CoverageModel.load(tmp_path / "other.json") is None and CoverageModel.load(tmp_path / "broken.json") is None
    assert CoveragePolicy(model=None).covers("bất kỳ", []) is False


@pytest.mark.parametrize("index", ["embedded"], indirect=True)
def test_features_and_decisions_on_the_fixture_corpus(fixture_index: KnowledgeIndex) -> None:
    asked = "lệ phí đăng ký khai sinh bao nhiêu"
    features = dict(zip(FEATURES, coverage_features(asked, hybrid_search(fixture_index, asked, 6, build_where()), fixture_index)))
    assert features["content_share_top"] > 0.5 and features["asks_a_procedure_field"] == 1.0
    off = "cách nấu canh chua cá lóc"
    off_features = dict(zip(FEATURES, coverage_features(off, hybrid_search(fixture_index, off, 6, build_where()), fixture_index)))
    assert off_features["content_share_top"] < features["content_share_top"] and off_features["names_a_document"] == 0.0
    coach = Coach(fixture_index, Guardrail(), coverage=CoveragePolicy(model=CoverageModel.load()))
    assert not coach.answer(asked).not_covered
    assert coach.answer(off).not_covered and coach.answer("thoi tiet cuoi tuan o da nang the nao").not_covered

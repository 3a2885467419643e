"""Ranking metrics on hand-checked examples."""

from __future__ import annotations

import math

from eval.metrics import dedupe, hit_at, ndcg_at, percentile, reciprocal_rank


def test_ranking_metrics() -> None:
    ranked = dedupe(["x", "x", "a", "y", "b"])
    assert ranked == ["x", "a", "y", "b"]
    assert hit_at(ranked, {"a"}, 1) == 0.0 and hit_at(ranked, {"a"}, 5) == 1.0
    assert reciprocal_rank(ranked, {"a", "b"}) == 0.5
    expected = (1 / math.log2(3) + 1 / math.log2(5)) / (1 + 1 / math.log2(3))
    assert math.isclose(ndcg_at(ranked, {"a", "b"}), expected)
    assert ndcg_at(ranked, set()) == 0.0


def test_percentile_interpolates() -> None:
    assert percentile([], 50) == 0.0
    assert percentile([1, 2, 3, 4], 50) == 2.5
    assert percentile([10.0] * 3 + [100.0], 95) > 10.0

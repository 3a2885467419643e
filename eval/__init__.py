"""Datasets and scorers; nothing imports this package."""

from eval.metrics import dedupe, hit_at, ndcg_at, percentile, reciprocal_rank

__all__ = ["dedupe", "hit_at", "ndcg_at", "percentile", "reciprocal_rank"]

"""Whole families to splits, stratified by (carrier, label), so test templates are never seen in training.

Among the shuffles that cover every category and every carrier (blocked and allowed) in every split, the one
closest to 60/20/20 — in families, in each category's messages and in the allow share — wins; the search
is deterministic for a seed.
"""

from __future__ import annotations

import random
from collections import defaultdict

from eval.guardrail_corpus.model import CARRIERS, CATEGORIES, Family

SPLITS = ("train", "dev", "test")
TARGET = {"train": 0.6, "dev": 0.2, "test": 0.2}
ATTEMPTS = 3000


def covered(fams: list[Family], split_of: dict[str, str]) -> bool:
    """Every split holds every category, and every carrier both blocked and allowed."""
    for split in SPLITS:
        mine = [f for f in fams if split_of[f.id] == split]
        if {c for f in mine for c in f.categories} != set(CATEGORIES):
            return False
        for carrier in CARRIERS:
            if {f.expected for f in mine if f.carrier == carrier} != {"block", "allow"}:
                return False
    return True


def _score(fams: list[Family], split_of: dict[str, str], size_of) -> float:
    """Squared distance from the target shares: families, messages per category, allow messages."""
    score = 0.0
    groups: list[list[Family]] = [fams, [f for f in fams if f.expected == "allow"]]
    groups += [[f for f in fams if c in f.categories] for c in CATEGORIES]
    for k, group in enumerate(groups):
        weigh = (lambda f: 1) if k == 0 else size_of
        total = sum(weigh(f) for f in group)
        for split in SPLITS:
            share = sum(weigh(f) for f in group if split_of[f.id] == split) / total
            score += (share - TARGET[split]) ** 2
    return score


def assign(fams: list[Family], seed: int, *, min_test: dict[str, int] | None = None) -> dict[str, str]:
    """The best of ``ATTEMPTS`` stratified shuffles that meet the coverage rules and the test-size floor."""
    from eval.guardrail_corpus.generate import size_of  # sizes live with the build settings

    strata: dict[tuple[str, str], list[Family]] = defaultdict(list)
    for fam in sorted(fams, key=lambda f: f.id):
        strata[(fam.carrier, fam.expected)].append(fam)
    for key, members in strata.items():
        if len(members) < 3:
            raise ValueError(f"stratum {key} needs at least 3 families, has {len(members)}")
    need = min_test or {"messages": 1600, "allow": 640, "block": 1000}
    best: tuple[float, dict[str, str]] | None = None
    for attempt in range(ATTEMPTS):
        rng = random.Random(f"{seed}:split:{attempt}")
        split_of: dict[str, str] = {}
        for key in sorted(strata):
            members = list(strata[key])
            rng.shuffle(members)
            k = max(1, round(len(members) * TARGET["test"]))
            for i, fam in enumerate(members):
                split_of[fam.id] = "test" if i < k else "dev" if i < 2 * k else "train"
        test = [f for f in fams if split_of[f.id] == "test"]
        sizes = {
            "messages": sum(size_of(f) for f in test),
            "allow": sum(size_of(f) for f in test if f.expected == "allow"),
            "block": sum(size_of(f) for f in test if f.expected == "block"),
        }
        if not covered(fams, split_of) or any(sizes[k] < v for k, v in need.items()):
            continue
        score = _score(fams, split_of, size_of)
        if best is None or score < best[0]:
            best = (score, split_of)
    if best is None:
        raise RuntimeError("no split satisfies the coverage rules; add families")
    return best[1]

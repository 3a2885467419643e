"""Each package's public face is its ``__all__``; the dependency arrows point one way."""

from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ALLOWED = {
    "knowledge_base": set(),
    "guardrails": set(),
    "coach": {"knowledge_base", "guardrails"},
    "api": {"coach", "knowledge_base", "guardrails"},
    "eval": {"coach", "knowledge_base", "guardrails", "api"},
}


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_all_names_exist(package: str) -> None:
    module = importlib.import_module(package)
    assert isinstance(module.__all__, list)
    assert [name for name in module.__all__ if not hasattr(module, name)] == []


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_imports_follow_the_layering(package: str) -> None:
    ours = set(ALLOWED)
    offenders = []
    for path in (ROOT / package).rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = (
                [a.name for a in node.names]
                if isinstance(node, ast.Import)
                else [node.module or ""]
                if isinstance(node, ast.ImportFrom) and node.level == 0
                else []
            )
            for name in names:
                top = name.split(".")[0]
                if top in ours and top != package and top not in ALLOWED[package]:
                    offenders.append(f"{path.relative_to(ROOT)} imports {name}")
    assert offenders == []


def test_knowledge_base_public_face() -> None:
    import knowledge_base

    assert {"KnowledgeIndex", "HybridRetriever", "hybrid_search", "load_corpus", "make_embeddings"} <= set(knowledge_base.__all__)

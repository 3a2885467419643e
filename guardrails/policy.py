"""The guardrail policy (YAML data) and the administrators' allowlist, reloaded when it changes."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, Field

from guardrails.findings import CATEGORIES
from guardrails.normalizer import fold, normalize

DEFAULT_POLICY = Path(__file__).with_name("policy.yaml")


class CategoryRule(BaseModel):
    model_config = ConfigDict(extra="forbid")

    action: Literal["block", "allow"] = "block"
    threshold: float = Field(default=0.5, ge=0.0, le=1.0)


class Policy(BaseModel):
    """Per-category rules; categories missing from the file are blocked at 0.5."""

    model_config = ConfigDict(extra="forbid")

    categories: dict[str, CategoryRule] = Field(default_factory=dict)

    def rule(self, category: str) -> CategoryRule:
        return self.categories.get(category, CategoryRule())

    @classmethod
    def load(cls, path: Path = DEFAULT_POLICY) -> Policy:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        policy = cls.model_validate(data)
        unknown = set(policy.categories) - set(CATEGORIES)
        if unknown:
            raise ValueError(f"unknown guardrail categories in {path}: {sorted(unknown)}")
        return policy


class TermSource(Protocol):
    """Where the guardrail reads cleared terms from (folded), and where admins add them."""

    def terms(self) -> tuple[str, ...]: ...

    def add(self, term: str) -> None: ...


@dataclass
class Allowlist:
    """Terms administrators cleared; read from a YAML list, re-read when the file changes."""

    path: Path | None = None

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        self._mtime: float | None = None
        self._terms: tuple[str, ...] = ()

    def terms(self) -> tuple[str, ...]:
        """Folded, normalised terms; the file is re-read only when its modification time changes."""
        if self.path is None:
            return ()
        try:
            mtime = self.path.stat().st_mtime_ns
        except FileNotFoundError:
            return ()
        with self._lock:
            if mtime != self._mtime:
                raw = yaml.safe_load(self.path.read_text(encoding="utf-8")) or []
                items = raw.get("terms", []) if isinstance(raw, dict) else raw
                self._terms = tuple(fold(normalize(str(t)).text).strip() for t in items if str(t).strip())
                self._mtime = mtime
            return self._terms

    def add(self, term: str) -> None:
        """Append a cleared term (used by the admin review console)."""
        if self.path is None:
            raise ValueError("no allowlist file configured")
        with self._lock:
            existing = yaml.safe_load(self.path.read_text(encoding="utf-8")) if self.path.exists() else None
            items = list(existing or [])
            if term not in items:
                items.append(term)
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self.path.write_text(yaml.safe_dump(items, allow_unicode=True), encoding="utf-8")

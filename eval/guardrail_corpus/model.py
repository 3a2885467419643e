"""The record format, the closed vocabularies, and what a template family is."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from eval.guardrail_corpus.render import Ctx

Record = dict[str, Any]
Template = str | Callable[[Ctx], str]

CATEGORIES = (
    "personal_data",
    "sensitive_personal_data",
    "state_secret",
    "internal_document",
    "credential",
    "prompt_injection",
)
CARRIERS = (
    "plain",
    "form",
    "chat_log",
    "table",
    "long_paste",
    "english_mixed",
    "credential_paste",
    "marked_document",
    "unmarked_document",
)
PERSONAL = (
    "CCCD",
    "CMND",
    "PHONE",
    "EMAIL",
    "BANK_ACCOUNT",
    "CARD",
    "TAX_CODE",
    "BHXH",
    "BHYT",
    "PASSPORT",
    "PLATE",
    "DRIVING_LICENCE",
    "DOB",
    "IP",
    "PERSON",
    "ADDRESS",
)
SENSITIVE = ("HEALTH", "RELIGION", "POLITICS", "ETHNICITY", "BIOMETRIC", "SEX_LIFE", "CRIMINAL_RECORD", "FINANCIAL")
OTHER = ("SECRET_MARKING", "INTERNAL_MARKING", "PASSWORD", "OTP", "API_KEY", "INJECTION")
ENTITIES = PERSONAL + SENSITIVE + OTHER
_BY_ENTITY = {
    "SECRET_MARKING": "state_secret",
    "INTERNAL_MARKING": "internal_document",
    "PASSWORD": "credential",
    "OTP": "credential",
    "API_KEY": "credential",
    "INJECTION": "prompt_injection",
}


@dataclass(frozen=True)
class Family:
    """3-8 sibling templates of one shape; a family goes to one split as a whole."""

    id: str
    carrier: str
    expected: Literal["block", "allow"]
    categories: tuple[str, ...]
    templates: tuple[Template, ...]
    note: str
    kinds: tuple[tuple[int, str], ...] = ()  # person index → kind (baby, elder, famous, …)
    size: int | None = None  # messages to draw; the build's default by label when None
    min_chars: int = 0
    max_chars: int = 100_000

    def __post_init__(self) -> None:
        assert 3 <= len(self.templates) <= 8, f"{self.id}: a family has 3-8 templates"
        assert self.carrier in CARRIERS, self.id
        assert set(self.categories) <= set(CATEGORIES), self.id
        assert (self.expected == "block") == bool(self.categories), f"{self.id}: block families declare categories"


def derive_categories(declared: tuple[str, ...], entities: set[str]) -> list[str]:
    """Declared categories plus those the entities imply; a bare name alone implies nothing extra."""
    found = set(declared)
    if entities & (set(PERSONAL) - {"PERSON"}) or ("PERSON" in entities and not declared):
        found.add("personal_data")
    if entities & set(SENSITIVE):
        found.add("sensitive_personal_data")
    found |= {_BY_ENTITY[e] for e in entities if e in _BY_ENTITY}
    return [c for c in CATEGORIES if c in found]


def family(
    id: str,
    carrier: str,
    expected: Literal["block", "allow"],
    categories: tuple[str, ...] | list[str],
    note: str,
    *templates: Template,
    kinds: dict[int, str] | None = None,
    **extra: Any,
) -> Family:
    """Terse constructor for the family tables."""
    return Family(id, carrier, expected, tuple(categories), tuple(templates), note, tuple((kinds or {}).items()), **extra)

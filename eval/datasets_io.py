"""Reading evaluation datasets (JSON Lines); unknown keys are ignored, bad lines are reported."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

Row = TypeVar("Row", bound=BaseModel)


class DatasetError(ValueError):
    """A dataset line that cannot be read, with its file and line number."""


class RetrievalQuestion(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    question: str
    relevant_ids: list[str]


class GuardrailCase(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    text: str
    expected: Literal["block", "allow"]
    categories: list[str] = []
    evasive: bool = False
    carrier: str = "plain"
    evasion: str = "none"


class AnswerCase(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    question: str
    kind: Literal["answerable", "out_of_scope", "contains_pii"]
    expected_facts: list[list[str]] = []
    field: str | None = None  # the procedure field asked (fee, time, dossier…), for the per-field report


class CorpusRecord(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    title: str
    text: str


def read_jsonl(path: Path, model: type[Row]) -> list[Row]:
    """Parse every non-blank line of ``path`` as ``model``."""
    rows: list[Row] = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                rows.append(model.model_validate(json.loads(line)))
            except (json.JSONDecodeError, ValidationError) as exc:
                raise DatasetError(f"{path}:{number}: {exc}") from None
    return rows

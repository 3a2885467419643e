"""Flag records of blocked prompts: redacted text only, with a keyed hash of the original."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from sqlalchemy import Engine
from sqlmodel import Field, Session, SQLModel, select

if TYPE_CHECKING:
    from guardrails.guard import Verdict


@dataclass(frozen=True)
class FlagRecord:
    """What is kept of a blocked prompt: never the raw text."""

    redacted_text: str
    categories: list[str]
    recognizers: list[str]
    scores: list[float]
    text_hmac: str
    context: dict[str, str] = field(default_factory=dict)
    created_at: dt.datetime = field(default_factory=lambda: dt.datetime.now(dt.UTC))
    status: str = "pending"

    @classmethod
    def from_verdict(cls, verdict: Verdict, text_hmac: str, context: dict[str, str]) -> FlagRecord:
        return cls(
            redacted_text=verdict.redacted_text,
            categories=list(verdict.categories),
            recognizers=sorted({f.recognizer for f in verdict.findings}),
            scores=[f.score for f in verdict.findings],
            text_hmac=text_hmac,
            context=dict(context),
        )


class FlagStore(Protocol):
    """Where flags go; the admin console reads them back."""

    def record(self, flag: FlagRecord) -> None: ...


class GuardrailFlag(SQLModel, table=True):
    """The table of blocked prompts (owned by the guardrails package)."""

    __tablename__ = "guardrail_flag"

    id: int | None = Field(default=None, primary_key=True)
    created_at: dt.datetime = Field(index=True)
    status: str = Field(default="pending", index=True, max_length=20)
    redacted_text: str
    categories: str  # JSON list
    recognizers: str  # JSON list
    scores: str  # JSON list
    text_hmac: str = Field(index=True, max_length=64)
    unit: str | None = Field(default=None, index=True, max_length=64)
    source: str | None = Field(default=None, max_length=32)


def _storable(text: str | None) -> str | None:
    """The text without NUL characters, which PostgreSQL's text columns refuse (SQLite keeps them)."""
    return None if text is None else text.replace("\x00", "")


class SqlFlagStore:
    """Flags in the service database (SQLite or PostgreSQL through SQLModel)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, flag: FlagRecord) -> None:
        row = GuardrailFlag(
            created_at=flag.created_at,
            status=flag.status,
            redacted_text=_storable(flag.redacted_text) or "",
            categories=json.dumps(flag.categories),
            recognizers=json.dumps(flag.recognizers),
            scores=json.dumps(flag.scores),
            text_hmac=flag.text_hmac,
            unit=_storable(flag.context.get("unit")),
            source=_storable(flag.context.get("source")),
        )
        with Session(self.engine) as session:
            session.add(row)
            session.commit()

    def pending(self, limit: int = 100) -> list[GuardrailFlag]:
        with Session(self.engine) as session:
            statement = select(GuardrailFlag).where(GuardrailFlag.status == "pending").order_by(GuardrailFlag.created_at.desc())
            return list(session.exec(statement.limit(limit)))

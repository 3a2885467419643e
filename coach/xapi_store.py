"""Every xAPI statement received, as the coach keeps it: without the platform's personal fields.

A statement's row records what it was (verb and activity IRIs), what it meant to the coach (or why it
is not tracked), whether it was voided, and a sanitised copy for ``GET /xapi/statements``: the actor is
reduced to the platform account, hashed as phone numbers are; names, e-mails, instructors, teams and
free-text answers are dropped. A keyed hash of the statement's content tells a re-sent statement (the
same id and content: accepted once) from a conflicting one (the same id, other content: 409).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Connection, delete, select, update
from sqlmodel import Field, SQLModel

from coach.learner_rollup import rebuild_learners
from coach.xapi_forward import enqueue

# Properties the LRS sets or may rewrite: not part of "the same statement" (xAPI 1.0.3, 2.5 Statement comparison).
_NOT_CONTENT = ("id", "stored", "authority", "version")
MAX_EXTENSION_TEXT = 200


class XapiStatementRecord(SQLModel, table=True):
    __tablename__ = "xapi_statement"

    id: str = Field(primary_key=True, max_length=36)
    content_hash: str = Field(max_length=64)
    learner_id: str | None = Field(default=None, index=True, max_length=64)
    verb_iri: str
    object_iri: str
    verb: str | None = Field(default=None, max_length=20)
    object_type: str | None = Field(default=None, max_length=12)
    object_id: str | None = Field(default=None, max_length=80)
    untracked: str | None = Field(default=None, index=True, max_length=12)
    voids: str | None = Field(default=None, index=True, max_length=36)
    voided: bool = False
    source: str | None = Field(default=None, max_length=120)  # the API key that sent it
    timestamp: dt.datetime
    stored_at: dt.datetime = Field(index=True)
    statement: str


@dataclass
class XapiBatch:
    """The rows of one request's statements, written in the transaction that stores their compact forms."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    forward: bool = False  # queue the new ones for the forward LRS (coach.xapi_forward)


class XapiConflict(Exception):
    """A statement id already stored with other content (409)."""

    def __init__(self, ids: list[str]) -> None:
        super().__init__(", ".join(ids))
        self.ids = ids


def content_hash(keyed: Callable[[str, str], str], statement: dict[str, Any]) -> str:
    """A keyed hash (``keyed(purpose, value)``) of the statement's content: equal for a re-sent statement, never
    reversible to its values."""
    content = {k: v for k, v in statement.items() if k not in _NOT_CONTENT}
    return keyed("xapi-content", json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"), default=str))


def sanitised(statement: dict[str, Any], learner_id: str | None, home_page: str | None, stored: dt.datetime) -> dict[str, Any]:
    """The statement as the coach returns it: the actor reduced to its hashed account, personal fields dropped."""
    # Copied only where changed: the caller's statement stays as received (its hash is of the original).
    kept = dict(statement)
    for part in ("context", "result"):
        if isinstance(kept.get(part), dict):
            kept[part] = dict(kept[part])
    kept["actor"] = (
        {"objectType": "Agent", "account": {"homePage": home_page or "urn:coach", "name": learner_id}}
        if learner_id
        else {"objectType": "Group", "member": []}
    )
    context = kept.get("context")
    if isinstance(context, dict):
        context.pop("instructor", None)
        context.pop("team", None)
        context["extensions"] = _plain_extensions(context.get("extensions"))
        if not context["extensions"]:
            context.pop("extensions")
    result = kept.get("result")
    if isinstance(result, dict):
        response = result.get("response")
        if isinstance(response, str) and len(response) > 20:
            result.pop("response")  # a free-text answer can carry personal data
        result.pop("extensions", None)
    kept.pop("authority", None)
    kept["stored"] = stored.isoformat().replace("+00:00", "Z")
    kept["version"] = "1.0.3"
    return kept


def _plain_extensions(extensions: Any) -> dict[str, Any]:
    """Extensions with short scalar values only (session ids, versions, progress); anything richer may carry people."""
    if not isinstance(extensions, dict):
        return {}
    return {
        key: value
        for key, value in extensions.items()
        if isinstance(value, bool | int | float) or (isinstance(value, str) and len(value) <= MAX_EXTENSION_TEXT)
    }


def check_conflicts(connection: Connection, batches: list[XapiBatch]) -> dict[str, str]:
    """The known content hash of each id the batches carry; raises :class:`XapiConflict` on other content."""
    ids = [row["id"] for batch in batches for row in batch.rows]
    if not ids:
        return {}
    table = XapiStatementRecord.__table__
    known = dict(connection.execute(select(table.c.id, table.c.content_hash).where(table.c.id.in_(ids))).all())
    rows = [row for batch in batches for row in batch.rows]
    conflicting = sorted({row["id"] for row in rows if known.get(row["id"], row["content_hash"]) != row["content_hash"]})
    if conflicting:
        raise XapiConflict(conflicting)
    return known


def store_rows(connection: Connection, batches: list[XapiBatch], known: dict[str, str]) -> list[str]:
    """Insert the new rows, apply voiding; returns the ids of compact statements that voiding removed or blocks."""
    table = XapiStatementRecord.__table__
    fresh: dict[str, dict[str, Any]] = {}
    for batch in batches:
        for row in batch.rows:
            if row["id"] not in known:
                fresh.setdefault(row["id"], row)
    if fresh:
        connection.execute(table.insert(), list(fresh.values()))
        forwarded = [i for batch in batches if batch.forward for i in (r["id"] for r in batch.rows) if i in fresh]
        enqueue(connection, sorted(set(forwarded)), min(r["stored_at"] for r in fresh.values()))
    # Voided: the targets of new voiding statements, and new statements an earlier voiding statement targets.
    targets = {row["voids"] for row in fresh.values() if row["voids"]}
    earlier = connection.execute(select(table.c.voids).where(table.c.voids.in_(list(fresh)))).scalars().all() if fresh else []
    voided = sorted(targets | set(earlier))
    if voided:
        # A voiding statement cannot itself be voided (xAPI 2.3.2).
        connection.execute(update(table).where(table.c.id.in_(voided), table.c.voids.is_(None)).values(voided=True))
    return voided


def drop_voided(connection: Connection, voided: list[str]) -> None:
    """Remove voided statements from what the coach tracks, and rebuild their learners' roll-ups."""
    if not voided:
        return
    from coach.event_store import LearnerStatement  # the tracked table; imported here to keep the modules apart

    tracked = LearnerStatement.__table__
    learners = connection.execute(select(tracked.c.learner_id).where(tracked.c.id.in_(voided)).distinct()).scalars().all()
    connection.execute(delete(tracked).where(tracked.c.id.in_(voided)))
    rebuild_learners(connection, list(learners))


def record(connection: Connection, statement_id: str) -> XapiStatementRecord | None:
    table = XapiStatementRecord.__table__
    row = connection.execute(select(table).where(table.c.id == statement_id)).mappings().first()
    return XapiStatementRecord(**row) if row else None


def untracked_summary(connection: Connection, limit: int = 100) -> list[dict[str, Any]]:
    """What arrived but is not tracked, grouped by reason and IRI, the most frequent first."""
    from sqlalchemy import func

    table = XapiStatementRecord.__table__
    iri = table.c.object_iri
    rows = connection.execute(
        select(table.c.untracked, iri, table.c.verb_iri, func.count(), func.max(table.c.stored_at))
        .where(table.c.untracked.is_not(None))
        .group_by(table.c.untracked, iri, table.c.verb_iri)
        .order_by(func.count().desc())
        .limit(limit)
    ).all()
    return [
        {"reason": reason, "object": obj, "verb": verb, "statements": count, "last_stored": last}
        for reason, obj, verb, count, last in rows
    ]

"""The review queue of blocked prompts: list with filters, count, decide (one or many at once)."""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, update
from sqlmodel import Session, col, func, select

from api.accounts.models import FlagReview, now
from guardrails.flags import GuardrailFlag

DECISIONS = ("confirmed", "false_positive", "escalated")
STATUSES = ("pending", *DECISIONS)
# A cleared term is a phrase (a place, an organisation, a wording), never an identifier or an address.
_IDENTIFIER_LIKE = re.compile(r"\d{4}|@|https?://", re.IGNORECASE)


@dataclass(frozen=True)
class FlagQuery:
    status: str | None = None
    category: str | None = None
    unit_code: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    limit: int = 50
    offset: int = 0


def acceptable_allow_term(term: str) -> bool:
    term = term.strip()
    return 2 <= len(term) <= 80 and not _IDENTIFIER_LIKE.search(term)


class FlagReviews:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def _where(self, query: FlagQuery) -> list[Any]:
        conditions: list[Any] = []
        if query.status:
            conditions.append(GuardrailFlag.status == query.status)
        if query.category:
            conditions.append(col(GuardrailFlag.categories).contains(json.dumps(query.category)))
        if query.unit_code:
            conditions.append(GuardrailFlag.unit == query.unit_code)
        if query.since:
            conditions.append(GuardrailFlag.created_at >= query.since)
        if query.until:
            conditions.append(GuardrailFlag.created_at < query.until)
        return conditions

    def search(self, query: FlagQuery) -> tuple[list[dict[str, Any]], int]:
        where = self._where(query)
        with Session(self.engine) as session:
            total = session.exec(select(func.count()).select_from(GuardrailFlag).where(*where)).one()
            newest_first = (col(GuardrailFlag.created_at).desc(), col(GuardrailFlag.id).desc())
            statement = select(GuardrailFlag).where(*where).order_by(*newest_first).offset(query.offset).limit(query.limit)
            flags = list(session.exec(statement))
            latest = self._latest_reviews(session, [f.id for f in flags if f.id is not None])
        return [_flag_out(f, latest.get(f.id)) for f in flags], total

    def counts(self, unit_code: str | None) -> dict[str, int]:
        where = [GuardrailFlag.unit == unit_code] if unit_code else []
        with Session(self.engine) as session:
            rows = session.exec(select(GuardrailFlag.status, func.count()).where(*where).group_by(GuardrailFlag.status)).all()
        counts = dict.fromkeys(STATUSES, 0)
        counts.update({status: count for status, count in rows})
        return counts

    def units_of(self, flag_ids: list[int]) -> dict[int, str | None]:
        with Session(self.engine) as session:
            rows = session.exec(select(GuardrailFlag.id, GuardrailFlag.unit).where(col(GuardrailFlag.id).in_(flag_ids))).all()
        return {flag_id: unit for flag_id, unit in rows}

    def decide(self, flag_ids: list[int], decision: str, reason: str | None, reviewer_id: str) -> int:
        """Set the flags' status and keep the decision in the review history, in one transaction."""
        at = now()
        with Session(self.engine) as session:
            result = session.exec(update(GuardrailFlag).where(col(GuardrailFlag.id).in_(flag_ids)).values(status=decision))
            for flag_id in flag_ids:
                session.add(FlagReview(flag_id=flag_id, decision=decision, reason=reason, reviewer_id=reviewer_id, at=at))
            session.commit()
            return result.rowcount

    @staticmethod
    def _latest_reviews(session: Session, flag_ids: list[int]) -> dict[int, FlagReview]:
        if not flag_ids:
            return {}
        reviews = session.exec(select(FlagReview).where(col(FlagReview.flag_id).in_(flag_ids)).order_by(col(FlagReview.id)))
        return {review.flag_id: review for review in reviews}  # the last one of each flag wins


def _flag_out(flag: GuardrailFlag, review: FlagReview | None) -> dict[str, Any]:
    return {
        "id": flag.id, "created_at": flag.created_at, "status": flag.status, "redacted_text": flag.redacted_text,
        "categories": json.loads(flag.categories), "recognizers": json.loads(flag.recognizers),
        "scores": [round(s, 3) for s in json.loads(flag.scores)], "unit": flag.unit, "source": flag.source,
        "review": None if review is None else {"decision": review.decision, "reason": review.reason,
                                                "reviewer_id": review.reviewer_id, "at": review.at},
    }  # fmt: skip

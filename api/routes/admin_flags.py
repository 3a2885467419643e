"""Admin console: the review queue of prompts the guardrail blocked (stored redacted)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, Field

from api import messages_vi
from api.access import Admin, UnitAdmin, client_ip, unit_scope
from api.errors import ApiError
from api.flag_review import FlagQuery, FlagReviews, acceptable_allow_term
from api.params import Day, Offset, RowId
from api.schemas import PlainText

router = APIRouter(prefix="/v1/admin/flags", tags=["admin"])
MAX_BULK = 200


class ReviewRequest(BaseModel):
    ids: list[RowId] = Field(min_length=1, max_length=MAX_BULK, description="One flag, or many for a bulk action.")
    decision: Literal["confirmed", "false_positive", "escalated"]
    reason: PlainText | None = Field(default=None, max_length=500)
    allow_terms: list[PlainText] = Field(
        default_factory=list, max_length=5, description="Admins only: terms to allow from now on."
    )


def _reviews(request: Request) -> FlagReviews:
    return FlagReviews(request.app.state.engine)


def day_start(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else dt.datetime.combine(day, dt.time(), tzinfo=dt.UTC)


def day_after(day: dt.date | None) -> dt.datetime | None:
    return None if day is None else day_start(day + dt.timedelta(days=1))


@router.get("", summary="Hàng đợi cảnh báo cần xem xét")
def list_flags(
    principal: UnitAdmin, request: Request,
    status: Literal["pending", "confirmed", "false_positive", "escalated", "all"] = "pending",
    category: Annotated[str | None, Query(max_length=40)] = None,
    unit: Annotated[str | None, Query(max_length=64)] = None,
    since: Day = None, until: Day = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Newest first; a unit admin sees their own unit's flags only."""
    query = FlagQuery(
        None if status == "all" else status,
        category,
        unit_scope(principal, unit),
        day_start(since),
        day_after(until),
        limit,
        offset,
    )
    items, total = _reviews(request).search(query)
    return {"items": items, "total": total}


@router.get("/counts", summary="Số cảnh báo theo trạng thái")
def flag_counts(
    principal: UnitAdmin, request: Request, unit: Annotated[str | None, Query(max_length=64)] = None
) -> dict[str, int]:
    return _reviews(request).counts(unit_scope(principal, unit))


@router.post("/review", summary="Xử lý cảnh báo (một hoặc nhiều)")
def review(body: ReviewRequest, principal: UnitAdmin, request: Request) -> dict[str, Any]:
    """Confirm, clear as a false positive (with a reason, optionally allowing terms), or escalate."""
    reason = (body.reason or "").strip() or None
    if body.decision == "false_positive" and reason is None:
        raise ApiError(422, "reason_required", messages_vi.REASON_REQUIRED)
    terms = [t.strip() for t in body.allow_terms if t.strip()]
    if terms and principal.role != "admin":
        raise ApiError(403, "allowlist_admin_only", messages_vi.ALLOWLIST_ADMIN_ONLY)
    if any(not acceptable_allow_term(t) for t in terms) or (terms and body.decision != "false_positive"):
        raise ApiError(422, "bad_allow_term", messages_vi.BAD_ALLOW_TERM)
    reviews = _reviews(request)
    ids = sorted(set(body.ids))
    units = reviews.units_of(ids)
    if len(units) != len(ids):
        raise ApiError(404, "flag_not_found", messages_vi.FLAG_NOT_FOUND)
    if principal.role != "admin" and any(u != principal.unit_code for u in units.values()):
        raise ApiError(403, "other_unit", messages_vi.OTHER_UNIT)
    updated = reviews.decide(ids, body.decision, reason, principal.id)
    audit = request.app.state.accounts.audit
    ip = client_ip(request)
    # The target stays short (a column of 120); every id is in the detail.
    target = f"flag:{ids[0]}" if len(ids) == 1 else f"flags:{ids[0]}..{ids[-1]} ({len(ids)})"
    audit.record("flag_review", principal, target=target, unit_code=principal.unit_code, ip=ip,
                 decision=body.decision, count=updated, ids=ids, reason=reason)  # fmt: skip
    for term in terms:
        request.app.state.guardrail.allowlist.add(term)  # re-read by the guardrail on its next check
        audit.record("allowlist_add", principal, target="allowlist", ip=ip, term=term, flags=ids)
    return {"updated": updated, "decision": body.decision, "allowlisted": terms}


allowlist_router = APIRouter(prefix="/v1/admin/allowlist", tags=["admin"])


class AllowTerm(BaseModel):
    term: PlainText = Field(min_length=1, max_length=80)


@allowlist_router.get("", summary="Danh sách cụm từ được cho phép")
def list_allowed_terms(principal: Admin, request: Request) -> dict[str, Any]:
    """Terms admins cleared in the review queue (the deployment's file terms are not listed here)."""
    entries = request.app.state.guardrail.allowlist.entries()
    return {"items": [{"term": e.term, "added_at": e.added_at} for e in entries]}


@allowlist_router.post("/remove", summary="Gỡ một cụm từ khỏi danh sách cho phép")
def remove_allowed_term(body: AllowTerm, principal: Admin, request: Request) -> dict[str, Any]:
    if not request.app.state.guardrail.allowlist.remove(body.term):
        raise ApiError(404, "term_not_found", messages_vi.TERM_NOT_FOUND)
    request.app.state.accounts.audit.record("allowlist_remove", principal, target="allowlist", ip=client_ip(request),
                                            term=body.term.strip())  # fmt: skip
    return {"removed": body.term.strip()}

"""Admin console: usage per unit and overall, and a unit's monthly report as CSV."""

from __future__ import annotations

import datetime as dt
import re
import threading
import time
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from api import messages_vi
from api.access import UnitAdmin, client_ip, unit_scope
from api.errors import ApiError
from api.usage_report import UsageFilter, monthly_report_csv, usage_summary

router = APIRouter(prefix="/v1/admin/usage", tags=["admin"])
MAX_DAYS = 366
OVERALL_TTL_SECONDS = 60.0  # the all-units view reads every learner's progress (seconds at 18,000 learners)


class OverallCache:
    """The latest all-units summaries by period, reused for a minute; unit views are fast and always fresh."""

    def __init__(self, ttl: float = OVERALL_TTL_SECONDS) -> None:
        self.ttl, self._lock, self._entries = ttl, threading.Lock(), {}

    def get(self, key: tuple[dt.date, dt.date], compute: Callable[[], dict[str, Any]]) -> dict[str, Any]:
        now = time.monotonic()
        with self._lock:
            hit = self._entries.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                return hit[1]
        value = compute()
        with self._lock:
            self._entries = {k: v for k, v in self._entries.items() if now - v[0] < self.ttl}
            self._entries[key] = (now, value)
        return value


@router.get("", summary="Tình hình sử dụng (theo đơn vị hoặc toàn hệ thống)")
def usage(
    principal: UnitAdmin, request: Request, unit: Annotated[str | None, Query(max_length=64)] = None,
    since: dt.date | None = None, until: dt.date | None = None,
) -> dict[str, Any]:  # fmt: skip
    """Defaults to the last 30 days; a unit admin always gets their own unit."""
    until = until or dt.date.today()
    since = since or until - dt.timedelta(days=29)
    if since > until or (until - since).days >= MAX_DAYS:
        raise ApiError(422, "bad_period", messages_vi.BAD_PERIOD)
    learning, scope = request.app.state.learning, unit_scope(principal, unit)
    flt = UsageFilter(since=since, until=until, unit=scope)

    def compute() -> dict[str, Any]:
        summary = usage_summary(request.app.state.engine, flt, learning.course, learning.window, dt.date.today())
        return {**summary, "generated_at": dt.datetime.now(dt.UTC).isoformat()}

    if scope is not None:
        return compute()
    return request.app.state.usage_cache.get((since, until), compute)


@router.get("/report.csv", summary="Báo cáo tháng (CSV)", response_class=Response)
def monthly_report(
    principal: UnitAdmin, request: Request, month: Annotated[str, Query(max_length=7)],
    unit: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:  # fmt: skip
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise ApiError(422, "bad_month", messages_vi.BAD_MONTH)
    year, number = (int(p) for p in month.split("-"))
    scope = unit_scope(principal, unit)
    learning = request.app.state.learning
    text = monthly_report_csv(request.app.state.engine, scope, year, number, learning.course, learning.window, dt.date.today())
    request.app.state.accounts.audit.record("usage_export", principal, target=f"report:{month}", unit_code=scope,
                                            ip=client_ip(request))  # fmt: skip
    name = f"bao-cao-{scope or 'toan-he-thong'}-{month}.csv"
    return Response(text, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": f'attachment; filename="{name}"'})

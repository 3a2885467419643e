"""Admin console: usage per unit and overall, and a unit's monthly report as CSV."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from api import messages_vi
from api.access import UnitAdmin, client_ip, unit_scope
from api.deps import AccountsDep, EngineDep, LearningDep, UsageCacheDep
from api.errors import ApiError
from api.params import FIRST_DAY, LAST_DAY, Day
from api.usage_report import UsageFilter, monthly_report_csv, usage_summary

router = APIRouter(prefix="/v1/admin/usage", tags=["admin"])
MAX_DAYS = 366


@router.get("", summary="Tình hình sử dụng (theo đơn vị hoặc toàn hệ thống)")
def usage(
    principal: UnitAdmin, engine: EngineDep, learning: LearningDep, usage_cache: UsageCacheDep,
    unit: Annotated[str | None, Query(max_length=64)] = None, since: Day = None, until: Day = None,
) -> dict[str, Any]:  # fmt: skip
    """Defaults to the last 30 days; a unit admin always gets their own unit (fresh), the overall view is shared
    by every worker and at most a minute old (``generated_at`` says when)."""
    until = until or dt.date.today()
    since = since or until - dt.timedelta(days=29)
    if since > until or (until - since).days >= MAX_DAYS:
        raise ApiError(422, "bad_period", messages_vi.BAD_PERIOD)
    scope = unit_scope(principal, unit)
    flt = UsageFilter(since=since, until=until, unit=scope)

    def compute() -> dict[str, Any]:
        summary = usage_summary(engine, flt, learning.course, learning.window, dt.date.today())
        return {**summary, "generated_at": dt.datetime.now(dt.UTC).isoformat()}

    if scope is not None:
        return compute()
    return usage_cache.get(f"overall:{since}:{until}", compute)


@router.get("/report.csv", summary="Báo cáo tháng (CSV)", response_class=Response)
def monthly_report(
    principal: UnitAdmin, request: Request, engine: EngineDep, learning: LearningDep, accounts: AccountsDep,
    month: Annotated[str, Query(max_length=7)], unit: Annotated[str | None, Query(max_length=64)] = None,
) -> Response:  # fmt: skip
    if not re.fullmatch(r"\d{4}-(0[1-9]|1[0-2])", month):
        raise ApiError(422, "bad_month", messages_vi.BAD_MONTH)
    year, number = (int(p) for p in month.split("-"))
    if not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise ApiError(422, "bad_month", messages_vi.BAD_MONTH)
    scope = unit_scope(principal, unit)
    text = monthly_report_csv(engine, scope, year, number, learning.course, learning.window, dt.date.today())
    accounts.audit.record("usage_export", principal, target=f"report:{month}", unit_code=scope, ip=client_ip(request))
    name = f"bao-cao-{scope or 'toan-he-thong'}-{month}.csv"
    return Response(text, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": f'attachment; filename="{name}"'})

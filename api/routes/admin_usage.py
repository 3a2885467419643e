"""Admin console: usage per unit and overall, and a unit's monthly report as CSV."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request, Response

from api import messages_vi
from api.access import UnitAdmin, client_ip, unit_scope
from api.errors import ApiError
from api.usage_report import UsageFilter, monthly_report_csv, usage_summary

router = APIRouter(prefix="/v1/admin/usage", tags=["admin"])
MAX_DAYS = 366


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
    learning = request.app.state.learning
    flt = UsageFilter(since=since, until=until, unit=unit_scope(principal, unit))
    return usage_summary(request.app.state.engine, flt, learning.course, learning.window, dt.date.today())


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

"""The append-only audit log of admin actions and logins."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine
from sqlmodel import Session, col, func, select

from api.accounts.models import AuditEntry
from api.accounts.sessions import Principal

CSV_HEADER = ["Thời điểm (UTC)", "Người thực hiện", "Vai trò", "Hành động", "Đối tượng", "Đơn vị", "Chi tiết", "Địa chỉ IP"]


@dataclass(frozen=True)
class AuditQuery:
    actor_id: str | None = None
    actor_ids: list[str] | None = None  # any of these (the people a name or phone number matched); [] matches nobody
    action: str | None = None
    unit_code: str | None = None
    since: dt.datetime | None = None
    until: dt.datetime | None = None
    limit: int = 100
    offset: int = 0


class AuditLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def record(self, action: str, actor: Principal | None = None, target: str | None = None, unit_code: str | None = None,
               ip: str | None = None, **detail: Any) -> None:  # fmt: skip
        """Append one entry. ``detail`` must never carry personal data (ids, counts, codes of things only)."""
        entry = AuditEntry(
            actor_id=actor.id if actor else None, actor_role=(actor.role or actor.kind) if actor else None, action=action,
            target=target, unit_code=unit_code, detail=json.dumps(detail, ensure_ascii=False, default=str), ip=ip,
        )  # fmt: skip
        with Session(self.engine) as session:
            session.add(entry)
            session.commit()

    def search(self, query: AuditQuery) -> tuple[list[AuditEntry], int]:
        conditions = []
        if query.actor_id:
            conditions.append(AuditEntry.actor_id == query.actor_id)
        if query.actor_ids is not None:
            conditions.append(col(AuditEntry.actor_id).in_(query.actor_ids or [""]))
        if query.action:
            conditions.append(AuditEntry.action == query.action)
        if query.unit_code:
            conditions.append(AuditEntry.unit_code == query.unit_code)
        if query.since:
            conditions.append(AuditEntry.at >= query.since)
        if query.until:
            conditions.append(AuditEntry.at < query.until)
        with Session(self.engine) as session:
            total = session.exec(select(func.count()).select_from(AuditEntry).where(*conditions)).one()
            rows = session.exec(
                select(AuditEntry).where(*conditions).order_by(col(AuditEntry.id).desc()).offset(query.offset).limit(query.limit)
            )
            return list(rows), total

    def export_csv(self, query: AuditQuery) -> str:
        rows, _ = self.search(AuditQuery(**{**query.__dict__, "limit": 100_000, "offset": 0}))
        out = io.StringIO()
        out.write("\ufeff")  # Excel opens UTF-8 Vietnamese correctly only with the BOM
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        for row in rows:
            writer.writerow([row.at.isoformat(), row.actor_id or "", row.actor_role or "", row.action, row.target or "",
                             row.unit_code or "", row.detail, row.ip or ""])  # fmt: skip
        return out.getvalue()

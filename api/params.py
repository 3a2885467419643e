"""Query and body parameters shared by the routes, with bounds that keep every value inside what the database and
the date arithmetic can hold (a 65-bit offset or the year 9999 once answered 500)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import Query
from pydantic import Field

MAX_OFFSET = 10_000_000  # far beyond any list here; a larger one can only be a mistake or a probe
FIRST_DAY, LAST_DAY = dt.date(2000, 1, 1), dt.date(2100, 12, 31)
MAX_ID = 2**31 - 1  # the integer id columns are 32-bit on PostgreSQL (INTEGER): a larger id cannot exist

Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Bỏ qua bấy nhiêu mục đầu (phân trang).")]
Day = Annotated[dt.date | None, Query(ge=FIRST_DAY, le=LAST_DAY, description="Ngày (YYYY-MM-DD), 2000–2100.")]
RowId = Annotated[int, Field(ge=1, le=MAX_ID)]

"""Learner statements, shaped like xAPI, and their validation against the course."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from coach.course import Course
from coach.validation_vi import validation_message_vi

VERBS = (
    "launched", "progressed", "completed", "passed", "failed", "answered", "paused", "resumed",
    "seeked", "idle", "asked", "hint-shown", "hint-dismissed", "hint-helpful", "terminated",
)  # fmt: skip
HINT_RULES = ("repeated_failure", "seek_confusion", "idle_nudge", "deadline_plan", "chat_topic_link", "next_topic")
MAX_BATCH = 500
CLOCK_SKEW = dt.timedelta(minutes=5)
_DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?$")
_LEARNER_ID = r"^[A-Za-z0-9._:-]{1,64}$"


def duration_seconds(value: str | None) -> float | None:
    """Seconds in an ISO 8601 duration such as ``PT2M30S``."""
    if not value:
        return None
    match = _DURATION.match(value)
    if not match or not any(match.groups()):
        raise ValueError("không phải khoảng thời gian ISO 8601 như PT2M30S")
    hours, minutes, seconds = match.groups()
    return int(hours or 0) * 3600 + int(minutes or 0) * 60 + float(seconds or 0)


class Actor(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=_LEARNER_ID)
    unit: str | None = Field(default=None, max_length=64)


class StatementObject(BaseModel):
    model_config = ConfigDict(extra="forbid")

    type: Literal["topic", "lesson", "quiz_item", "hint", "chat"]
    id: str = Field(min_length=1, max_length=80)


class Result(BaseModel):
    model_config = ConfigDict(extra="forbid")

    success: bool | None = None
    score: float | None = Field(default=None, ge=0, le=1)
    # Only the chosen option of a quiz item: free text could carry personal data.
    response: str | None = Field(default=None, max_length=20)
    duration: str | None = None

    @field_validator("duration")
    @classmethod
    def _duration(cls, value: str | None) -> str | None:
        duration_seconds(value)
        return value


class Context(BaseModel):
    model_config = ConfigDict(extra="forbid")

    topic: str | None = None
    lesson: str | None = None
    extensions: dict[str, float | int | str | bool] = Field(default_factory=dict, max_length=20)


class Statement(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: uuid.UUID
    actor: Actor
    verb: Literal[VERBS]  # type: ignore[valid-type]
    object: StatementObject
    result: Result = Field(default_factory=Result)
    timestamp: dt.datetime
    context: Context = Field(default_factory=Context)

    @field_validator("timestamp")
    @classmethod
    def _aware(cls, value: dt.datetime) -> dt.datetime:
        if value.tzinfo is None:
            raise ValueError("thời điểm phải có múi giờ, ví dụ 2025-12-03T08:00:00Z")
        return value.astimezone(dt.UTC)


KIND_NAMES = {"topic": "chuyên đề", "lesson": "bài học", "quiz_item": "câu hỏi"}


@dataclass(frozen=True)
class StatementError:
    index: int
    id: str | None
    field: str
    message: str


def validate_batch(payload: Any, course: Course, now: dt.datetime) -> tuple[list[Statement], list[StatementError]]:
    """Parse one statement or a list of up to :data:`MAX_BATCH`; report every problem with its place."""
    items = payload if isinstance(payload, list) else [payload]
    statements: list[Statement] = []
    errors: list[StatementError] = []
    seen: set[uuid.UUID] = set()
    for index, item in enumerate(items):
        raw_id = item.get("id") if isinstance(item, dict) else None
        try:
            statement = Statement.model_validate(item)
        except ValidationError as exc:
            for error in exc.errors()[:5]:
                field = ".".join(map(str, error["loc"])) or "statement"
                errors.append(StatementError(index, raw_id, field, validation_message_vi(error)))
            continue
        problems = _course_problems(statement, course, now)
        if statement.id in seen:
            problems.append(("id", "id trùng với một sự kiện khác trong cùng lô"))
        seen.add(statement.id)
        errors.extend(StatementError(index, str(statement.id), f, m) for f, m in problems)
        if not problems:
            statements.append(statement)
    return statements, errors


def _course_problems(statement: Statement, course: Course, now: dt.datetime) -> list[tuple[str, str]]:
    problems: list[tuple[str, str]] = []
    if statement.timestamp > now + CLOCK_SKEW:
        problems.append(("timestamp", "thời điểm ở tương lai"))
    kind, object_id = statement.object.type, statement.object.id
    if kind in ("topic", "lesson", "quiz_item") and course.kind_of(object_id) != kind:
        problems.append(("object.id", f"khóa học không có {KIND_NAMES[kind]} '{object_id}'"))
    if kind == "hint":
        rule, _, target = object_id.partition(":")
        if rule not in HINT_RULES or not target:
            rules = ", ".join(HINT_RULES)
            problems.append(("object.id", f"mã gợi ý phải có dạng '<quy tắc>:<đối tượng>', quy tắc là một trong {rules}"))
    for field, value, expected in (
        ("context.topic", statement.context.topic, "topic"),
        ("context.lesson", statement.context.lesson, "lesson"),
    ):
        if value is not None and course.kind_of(value) != expected:
            problems.append((field, f"khóa học không có {KIND_NAMES[expected]} '{value}'"))
    return problems

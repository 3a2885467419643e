"""Usage dashboard data (per unit and overall) and its monthly CSV export: counts only, never message text.

A "unit" is one commune or ward. Conversations carry it in ``coach_conversation.unit``, flags in
``guardrail_flag.unit`` and learner statements in ``learner_statement.unit``. A learner belongs to a
unit when any of their statements up to the end of the period carries it.

Counting rules:

* questions: user messages created in the period, blocked ones included;
* blocked: blocked user messages; not covered: assistant messages that said the documents do not cover
  the question; answered = questions - blocked - not covered (answers grounded in the documents);
* days are UTC dates; the period is inclusive at both ends;
* feedback, flags and statements are counted by their own creation time (or statement timestamp).

Scale: message, feedback, flag and statement counts are GROUP BY queries; only small aggregates reach
Python. Three parts read more rows, by design (figures from ``python -m eval.usage_benchmark``):

* learners: read from the roll-ups kept as statements arrive (``coach.learner_rollup``): the learner-day rows
  up to the end of the period and the topics done by then (at most learners x 19 rows), then
  the progress rules counted in bulk (``progress_counts``);
* hint effectiveness replays each learner's ``hint-shown`` and ``answered`` statements of the period
  in order, so the overall view loads all of those (tens to hundreds of thousands of rows for a month);
* top documents: the period's answers' citations JSON is streamed through Python (see ``_top_documents``).

A unit's view touches only its own learners and conversations (tens of milliseconds). The overall
view scans the period's statements several times and takes seconds at full scale: the route should
cache it or the page should load it on demand, not on every visit.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Date, Engine, and_, case, false, func, select, true
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.sql.selectable import Select

from coach.conversations import Conversation, Feedback, Message
from coach.course import Course, CourseWindow
from coach.event_store import LearnerStatement
from coach.hint_analytics import hint_effectiveness
from coach.hint_engine import Event
from coach.learner_rollup import LearnerDay, LearnerTopicDone
from coach.progress import progress_counts
from guardrails.flags import GuardrailFlag
from guardrails.messages_vi import CATEGORY_NAMES

FLAG_STATUSES = ("pending", "confirmed", "false_positive", "escalated")
TOP_TOPICS = 10
HINT_VERBS = ("hint-shown", "answered")  # the only verbs hint_effectiveness reads

CSV_HEADER = ["Ngày", "Số câu hỏi", "Bị chặn", "Ngoài phạm vi tài liệu", "Phản hồi hữu ích", "Phản hồi chưa hữu ích"]
CSV_TOTAL = "Tổng"
CSV_ALL_UNITS = "Tất cả đơn vị"


@dataclass(frozen=True)
class UsageFilter:
    since: dt.date  # inclusive
    until: dt.date  # inclusive
    unit: str | None = None  # None = every unit (admin); a unit code like "xa-tan-phu" = that unit only


# --- a portable "UTC date of a timestamp" -------------------------------------------------------------


class utc_date(FunctionElement[dt.date]):
    """The UTC calendar date of an aware timestamp column, compiled per dialect.

    ``func.date`` is SQLite-only and a plain ``CAST(... AS DATE)`` of a ``timestamptz`` on PostgreSQL
    uses the session time zone, so a server set to Asia/Ho_Chi_Minh would shift days by 7 hours.
    """

    type = Date()
    name = "utc_date"
    inherit_cache = True


@compiles(utc_date)
def _utc_date_default(element: utc_date, compiler: Any, **kw: Any) -> str:
    return f"CAST({compiler.process(element.clauses, **kw)} AS DATE)"


@compiles(utc_date, "sqlite")
def _utc_date_sqlite(element: utc_date, compiler: Any, **kw: Any) -> str:
    # SQLite stores the UTC value as 'YYYY-MM-DD HH:MM:SS.ffffff' (no offset).
    return f"date({compiler.process(element.clauses, **kw)})"


@compiles(utc_date, "postgresql")
def _utc_date_postgresql(element: utc_date, compiler: Any, **kw: Any) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)} AT TIME ZONE 'UTC') AS DATE)"


# --- public API ----------------------------------------------------------------------------------------


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """First and last day of a month."""
    return dt.date(year, month, 1), dt.date(year, month, calendar.monthrange(year, month)[1])


def usage_summary(engine: Engine, flt: UsageFilter, course: Course, window: CourseWindow, today: dt.date) -> dict[str, Any]:
    """Everything the usage dashboard shows for one unit (or all) over a period, as JSON-ready data."""
    _check(flt)
    daily = _daily_messages(engine, flt)
    feedback = _daily_feedback(engine, flt)
    totals = _totals(daily)
    helpful = sum(h for h, _ in feedback.values())
    not_helpful = sum(n for _, n in feedback.values())
    blocked_categories = _blocked_categories(engine, flt)
    return {
        "filter": {"unit": flt.unit, "since": flt.since.isoformat(), "until": flt.until.isoformat()},
        "totals": totals,
        "questions_per_day": [_day_counts(day, *daily.get(day, (0, 0, 0))) for day in _days(flt.since, flt.until)],
        "blocked_by_category": [
            {"category": category, "count": count, "share": _share(count, totals["blocked"])}
            for category, count in blocked_categories
        ],
        "top_topics": _top_documents(engine, flt),
        "feedback": {"helpful": helpful, "not_helpful": not_helpful, "helpful_share": _share(helpful, helpful + not_helpful)},
        "flags": _flag_statuses(engine, flt),
        "hints": _hints(engine, flt, course),
        "learners": _learners(engine, flt, course, window, today),
    }


def monthly_report_csv(
    engine: Engine, unit: str | None, year: int, month: int, course: Course, window: CourseWindow, today: dt.date
) -> str:
    """The month's per-day counts, a total row and key figures, as CSV text for Excel (UTF-8 with BOM)."""
    since, until = month_bounds(year, month)
    flt = UsageFilter(since, until, unit)
    daily = _daily_messages(engine, flt)
    feedback = _daily_feedback(engine, flt)
    totals = _totals(daily)
    learners = _learners(engine, flt, course, window, today)
    categories = dict(_blocked_categories(engine, flt))

    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel reads the file as UTF-8 only with the BOM; without it the diacritics break
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    sums = [0] * 5
    for day in _days(since, until):
        row = [*daily.get(day, (0, 0, 0)), *feedback.get(day, (0, 0))]
        sums = [s + v for s, v in zip(sums, row)]
        writer.writerow([day.isoformat(), *row])
    writer.writerow([CSV_TOTAL, *sums])
    writer.writerow([])
    writer.writerow(["Đơn vị", _cell(unit) if unit is not None else CSV_ALL_UNITS])
    writer.writerow(["Tháng", f"{month:02d}/{year}"])
    writer.writerow(["Học viên hoạt động", learners["active"]])
    writer.writerow(["Đủ điều kiện cấp chứng nhận", learners["eligible"]])
    writer.writerow(["Tỉ lệ câu hỏi bị chặn", _percent_vi(totals["blocked_share"])])
    writer.writerow(["Tỉ lệ ngoài phạm vi tài liệu", _percent_vi(totals["not_covered_share"])])
    # Every known category, zeros included, so months line up when compared side by side.
    for category in [*CATEGORY_NAMES, *sorted(set(categories) - set(CATEGORY_NAMES))]:
        writer.writerow([_cell(f"Bị chặn – {category_label_vi(category)}"), categories.get(category, 0)])
    return buffer.getvalue()


def category_label_vi(category: str) -> str:
    """The short Vietnamese name of a guardrail category (its explanation in brackets left out)."""
    name = CATEGORY_NAMES.get(category)
    return name.split(" (")[0] if name else category


# --- queries -------------------------------------------------------------------------------------------


def _check(flt: UsageFilter) -> None:
    if flt.since > flt.until:
        raise ValueError(f"since ({flt.since}) is after until ({flt.until})")


def _bounds(flt: UsageFilter) -> tuple[dt.datetime, dt.datetime]:
    """[start, end) as aware UTC datetimes: ranges on the indexed timestamp columns, no per-row function."""
    start = dt.datetime.combine(flt.since, dt.time(), dt.UTC)
    end = dt.datetime.combine(flt.until + dt.timedelta(days=1), dt.time(), dt.UTC)
    return start, end


def _days(since: dt.date, until: dt.date) -> list[dt.date]:
    return [since + dt.timedelta(days=n) for n in range((until - since).days + 1)]


def _as_date(value: dt.date | str) -> dt.date:
    # Drivers differ: PostgreSQL returns a date, SQLite may hand back the 'YYYY-MM-DD' text.
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(value)


def _share(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def _cell(text: str) -> str:
    """Text that Excel would run as a formula (=, +, -, @ first) is kept as text: CSV injection."""
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _percent_vi(share: float) -> str:
    """0.125 -> '12,5%' (Vietnamese decimal comma)."""
    return f"{share * 100:.1f}".replace(".", ",") + "%"


def _messages_of(query: Select, flt: UsageFilter) -> Select:
    """Restrict a query over ``coach_message`` to the period and, if given, the unit's conversations."""
    start, end = _bounds(flt)
    query = query.where(Message.created_at >= start, Message.created_at < end)
    if flt.unit is not None:
        query = query.join(Conversation, Conversation.id == Message.conversation_id).where(Conversation.unit == flt.unit)
    return query


def _daily_messages(engine: Engine, flt: UsageFilter) -> dict[dt.date, tuple[int, int, int]]:
    """Per UTC day: (questions, blocked questions, not-covered answers), one pass over both roles."""
    day = utc_date(Message.created_at).label("day")
    is_user = Message.role == "user"
    query = select(
        day,
        func.count(case((is_user, 1))),
        func.count(case((and_(is_user, Message.blocked == true()), 1))),
        func.count(case((and_(Message.role == "assistant", Message.not_covered == true()), 1))),
    ).where(Message.role.in_(("user", "assistant")))
    query = _messages_of(query, flt).group_by(day)
    with engine.connect() as connection:
        return {_as_date(d): (int(q), int(b), int(n)) for d, q, b, n in connection.execute(query)}


def _day_counts(day: dt.date, questions: int, blocked: int, not_covered: int) -> dict[str, Any]:
    return {"date": day.isoformat(), "questions": questions, "blocked": blocked, "not_covered": not_covered}


def _totals(daily: dict[dt.date, tuple[int, int, int]]) -> dict[str, Any]:
    questions = sum(q for q, _, _ in daily.values())
    blocked = sum(b for _, b, _ in daily.values())
    not_covered = sum(n for _, _, n in daily.values())
    return {
        "questions": questions,
        "answered": max(questions - blocked - not_covered, 0),
        "blocked": blocked,
        "not_covered": not_covered,
        "blocked_share": _share(blocked, questions),
        "not_covered_share": _share(not_covered, questions),
    }


def _daily_feedback(engine: Engine, flt: UsageFilter) -> dict[dt.date, tuple[int, int]]:
    """Per UTC day of the feedback: (helpful, not helpful); each click counts (feedback rows)."""
    start, end = _bounds(flt)
    day = utc_date(Feedback.created_at).label("day")
    query = select(day, func.count(case((Feedback.helpful == true(), 1))), func.count(case((Feedback.helpful == false(), 1))))
    query = query.where(Feedback.created_at >= start, Feedback.created_at < end)
    if flt.unit is not None:
        query = (
            query.join(Message, Message.id == Feedback.message_id)
            .join(Conversation, Conversation.id == Message.conversation_id)
            .where(Conversation.unit == flt.unit)
        )
    with engine.connect() as connection:
        return {_as_date(d): (int(h), int(n)) for d, h, n in connection.execute(query.group_by(day))}


def _blocked_categories(engine: Engine, flt: UsageFilter) -> list[tuple[str, int]]:
    """(category, blocked questions with it), most frequent first.

    Grouped by the stored JSON list first: there are only a handful of distinct combinations, so
    SQL does the counting and Python only splits the few lists.
    """
    query = select(Message.categories, func.count()).where(Message.role == "user", Message.blocked == true())
    query = _messages_of(query, flt).group_by(Message.categories)
    counts: Counter[str] = Counter()
    with engine.connect() as connection:
        for categories, count in connection.execute(query):
            for category in set(json.loads(categories or "[]")):
                counts[category] += int(count)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _top_documents(engine: Engine, flt: UsageFilter) -> list[dict[str, Any]]:
    """The documents cited by the most answers of the period (an answer citing a document twice counts once).

    The citations JSON is read in Python, streamed in batches. Unpacking it in SQL (SQLite ``json_each``,
    PostgreSQL ``json_array_elements``) gave the same ranking but was no faster at full scale (overall,
    30 days: about 0.8 s in SQL against 0.6 s here on both), and this runs on any database.
    """
    query = select(Message.citations).where(Message.role == "assistant", Message.citations != "[]")
    counts: Counter[str] = Counter()
    titles: dict[str, str] = {}
    with engine.connect() as connection:
        for (citations,) in connection.execution_options(yield_per=2000).execute(_messages_of(query, flt)):
            cited = {str(c["doc_id"]): str(c.get("title") or "") for c in json.loads(citations) if c.get("doc_id")}
            counts.update(cited.keys())
            for doc, title in cited.items():
                titles[doc] = max(titles.get(doc, ""), title)  # any stable choice if a title changed between versions
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:TOP_TOPICS]
    return [{"doc_id": doc, "title": titles[doc], "count": count} for doc, count in ranked]


def _flag_statuses(engine: Engine, flt: UsageFilter) -> dict[str, int]:
    """Guardrail flags of the period by review status; the four known statuses are always present."""
    start, end = _bounds(flt)
    query = select(GuardrailFlag.status, func.count()).where(GuardrailFlag.created_at >= start, GuardrailFlag.created_at < end)
    if flt.unit is not None:
        query = query.where(GuardrailFlag.unit == flt.unit)
    counts = dict.fromkeys(FLAG_STATUSES, 0)
    with engine.connect() as connection:
        for status, count in connection.execute(query.group_by(GuardrailFlag.status)):
            counts[status] = int(count)
    return counts


def _members(flt: UsageFilter) -> Select | None:
    """The unit's learners (a statement carrying the unit up to ``until``), as a subquery; None = all."""
    if flt.unit is None:
        return None
    return select(LearnerDay.learner_id).where(LearnerDay.unit == flt.unit, LearnerDay.day <= flt.until)


def _hints(engine: Engine, flt: UsageFilter, course: Course) -> dict[str, dict[str, float | int | None]]:
    """hint_effectiveness over the period's statements of the unit's learners."""
    start, end = _bounds(flt)
    s = LearnerStatement
    query = select(s.learner_id, s.verb, s.object_type, s.object_id, s.timestamp, s.success).where(
        s.verb.in_(HINT_VERBS), s.timestamp >= start, s.timestamp < end
    )
    members = _members(flt)
    if members is not None:
        query = query.where(s.learner_id.in_(members))
    events: dict[str, list[Event]] = defaultdict(list)
    with engine.connect() as connection:
        for learner, verb, object_type, object_id, timestamp, success in connection.execute(query):
            # A quiz item since removed from the course cannot be placed in a topic: left out.
            if verb == "answered" and object_type == "quiz_item" and object_id not in course.topic_of:
                continue
            events[learner].append(Event(verb=verb, object_type=object_type, object_id=object_id, timestamp=timestamp,
                                         success=success))  # fmt: skip
    return hint_effectiveness(events, course)


def _learners(engine: Engine, flt: UsageFilter, course: Course, window: CourseWindow, today: dt.date) -> dict[str, Any]:
    """Active learners in the period, and progress of every learner of the unit as of the period's end.

    Eligibility and "on track" depend on the topics completed alone (quiz scores and time spent are not reported
    here), so only the roll-ups are read and the rules of ``compute_progress`` are counted in bulk.
    The reference day is the end of the period, not a later ``today``: a past month is judged as it stood.
    """
    _, end = _bounds(flt)
    day, done_table = LearnerDay, LearnerTopicDone
    members = _members(flt)
    # The roll-ups kept as statements arrive: one row per learner and day, one per topic done (no statement scan).
    active = func.sum(case((day.day >= flt.since, day.statements), else_=0))
    learners = select(day.learner_id, active).where(day.day <= flt.until).group_by(day.learner_id)
    completions = select(done_table.learner_id, done_table.topic_id).where(done_table.done_at < end)
    if members is not None:
        learners = learners.where(day.learner_id.in_(members))
        completions = completions.where(done_table.learner_id.in_(members))
    done: dict[str, set[str]] = defaultdict(set)
    with engine.connect() as connection:
        in_period = {learner: int(count or 0) for learner, count in connection.execute(learners)}
        for learner, topic in connection.execute(completions):
            if course.kind_of(topic) == "topic":  # a topic since removed from the course no longer counts
                done[learner].add(topic)
    completed = {learner: done.get(learner, set()) for learner in in_period}
    counts = progress_counts(completed, course, window, min(today, flt.until))
    total = len(completed)
    average = round(sum(len(topics) for topics in completed.values()) / total, 2) if total else 0.0
    return {"active": sum(1 for count in in_period.values() if count), "total": total, **counts,
            "average_completed_topics": average}  # fmt: skip

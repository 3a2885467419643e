"""The usage dashboard data and its monthly CSV, on a real database (SQLite, or COACH_DATABASE_URL).

One data set is seeded per module and only read: two units ("xa-tan-phu" = A, "phuong-an-binh" = B)
and conversations without a unit, around the period 2025-12-02..2025-12-06 inside December 2025.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session, create_engine

from api.database import upgrade
from api.usage_report import (
    CSV_HEADER,
    UsageFilter,
    month_bounds,
    monthly_report_csv,
    usage_summary,
    utc_date,
)
from coach.conversations import Conversation, Feedback, Message
from coach.course import Course, CourseWindow
from coach.event_store import EventStore
from coach.learner_events import validate_batch
from guardrails import FlagRecord, SqlFlagStore

COURSE = Course.load(Path(__file__).parents[1] / "fixtures" / "course_small.yaml")  # 7 topics, cd01-cd05 compulsory, 6 needed
WINDOW = CourseWindow(start=dt.date(2025, 11, 1), end=dt.date(2026, 1, 31))
A, B = "xa-tan-phu", "phuong-an-binh"
SINCE, UNTIL = dt.date(2025, 12, 2), dt.date(2025, 12, 6)
TODAY = dt.date(2026, 1, 20)  # later than the period: progress must still be judged as of UNTIL
PERSONAL = "Thủ tục khai sinh cho con ông Nguyễn Văn An, SĐT 0912345678?"
PASSAGE = "Đoạn trích tài liệu số 4242"


def at(day: int, hour: int = 9, minute: int = 0, second: int = 0, month: int = 12) -> dt.datetime:
    return dt.datetime(2025, month, day, hour, minute, second, tzinfo=dt.UTC)


def cite(*doc_ids: str) -> list[dict[str, Any]]:
    titles = {"ho-tich": "Đăng ký hộ tịch", "mat-khau": "Mật khẩu an toàn", "dat-dai": "Đất đai"}
    return [
        {"number": n, "doc_id": d, "chunk_id": f"{d}#{n}", "title": titles.get(d, d.upper()), "section": "Mục 1",
         "legal_basis": [], "in_force": True, "passage": PASSAGE, "source_url": None}
        for n, d in enumerate(doc_ids, 1)
    ]  # fmt: skip


def ask(
    session: Session,
    conversation: str,
    when: dt.datetime,
    *,
    blocked: list[str] | None = None,
    not_covered: bool = False,
    cited: list[dict[str, Any]] | None = None,
    helpful: bool | None = None,
    text: str = "Hỏi về thủ tục",
) -> None:
    """One exchange as ConversationStore.record stores it (answer 1 µs later), with optional feedback 30 s later."""
    categories = json.dumps(blocked or [])
    session.add(Message(conversation_id=conversation, role="user", text="<SĐT>" if blocked else text,
                        blocked=bool(blocked), categories=categories, created_at=when))  # fmt: skip
    answer = Message(conversation_id=conversation, role="assistant", text="Trả lời", blocked=bool(blocked),
                     not_covered=not_covered, categories=categories, citations=json.dumps(cited or [], ensure_ascii=False),
                     created_at=when + dt.timedelta(microseconds=1))  # fmt: skip
    session.add(answer)
    session.flush()  # no ORM relationship orders the inserts: the message must exist before its feedback (PostgreSQL)
    if helpful is not None:
        session.add(Feedback(message_id=answer.id, helpful=helpful, comment=PERSONAL, created_at=when + dt.timedelta(seconds=30)))


def seed_conversations(engine: Engine) -> None:
    with Session(engine) as session:
        a1, a2, b1, none = Conversation(unit=A), Conversation(unit=A), Conversation(unit=B), Conversation(unit=None)
        session.add_all([a1, a2, b1, none])
        session.flush()
        # Unit A: 8 questions in the period (3 blocked, 1 not covered), 1 just before, 1 just after, 1 in November.
        ask(session, a1.id, at(30, 12, month=11), blocked=["personal_data"])
        ask(session, a1.id, at(1, 23, 59), cited=cite("ngoai-ky"), helpful=True)
        ask(session, a1.id, at(2, 0), cited=cite("ho-tich", "ho-tich", "mat-khau"), helpful=True, text=PERSONAL)
        ask(session, a1.id, at(2, 10), blocked=["personal_data"])
        ask(session, a1.id, at(2, 11), blocked=["personal_data", "credential"])
        ask(session, a2.id, at(4, 9), not_covered=True, helpful=False)
        ask(session, a2.id, at(4, 17), cited=cite("ho-tich"))  # 17:00 UTC is already 5 December in Viet Nam
        ask(session, a2.id, at(5, 8), blocked=["prompt_injection"])
        ask(session, a2.id, at(5, 9), cited=cite("mat-khau", "dat-dai"), helpful=True)
        ask(session, a2.id, at(6, 23, 59, 59), cited=cite("dat-dai", "ho-tich"), helpful=False)  # feedback on 7 Dec
        ask(session, a2.id, at(7, 0), cited=cite("ngoai-ky"))
        # Unit B: 3 questions in the period, one answer citing 12 documents.
        ask(session, b1.id, at(3, 8), blocked=["state_secret"])
        ask(session, b1.id, at(3, 9), cited=cite("bi-mat"), helpful=False)
        ask(session, b1.id, at(5, 10), cited=cite(*[f"tl-{n:02d}" for n in range(1, 12)]))
        # No unit: seen by the overall view only.
        ask(session, none.id, at(4, 10), helpful=True)
        session.commit()


def seed_flags(engine: Engine) -> None:
    store = SqlFlagStore(engine)
    for unit, when, status in [
        (A, at(2, 10), "pending"),
        (A, at(3, 10), "pending"),
        (A, at(4, 10), "confirmed"),
        (A, at(5, 10), "reviewed"),  # a status the review console may add later
        (A, at(6, 23, 59, 59), "false_positive"),
        (A, at(7, 0), "pending"),  # after the period
        (A, at(1, 23, 59), "escalated"),  # before the period
        (B, at(3, 8), "escalated"),
        (B, at(4, 8), "pending"),
        (None, at(5, 8), "pending"),
    ]:
        context = {"source": "chat", **({"unit": unit} if unit else {})}
        store.record(FlagRecord("<SĐT>", ["personal_data"], ["VietnamPhoneRecognizer"], [0.9], uuid.uuid4().hex, context,
                                created_at=when, status=status))  # fmt: skip


def statement(learner: str, unit: str | None, verb: str, kind: str, object_id: str, when: dt.datetime, **result: Any) -> dict:
    actor = {"id": learner, **({"unit": unit} if unit else {})}
    return {"id": str(uuid.uuid4()), "actor": actor, "verb": verb, "object": {"type": kind, "id": object_id},
            "result": result, "timestamp": when.isoformat()}  # fmt: skip


def seed_statements(engine: Engine) -> None:
    done = [f"cd0{n}" for n in range(1, 8)]
    payload = [
        # a1 (A): eligible in November; in the period only a statement without a unit (still A's learner).
        *[statement("hv-a1", A, "completed", "topic", t, at(20 + i, month=11)) for i, t in enumerate(done[:6])],
        statement("hv-a1", A, "hint-shown", "hint", "idle_nudge:cd01-l1", at(30, 8, month=11)),  # before the period
        statement("hv-a1", A, "answered", "quiz_item", "cd01-q1", at(30, 9, month=11), success=True),
        statement("hv-a1", None, "launched", "lesson", "cd01-l1", at(3, 8)),
        # a2 (A): six topics but not the compulsory cd05; nothing in the period.
        *[statement("hv-a2", A, "completed", "topic", t, at(10 + i, month=11)) for i, t in enumerate(done[:4] + done[5:])],
        # a3 (A): nothing completed; wrong, hint, right in the period.
        statement("hv-a3", A, "answered", "quiz_item", "cd01-q1", at(3, 10), success=False),
        statement("hv-a3", A, "hint-shown", "hint", "repeated_failure:cd01-q1", at(3, 10, 1)),
        statement("hv-a3", A, "answered", "quiz_item", "cd01-q1", at(3, 10, 2), success=True),
        # a4 (A): five compulsory topics (one "passed"), the sixth only after the period; wrong then right, no hint.
        *[statement("hv-a4", A, "passed" if t == "cd03" else "completed", "topic", t, at(21, month=11)) for t in done[:5]],
        statement("hv-a4", A, "answered", "quiz_item", "cd02-q1", at(4, 9), success=False),
        statement("hv-a4", A, "answered", "quiz_item", "cd02-q1", at(4, 9, 1), success=True),
        statement("hv-a4", A, "completed", "topic", "cd06", at(8)),
        # b1 (B): eligible; b2 (B): a hint then a wrong answer.
        *[statement("hv-b1", B, "completed", "topic", t, at(15, month=11)) for t in done[:6]],
        statement("hv-b1", B, "launched", "lesson", "cd02-l1", at(5)),
        statement("hv-b2", B, "hint-shown", "hint", "seek_confusion:cd01-l1", at(3, 11)),
        statement("hv-b2", B, "answered", "quiz_item", "cd01-q2", at(3, 11, 5), success=False),
        # n1: no unit at all.
        statement("hv-n1", None, "launched", "lesson", "cd01-l1", at(2)),
    ]
    statements, errors = validate_batch(payload, COURSE, dt.datetime(2026, 2, 1, tzinfo=dt.UTC))
    assert errors == []
    assert EventStore(engine).store(statements) == (len(payload), 0)


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Engine]:
    # COACH_DATABASE_URL: a fresh database for this module (the PostgreSQL run of the suite).
    url = os.environ.get("COACH_DATABASE_URL") or f"sqlite:///{tmp_path_factory.mktemp('usage') / 'usage.db'}"
    engine = create_engine(url)
    upgrade(engine)
    seed_conversations(engine)
    seed_flags(engine)
    seed_statements(engine)
    yield engine
    engine.dispose()


def summary(engine: Engine, unit: str | None, since: dt.date = SINCE, until: dt.date = UNTIL, today: dt.date = TODAY) -> dict:
    return usage_summary(engine, UsageFilter(since, until, unit), COURSE, WINDOW, today)


def test_totals_of_a_unit_count_its_questions_only(engine: Engine) -> None:
    report = summary(engine, A)
    assert report["filter"] == {"unit": A, "since": "2025-12-02", "until": "2025-12-06"}
    assert report["totals"] == {"questions": 8, "answered": 4, "blocked": 3, "not_covered": 1,
                                "blocked_share": 0.375, "not_covered_share": 0.125}  # fmt: skip
    assert summary(engine, B)["totals"] == {"questions": 3, "answered": 2, "blocked": 1, "not_covered": 0,
                                            "blocked_share": 0.333, "not_covered_share": 0.0}  # fmt: skip


def test_overall_adds_every_unit_and_conversations_without_one(engine: Engine) -> None:
    totals = summary(engine, None)["totals"]
    assert (totals["questions"], totals["answered"], totals["blocked"], totals["not_covered"]) == (12, 7, 4, 1)
    assert (totals["blocked_share"], totals["not_covered_share"]) == (0.333, 0.083)


def test_every_day_of_the_period_is_listed_in_utc_with_inclusive_bounds(engine: Engine) -> None:
    days = summary(engine, A)["questions_per_day"]
    assert days == [
        {"date": "2025-12-02", "questions": 3, "blocked": 2, "not_covered": 0},  # 00:00:00 counts
        {"date": "2025-12-03", "questions": 0, "blocked": 0, "not_covered": 0},
        {"date": "2025-12-04", "questions": 2, "blocked": 0, "not_covered": 1},  # 17:00 UTC stays on the 4th
        {"date": "2025-12-05", "questions": 2, "blocked": 1, "not_covered": 0},
        {"date": "2025-12-06", "questions": 1, "blocked": 0, "not_covered": 0},  # 23:59:59 counts
    ]
    overall = summary(engine, None)["questions_per_day"]
    assert [d["questions"] for d in overall] == [3, 2, 3, 3, 1]


def test_a_single_day_period_and_an_empty_period(engine: Engine) -> None:
    one_day = summary(engine, A, SINCE, SINCE)
    assert one_day["totals"]["questions"] == 3
    assert [d["date"] for d in one_day["questions_per_day"]] == ["2025-12-02"]
    empty = summary(engine, A, dt.date(2026, 1, 10), dt.date(2026, 1, 12))
    assert empty["totals"] == {"questions": 0, "answered": 0, "blocked": 0, "not_covered": 0,
                               "blocked_share": 0.0, "not_covered_share": 0.0}  # fmt: skip
    assert [d["questions"] for d in empty["questions_per_day"]] == [0, 0, 0]
    assert empty["blocked_by_category"] == [] and empty["top_topics"] == []
    assert empty["feedback"] == {"helpful": 0, "not_helpful": 0, "helpful_share": 0.0}
    assert empty["flags"] == {"pending": 0, "confirmed": 0, "false_positive": 0, "escalated": 0}
    assert empty["hints"] == {"without_hint": {"next_attempt_right": None, "attempts": 0}}
    assert empty["learners"]["active"] == 0 and empty["learners"]["total"] == 4  # A's learners are still known


def test_a_unit_without_data_sees_nothing(engine: Engine) -> None:
    report = summary(engine, "xa-khong-co")
    assert report["totals"]["questions"] == 0 and report["top_topics"] == [] and report["blocked_by_category"] == []
    assert report["learners"] == {"active": 0, "total": 0, "with_progress": 0, "eligible": 0, "on_track": 0,
                                  "average_completed_topics": 0.0}  # fmt: skip


def test_since_after_until_is_refused(engine: Engine) -> None:
    with pytest.raises(ValueError, match="after"):
        summary(engine, A, UNTIL, SINCE)


def test_blocked_questions_by_category_share_of_blocked(engine: Engine) -> None:
    assert summary(engine, A)["blocked_by_category"] == [
        {"category": "personal_data", "count": 2, "share": 0.667},
        {"category": "credential", "count": 1, "share": 0.333},
        {"category": "prompt_injection", "count": 1, "share": 0.333},
    ]
    overall = {c["category"]: (c["count"], c["share"]) for c in summary(engine, None)["blocked_by_category"]}
    assert overall == {
        "personal_data": (2, 0.5),
        "credential": (1, 0.25),
        "prompt_injection": (1, 0.25),
        "state_secret": (1, 0.25),
    }


def test_top_topics_count_answers_citing_a_document_once(engine: Engine) -> None:
    assert summary(engine, A)["top_topics"] == [
        {"doc_id": "ho-tich", "title": "Đăng ký hộ tịch", "count": 3},  # cited twice in one answer: counted once
        {"doc_id": "dat-dai", "title": "Đất đai", "count": 2},
        {"doc_id": "mat-khau", "title": "Mật khẩu an toàn", "count": 2},
    ]
    overall = summary(engine, None)["top_topics"]
    assert len(overall) == 10
    assert [t["doc_id"] for t in overall] == ["ho-tich", "dat-dai", "mat-khau", "bi-mat", *[f"tl-{n:02d}" for n in range(1, 7)]]


def test_feedback_is_counted_by_its_own_day(engine: Engine) -> None:
    # The 6 Dec answer's feedback came on 7 Dec and the 1 Dec answer's on 1 Dec: both outside.
    assert summary(engine, A)["feedback"] == {"helpful": 2, "not_helpful": 1, "helpful_share": 0.667}
    assert summary(engine, None)["feedback"] == {"helpful": 3, "not_helpful": 2, "helpful_share": 0.6}


def test_flags_by_status_of_the_unit_and_period(engine: Engine) -> None:
    assert summary(engine, A)["flags"] == {"pending": 2, "confirmed": 1, "false_positive": 1, "escalated": 0, "reviewed": 1}
    assert summary(engine, B)["flags"] == {"pending": 1, "confirmed": 0, "false_positive": 0, "escalated": 1}
    assert summary(engine, None)["flags"] == {"pending": 4, "confirmed": 1, "false_positive": 1, "escalated": 1, "reviewed": 1}


def test_hint_effectiveness_uses_the_units_learners_in_the_period(engine: Engine) -> None:
    assert summary(engine, A)["hints"] == {
        "repeated_failure": {"next_attempt_right": 1.0, "attempts": 1},
        "without_hint": {"next_attempt_right": 1.0, "attempts": 1},
    }  # a1's November hint (idle_nudge) is outside the period; b2's hint belongs to B
    assert summary(engine, None)["hints"] == {
        "repeated_failure": {"next_attempt_right": 1.0, "attempts": 1},
        "seek_confusion": {"next_attempt_right": 0.0, "attempts": 1},
        "without_hint": {"next_attempt_right": 1.0, "attempts": 1},
    }


def test_learners_progress_as_of_the_end_of_the_period(engine: Engine) -> None:
    # a1 eligible; a2 misses compulsory cd05; a3 nothing; a4 five topics by 6 Dec (the sixth on 8 Dec).
    # On 6 Dec 2.35 topics are expected (6 x 36/92 days): a1, a2, a4 are on track. Judged on TODAY
    # (5.28 expected) a4 would not be.
    assert summary(engine, A)["learners"] == {"active": 3, "total": 4, "with_progress": 3, "eligible": 1, "on_track": 3,
                                              "average_completed_topics": 4.25}  # fmt: skip
    assert summary(engine, A, until=dt.date(2025, 12, 8))["learners"]["eligible"] == 2
    assert summary(engine, None)["learners"] == {"active": 6, "total": 7, "with_progress": 4, "eligible": 2, "on_track": 4,
                                                 "average_completed_topics": 3.29}  # fmt: skip


def test_summary_is_json_and_holds_no_text_or_learner_ids(engine: Engine) -> None:
    for unit in (A, None):
        report = summary(engine, unit)
        dumped = json.dumps(report, ensure_ascii=False)
        assert json.loads(dumped) == report
        for secret in ("0912345678", "Nguyễn Văn An", PASSAGE, "Trả lời", "hv-a1", "hv-n1"):
            assert secret not in dumped


def read_csv(text: str) -> list[list[str]]:
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


def test_monthly_csv_has_every_day_a_total_and_key_figures(engine: Engine) -> None:
    text = monthly_report_csv(engine, A, 2025, 12, COURSE, WINDOW, TODAY)
    rows = read_csv(text)
    assert rows[0] == CSV_HEADER == ["Ngày", "Số câu hỏi", "Bị chặn", "Ngoài phạm vi tài liệu", "Phản hồi hữu ích",
                                     "Phản hồi chưa hữu ích"]  # fmt: skip
    days = rows[1:32]
    assert [r[0] for r in days] == [f"2025-12-{d:02d}" for d in range(1, 32)]
    by_day = {r[0]: [int(v) for v in r[1:]] for r in days}
    assert by_day["2025-12-01"] == [1, 0, 0, 1, 0]
    assert by_day["2025-12-02"] == [3, 2, 0, 1, 0]
    assert by_day["2025-12-03"] == [0, 0, 0, 0, 0]
    assert by_day["2025-12-04"] == [2, 0, 1, 0, 1]
    assert by_day["2025-12-07"] == [1, 0, 0, 0, 1]  # the 6 Dec answer's feedback
    assert by_day["2025-12-31"] == [0, 0, 0, 0, 0]
    total = rows[32]
    assert total[0] == "Tổng"
    assert [int(v) for v in total[1:]] == [sum(values[i] for values in by_day.values()) for i in range(5)] == [10, 3, 1, 3, 2]
    assert rows[33] == []
    figures = dict((r[0], r[1]) for r in rows[34:])
    assert figures["Đơn vị"] == A and figures["Tháng"] == "12/2025"
    assert figures["Học viên hoạt động"] == "3"
    assert figures["Đủ điều kiện cấp chứng nhận"] == "2"  # a4 finished cd06 on 8 Dec
    assert figures["Tỉ lệ câu hỏi bị chặn"] == "30,0%" and figures["Tỉ lệ ngoài phạm vi tài liệu"] == "10,0%"
    assert figures["Bị chặn – dữ liệu cá nhân"] == "2"
    assert figures["Bị chặn – mật khẩu, mã OTP hoặc khóa truy cập"] == "1"
    assert figures["Bị chặn – câu lệnh tìm cách vượt qua quy tắc của trợ lý"] == "1"
    assert figures["Bị chặn – thông tin có dấu hiệu bí mật nhà nước"] == "0"  # B's category, zero for A
    for secret in ("0912345678", "Nguyễn Văn An", PASSAGE, "Trả lời", "Hỏi về", "hv-a"):
        assert secret not in text


def test_monthly_csv_for_every_unit_and_a_short_month(engine: Engine) -> None:
    rows = read_csv(monthly_report_csv(engine, None, 2025, 12, COURSE, WINDOW, TODAY))
    total = rows[32]
    assert total[0] == "Tổng" and total[1:] == ["14", "4", "1", "4", "3"]
    figures = dict((r[0], r[1]) for r in rows[34:])
    assert figures["Đơn vị"] == "Tất cả đơn vị"
    assert figures["Bị chặn – thông tin có dấu hiệu bí mật nhà nước"] == "1"
    november = read_csv(monthly_report_csv(engine, A, 2025, 11, COURSE, WINDOW, TODAY))
    assert len(november[1:31]) == 30 and november[31][0] == "Tổng" and november[31][1:3] == ["1", "1"]


def test_monthly_csv_keeps_a_formula_like_unit_code_as_text(engine: Engine) -> None:
    rows = read_csv(monthly_report_csv(engine, "=HYPERLINK(1)", 2025, 12, COURSE, WINDOW, TODAY))
    assert dict((r[0], r[1]) for r in rows[34:])["Đơn vị"] == "'=HYPERLINK(1)"
    assert rows[32] == ["Tổng", "0", "0", "0", "0", "0"]


def test_month_bounds() -> None:
    assert month_bounds(2024, 2) == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert month_bounds(2025, 12) == (dt.date(2025, 12, 1), dt.date(2025, 12, 31))


def test_utc_date_does_not_depend_on_the_postgresql_session_time_zone() -> None:
    query = select(utc_date(Message.created_at))
    assert "AT TIME ZONE 'UTC'" in str(query.compile(dialect=postgresql.dialect()))
    assert "date(coach_message.created_at)" in str(query.compile(dialect=sqlite.dialect()))

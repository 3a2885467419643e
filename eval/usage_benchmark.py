"""Usage dashboard timings on a seeded SQLite database (``python -m eval.usage_benchmark``).

Seeds a temporary SQLite database (or ``--database-url``, an empty one) shaped like a province-wide
deployment (units, learners, conversations with blocked / not-covered / cited answers, feedback,
guardrail flags, learner statements over the real course), then times ``usage_summary`` for one unit
and overall over 30 days, and ``monthly_report_csv`` for one unit and overall. Prints one JSON object:
the sizes, the seeding time and p50/p95 per call.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert
from sqlmodel import create_engine

from api.database import upgrade
from api.usage_report import UsageFilter, monthly_report_csv, usage_summary
from coach.conversations import Conversation, Feedback, Message
from coach.course import Course, CourseWindow
from coach.event_store import LearnerStatement
from coach.learner_rollup import backfill
from eval.metrics import percentile
from guardrails.flags import GuardrailFlag

START = dt.datetime(2025, 10, 1, tzinfo=dt.UTC)
DAYS = 90  # October to December 2025
WINDOW = CourseWindow(start=dt.date(2025, 10, 1), end=dt.date(2026, 1, 31))
CATEGORIES = ["personal_data", "sensitive_personal_data", "credential", "prompt_injection", "internal_document", "state_secret"]
STATUSES = ["pending", "pending", "confirmed", "false_positive", "escalated"]
PASSAGE = "Trình tự, thủ tục và hồ sơ theo quy định hiện hành; cán bộ kiểm tra giấy tờ và hướng dẫn người dân. " * 3
CHUNK = 5000


def _when(rng: random.Random) -> dt.datetime:
    return START + dt.timedelta(seconds=rng.randrange(DAYS * 86400))


def insert_in_chunks(engine: Engine, table: Any, rows: Iterator[dict[str, Any]]) -> int:
    """Insert in chunks (one transaction each), returns the row count."""
    count, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) == CHUNK:
            with engine.begin() as connection:
                connection.execute(insert(table), batch)
            count, batch = count + len(batch), []
    if batch:
        with engine.begin() as connection:
            connection.execute(insert(table), batch)
    return count + len(batch)


def seed(engine: Engine, course: Course, units: int, learners: int, exchanges: int, per_learner: int, seed: int = 7) -> dict:
    rng = random.Random(seed)
    unit_codes = [f"xa-{n:03d}" for n in range(units)]
    docs = [(f"tl-{n:03d}", f"Tài liệu hướng dẫn số {n}") for n in range(80)]
    doc_weights = [1 / (n + 1) for n in range(len(docs))]  # a few documents are asked about far more often
    conversations = [(uuid.uuid4().hex, rng.choice(unit_codes)) for _ in range(exchanges // 4)]
    sizes = {"units": units}
    sizes["conversations"] = insert_in_chunks(engine, Conversation.__table__,
                                    ({"id": c, "unit": u, "created_at": START} for c, u in conversations))  # fmt: skip

    feedback: list[dict[str, Any]] = []
    flags: list[dict[str, Any]] = []

    def messages() -> Iterator[dict[str, Any]]:
        for _ in range(exchanges):
            conversation, unit = rng.choice(conversations)
            when = _when(rng)
            roll = rng.random()
            blocked, not_covered = roll < 0.05, 0.05 <= roll < 0.15
            categories = json.dumps(rng.sample(CATEGORIES, rng.choice((1, 1, 2)))) if blocked else "[]"
            cited = [] if blocked or not_covered else rng.choices(docs, doc_weights, k=rng.randint(1, 3))
            citations = [
                dict(number=n, doc_id=d, chunk_id=f"{d}#{n}", title=t, section="Mục 1", legal_basis=[], in_force=True,
                     passage=PASSAGE, source_url=None)
                for n, (d, t) in enumerate(cited, 1)
            ]  # fmt: skip
            answer_id = uuid.uuid4().hex
            yield {"id": uuid.uuid4().hex, "conversation_id": conversation, "role": "user", "text": "Câu hỏi mẫu về thủ tục",
                   "blocked": blocked, "not_covered": False, "categories": categories, "citations": "[]", "answerer": None,
                   "created_at": when}  # fmt: skip
            yield {"id": answer_id, "conversation_id": conversation, "role": "assistant", "text": "Trả lời mẫu",
                   "blocked": blocked, "not_covered": not_covered, "categories": categories,
                   "citations": json.dumps(citations, ensure_ascii=False), "answerer": "extractive",
                   "created_at": when + dt.timedelta(microseconds=1)}  # fmt: skip
            if not blocked and rng.random() < 0.2:
                feedback.append({"message_id": answer_id, "helpful": rng.random() < 0.7, "comment": None,
                                 "created_at": when + dt.timedelta(minutes=1)})  # fmt: skip
            if blocked:
                flags.append(dict(created_at=when, status=rng.choice(STATUSES), redacted_text="<SĐT>",
                                  categories=categories, recognizers="[]", scores="[]", text_hmac=uuid.uuid4().hex,
                                  unit=unit, source="chat"))  # fmt: skip

    sizes["messages"] = insert_in_chunks(engine, Message.__table__, messages())
    sizes["feedback"] = insert_in_chunks(engine, Feedback.__table__, iter(feedback))
    sizes["flags"] = insert_in_chunks(engine, GuardrailFlag.__table__, iter(flags))

    topics = course.topics
    quiz = [item.id for topic in topics for item in topic.quiz]
    lessons = [lesson.id for topic in topics for lesson in topic.lessons]
    stored_at = START + dt.timedelta(days=DAYS)

    def statements() -> Iterator[dict[str, Any]]:
        for number in range(learners):
            learner, unit = f"L-{number:05d}", unit_codes[number % units]
            done = rng.sample(topics, rng.choice((0, 2, 5, 8, 10, 12, 19)))
            rows = [("completed", "topic", t.id, None) for t in done]
            while len(rows) < per_learner:
                kind = rng.random()
                if kind < 0.5:
                    rows.append(("answered", "quiz_item", rng.choice(quiz), rng.random() < 0.6))
                elif kind < 0.6:
                    rows.append(("hint-shown", "hint", f"repeated_failure:{rng.choice(quiz)}", None))
                else:
                    rows.append(("launched", "lesson", rng.choice(lessons), None))
            for verb, object_type, object_id, success in rows[:per_learner]:
                yield dict(id=str(uuid.uuid4()), learner_id=learner, unit=unit, verb=verb, object_type=object_type,
                           object_id=object_id, success=success, score=None, response=None, duration_s=60.0,
                           timestamp=_when(rng), topic=None, lesson=None, extensions="{}", stored_at=stored_at)  # fmt: skip

    sizes["learners"] = learners
    sizes["statements"] = insert_in_chunks(engine, LearnerStatement.__table__, statements())
    with engine.begin() as connection:
        backfill(connection)  # bulk-inserted statements bypass the event store: roll them up as it would have
    return sizes


def timed(call: Callable[[], Any], runs: int) -> dict[str, float]:
    call()  # warm the page cache and SQLAlchemy's statement cache once
    millis = []
    for _ in range(runs):
        begin = time.perf_counter()
        call()
        millis.append((time.perf_counter() - begin) * 1000)
    return {"p50_ms": round(percentile(millis, 50), 1), "p95_ms": round(percentile(millis, 95), 1), "runs": runs}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=200)
    parser.add_argument("--learners", type=int, default=18_000)
    parser.add_argument("--exchanges", type=int, default=100_000, help="questions; each stores two messages")
    parser.add_argument("--per-learner", type=int, default=30, help="statements per learner")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--database-url", help="an empty database to seed (e.g. PostgreSQL); default a temporary SQLite file")
    args = parser.parse_args()
    course = Course.load()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "usage.db"
        engine = create_engine(args.database_url or f"sqlite:///{path}")
        upgrade(engine)
        begin = time.perf_counter()
        sizes = seed(engine, course, args.units, args.learners, args.exchanges, args.per_learner)
        seconds = time.perf_counter() - begin
        today = dt.date(2025, 12, 31)
        last_30 = (dt.date(2025, 12, 1), dt.date(2025, 12, 30))
        unit = "xa-007"
        timings = {
            "summary_unit_30d": timed(
                lambda: usage_summary(engine, UsageFilter(*last_30, unit), course, WINDOW, today), args.runs
            ),
            "summary_all_30d": timed(lambda: usage_summary(engine, UsageFilter(*last_30), course, WINDOW, today), args.runs),
            "csv_unit_month": timed(lambda: monthly_report_csv(engine, unit, 2025, 12, course, WINDOW, today), args.runs),
            "csv_all_month": timed(lambda: monthly_report_csv(engine, None, 2025, 12, course, WINDOW, today), args.runs),
        }
        overall = usage_summary(engine, UsageFilter(*last_30), course, WINDOW, today)
        if path.exists():
            sizes["db_mb"] = round(path.stat().st_size / 1e6, 1)
        engine.dispose()
    report = {
        "database": engine.dialect.name,
        "sizes": sizes,
        "seed_seconds": round(seconds, 1),
        "timings": timings,
        "check": {"questions_30d": overall["totals"]["questions"], "learners_active_30d": overall["learners"]["active"]},
    }
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()

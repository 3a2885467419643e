"""The database of an evening at full enrolment: 18,000 learners in 200 communes with some history, and admins.

Accounts are written in bulk with the service's own hashes (the same secret key as the server), so the simulated
learners then sign in through the real login flow with their phone numbers.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, insert

from api.accounts.crypto import Hasher
from api.accounts.models import AuthSession, Unit, User
from api.accounts.phone import mask_phone
from coach.course import Course
from coach.event_store import LearnerStatement
from coach.learner_rollup import backfill
from eval.usage_benchmark import insert_in_chunks

UNITS = 200
ADMINS = 3
HISTORY = 20  # earlier statements per learner (the first evenings of the course)


def learner_phone(index: int) -> str:
    return f"0913{index:06d}"


def admin_phone(index: int) -> str:
    return f"0988{index:06d}"


def learner_id(index: int) -> str:
    return f"hv-{index:05d}"


def seed(engine: Engine, hasher: Hasher, course: Course, learners: int, course_start: dt.date, rng: random.Random) -> dict:
    """Units, learners and admins, and each learner's earlier statements; returns the sizes and the users' ids."""
    now = dt.datetime.now(dt.UTC)
    with engine.begin() as connection:
        connection.execute(insert(Unit.__table__), [{"code": "tinh-mau", "name": "Tỉnh Mẫu", "kind": "province"}])
        connection.execute(insert(Unit.__table__), [
            {"code": _unit(u), "name": f"Xã Mẫu {u + 1}", "kind": "commune", "province_code": "tinh-mau"} for u in range(UNITS)
        ])  # fmt: skip
    users = [_user(hasher, learner_phone(i), f"Học viên {i}", "learner", _unit(i % UNITS), learner_id(i), now)
             for i in range(learners)]  # fmt: skip
    users += [_user(hasher, admin_phone(i), f"Quản trị {i}", "admin", None, f"qt-{i}", now) for i in range(ADMINS)]
    insert_in_chunks(engine, User.__table__, iter(users))
    ids = {user["learner_id"]: user["id"] for user in users}
    statements = insert_in_chunks(engine, LearnerStatement.__table__, _history(course, learners, course_start, now, rng))
    with engine.begin() as connection:
        backfill(connection)  # bulk-inserted statements bypass the event store: roll them up as it would have
    return {"learners": learners, "admins": ADMINS, "units": UNITS, "earlier_statements": statements, "user_ids": ids}


def returning_sessions(engine: Engine, hasher: Hasher, users: dict[int, str], path: Path) -> None:
    """Sessions of learners who signed in on an earlier evening (a session lasts 30 days), by learner number; their
    access tokens go to ``path`` (``number<TAB>token`` lines) for the load generator."""
    now = dt.datetime.now(dt.UTC)
    tokens, rows = [], []
    for number, user_id in users.items():
        access, refresh = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
        tokens.append(f"{number}\t{access}")
        rows.append({"id": uuid.uuid4().hex, "user_id": user_id, "access_hash": hasher("access", access),
                     "refresh_hash": hasher("refresh", refresh), "access_expires_at": now + dt.timedelta(hours=2),
                     "expires_at": now + dt.timedelta(days=20), "created_at": now - dt.timedelta(days=10),
                     "last_seen_at": now, "ip": "127.0.0.1"})  # fmt: skip
    insert_in_chunks(engine, AuthSession.__table__, iter(rows))
    path.write_text("\n".join(tokens), encoding="utf-8")


def _unit(index: int) -> str:
    return f"xa-mau-{index + 1:03d}"


def _user(hasher: Hasher, phone: str, name: str, role: str, unit: str | None, learner: str, at: dt.datetime) -> dict:
    return {"id": uuid.uuid4().hex, "phone_hash": hasher("phone", phone), "phone_masked": mask_phone(phone),
            "display_name": name, "name_folded": name.lower(), "role": role, "unit_code": unit, "learner_id": learner,
            "active": True, "created_at": at}  # fmt: skip


def _history(course: Course, learners: int, start: dt.date, now: dt.datetime, rng: random.Random) -> Iterator[dict[str, Any]]:
    """Readings, quiz answers and a few completed topics on earlier days (none in the last hour: tonight is new)."""
    first = dt.datetime.combine(start, dt.time(), tzinfo=dt.UTC)
    span = max((now - dt.timedelta(hours=1) - first).total_seconds(), 3600.0)
    for index in range(learners):
        topics = rng.sample(course.topics, k=rng.randint(1, 6))
        for n in range(HISTORY):
            topic = topics[n % len(topics)]
            when = first + dt.timedelta(seconds=rng.random() * span)
            if n < len(topics) - 1:
                verb, kind, object_id, success = "completed", "topic", topic.id, None
            elif n % 2:
                verb, kind, object_id, success = "answered", "quiz_item", rng.choice(topic.quiz).id, rng.random() < 0.7
            else:
                verb, kind, object_id, success = "progressed", "lesson", rng.choice(topic.lessons).id, None
            yield {"id": str(uuid.uuid4()), "learner_id": learner_id(index), "unit": _unit(index % UNITS), "verb": verb,
                   "object_type": kind, "object_id": object_id, "success": success, "score": None, "response": None,
                   "duration_s": 60.0, "timestamp": when, "topic": topic.id, "lesson": None, "extensions": "{}",
                   "stored_at": when}  # fmt: skip

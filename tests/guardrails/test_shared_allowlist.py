"""The allowlist in the database: shared between guardrails (workers), combined with the file's terms."""

from __future__ import annotations

from pathlib import Path

from sqlmodel import create_engine

from api.database import upgrade
from guardrails import Allowlist, SqlAllowlist, default_guardrail
from guardrails.guard import Guardrail
from guardrails.policy import Policy

HARMLESS = "Gửi anh Bình Minh thủ tục khai sinh"


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_a_term_cleared_by_one_worker_reaches_the_others(database_url: str, tmp_path: Path) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    clock = Clock()
    file = tmp_path / "allowlist.yaml"
    file.write_text("- Hợp tác xã Hồng Hà\n", encoding="utf-8")
    here, there = SqlAllowlist(engine, Allowlist(file), 5.0, clock), SqlAllowlist(engine, Allowlist(file), 5.0, clock)
    worker_a, worker_b = Guardrail(Policy.load(), here), Guardrail(Policy.load(), there)
    assert worker_a.check(HARMLESS).blocked and worker_b.check(HARMLESS).blocked
    here.add("Bình Minh")
    here.add("Bình Minh")  # idempotent
    assert not worker_a.check(HARMLESS).blocked  # the worker that added it: at once
    assert worker_b.check(HARMLESS).blocked  # another worker: after its refresh period
    clock.now += 5.0
    assert not worker_b.check(HARMLESS).blocked
    assert there.raw_terms() == ["Bình Minh"] and "hop tac xa hong ha" in there.terms()
    assert default_guardrail().check(HARMLESS).blocked  # the shipped policy alone is unchanged
    engine.dispose()

"""Hint evaluation: scenarios of learner events with the expected rule (or none)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import BaseModel, ConfigDict

from coach.course import Course, CourseWindow
from coach.hint_engine import Event, HintEngine, Learner
from coach.learner_events import Statement, duration_seconds


class ScenarioLearner(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    role: str | None = None
    hints_enabled: bool = True


class HintScenario(BaseModel):
    model_config = ConfigDict(extra="ignore")

    id: str
    now: dt.datetime
    learner: ScenarioLearner
    course_window: CourseWindow
    events: list[Statement]
    expected_rule: str | None = None
    expected_object: str | None = None


def to_event(statement: Statement) -> Event:
    return Event(
        verb=statement.verb, object_type=statement.object.type, object_id=statement.object.id,
        timestamp=statement.timestamp, success=statement.result.success, duration_s=duration_seconds(statement.result.duration),
        topic=statement.context.topic, lesson=statement.context.lesson, extensions=dict(statement.context.extensions),
    )  # fmt: skip


def evaluate(course: Course, scenarios: list[HintScenario]) -> dict[str, Any]:
    """Precision: of the hints given, the share that were the expected rule and object.
    Recall: of the scenarios expecting a hint, the share that got exactly it."""
    given = correct = expected = 0
    silence_kept = silences = 0
    rows = []
    for scenario in scenarios:
        engine = HintEngine(course, scenario.course_window)
        learner = Learner(scenario.learner.id, scenario.learner.role, scenario.learner.hints_enabled)
        hint = engine.decide(learner, [to_event(s) for s in scenario.events], scenario.now.astimezone(dt.UTC))
        got = (hint.rule, hint.object_id) if hint else (None, None)
        want = (scenario.expected_rule, scenario.expected_object if scenario.expected_rule else None)
        ok = got[0] == want[0] and (want[1] is None or got[1] == want[1])
        given += hint is not None
        expected += scenario.expected_rule is not None
        correct += bool(hint and ok)
        if scenario.expected_rule is None:
            silences += 1
            silence_kept += hint is None
        rows.append({"id": scenario.id, "expected": want, "got": got, "ok": ok})
    return {
        "n": len(scenarios),
        "precision": round(correct / given, 4) if given else 0.0,
        "recall": round(correct / expected, 4) if expected else 0.0,
        "no_hint_correct": round(silence_kept / silences, 4) if silences else 0.0,
        "results": rows,
    }

"""Hint rules, priorities, cooldown, dismissal and opt-out on a small course."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from coach.course import Course, CourseWindow
from coach.hint_engine import Event, HintEngine, Learner, may_bring_a_hint
from tests.conftest import FIXTURES

COURSE = Course.load(FIXTURES / "course_small.yaml")
WINDOW = CourseWindow(start=dt.date(2025, 12, 1), end=dt.date(2025, 12, 15))
NOW = dt.datetime(2025, 12, 3, 9, 0, tzinfo=dt.UTC)
LEARNER = Learner("L-1", "van-hoa-xa-hoi")


def at(minutes_before: float) -> dt.datetime:
    return NOW - dt.timedelta(minutes=minutes_before)


def ev(verb: str, kind: str, object_id: str, minutes_before: float, **extra) -> Event:
    return Event(verb, kind, object_id, at(minutes_before), **extra)


@pytest.fixture
def engine() -> HintEngine:
    return HintEngine(COURSE, WINDOW, lambda doc, section: (f"Đoạn {section}", {"title": "Mật khẩu", "section": section}))


def test_two_wrong_answers_explain_the_concept_with_its_source(engine: HintEngine) -> None:
    hint = engine.decide(
        LEARNER,
        [ev("answered", "quiz_item", "cd02-q1", 8, success=False), ev("answered", "quiz_item", "cd02-q1", 2, success=False)],
        NOW,
    )
    assert hint is not None and (hint.rule, hint.object_id, hint.id) == (
        "repeated_failure",
        "cd02-q1",
        "repeated_failure:cd02-q1",
    )
    assert "12 ký tự" in hint.text and hint.source == {
        "doc_id": "mau-mat-khau",
        "title": "Mật khẩu",
        "section": "Mật khẩu mạnh",
        "passage": "Đoạn Mật khẩu mạnh",
        "excerpt": "",  # a passage that short is quoted whole
    }


@pytest.mark.parametrize(
    "events",
    [
        [ev("answered", "quiz_item", "cd02-q1", 2, success=False)],  # only once
        [
            ev("answered", "quiz_item", "cd02-q1", 50, success=False),
            ev("answered", "quiz_item", "cd02-q1", 40, success=False),
        ],  # too long ago
        [
            ev("answered", "quiz_item", "cd02-q1", 8, success=False),
            ev("failed", "quiz_item", "cd02-q1", 5),
            ev("answered", "quiz_item", "cd02-q1", 1, success=True),
        ],
    ],
)
def test_no_failure_hint_when_it_does_not_apply(engine: HintEngine, events: list[Event]) -> None:
    assert engine.decide(LEARNER, events, NOW) is None


def test_seeking_back_and_idling(engine: HintEngine) -> None:
    seeks = [ev("seeked", "lesson", "cd01-l2", m, extensions={"from": 120, "to": 60}) for m in (6, 4, 2)]
    assert engine.decide(LEARNER, seeks, NOW).rule == "seek_confusion"
    idle = [ev("idle", "lesson", "cd01-l1", 1, duration_s=150)]
    hint = engine.decide(LEARNER, idle, NOW)
    assert hint.rule == "idle_nudge" and "12 ký tự" in hint.text
    pauses = [ev("paused", "lesson", "cd01-l1", m) for m in (12, 7, 1)]
    assert engine.decide(LEARNER, pauses, NOW).rule == "idle_nudge"


def test_deadline_plan_names_the_missing_compulsory_topics(engine: HintEngine) -> None:
    late = dt.datetime(2025, 12, 12, 9, 0, tzinfo=dt.UTC)
    done = [Event("completed", "topic", t, late - dt.timedelta(days=1)) for t in ("cd01", "cd02", "cd03")]
    hint = engine.decide(LEARNER, done, late)
    assert hint.rule == "deadline_plan" and hint.text.startswith("Còn 3 ngày") and "cần thêm 2 chuyên đề bắt buộc" in hint.text
    assert engine.decide(LEARNER, done, dt.datetime(2025, 12, 9, 9, tzinfo=dt.UTC)) is None  # 6 days left


def test_next_topic_and_chat_link(engine: HintEngine) -> None:
    done = [ev("completed", "topic", f"cd0{n}", 60 - n) for n in range(1, 6)]
    assert engine.decide(Learner("L-2", "tu-phap-ho-tich"), done + [ev("completed", "topic", "cd06", 1)], NOW).object_id == "cd07"
    assert engine.decide(Learner("L-3", "van-hoa-xa-hoi"), done + [ev("completed", "topic", "cd06", 1)], NOW) is None
    asked = [Event("asked", "chat", "c-1", at(3), topic="cd04")]
    assert engine.decide(LEARNER, asked, NOW).id == "chat_topic_link:cd04"


def test_priority_cooldown_dismissal_and_opt_out(engine: HintEngine) -> None:
    both = [
        ev("idle", "lesson", "cd01-l1", 1, duration_s=300),
        ev("failed", "quiz_item", "cd03-q2", 4),
        ev("failed", "quiz_item", "cd03-q2", 3),
    ]
    assert engine.decide(LEARNER, both, NOW).rule == "repeated_failure"
    shown = [*both, ev("hint-shown", "hint", "repeated_failure:cd03-q2", 2)]
    assert engine.decide(LEARNER, shown, NOW) is None
    dismissed = [*both, ev("hint-dismissed", "hint", "repeated_failure:cd03-q2", 20)]
    assert engine.decide(LEARNER, dismissed, NOW).rule == "idle_nudge"
    assert engine.decide(Learner("L-1", hints_enabled=False), both, NOW) is None


def test_a_dismissed_hint_gives_way_to_the_next_of_the_same_rule(engine: HintEngine) -> None:
    two_items = [
        ev("failed", "quiz_item", "cd03-q2", 6), ev("failed", "quiz_item", "cd03-q2", 5),
        ev("failed", "quiz_item", "cd02-q1", 4), ev("failed", "quiz_item", "cd02-q1", 3),
        ev("hint-dismissed", "hint", "repeated_failure:cd03-q2", 20),
    ]  # fmt: skip
    assert engine.decide(LEARNER, two_items, NOW).id == "repeated_failure:cd02-q1"


def test_hint_effectiveness_compares_next_attempts() -> None:
    from coach.hint_analytics import hint_effectiveness

    helped = [
        ev("answered", "quiz_item", "cd02-q1", 30, success=False),
        ev("answered", "quiz_item", "cd02-q1", 28, success=False),
        ev("hint-shown", "hint", "repeated_failure:cd02-q1", 27),
        ev("answered", "quiz_item", "cd02-q1", 25, success=True),
    ]
    alone = [ev("answered", "quiz_item", "cd03-q1", 20, success=False), ev("answered", "quiz_item", "cd03-q1", 19, success=False),
             ev("answered", "quiz_item", "cd03-q1", 18, success=True)]  # fmt: skip
    report = hint_effectiveness({"a": helped, "b": alone}, COURSE)
    assert report["repeated_failure"] == {"next_attempt_right": 1.0, "attempts": 1}
    # Next attempts after a wrong answer with no hint: wrong (a), wrong then right (b).
    assert report["without_hint"] == {"next_attempt_right": 0.333, "attempts": 3}


VERBS = {"answered": "quiz_item", "failed": "quiz_item", "seeked": "lesson", "idle": "lesson", "paused": "lesson",
         "asked": "chat", "completed": "topic", "passed": "topic", "progressed": "lesson", "launched": "topic",
         "resumed": "lesson", "terminated": "topic", "hint-shown": "hint", "hint-dismissed": "hint",
         "hint-helpful": "hint"}  # fmt: skip
OBJECTS = {"quiz_item": ["cd02-q1", "cd03-q2"], "lesson": ["cd01-l1", "cd02-l1"], "topic": ["cd01", "cd02", "cd03"],
           "chat": ["c-1"], "hint": ["repeated_failure:cd02-q1", "idle_nudge:cd01-l1", "next_topic:cd02"]}  # fmt: skip


@st.composite
def statements(draw: st.DrawFn, passive: bool | None = None) -> Event:
    verb = draw(st.sampled_from(sorted(VERBS)))
    kind = VERBS[verb] if verb not in ("completed", "passed") else draw(st.sampled_from(["topic", "lesson"]))
    object_id = draw(st.sampled_from(OBJECTS[kind]))
    extra = {
        "success": draw(st.sampled_from([True, False, None])),
        "duration_s": draw(st.sampled_from([None, 30.0, 300.0])),
        "topic": draw(st.sampled_from([None, "cd02", "cd03"])),
        "extensions": {"from": 90, "to": 10} if verb == "seeked" else {},
    }
    return ev(verb, kind, object_id, draw(st.integers(0, 40)), **extra)


@settings(max_examples=400, deadline=None)
@given(history=st.lists(statements(), max_size=12), extra=statements())
def test_passive_statements_never_bring_a_new_hint(history: list[Event], extra: Event) -> None:
    """What lets the scheduler skip deciding after reading, launches and resumes (``may_bring_a_hint``)."""
    engine = HintEngine(COURSE, WINDOW, None)
    assume(not may_bring_a_hint(extra.verb, extra.object_type))
    before, after = engine.decide(LEARNER, history, NOW), engine.decide(LEARNER, [*history, extra], NOW)
    assert after is None or (before is not None and after.id == before.id)


def test_a_hint_quotes_the_sentence_it_is_about() -> None:
    from coach.excerpt import excerpt

    passage = (
        "Tài khoản công vụ cần được bảo vệ.\n\n"
        "Các cách làm:\n- Bật xác thực hai lớp.\n- Mật khẩu nên dài ít nhất 12 ký tự, có chữ hoa và số.\n\n"
        "Không dùng chung máy tính. Đổi mật khẩu khi nghi bị lộ."
    )
    quoted = excerpt(passage, "Gợi ý: mật khẩu nên dài ít nhất 12 ký tự.")
    assert quoted.startswith("Các cách làm: Mật khẩu nên dài ít nhất 12 ký tự") and "Không dùng chung máy tính" not in quoted
    assert excerpt(passage, "thời tiết") == ""

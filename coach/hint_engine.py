"""The hint engine: a learner's recent statements in, at most one timely hint out.

Rules, highest priority first (the README has the table): repeated_failure, seek_confusion,
idle_nudge, deadline_plan, chat_topic_link, next_topic. No hint within the cooldown after the
last one shown, never a hint the learner dismissed, none when the learner turned hints off.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from coach import messages_vi
from coach.course import Course, CourseWindow
from coach.excerpt import excerpt

COOLDOWN = dt.timedelta(minutes=10)
FAILURE_WINDOW = dt.timedelta(minutes=30)
SEEK_WINDOW = dt.timedelta(minutes=10)
IDLE_WINDOW = dt.timedelta(minutes=5)
PAUSE_WINDOW = dt.timedelta(minutes=15)
RECENT = dt.timedelta(minutes=10)
IDLE_SECONDS = 120
DEADLINE_DAYS = 5


@dataclass(frozen=True)
class Event:
    """The parts of a statement the engine reads."""

    verb: str
    object_type: str
    object_id: str
    timestamp: dt.datetime
    success: bool | None = None
    duration_s: float | None = None
    topic: str | None = None
    lesson: str | None = None
    extensions: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Learner:
    id: str
    role: str | None = None
    hints_enabled: bool = True


@dataclass(frozen=True)
class Hint:
    """A hint for the lesson page; ``id`` is what hint-shown/dismissed statements refer to."""

    rule: str
    object_id: str
    text: str
    topic_id: str | None = None
    source: dict[str, Any] | None = None  # the cited courseware passage

    @property
    def id(self) -> str:
        return f"{self.rule}:{self.object_id}"


# Statements that only move a learner along (reading, opening, coming back, "helpful", a lesson done) can take the
# current hint away (the newest, next_topic, wants a topic completion as the latest statement) but never bring one,
# so nothing needs deciding after them; a property test holds the rules to this.
PASSIVE_VERBS = frozenset({"progressed", "launched", "resumed", "terminated", "hint-helpful"})


def may_bring_a_hint(verb: str, object_type: str) -> bool:
    """Whether a statement can make a new hint due (every verb but the passive ones; completions only of topics)."""
    if verb in ("completed", "passed"):
        return object_type == "topic"
    return verb not in PASSIVE_VERBS


# (doc_id, section) -> (passage text, metadata) from the knowledge base, for citing a hint's source.
PassageLookup = Callable[[str, str], tuple[str, dict[str, Any]] | None]


class HintEngine:
    def __init__(self, course: Course, window: CourseWindow, passages: PassageLookup | None = None) -> None:
        self.course, self.window, self.passages = course, window, passages

    def decide(self, learner: Learner, events: Iterable[Event], now: dt.datetime) -> Hint | None:
        """The hint to show now, if any."""
        # Only what had happened by ``now`` counts (this also makes replays and evaluations exact).
        history = sorted((e for e in events if e.timestamp <= now), key=lambda e: e.timestamp)
        if not learner.hints_enabled:
            return None
        if any(e.verb == "hint-shown" and now - COOLDOWN < e.timestamp <= now for e in history):
            return None
        dismissed = {e.object_id for e in history if e.verb == "hint-dismissed"}
        completed = {e.object_id for e in history if e.verb in ("completed", "passed") and e.object_type == "topic"}
        rules = (
            self._repeated_failure(history, now),
            self._seek_confusion(history, now),
            self._idle_nudge(history, now),
            self._deadline_plan(completed, now),
            self._chat_topic_link(history, completed, now),
            self._next_topic(learner, history, completed, now),
        )
        # Each rule offers its candidates in order: a dismissed one gives way to the next of the same rule
        # (another quiz item failed twice), not to a lower-priority rule.
        for candidates in rules:
            for candidate in candidates:
                if candidate.id not in dismissed:
                    return candidate
        return None

    def recheck_at(self, learner: Learner, events: Iterable[Event], now: dt.datetime) -> dt.datetime | None:
        """The next moment :meth:`decide` may answer differently for this learner with no new statement, if any.

        Hints are decided when statements arrive; this is what a scheduler waits for in between: a statement
        stamped ahead of ``now`` (client clocks run ahead) and the end of a cooldown. Moments that concern every
        learner at once are :meth:`course_moments`.
        """
        if not learner.hints_enabled:
            return None
        history = list(events)
        candidates = [e.timestamp for e in history if e.timestamp > now]
        shown = [e.timestamp for e in history if e.verb == "hint-shown" and now - COOLDOWN < e.timestamp <= now]
        if shown:
            candidates.append(max(shown) + COOLDOWN)
        return min(candidates, default=None)

    def course_moments(self) -> list[dt.datetime]:
        """When a rule starts to apply to every learner at once (the deadline plan's first day), in order."""
        opens = max(self.window.start, self.window.end - dt.timedelta(days=DEADLINE_DAYS))
        return [dt.datetime.combine(opens, dt.time(), tzinfo=dt.UTC)]

    # --- rules -------------------------------------------------------------------------------

    def _repeated_failure(self, history: list[Event], now: dt.datetime) -> Iterator[Hint]:
        recent = [e for e in history if e.object_type == "quiz_item" and now - FAILURE_WINDOW <= e.timestamp <= now]
        failures = Counter(e.object_id for e in recent if _is_failure(e))
        for item_id, count in failures.most_common():
            last_failure = max(e.timestamp for e in recent if e.object_id == item_id and _is_failure(e))
            fixed = any(e.object_id == item_id and e.success is True and e.timestamp > last_failure for e in recent)
            if count >= 2 and not fixed:
                item = self.course.by_id[item_id]
                topic = self.course.topic_of[item_id]
                text = messages_vi.HINT_REPEATED_FAILURE.format(explanation=item.explanation)
                yield Hint("repeated_failure", item_id, text, topic.id, self._source(topic.doc_id, item.section, text))

    def _seek_confusion(self, history: list[Event], now: dt.datetime) -> Iterator[Hint]:
        backwards = Counter(
            e.object_id
            for e in history
            if e.verb == "seeked" and e.object_type == "lesson" and now - SEEK_WINDOW <= e.timestamp <= now
            and _number(e.extensions.get("from")) > _number(e.extensions.get("to"))
        )  # fmt: skip
        for lesson_id, count in backwards.most_common():
            if count >= 3:
                yield self._lesson_hint("seek_confusion", lesson_id, messages_vi.HINT_SEEK)

    def _idle_nudge(self, history: list[Event], now: dt.datetime) -> Iterator[Hint]:
        for event in reversed(history):
            recent = now - IDLE_WINDOW <= event.timestamp <= now
            if event.verb == "idle" and event.object_type == "lesson" and recent and (event.duration_s or 0) >= IDLE_SECONDS:
                yield self._lesson_hint("idle_nudge", event.object_id, messages_vi.HINT_IDLE)
        pauses = Counter(
            e.object_id
            for e in history
            if e.verb == "paused" and e.object_type == "lesson" and now - PAUSE_WINDOW <= e.timestamp <= now
        )
        for lesson_id, count in pauses.most_common():
            if count >= 3:
                yield self._lesson_hint("idle_nudge", lesson_id, messages_vi.HINT_IDLE)

    def _deadline_plan(self, completed: set[str], now: dt.datetime) -> Iterator[Hint]:
        today = now.date()
        days_left = self.window.days_left(today)
        missing = [t for t in self.course.compulsory if t.id not in completed]
        if not self.window.is_open(today) or days_left > DEADLINE_DAYS or not missing:
            return
        names = "; ".join(f"chuyên đề {t.number} – {t.name}" for t in missing)
        text = messages_vi.HINT_DEADLINE.format(days=days_left, count=len(missing), topics=names)
        yield Hint("deadline_plan", "course", text, missing[0].id, self._source(self.course.course.rules_doc, None, text))

    def _chat_topic_link(self, history: list[Event], completed: set[str], now: dt.datetime) -> Iterator[Hint]:
        for event in reversed(history):
            if event.verb == "asked" and now - RECENT <= event.timestamp <= now and event.topic and event.topic not in completed:
                topic = self.course.topic_of.get(event.topic)
                if topic is not None:
                    lesson = topic.lessons[0]
                    text = messages_vi.HINT_CHAT_TOPIC.format(number=topic.number, title=topic.name, lesson=lesson.title)
                    yield Hint("chat_topic_link", topic.id, text, topic.id, self._source(topic.doc_id, lesson.section, text))

    def _next_topic(self, learner: Learner, history: list[Event], completed: set[str], now: dt.datetime) -> Iterator[Hint]:
        latest = next((e for e in reversed(history) if not e.verb.startswith("hint-")), None)
        if (
            latest is None
            or latest.verb not in ("completed", "passed")
            or latest.object_type != "topic"
            or now - RECENT > latest.timestamp
        ):
            return
        pending = [t for t in self.course.compulsory if t.id not in completed]
        if not pending:
            pending = [t for t in self.course.topics if t.id not in completed and t.suits(learner.role)]
        if not pending:
            return
        topic = pending[0]
        kind = messages_vi.COMPULSORY if topic.compulsory else messages_vi.ELECTIVE
        text = messages_vi.HINT_NEXT_TOPIC.format(number=topic.number, title=topic.name, kind=kind)
        yield Hint("next_topic", topic.id, text, topic.id, self._source(topic.doc_id, topic.lessons[0].section, text))

    # --- helpers -----------------------------------------------------------------------------

    def _lesson_hint(self, rule: str, lesson_id: str, template: str) -> Hint:
        lesson = self.course.by_id[lesson_id]
        topic = self.course.topic_of[lesson_id]
        text = template.format(title=lesson.title, key_point=lesson.key_point)
        return Hint(rule, lesson_id, text, topic.id, self._source(topic.doc_id, lesson.section, text))

    def _source(self, doc_id: str, section: str | None, about: str) -> dict[str, Any] | None:
        """The cited courseware passage, with the sentence or two of it the hint is ``about``."""
        if self.passages is None:
            return None
        found = self.passages(doc_id, section or "")
        if found is None:
            return None
        text, metadata = found
        return {
            "doc_id": doc_id,
            "title": metadata.get("title"),
            "section": metadata.get("section"),
            "passage": text,
            "excerpt": excerpt(text, about),
        }


def _is_failure(event: Event) -> bool:
    return (event.verb == "answered" and event.success is False) or event.verb == "failed"


def _number(value: Any) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return 0.0

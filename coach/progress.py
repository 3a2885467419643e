"""Progress toward the certificate: at least N topics completed, all compulsory ones among them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from coach import messages_vi
from coach.course import Course, CourseWindow
from coach.hint_engine import Event


@dataclass
class Progress:
    learner_id: str
    topics_completed: list[str]
    compulsory_missing: list[str]
    topics_required: int
    quiz_scores: dict[str, float]  # topic -> share of its quiz items answered correctly
    time_spent_minutes: float
    days_left: int
    course_open: bool
    on_track: bool
    eligible: bool
    reasons: list[str] = field(default_factory=list)


def compute_progress(learner_id: str, events: list[Event], course: Course, window: CourseWindow, today: dt.date) -> Progress:
    completed = sorted(
        {e.object_id for e in events if e.object_type == "topic" and e.verb in ("completed", "passed")},
        key=lambda t: course.by_id[t].number,
    )
    missing = [t.id for t in course.compulsory if t.id not in completed]
    correct: dict[str, set[str]] = {}
    for event in events:
        if event.object_type == "quiz_item" and event.verb in ("answered", "passed") and event.success:
            correct.setdefault(course.topic_of[event.object_id].id, set()).add(event.object_id)
    answered_topics = {course.topic_of[e.object_id].id for e in events if e.object_type == "quiz_item"}
    scores = {t: round(len(correct.get(t, set())) / len(course.by_id[t].quiz), 2) for t in sorted(answered_topics)}
    minutes = sum(e.duration_s or 0 for e in events) / 60
    required = course.course.topics_required
    days_left = window.days_left(today)
    expected_now = expected_topics(course, window, today)
    reasons = []
    if len(completed) < required:
        reasons.append(messages_vi.PROGRESS_NEED_MORE.format(done=len(completed), required=required))
    if missing:
        reasons.append(messages_vi.PROGRESS_MISSING.format(topics=", ".join(missing)))
    if today > window.end and reasons:
        reasons.append(messages_vi.PROGRESS_CLOSED)
    eligible = is_eligible(set(completed), course)
    return Progress(
        learner_id=learner_id,
        topics_completed=completed,
        compulsory_missing=missing,
        topics_required=required,
        quiz_scores=scores,
        time_spent_minutes=round(minutes, 1),
        days_left=max(days_left, 0),
        course_open=window.is_open(today),
        on_track=eligible or len(completed) >= expected_now,
        eligible=eligible,
        reasons=reasons,
    )


def expected_topics(course: Course, window: CourseWindow, today: dt.date) -> float:
    """Topics a learner keeping an even pace would have completed by ``today`` ("on track" is at least that)."""
    total_days = (window.end - window.start).days + 1
    elapsed = min(max((today - window.start).days + 1, 0), total_days)
    return course.course.topics_required * elapsed / total_days


def is_eligible(completed: set[str], course: Course) -> bool:
    """The certificate rule: every compulsory topic, and at least the required number of topics."""
    return all(t.id in completed for t in course.compulsory) and len(completed) >= course.course.topics_required


def progress_counts(completed: dict[str, set[str]], course: Course, window: CourseWindow, today: dt.date) -> dict[str, int]:
    """How many learners have some progress, are eligible, are on track: the rules of :func:`compute_progress`,
    counted for many learners at once without building each one's full progress (dashboards, 18,000 learners)."""
    expected_now = expected_topics(course, window, today)
    eligible = sum(1 for done in completed.values() if is_eligible(done, course))
    on_track = sum(1 for done in completed.values() if is_eligible(done, course) or len(done) >= expected_now)
    return {"with_progress": sum(1 for done in completed.values() if done), "eligible": eligible, "on_track": on_track}

"""Do hints help? Share of quiz answers that were right on the next attempt after a hint, per
rule, against the next attempt after a wrong answer with no hint in between."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from coach.course import Course
from coach.hint_engine import Event


@dataclass
class Rate:
    right: int = 0
    attempts: int = 0

    @property
    def share(self) -> float | None:
        return round(self.right / self.attempts, 3) if self.attempts else None


def hint_effectiveness(events_by_learner: dict[str, list[Event]], course: Course) -> dict[str, dict[str, float | int | None]]:
    with_hint: dict[str, Rate] = defaultdict(Rate)
    without = Rate()
    for events in events_by_learner.values():
        history = sorted(events, key=lambda e: e.timestamp)
        pending: dict[str, str] = {}  # topic -> rule of the last hint shown, until the next answer in it
        after_wrong: set[str] = set()  # topics with a wrong answer and no hint since
        for event in history:
            if event.verb == "hint-shown":
                rule, _, target = event.object_id.partition(":")
                topic = course.topic_of.get(target)
                if topic is not None:
                    pending[topic.id] = rule
                    after_wrong.discard(topic.id)
            elif event.verb == "answered" and event.object_type == "quiz_item":
                topic = course.topic_of[event.object_id].id
                if topic in pending:
                    rate = with_hint[pending.pop(topic)]
                    rate.attempts += 1
                    rate.right += bool(event.success)
                elif topic in after_wrong:
                    without.attempts += 1
                    without.right += bool(event.success)
                if event.success is False:
                    after_wrong.add(topic)
                else:
                    after_wrong.discard(topic)
    report: dict[str, dict[str, float | int | None]] = {
        rule: {"next_attempt_right": rate.share, "attempts": rate.attempts} for rule, rate in sorted(with_hint.items())
    }
    report["without_hint"] = {"next_attempt_right": without.share, "attempts": without.attempts}
    return report

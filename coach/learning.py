"""The learning coach's parts, built once: the course, the window, the event store, the hint engine and log."""

from __future__ import annotations

from dataclasses import dataclass, field

from coach.course import Course, CourseWindow
from coach.event_store import EventStore
from coach.hint_delivery import HintDelivery
from coach.hint_engine import HintEngine, PassageLookup
from coach.xapi_mapping import ActivityMap, load_activity_map
from knowledge_base import KnowledgeIndex


@dataclass
class LearningCoach:
    course: Course
    window: CourseWindow
    events: EventStore
    hints: HintEngine
    delivery: HintDelivery
    xapi_activities: ActivityMap = field(default=None)  # type: ignore[assignment]  # set from the course when omitted

    def __post_init__(self) -> None:
        if self.xapi_activities is None:
            self.xapi_activities = load_activity_map(self.course)


def passage_lookup(index: KnowledgeIndex) -> PassageLookup:
    """Finds a courseware section's passage in the index (the first chunk of that section)."""

    def lookup(doc_id: str, section: str) -> tuple[str, dict] | None:
        chunks = index.chunks_of(doc_id)
        for _, text, metadata in chunks:
            if not section or metadata.get("section") == section:
                body = text.split("\n", 1)[1] if "\n" in text else text
                return body, metadata
        return None

    return lookup

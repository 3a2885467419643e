"""What an xAPI 1.0.3 statement from the course platform means to the coach.

The platform (Open edX through its event-routing backends, Moodle through its xAPI log store) names
activities by IRIs of its own and verbs by the ADL vocabulary. ``course_data/xapi_activities.yaml``
maps each platform's IRIs onto the course's topics, lessons and quiz items (exact IRIs, or patterns
with a named group ``id``); the verb table below maps verb IRIs onto the verbs the coach tracks. A
statement about an activity or with a verb the coach does not track is still stored and reported,
never dropped; it just does not count towards progress or hints.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field

from coach.course import Course
from coach.learner_events import Actor, Context, Result, Statement, StatementObject

log = logging.getLogger(__name__)
ACTIVITIES_FILE = Path(__file__).with_name("course_data") / "xapi_activities.yaml"
ADL = "http://adlnet.gov/expapi/verbs/"
VIDEO = "https://w3id.org/xapi/video/verbs/"
VOIDED = ADL + "voided"
# Verb IRIs -> the coach's verbs. Others (registered, experienced, interacted…) are stored, not tracked.
VERBS = {
    ADL + "launched": "launched", ADL + "initialized": "launched", ADL + "attempted": "launched",
    ADL + "progressed": "progressed", ADL + "completed": "completed", ADL + "passed": "passed", ADL + "failed": "failed",
    ADL + "answered": "answered", ADL + "terminated": "terminated", ADL + "suspended": "paused", ADL + "resumed": "resumed",
    VIDEO + "played": "resumed", VIDEO + "paused": "paused", VIDEO + "seeked": "seeked", VIDEO + "completed": "completed",
    VIDEO + "terminated": "terminated", VIDEO + "initialized": "launched",
    "http://id.tincanapi.com/verb/skipped": "seeked",
    # Open edX's problem check (event-routing backends) and Moodle's quiz attempt start (logstore_xapi).
    "https://w3id.org/xapi/acrossx/verbs/evaluated": "answered", "http://activitystrea.ms/schema/1.0/start": "launched",
}  # fmt: skip
MAX_RESPONSE = 20  # only a choice id: a free-text answer could carry personal data


class Platform(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    home_page: str
    course: list[str] = Field(default_factory=list)
    patterns: list[str] = Field(default_factory=list)
    activities: dict[str, str] = Field(default_factory=dict)


class ActivityFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    platforms: list[Platform]


@dataclass(frozen=True)
class Target:
    """What an activity IRI is in the course: its kind ("course", "topic", "lesson", "quiz_item") and id."""

    kind: str
    id: str


class ActivityMap:
    """Activity IRIs of every configured platform, resolved against the course."""

    def __init__(self, platforms: list[Platform], course: Course) -> None:
        self.platforms = platforms
        self._exact: dict[str, Target] = {}
        self._patterns: list[re.Pattern[str]] = []
        for platform in platforms:
            for iri in platform.course:
                self._exact[_iri_key(iri)] = Target("course", course.course.id)
            unknown = []
            for iri, object_id in platform.activities.items():
                kind = course.kind_of(object_id)
                if kind is None:
                    unknown.append(object_id)
                    continue
                self._exact[_iri_key(iri)] = Target(kind, object_id)
            if unknown:  # another course's file: the service still starts, and those statements show as untracked
                log.warning("xapi mapping %s: %d ids not in the course (e.g. %s)", platform.name, len(unknown), unknown[0])
            for pattern in platform.patterns:
                compiled = re.compile(pattern)
                if "id" not in compiled.groupindex:
                    raise ValueError(f"{platform.name}: pattern {pattern!r} has no group named 'id'")
                self._patterns.append(compiled)
        self._course = course

    def resolve(self, iri: str) -> Target | None:
        found = self._exact.get(_iri_key(iri))
        if found is not None:
            return found
        for pattern in self._patterns:
            match = pattern.match(iri)
            if match:
                kind = self._course.kind_of(match.group("id"))
                return Target(kind, match.group("id")) if kind else None
        return None


def _iri_key(iri: str) -> str:
    # IRIs compare exactly, but a trailing slash is a common difference between a platform's settings and its output.
    return iri.rstrip("/")


def load_activity_map(course: Course, path: Path = ACTIVITIES_FILE) -> ActivityMap:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.exists() else {"platforms": []}
    return ActivityMap(ActivityFile.model_validate(data).platforms, course)


@dataclass(frozen=True)
class Meaning:
    """What one statement means to the coach: its verb and target, or why it is not tracked."""

    verb: str | None
    target: Target | None
    untracked: str | None  # "verb", "activity", "actor", "object" or None when tracked

    @property
    def tracked(self) -> bool:
        return self.untracked is None


def meaning(statement: dict[str, Any], activities: ActivityMap) -> Meaning:
    """Read a validated statement (as a dict) against the verb table and the activity map."""
    verb = VERBS.get(statement["verb"]["id"])
    obj = statement["object"]
    if obj.get("objectType", "Activity") != "Activity":
        return Meaning(verb, None, "object")
    target = activities.resolve(obj["id"])
    if statement["actor"].get("objectType") == "Group":
        return Meaning(verb, target, "actor")
    if verb is None:
        return Meaning(None, target, "verb")
    if target is None:
        return Meaning(verb, None, "activity")
    return Meaning(verb, target, None)


def compact(
    statement: dict[str, Any], found: Meaning, activities: ActivityMap, learner_id: str, unit: str | None
) -> Statement | None:
    """The compact statement the coach tracks, or ``None`` when it tracks nothing of this one (a statement about
    the whole course is stored, not tracked: the compact form has no course object)."""
    if not found.tracked or found.target is None or found.target.kind == "course" or found.verb is None:
        return None
    result = statement.get("result") or {}
    score = (result.get("score") or {}).get("scaled")
    response = result.get("response")
    parent = _parent_ids(statement, activities)
    return Statement(
        id=uuid.UUID(str(statement["id"])),
        actor=Actor(id=learner_id, unit=unit),
        verb=found.verb,
        object=StatementObject(type=found.target.kind, id=found.target.id),
        result=Result(
            success=result.get("success"),
            score=None if score is None else min(1.0, max(0.0, float(score))),
            response=response if isinstance(response, str) and len(response) <= MAX_RESPONSE else None,
            duration=result.get("duration"),
        ),
        timestamp=_timestamp(statement),
        context=Context(topic=parent.get("topic"), lesson=parent.get("lesson")),
    )


def _timestamp(statement: dict[str, Any]) -> dt.datetime:
    value = statement.get("timestamp")
    at = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    if at is None:
        return dt.datetime.now(dt.UTC)
    return at if at.tzinfo else at.replace(tzinfo=dt.UTC)


def _parent_ids(statement: dict[str, Any], activities: ActivityMap) -> dict[str, str]:
    """The topic and lesson among the statement's parent and grouping activities, when the map knows them."""
    found: dict[str, str] = {}
    context_activities = (statement.get("context") or {}).get("contextActivities") or {}
    for key in ("parent", "grouping"):
        items = context_activities.get(key) or []
        for item in items if isinstance(items, list) else [items]:
            target = activities.resolve(str(item.get("id", "")))
            if target is not None and target.kind in ("topic", "lesson"):
                found.setdefault(target.kind, target.id)
    return found

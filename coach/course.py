"""The course: 19 topics (5 compulsory), their lessons and quizzes, loaded from ``course_data``."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, Field, model_validator

COURSE_FILE = Path(__file__).with_name("course_data") / "course.yaml"


class Lesson(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: str
    section: str
    minutes: int = Field(gt=0)
    key_point: str


class QuizItem(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    question: str
    options: list[str] = Field(min_length=2)
    answer: int
    explanation: str
    section: str

    @model_validator(mode="after")
    def _answer_in_range(self) -> QuizItem:
        if not 0 <= self.answer < len(self.options):
            raise ValueError(f"{self.id}: answer index out of range")
        return self


_NUMBERED = re.compile(r"^\s*Chuyên đề\s+\d+\s*[:.–-]\s*", re.IGNORECASE)


class Topic(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    number: int = Field(ge=1, le=19)
    title: str
    doc_id: str
    compulsory: bool
    roles: list[str]
    lessons: list[Lesson] = Field(min_length=1)
    quiz: list[QuizItem] = Field(min_length=1)

    def suits(self, role: str | None) -> bool:
        return "all" in self.roles or (role is not None and role in self.roles)

    @property
    def name(self) -> str:
        """The title without its "Chuyên đề N:" (the course file writes it; messages add the number themselves)."""
        return _NUMBERED.sub("", self.title)

    @property
    def heading(self) -> str:
        """``Chuyên đề 3: An toàn khi dùng AI``: the number once, whichever way the title was written."""
        return f"Chuyên đề {self.number}: {self.name}"


class Role(BaseModel):
    id: str
    name: str


class CourseInfo(BaseModel):
    id: str
    title: str
    rules_doc: str
    topics_required: int = Field(ge=1)


class Course(BaseModel):
    """The whole course; ids are unique across topics, lessons and quiz items."""

    model_config = ConfigDict(extra="forbid")

    course: CourseInfo
    roles: list[Role]
    topics: list[Topic]

    @model_validator(mode="after")
    def _consistent(self) -> Course:
        ids = [item_id for item_id, _, _ in self._entries()]
        duplicates = {i for i in ids if ids.count(i) > 1}
        if duplicates:
            raise ValueError(f"duplicate ids: {sorted(duplicates)}")
        roles = {r.id for r in self.roles} | {"all"}
        unknown = {r for t in self.topics for r in t.roles} - roles
        if unknown:
            raise ValueError(f"unknown roles: {sorted(unknown)}")
        return self

    @classmethod
    def load(cls, path: Path = COURSE_FILE) -> Course:
        return cls.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))

    def _entries(self) -> Iterator[tuple[str, Topic | Lesson | QuizItem, Topic]]:
        """(id, item, its topic) for every topic, lesson and quiz item."""
        for topic in self.topics:
            yield topic.id, topic, topic
            for part in (*topic.lessons, *topic.quiz):
                yield part.id, part, topic

    @cached_property
    def by_id(self) -> dict[str, Topic | Lesson | QuizItem]:
        return {item_id: item for item_id, item, _ in self._entries()}

    @cached_property
    def topic_of(self) -> dict[str, Topic]:
        """The topic each topic, lesson and quiz item id belongs to."""
        return {item_id: topic for item_id, _, topic in self._entries()}

    @property
    def compulsory(self) -> list[Topic]:
        return [t for t in self.topics if t.compulsory]

    def kind_of(self, object_id: str) -> str | None:
        item = self.by_id.get(object_id)
        return {Topic: "topic", Lesson: "lesson", QuizItem: "quiz_item"}.get(type(item)) if item else None


class CourseWindow(BaseModel):
    """When the course is open (inclusive dates)."""

    start: dt.date
    end: dt.date

    def days_left(self, today: dt.date) -> int:
        return (self.end - today).days

    def is_open(self, today: dt.date) -> bool:
        return self.start <= today <= self.end

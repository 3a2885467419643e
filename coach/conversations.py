"""Conversations, messages and feedback (tables owned by the coach package).

A blocked question is stored only in its redacted form; an allowed one passed the guardrail.
"""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import asdict

from sqlalchemy import Engine
from sqlmodel import Field, Session, SQLModel, func, select

from coach.answering import Answer

MAX_MESSAGES = 200  # per conversation; then the user starts a new one
HISTORY_FOR_CONTEXT = 6


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Conversation(SQLModel, table=True):
    __tablename__ = "coach_conversation"

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, primary_key=True, max_length=32)
    created_at: dt.datetime = Field(default_factory=_now, index=True)
    unit: str | None = Field(default=None, index=True, max_length=64)


class Message(SQLModel, table=True):
    __tablename__ = "coach_message"

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, primary_key=True, max_length=32)
    conversation_id: str = Field(foreign_key="coach_conversation.id", index=True, max_length=32)
    role: str = Field(max_length=16)  # user | assistant
    text: str
    blocked: bool = False
    not_covered: bool = False
    categories: str = "[]"
    citations: str = "[]"
    answerer: str | None = Field(default=None, max_length=16)
    created_at: dt.datetime = Field(default_factory=_now, index=True)


class Feedback(SQLModel, table=True):
    __tablename__ = "coach_feedback"

    id: int | None = Field(default=None, primary_key=True)
    message_id: str = Field(foreign_key="coach_message.id", index=True, max_length=32)
    helpful: bool
    comment: str | None = None
    created_at: dt.datetime = Field(default_factory=_now, index=True)


class ConversationFull(Exception):
    """The conversation reached :data:`MAX_MESSAGES`."""


class ConversationStore:
    """Reads and writes conversations through one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def open(self, conversation_id: str | None, unit: str | None = None) -> str:
        """An existing conversation's id, or a new conversation's."""
        with Session(self.engine) as session:
            if conversation_id and session.get(Conversation, conversation_id):
                count = session.exec(
                    select(func.count()).select_from(Message).where(Message.conversation_id == conversation_id)
                ).one()
                if count >= MAX_MESSAGES:
                    raise ConversationFull
                return conversation_id
            conversation = Conversation(unit=unit)
            session.add(conversation)
            session.commit()
            return conversation.id

    def exists(self, conversation_id: str) -> bool:
        with Session(self.engine) as session:
            return session.get(Conversation, conversation_id) is not None

    def history(self, conversation_id: str) -> list[str]:
        """The last allowed questions, oldest first, to rewrite follow-ups."""
        with Session(self.engine) as session:
            rows = session.exec(
                select(Message.text)
                .where(Message.conversation_id == conversation_id, Message.role == "user", Message.blocked == False)  # noqa: E712
                .order_by(Message.created_at.desc())
                .limit(HISTORY_FOR_CONTEXT)
            ).all()
        return list(reversed(rows))

    def record(self, conversation_id: str, question: str, answer: Answer) -> tuple[str, str]:
        """Store the exchange; returns (question message id, answer message id)."""
        stored_question = answer.redacted_question if answer.blocked else question
        user = Message(conversation_id=conversation_id, role="user", text=stored_question or "", blocked=answer.blocked,
                       categories=json.dumps(answer.categories))  # fmt: skip
        assistant = Message(
            conversation_id=conversation_id,
            role="assistant",
            text=answer.text,
            blocked=answer.blocked,
            not_covered=answer.not_covered,
            categories=json.dumps(answer.categories),
            citations=json.dumps([asdict(c) for c in answer.citations], ensure_ascii=False),
            answerer=answer.answerer,
            created_at=_now() + dt.timedelta(microseconds=1),
        )
        with Session(self.engine) as session:
            session.add(user)
            session.add(assistant)
            session.commit()
            return user.id, assistant.id

    def messages(self, conversation_id: str) -> list[Message]:
        with Session(self.engine) as session:
            return list(
                session.exec(select(Message).where(Message.conversation_id == conversation_id).order_by(Message.created_at))
            )

    def message(self, message_id: str) -> Message | None:
        with Session(self.engine) as session:
            return session.get(Message, message_id)

    def add_feedback(self, message_id: str, helpful: bool, comment: str | None) -> int:
        with Session(self.engine) as session:
            feedback = Feedback(message_id=message_id, helpful=helpful, comment=comment)
            session.add(feedback)
            session.commit()
            return int(feedback.id or 0)

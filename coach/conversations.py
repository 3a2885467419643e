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


def _storable(text: str) -> str:
    """The text without NUL characters, which PostgreSQL's text columns refuse (SQLite keeps them)."""
    return text.replace("\x00", "")


class Conversation(SQLModel, table=True):
    __tablename__ = "coach_conversation"

    id: str = Field(default_factory=lambda: uuid.uuid4().hex, primary_key=True, max_length=32)
    created_at: dt.datetime = Field(default_factory=_now, index=True)
    unit: str | None = Field(default=None, index=True, max_length=64)
    user_id: str | None = Field(default=None, index=True, max_length=32)  # the signed-in official who owns it


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


class ConversationNotFound(Exception):
    """No such conversation for this user (another user's conversation does not exist for them)."""


class ConversationStore:
    """Reads and writes conversations through one engine."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def open(self, conversation_id: str | None, unit: str | None = None, user_id: str | None = None) -> str:
        """An existing conversation of ``user_id``, or a new conversation's id."""
        with Session(self.engine) as session:
            existing = session.get(Conversation, conversation_id) if conversation_id else None
            if existing is not None and existing.user_id != user_id:
                raise ConversationNotFound
            if existing is not None:
                count = session.exec(
                    select(func.count()).select_from(Message).where(Message.conversation_id == conversation_id)
                ).one()
                if count >= MAX_MESSAGES:
                    raise ConversationFull
                return conversation_id
            conversation = Conversation(unit=unit, user_id=user_id)
            session.add(conversation)
            session.commit()
            return conversation.id

    def exists(self, conversation_id: str, user_id: str | None = None) -> bool:
        with Session(self.engine) as session:
            conversation = session.get(Conversation, conversation_id)
            return conversation is not None and conversation.user_id == user_id

    def owner_of_message(self, message_id: str) -> str | None:
        with Session(self.engine) as session:
            found = session.exec(
                select(Conversation.user_id)
                .join(Message, Message.conversation_id == Conversation.id)
                .where(Message.id == message_id)
            ).first()
            return found

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
        with Session(self.engine) as session:
            user, assistant = _exchange(session, conversation_id, question, answer)
            session.commit()
            return user.id, assistant.id

    def start(self, question: str, answer: Answer, unit: str | None = None, user_id: str | None = None) -> tuple[str, str, str]:
        """A new conversation with its first exchange, in one transaction (a failure leaves no empty conversation);
        returns (conversation id, question message id, answer message id)."""
        with Session(self.engine) as session:
            conversation = Conversation(unit=unit, user_id=user_id)
            session.add(conversation)
            user, assistant = _exchange(session, conversation.id, question, answer)
            session.commit()
            return conversation.id, user.id, assistant.id

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
            feedback = Feedback(message_id=message_id, helpful=helpful, comment=None if comment is None else _storable(comment))
            session.add(feedback)
            session.commit()
            return int(feedback.id or 0)


def _exchange(session: Session, conversation_id: str, question: str, answer: Answer) -> tuple[Message, Message]:
    """The question (redacted when blocked) and the answer, added to ``session``."""
    stored_question = _storable((answer.redacted_question if answer.blocked else question) or "")
    user = Message(conversation_id=conversation_id, role="user", text=stored_question, blocked=answer.blocked,
                   categories=json.dumps(answer.categories))  # fmt: skip
    assistant = Message(
        conversation_id=conversation_id,
        role="assistant",
        text=_storable(answer.text),
        blocked=answer.blocked,
        not_covered=answer.not_covered,
        categories=json.dumps(answer.categories),
        citations=json.dumps([asdict(c) for c in answer.citations], ensure_ascii=False),
        answerer=answer.answerer,
        created_at=_now() + dt.timedelta(microseconds=1),
    )
    session.add(user)
    session.add(assistant)
    return user, assistant

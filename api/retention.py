"""Retention: conversations, messages, feedback and guardrail flags older than N days are deleted.

Learner statements are course records (the certificate depends on them) and are kept.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, select

from coach.conversations import Conversation, Feedback, Message
from guardrails.flags import GuardrailFlag


def purge(engine: Engine, older_than_days: int, now: dt.datetime | None = None) -> dict[str, int]:
    """Delete what is older than the retention period, in one transaction; returns counts per table."""
    cutoff = (now or dt.datetime.now(dt.UTC)) - dt.timedelta(days=older_than_days)
    messages, conversations, feedback, flags = (
        Message.__table__,
        Conversation.__table__,
        Feedback.__table__,
        GuardrailFlag.__table__,
    )
    with engine.begin() as connection:
        old_messages = select(messages.c.id).where(messages.c.created_at < cutoff)
        removed_feedback = connection.execute(delete(feedback).where(feedback.c.message_id.in_(old_messages))).rowcount
        removed_messages = connection.execute(delete(messages).where(messages.c.created_at < cutoff)).rowcount
        still_used = select(messages.c.conversation_id).distinct()
        removed_conversations = connection.execute(
            delete(conversations).where(conversations.c.created_at < cutoff, conversations.c.id.not_in(still_used))
        ).rowcount
        removed_flags = connection.execute(delete(flags).where(flags.c.created_at < cutoff)).rowcount
    return {
        "feedback": removed_feedback,
        "messages": removed_messages,
        "conversations": removed_conversations,
        "flags": removed_flags,
    }

"""Retention: conversations, messages, feedback and guardrail flags (with their reviews) older than N days
are deleted, and so are login codes, failed logins and sessions that ended more than N days ago.

Learner statements are course records (the certificate depends on them) and are kept; so are the audit
log (append-only by design) and the accounts themselves.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Engine, delete, or_, select

from api.accounts.models import AuthSession, FlagReview, LoginCode, LoginFailure
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
    reviews, codes, failures, sessions = (
        FlagReview.__table__,
        LoginCode.__table__,
        LoginFailure.__table__,
        AuthSession.__table__,
    )
    with engine.begin() as connection:
        old_messages = select(messages.c.id).where(messages.c.created_at < cutoff)
        removed_feedback = connection.execute(delete(feedback).where(feedback.c.message_id.in_(old_messages))).rowcount
        removed_messages = connection.execute(delete(messages).where(messages.c.created_at < cutoff)).rowcount
        still_used = select(messages.c.conversation_id).distinct()
        removed_conversations = connection.execute(
            delete(conversations).where(conversations.c.created_at < cutoff, conversations.c.id.not_in(still_used))
        ).rowcount
        old_flags = select(flags.c.id).where(flags.c.created_at < cutoff)
        removed_reviews = connection.execute(delete(reviews).where(reviews.c.flag_id.in_(old_flags))).rowcount
        removed_flags = connection.execute(delete(flags).where(flags.c.created_at < cutoff)).rowcount
        removed_codes = connection.execute(delete(codes).where(codes.c.created_at < cutoff)).rowcount
        removed_failures = connection.execute(delete(failures).where(failures.c.at < cutoff)).rowcount
        removed_sessions = connection.execute(
            delete(sessions).where(or_(sessions.c.expires_at < cutoff, sessions.c.revoked_at < cutoff))
        ).rowcount
    return {
        "flag_reviews": removed_reviews,
        "login_codes": removed_codes,
        "login_failures": removed_failures,
        "sessions": removed_sessions,
        "feedback": removed_feedback,
        "messages": removed_messages,
        "conversations": removed_conversations,
        "flags": removed_flags,
    }

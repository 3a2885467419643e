"""Retention removes old conversations, messages, feedback and flags, and keeps recent ones."""

from __future__ import annotations

import datetime as dt

from sqlmodel import Session, create_engine, select

from api.accounts.crypto import Hasher
from api.accounts.models import AuthSession, FlagReview, LoginCode, LoginFailure, Unit
from api.accounts.sessions import Sessions
from api.accounts.users import Users
from api.database import upgrade
from api.retention import purge
from coach import Answer, ConversationStore
from coach.conversations import Conversation, Feedback, Message
from guardrails import FlagRecord, GuardrailFlag, SqlFlagStore


def test_purge_keeps_what_is_recent(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store, flags = ConversationStore(engine), SqlFlagStore(engine)
    now = dt.datetime.now(dt.UTC)
    old_conversation, new_conversation = store.open(None), store.open(None)
    _, old_answer = store.record(old_conversation, "câu hỏi cũ", Answer(text="trả lời cũ"))
    store.record(new_conversation, "câu hỏi mới", Answer(text="trả lời mới"))
    store.add_feedback(old_answer, True, None)
    flags.record(
        FlagRecord("<CCCD>", ["personal_data"], ["CccdRecognizer"], [0.9], "h1", created_at=now - dt.timedelta(days=120))
    )
    flags.record(
        FlagRecord("<SĐT>", ["personal_data"], ["VietnamPhoneRecognizer"], [0.9], "h2", created_at=now - dt.timedelta(days=3))
    )
    with Session(engine) as session:  # age the first conversation
        for row in session.exec(select(Message).where(Message.conversation_id == old_conversation)):
            row.created_at = now - dt.timedelta(days=100)
            session.add(row)
        conversation = session.get(Conversation, old_conversation)
        conversation.created_at = now - dt.timedelta(days=100)
        session.add(conversation)
        session.commit()

    with Session(engine) as session:  # a review of the old flag, and account rows old and new
        old_flag = session.exec(select(GuardrailFlag).where(GuardrailFlag.text_hmac == "h1")).one()
        session.add(FlagReview(flag_id=old_flag.id, decision="confirmed", at=now - dt.timedelta(days=100)))
        session.add(Unit(code="xa-thu", name="Xã Thử"))
        session.commit()
    user = Users(engine, Hasher(b"k")).create("0912000999", "Học viên", "learner", "xa-thu")
    sessions = Sessions(engine, Hasher(b"k"), clock=lambda: now - dt.timedelta(days=150))
    ended = sessions.create(user.id, None)  # a 30-day session that ended ~120 days ago
    current = Sessions(engine, Hasher(b"k"), clock=lambda: now).create(user.id, None)
    with Session(engine) as session:
        for days in (120, 1):
            at = now - dt.timedelta(days=days)
            session.add(LoginCode(phone_hash="p", ip_hash="i", code_hash="c", created_at=at, expires_at=at))
            session.add(LoginFailure(phone_hash="p", ip_hash="i", at=at))
        session.commit()

    counts = purge(engine, 90, now)
    assert counts == {"flag_reviews": 1, "login_codes": 1, "login_failures": 1, "sessions": 1,
                      "feedback": 1, "messages": 2, "conversations": 1, "flags": 1}  # fmt: skip
    with Session(engine) as session:
        assert [s.id for s in session.exec(select(AuthSession))] == [current.session_id] != [ended.session_id]
        assert session.exec(select(FlagReview)).all() == [] and len(session.exec(select(LoginCode)).all()) == 1
    with Session(engine) as session:
        assert [c.id for c in session.exec(select(Conversation))] == [new_conversation]
        assert [m.text for m in session.exec(select(Message).order_by(Message.created_at))] == ["câu hỏi mới", "trả lời mới"]
        assert session.exec(select(Feedback)).all() == []
        assert [f.text_hmac for f in session.exec(select(GuardrailFlag))] == ["h2"]
    assert set(purge(engine, 90, now).values()) == {0}

"""Conversations on the configured database (SQLite, or PostgreSQL in CI): order, history, feedback."""

from __future__ import annotations

from sqlmodel import Session, create_engine, select

from api.database import upgrade
from coach import Answer, ConversationStore, Feedback


def test_exchanges_come_back_in_order_with_the_allowed_questions_as_history(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = ConversationStore(engine)
    conversation = store.open(None)
    assert store.open(conversation) == conversation and store.exists(conversation)
    store.record(conversation, "thủ tục khai sinh?", Answer(text="Cần giấy chứng sinh."))
    store.record(conversation, "CCCD 001085012345", Answer(text="Đã chặn.", blocked=True, redacted_question="CCCD <CCCD>"))
    _, answer = store.record(conversation, "còn lệ phí?", Answer(text="Miễn lệ phí.", not_covered=False))
    assert [(m.role, m.text, m.blocked) for m in store.messages(conversation)] == [
        ("user", "thủ tục khai sinh?", False),
        ("assistant", "Cần giấy chứng sinh.", False),
        ("user", "CCCD <CCCD>", True),
        ("assistant", "Đã chặn.", True),
        ("user", "còn lệ phí?", False),
        ("assistant", "Miễn lệ phí.", False),
    ]
    assert store.history(conversation) == ["thủ tục khai sinh?", "còn lệ phí?"]
    assert store.add_feedback(answer, True, None) == 1 and store.add_feedback(answer, False, "chưa rõ") == 2
    assert all(m.created_at.utcoffset() is not None for m in store.messages(conversation))
    engine.dispose()


def test_nul_characters_are_dropped_so_postgresql_takes_the_text(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = ConversationStore(engine)
    conversation = store.open(None)
    question, answer = store.record(conversation, "khai sinh\x00 cần gì", Answer(text="Giấy\x00 chứng sinh."))
    store.add_feedback(answer, True, "tốt\x00")
    assert store.message(question).text == "khai sinh cần gì" and store.message(answer).text == "Giấy chứng sinh."
    with Session(engine) as session:
        assert session.exec(select(Feedback.comment)).all() == ["tốt"]
    engine.dispose()

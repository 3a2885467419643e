"""Blocked prompts are stored redacted with a keyed hash; raw values reach neither the database nor the logs."""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
from pathlib import Path

import pytest
from sqlalchemy import inspect, text
from sqlmodel import Session, create_engine, select

from api.database import upgrade
from guardrails import Allowlist, FlagRecord, Guardrail, GuardrailFlag, Policy, SqlFlagStore

KEY = b"test-key"
SECRETS = ("079302123456", "0987 654 321", "Đinh Thị Thu Trang", "Vanphong@2019", "4111111111111111")
MESSAGES = [
    f"Chị {SECRETS[2]}, CCCD {SECRETS[0]}, điện thoại {SECRETS[1]}, nhờ soạn đơn.",
    f"mật khẩu một cửa là {SECRETS[3]}",
    f"thẻ visa {SECRETS[4]} của anh ấy bị khóa",
]


def test_blocks_are_recorded_redacted_and_the_raw_text_is_nowhere(
    tmp_path: Path, database_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = SqlFlagStore(engine)
    guardrail = Guardrail(Policy.load(), Allowlist(), store, KEY)
    caplog.set_level(logging.DEBUG)
    for message in MESSAGES:
        assert guardrail.check(message, {"unit": "xa-tan-phu", "source": "chat"}).blocked
    assert not guardrail.check("thủ tục khai sinh cần gì").blocked

    with Session(store.engine) as session:
        rows = list(session.exec(select(GuardrailFlag).order_by(GuardrailFlag.id)))
    assert len(rows) == 3
    assert [json.loads(r.categories) for r in rows] == [["personal_data"], ["credential"], ["personal_data"]]
    assert rows[0].redacted_text == "Chị <HỌ_TÊN>, CCCD <CCCD>, điện thoại <SĐT>, nhờ soạn đơn."
    assert rows[0].status == "pending" and rows[0].unit == "xa-tan-phu" and rows[0].source == "chat"
    assert rows[0].text_hmac == hmac.new(KEY, MESSAGES[0].encode(), hashlib.sha256).hexdigest()
    assert json.loads(rows[1].recognizers) == ["CredentialRecognizer"]
    assert [r.id for r in store.pending()] == [3, 2, 1]

    with engine.connect() as connection:  # every value of every table, as the database gives it back
        stored = "".join(
            str(row)
            for table in inspect(engine).get_table_names()
            for row in connection.execute(text(f'SELECT * FROM "{table}"'))
        )
    store.engine.dispose()
    raw = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.is_file())  # the SQLite file and its journal, when on SQLite
    assert "xa-tan-phu" in stored and (engine.dialect.name != "sqlite" or b"xa-tan-phu" in raw)
    logs = caplog.text
    for value in SECRETS:
        compact = value.replace(" ", "")
        assert value.encode() not in raw and compact.encode() not in raw, value
        assert value not in stored and compact not in stored, value
        assert value not in logs and compact not in logs, value


def test_same_text_gives_the_same_hash_for_deduplication(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = SqlFlagStore(engine)
    guardrail = Guardrail(flag_store=store, hmac_key=KEY)
    guardrail.check(MESSAGES[1])
    guardrail.check(MESSAGES[1])
    hashes = {f.text_hmac for f in store.pending()}
    assert len(hashes) == 1 and MESSAGES[1] not in hashes


def test_nul_characters_are_dropped_so_postgresql_takes_the_flag(database_url: str) -> None:
    engine = create_engine(database_url)
    upgrade(engine)
    store = SqlFlagStore(engine)
    store.record(FlagRecord("<CCCD>\x00 của tôi", ["personal_data"], ["CccdRecognizer"], [0.9], "h", {"unit": "xa\x00"}))
    assert [(f.redacted_text, f.unit) for f in store.pending()] == [("<CCCD> của tôi", "xa")]
    engine.dispose()

"""All account services over one engine, as the app and the CLI use them."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine

from api.accounts.api_keys import ApiKeys
from api.accounts.audit import AuditLog
from api.accounts.crypto import Hasher
from api.accounts.login import LoginLimits, OneTimeCodes
from api.accounts.senders import CodeSender
from api.accounts.sessions import Sessions
from api.accounts.users import Units, Users


@dataclass
class Accounts:
    units: Units
    users: Users
    codes: OneTimeCodes
    sessions: Sessions
    api_keys: ApiKeys
    audit: AuditLog
    hasher: Hasher

    @classmethod
    def build(cls, engine: Engine, key: bytes, sender: CodeSender, sessions: Sessions | None = None,
              limits: LoginLimits | None = None) -> Accounts:  # fmt: skip
        hasher = Hasher(key)
        return cls(
            units=Units(engine), users=Users(engine, hasher), codes=OneTimeCodes(engine, hasher, sender, limits),
            sessions=sessions or Sessions(engine, hasher), api_keys=ApiKeys(engine, hasher), audit=AuditLog(engine),
            hasher=hasher,
        )  # fmt: skip

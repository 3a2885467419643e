"""Units and users: create, find, search, change role or unit, deactivate."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlmodel import Session, col, func, or_, select

from api.accounts.crypto import Hasher
from api.accounts.models import ROLES, UNIT_KINDS, Unit, User, now
from api.accounts.phone import mask_phone, normalize_phone
from knowledge_base.text_normalize import fold_diacritics, nfc_lower


def folded(name: str) -> str:
    return " ".join(fold_diacritics(nfc_lower(name)).split())


UNIT_CODE = re.compile(r"[a-z0-9][a-z0-9-]{1,62}[a-z0-9]")


class AccountError(Exception):
    """``kind`` is the API error code: duplicate_phone, unknown_unit, bad_role, unit_required, ..."""

    def __init__(self, kind: str) -> None:
        super().__init__(kind)
        self.kind = kind


@dataclass(frozen=True)
class UserQuery:
    text: str | None = None  # a name fragment, or a whole phone number
    role: str | None = None
    unit_code: str | None = None
    active: bool | None = None
    limit: int = 50
    offset: int = 0


class Units:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    def add(self, code: str, name: str, kind: str = "commune", province_code: str | None = None) -> Unit:
        if not UNIT_CODE.fullmatch(code):
            raise AccountError("bad_unit_code")
        if kind not in UNIT_KINDS:
            raise AccountError("bad_unit_kind")
        if not 2 <= len(name.strip()) <= 200:
            raise AccountError("bad_name")
        with Session(self.engine) as session:
            if session.get(Unit, code) is not None:
                raise AccountError("duplicate_unit")
            if province_code is not None and session.get(Unit, province_code) is None:
                raise AccountError("unknown_unit")
            unit = Unit(code=code, name=name.strip(), kind=kind, province_code=province_code)
            session.add(unit)
            session.commit()
            session.refresh(unit)
            return unit

    def get(self, code: str) -> Unit | None:
        with Session(self.engine) as session:
            return session.get(Unit, code)

    def all(self) -> list[Unit]:
        with Session(self.engine) as session:
            return list(session.exec(select(Unit).order_by(Unit.kind.desc(), Unit.name)))  # provinces first


class Users:
    def __init__(self, engine: Engine, hasher: Hasher) -> None:
        self.engine, self.hash = engine, hasher

    def create(self, phone: str, display_name: str, role: str = "learner", unit_code: str | None = None,
               learner_id: str | None = None) -> User:  # fmt: skip
        phone = normalize_phone(phone)
        self._validate(role, unit_code)
        if not 1 <= len(display_name.strip()) <= 120:
            raise AccountError("bad_name")
        user = User(phone_hash=self.hash("phone", phone), phone_masked=mask_phone(phone), display_name=display_name.strip(),
                    name_folded=folded(display_name), role=role, unit_code=unit_code)  # fmt: skip
        if learner_id:
            user.learner_id = learner_id
        with Session(self.engine) as session:
            if session.exec(select(User.id).where(User.phone_hash == user.phone_hash)).first() is not None:
                raise AccountError("duplicate_phone")
            if learner_id and session.exec(select(User.id).where(User.learner_id == learner_id)).first() is not None:
                raise AccountError("duplicate_learner_id")
            session.add(user)
            session.commit()
            session.refresh(user)
            return user

    def get(self, user_id: str) -> User | None:
        with Session(self.engine) as session:
            return session.get(User, user_id)

    def from_platform(self, identity_hash: str, display_name: str, unit_code: str | None, learner_id: str) -> User:
        """The learner a course platform signs in (LTI): found by the keyed hash of its identity, created on the first
        launch. Such an account has no phone; its ``phone_hash`` slot holds the identity's hash (another purpose of the
        same keyed hash, so it never equals a phone's)."""
        existing = self.by_phone_hash(identity_hash) or self.by_learner_id(learner_id)  # an account made for it is linked
        if existing is not None:
            return existing
        self._validate("learner", unit_code)
        name = display_name.strip()[:120] or "Học viên"
        user = User(phone_hash=identity_hash, phone_masked="LTI", display_name=name, name_folded=folded(name), role="learner",
                    unit_code=unit_code, learner_id=learner_id)  # fmt: skip
        with Session(self.engine) as session:
            session.add(user)
            session.commit()
            session.refresh(user)
            return user

    def by_phone_hash(self, phone_hash: str) -> User | None:
        with Session(self.engine) as session:
            return session.exec(select(User).where(User.phone_hash == phone_hash)).first()

    def by_learner_id(self, learner_id: str) -> User | None:
        with Session(self.engine) as session:
            return session.exec(select(User).where(User.learner_id == learner_id)).first()

    def search(self, query: UserQuery) -> tuple[list[User], int]:
        conditions = []
        if query.text and query.text.strip():
            text = query.text.strip()
            try:  # a whole number is looked up through its hash; numbers are never stored in clear
                conditions.append(User.phone_hash == self.hash("phone", normalize_phone(text)))
            except ValueError:
                # "%" and "_" typed by the user are characters to find, not wildcards.
                literal = folded(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
                conditions.append(or_(col(User.name_folded).like(f"%{literal}%", escape="\\"), User.learner_id == text))
        if query.role:
            conditions.append(User.role == query.role)
        if query.unit_code:
            conditions.append(User.unit_code == query.unit_code)
        if query.active is not None:
            conditions.append(User.active == query.active)
        with Session(self.engine) as session:
            total = session.exec(select(func.count()).select_from(User).where(*conditions)).one()
            rows = session.exec(
                select(User).where(*conditions).order_by(col(User.created_at).desc()).offset(query.offset).limit(query.limit)
            )
            return list(rows), total

    def update(self, user_id: str, role: str | None = None, unit_code: str | None = None, display_name: str | None = None,
               clear_unit: bool = False) -> User:  # fmt: skip
        with Session(self.engine) as session:
            user = session.get(User, user_id)
            if user is None:
                raise AccountError("user_not_found")
            new_role = role or user.role
            new_unit = None if clear_unit else (unit_code or user.unit_code)
            self._validate(new_role, new_unit)
            user.role, user.unit_code = new_role, new_unit
            if display_name is not None:
                user.display_name, user.name_folded = display_name.strip(), folded(display_name)
            session.add(user)
            session.commit()
            session.refresh(user)
            return user

    def set_active(self, user_id: str, active: bool) -> User:
        with Session(self.engine) as session:
            user = session.get(User, user_id)
            if user is None:
                raise AccountError("user_not_found")
            user.active = active
            user.deactivated_at = None if active else now()
            session.add(user)
            session.commit()
            session.refresh(user)
            return user

    def touch_login(self, user_id: str) -> None:
        with Session(self.engine) as session:
            user = session.get(User, user_id)
            if user is not None:
                user.last_login_at = now()
                session.add(user)
                session.commit()

    def names(self, user_ids: set[str]) -> dict[str, str]:
        if not user_ids:
            return {}
        with Session(self.engine) as session:
            return dict(session.exec(select(User.id, User.display_name).where(col(User.id).in_(user_ids))).all())

    def learner_ids_of_unit(self, unit_code: str) -> list[str]:
        with Session(self.engine) as session:
            return list(session.exec(select(User.learner_id).where(User.unit_code == unit_code)))

    def _validate(self, role: str, unit_code: str | None) -> None:
        if role not in ROLES:
            raise AccountError("bad_role")
        if role == "unit_admin" and unit_code is None:
            raise AccountError("unit_required")  # a unit admin without a unit would see nothing, or everything
        if unit_code is not None:
            with Session(self.engine) as session:
                if session.get(Unit, unit_code) is None:
                    raise AccountError("unknown_unit")

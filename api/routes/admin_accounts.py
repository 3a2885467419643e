"""Admin console: users, units, API keys and the audit log (admins only)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Query, Request, Response
from pydantic import BaseModel, Field

from api import messages_vi
from api.access import Admin, client_ip
from api.accounts.audit import AuditQuery
from api.accounts.models import ApiKey, AuditEntry, Unit, User
from api.accounts.phone import PhoneError
from api.accounts.service import Accounts
from api.accounts.users import AccountError, UserQuery
from api.deps import HintPushDep
from api.errors import ApiError
from api.params import Day, Offset
from api.routes.admin_flags import day_after, day_start
from api.schemas import PlainText

router = APIRouter(prefix="/v1/admin", tags=["admin"])
Role = Literal["learner", "unit_admin", "admin"]
ACCOUNT_ERRORS = {
    "duplicate_phone": (409, messages_vi.DUPLICATE_PHONE),
    "duplicate_learner_id": (409, messages_vi.DUPLICATE_LEARNER_ID),
    "duplicate_unit": (409, messages_vi.DUPLICATE_UNIT),
    "bad_unit_code": (422, messages_vi.BAD_UNIT_CODE),
    "bad_unit_kind": (422, messages_vi.BAD_UNIT_KIND),
    "unknown_unit": (422, messages_vi.UNKNOWN_UNIT),
    "bad_role": (422, messages_vi.BAD_ROLE),
    "bad_name": (422, messages_vi.BAD_NAME),
    "unit_required": (422, messages_vi.UNIT_REQUIRED),
    "bad_scope": (422, messages_vi.BAD_SCOPE),
    "user_not_found": (404, messages_vi.USER_NOT_FOUND),
    "api_key_not_found": (404, messages_vi.API_KEY_NOT_FOUND),
}


@contextmanager
def account_errors() -> Iterator[None]:
    """The account services' refusals as Vietnamese 4xx answers."""
    try:
        yield
    except PhoneError:
        raise ApiError(422, "bad_phone", messages_vi.BAD_PHONE) from None
    except AccountError as error:
        status, message = ACCOUNT_ERRORS[error.kind]
        raise ApiError(status, error.kind, message) from None


class NewUser(BaseModel):
    phone: str = Field(min_length=1, max_length=20)
    display_name: PlainText = Field(min_length=1, max_length=120)
    role: Role = "learner"
    unit: str | None = Field(default=None, max_length=64)
    learner_id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9._:-]{1,64}$", description="The course platform's id.")


class UserChange(BaseModel):
    role: Role | None = None
    unit: str | None = Field(default=None, max_length=64)
    clear_unit: bool = False
    display_name: PlainText | None = Field(default=None, min_length=1, max_length=120)


class NewUnit(BaseModel):
    code: str = Field(min_length=3, max_length=64)
    name: PlainText = Field(min_length=2, max_length=200)
    kind: Literal["province", "commune"] = "commune"
    province: str | None = Field(default=None, max_length=64)


class NewApiKey(BaseModel):
    name: PlainText = Field(min_length=2, max_length=120)
    scopes: list[str] = Field(min_length=1, max_length=4)
    unit: str | None = Field(default=None, max_length=64)


ActorFilter = Annotated[str | None, Query(max_length=100, description="Họ tên, số điện thoại hoặc mã người dùng.")]
AUDIT_ACTORS_MATCHED = 200  # people a name filter may match; a broader one should be narrowed


def _accounts(request: Request) -> Accounts:
    return request.app.state.accounts


def user_out(user: User) -> dict[str, Any]:
    # The phone number is never returned in clear: it is not stored in clear.
    return {"id": user.id, "display_name": user.display_name, "phone": user.phone_masked, "role": user.role,
            "unit": user.unit_code, "learner_id": user.learner_id, "active": user.active, "created_at": user.created_at,
            "last_login_at": user.last_login_at, "deactivated_at": user.deactivated_at}  # fmt: skip


def key_out(key: ApiKey) -> dict[str, Any]:
    return {"id": key.id, "name": key.name, "prefix": key.prefix, "scopes": json.loads(key.scopes), "unit": key.unit_code,
            "created_at": key.created_at, "last_used_at": key.last_used_at, "revoked_at": key.revoked_at,
            "active": key.revoked_at is None}  # fmt: skip


def unit_out(unit: Unit) -> dict[str, Any]:
    return {"code": unit.code, "name": unit.name, "kind": unit.kind, "province": unit.province_code}


def entry_out(entry: AuditEntry, names: dict[str, str]) -> dict[str, Any]:
    """One audit entry; ``names`` has the display names of the people it mentions (who did it, whom it concerned)."""
    target_user = (entry.target or "").removeprefix("user:") if (entry.target or "").startswith("user:") else ""
    return {"id": entry.id, "at": entry.at, "actor_id": entry.actor_id, "actor_name": names.get(entry.actor_id or ""),
            "actor_role": entry.actor_role, "action": entry.action, "target": entry.target,
            "target_name": names.get(target_user), "unit": entry.unit_code, "detail": json.loads(entry.detail),
            "ip": entry.ip}  # fmt: skip


# ---- users ---------------------------------------------------------------------------------------


@router.get("/users", summary="Danh sách người dùng")
def list_users(
    principal: Admin, request: Request, q: Annotated[str | None, Query(max_length=120)] = None, role: Role | None = None,
    unit: Annotated[str | None, Query(max_length=64)] = None, active: bool | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    """Search by a name fragment, a learner id, or a whole phone number (matched through its hash)."""
    users, total = _accounts(request).users.search(UserQuery(q, role, unit, active, limit, offset))
    return {"items": [user_out(u) for u in users], "total": total}


@router.post("/users", status_code=201, summary="Tạo người dùng")
def create_user(body: NewUser, principal: Admin, request: Request) -> dict[str, Any]:
    accounts = _accounts(request)
    with account_errors():
        user = accounts.users.create(body.phone, body.display_name, body.role, body.unit, body.learner_id)
    accounts.audit.record("user_create", principal, target=f"user:{user.id}", unit_code=user.unit_code, ip=client_ip(request),
                          role=user.role)  # fmt: skip
    return user_out(user)


@router.patch("/users/{user_id}", summary="Đổi vai trò, đơn vị hoặc tên")
def change_user(user_id: str, body: UserChange, principal: Admin, request: Request) -> dict[str, Any]:
    accounts = _accounts(request)
    if user_id == principal.id and (body.role or body.unit or body.clear_unit):
        raise ApiError(422, "cannot_change_self", messages_vi.CANNOT_CHANGE_SELF)
    with account_errors():
        before = accounts.users.get(user_id)
        user = accounts.users.update(user_id, body.role, body.unit, body.display_name, body.clear_unit)
    changes = {k: [getattr(before, a), getattr(user, a)] for k, a in (("role", "role"), ("unit", "unit_code"))
               if before is not None and getattr(before, a) != getattr(user, a)}  # fmt: skip
    accounts.audit.record("user_update", principal, target=f"user:{user.id}", unit_code=user.unit_code, ip=client_ip(request),
                          changes=changes, renamed=body.display_name is not None)  # fmt: skip
    return user_out(user)


@router.post("/users/{user_id}/deactivate", summary="Vô hiệu hóa tài khoản (thu hồi mọi phiên)")
def deactivate_user(user_id: str, principal: Admin, request: Request, push: HintPushDep) -> dict[str, Any]:
    """For officials who leave or change posts (Công văn 557): every session ends at once, open streams too."""
    accounts = _accounts(request)
    if user_id == principal.id:
        raise ApiError(422, "cannot_change_self", messages_vi.CANNOT_CHANGE_SELF)
    with account_errors():
        user = accounts.users.set_active(user_id, False)
    revoked = accounts.sessions.revoke_user(user_id)
    push.session_changed(user.learner_id)
    accounts.audit.record("user_deactivate", principal, target=f"user:{user_id}", unit_code=user.unit_code, ip=client_ip(request),
                          sessions_revoked=revoked)  # fmt: skip
    return {**user_out(user), "sessions_revoked": revoked}


@router.post("/users/{user_id}/reactivate", summary="Kích hoạt lại tài khoản")
def reactivate_user(user_id: str, principal: Admin, request: Request) -> dict[str, Any]:
    accounts = _accounts(request)
    with account_errors():
        user = accounts.users.set_active(user_id, True)
    accounts.audit.record("user_reactivate", principal, target=f"user:{user_id}", unit_code=user.unit_code, ip=client_ip(request))
    return user_out(user)


# ---- units ---------------------------------------------------------------------------------------


@router.get("/units", summary="Danh sách đơn vị")
def list_units(principal: Admin, request: Request) -> dict[str, Any]:
    return {"items": [unit_out(u) for u in _accounts(request).units.all()]}


@router.post("/units", status_code=201, summary="Thêm đơn vị (tỉnh hoặc xã/phường)")
def create_unit(body: NewUnit, principal: Admin, request: Request) -> dict[str, Any]:
    accounts = _accounts(request)
    with account_errors():
        unit = accounts.units.add(body.code, body.name, body.kind, body.province)
    accounts.audit.record("unit_create", principal, target=f"unit:{unit.code}", unit_code=unit.code, ip=client_ip(request))
    return unit_out(unit)


# ---- API keys ------------------------------------------------------------------------------------


@router.get("/api-keys", summary="Danh sách khóa API")
def list_keys(principal: Admin, request: Request) -> dict[str, Any]:
    return {"items": [key_out(k) for k in _accounts(request).api_keys.all()]}


@router.post("/api-keys", status_code=201, summary="Tạo khóa API (chỉ hiện một lần)")
def create_key(body: NewApiKey, principal: Admin, request: Request, response: Response) -> dict[str, Any]:
    accounts = _accounts(request)
    with account_errors():
        key, secret = accounts.api_keys.create(body.name, body.scopes, body.unit, principal.id)
    accounts.audit.record("api_key_create", principal, target=f"api_key:{key.id}", unit_code=key.unit_code, ip=client_ip(request),
                          scopes=json.loads(key.scopes))  # fmt: skip
    response.headers["Cache-Control"] = "no-store"
    return {**key_out(key), "key": secret}


@router.post("/api-keys/{key_id}/revoke", summary="Thu hồi khóa API")
def revoke_key(key_id: str, principal: Admin, request: Request) -> dict[str, Any]:
    accounts = _accounts(request)
    with account_errors():
        key = accounts.api_keys.revoke(key_id)
    accounts.audit.record("api_key_revoke", principal, target=f"api_key:{key_id}", unit_code=key.unit_code, ip=client_ip(request))
    return key_out(key)


# ---- audit log -----------------------------------------------------------------------------------


def _audit_query(accounts: Accounts, actor: str | None, action: str | None, since: dt.date | None, until: dt.date | None,
                 limit: int, offset: int) -> AuditQuery:  # fmt: skip
    """``actor`` is who did it, as a reviewer knows them: a name (or part of it, with or without diacritics), a phone
    number, or a user id."""
    actor_ids = None
    if actor and actor.strip():
        found, _ = accounts.users.search(UserQuery(text=actor, limit=AUDIT_ACTORS_MATCHED))
        actor_ids = [user.id for user in found] + [actor.strip()]
    return AuditQuery(actor_ids=actor_ids, action=action, since=day_start(since), until=day_after(until), limit=limit,
                      offset=offset)  # fmt: skip


@router.get("/audit", summary="Nhật ký quản trị và đăng nhập")
def audit_log(
    principal: Admin, request: Request, actor: ActorFilter = None,
    action: Annotated[str | None, Query(max_length=48)] = None, since: Day = None, until: Day = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100, offset: Offset = 0,
) -> dict[str, Any]:  # fmt: skip
    accounts = _accounts(request)
    entries, total = accounts.audit.search(_audit_query(accounts, actor, action, since, until, limit, offset))
    people = {e.actor_id for e in entries if e.actor_id}
    people |= {e.target.removeprefix("user:") for e in entries if e.target and e.target.startswith("user:")}
    names = accounts.users.names(people)
    return {"items": [entry_out(e, names) for e in entries], "total": total}


@router.get("/audit.csv", summary="Xuất nhật ký (CSV)", response_class=Response)
def audit_export(
    principal: Admin, request: Request, actor: ActorFilter = None,
    action: Annotated[str | None, Query(max_length=48)] = None, since: Day = None, until: Day = None,
) -> Response:  # fmt: skip
    accounts = _accounts(request)
    text = accounts.audit.export_csv(_audit_query(accounts, actor, action, since, until, 100_000, 0))
    accounts.audit.record("audit_export", principal, target="audit", ip=client_ip(request))
    return Response(
        text, media_type="text/csv; charset=utf-8", headers={"Content-Disposition": 'attachment; filename="nhat-ky.csv"'}
    )

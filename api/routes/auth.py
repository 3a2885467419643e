"""Login with a phone number and a one-time code; sessions in HttpOnly cookies (or bearer tokens for apps)."""

from __future__ import annotations

from typing import Literal

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from api import messages_vi
from api.access import ACCESS_COOKIE, AUTH_ERRORS, PUBLIC, REFRESH_COOKIE, Public, SignedIn, check_same_origin, client_ip
from api.accounts.login import LoginError
from api.accounts.phone import PhoneError, normalize_phone
from api.accounts.senders import SendError
from api.accounts.service import Accounts
from api.accounts.sessions import AuthError, Principal, Tokens
from api.deps import AccountsDep, HintPushDep
from api.errors import ApiError, error_response

router = APIRouter(prefix="/v1/auth", tags=["auth"])
REFRESH_PATH = "/v1/auth"
LOGIN_ERRORS = {
    "too_many_codes": (429, messages_vi.TOO_MANY_CODES),
    "too_many_requests": (429, messages_vi.TOO_MANY_REQUESTS),
    "locked": (429, messages_vi.LOCKED),
    "invalid_code": (401, messages_vi.INVALID_CODE),
}


class CodeRequest(BaseModel):
    phone: str = Field(min_length=1, max_length=20, description="Số di động, ví dụ 0912345678 hoặc +84912345678.")


class VerifyRequest(CodeRequest):
    code: str = Field(min_length=1, max_length=12)
    client: Literal["browser", "app"] = Field(
        default="browser", description="browser: tokens in HttpOnly cookies; app: tokens in the response body."
    )


class RefreshRequest(BaseModel):
    refresh_token: str | None = Field(default=None, max_length=200, description="Apps only; browsers send the cookie.")


class UserOut(BaseModel):
    id: str
    display_name: str
    role: str
    unit: str | None
    unit_name: str | None = None
    learner_id: str | None


class SessionOut(BaseModel):
    user: UserOut
    expires_in: int
    access_token: str | None = None
    refresh_token: str | None = None


def _phone(raw: str) -> str:
    try:
        return normalize_phone(raw)
    except PhoneError:
        raise ApiError(422, "bad_phone", messages_vi.BAD_PHONE) from None


def _login_error(error: LoginError) -> ApiError:
    status, message = LOGIN_ERRORS[error.kind]
    minutes = max(1, -(-(error.retry_after or 60) // 60))
    headers = {"Retry-After": str(error.retry_after)} if error.retry_after else None
    return ApiError(status, error.kind, message.format(minutes=minutes), headers)


def _secure(request: Request) -> bool:
    configured = request.app.state.settings.cookie_secure
    return request.url.scheme == "https" if configured is None else configured


def set_session_cookies(request: Request, response: Response, tokens: Tokens) -> None:
    """The session's access and refresh cookies on a response (after a sign-in, or an LTI launch)."""
    secure = _secure(request)
    response.set_cookie(ACCESS_COOKIE, tokens.access, max_age=tokens.access_expires_in, httponly=True, secure=secure,
                        samesite="lax", path="/")  # fmt: skip
    # The refresh token only ever travels to the refresh/logout endpoints, and never cross-site.
    response.set_cookie(REFRESH_COOKIE, tokens.refresh, max_age=tokens.refresh_expires_in, httponly=True, secure=secure,
                        samesite="strict", path=REFRESH_PATH)  # fmt: skip


def _clear_cookies(request: Request, response: Response) -> None:
    secure = _secure(request)
    response.delete_cookie(ACCESS_COOKIE, path="/", httponly=True, secure=secure, samesite="lax")
    response.delete_cookie(REFRESH_COOKIE, path=REFRESH_PATH, httponly=True, secure=secure, samesite="strict")


def user_out(principal: Principal, accounts: Accounts | None = None) -> UserOut:
    unit = accounts.units.get(principal.unit_code) if accounts is not None and principal.unit_code else None
    return UserOut(id=principal.id, display_name=principal.display_name, role=principal.role or "", unit=principal.unit_code,
                   unit_name=unit.name if unit else None, learner_id=principal.learner_id)  # fmt: skip


@router.post("/code", status_code=202, summary="Gửi mã xác thực qua tin nhắn", dependencies=[Depends(PUBLIC)])
def request_code(body: CodeRequest, request: Request, accounts: AccountsDep) -> dict[str, object]:
    """The same answer whether or not the number has an account (no account discovery)."""
    phone, ip = _phone(body.phone), client_ip(request)
    try:
        sent = accounts.codes.request(phone, ip)
    except LoginError as error:
        accounts.audit.record("login_code_refused", ip=ip, reason=error.kind)
        raise _login_error(error) from None
    except SendError:
        accounts.audit.record("login_code_undelivered", ip=ip)
        raise ApiError(503, "login_unavailable", messages_vi.LOGIN_UNAVAILABLE) from None
    accounts.audit.record("login_code_requested", ip=ip, known_number=sent)
    minutes = int(accounts.codes.limits.code_ttl.total_seconds() // 60)
    return {"message": messages_vi.CODE_SENT.format(minutes=minutes), "expires_in": minutes * 60}


@router.post("/verify", response_model=SessionOut, summary="Đăng nhập bằng mã xác thực", dependencies=[Depends(PUBLIC)])
def verify(body: VerifyRequest, request: Request, response: Response, accounts: AccountsDep) -> SessionOut:
    phone, ip = _phone(body.phone), client_ip(request)
    code = body.code.strip()
    if not code.isdigit() or len(code) != 6:
        raise ApiError(422, "bad_code_format", messages_vi.BAD_CODE_FORMAT)
    try:
        phone_hash = accounts.codes.verify(phone, code, ip)
    except LoginError as error:
        accounts.audit.record("login_failed", ip=ip, reason=error.kind)
        raise _login_error(error) from None
    user = accounts.users.by_phone_hash(phone_hash)
    if user is None or not user.active:  # deactivated between the code and its use
        accounts.audit.record("login_failed", ip=ip, reason="account_disabled")
        raise ApiError(401, "account_disabled", messages_vi.ACCOUNT_DISABLED)
    tokens = accounts.sessions.create(user.id, ip)
    accounts.users.touch_login(user.id)
    principal = Principal.of_user(user, tokens.session_id)
    accounts.audit.record("login", principal, target=f"session:{tokens.session_id}", unit_code=user.unit_code, ip=ip)
    return _session_response(request, response, principal, tokens, body.client == "app")


def _session_response(request: Request, response: Response, principal: Principal, tokens: Tokens, in_body: bool) -> SessionOut:
    response.headers["Cache-Control"] = "no-store"
    if in_body:
        return SessionOut(user=user_out(principal), expires_in=tokens.access_expires_in, access_token=tokens.access,
                          refresh_token=tokens.refresh)  # fmt: skip
    set_session_cookies(request, response, tokens)
    return SessionOut(user=user_out(principal), expires_in=tokens.access_expires_in)


@router.post("/refresh", response_model=SessionOut, summary="Gia hạn phiên đăng nhập", dependencies=[Depends(PUBLIC)])
def refresh(
    request: Request, response: Response, accounts: AccountsDep, body: RefreshRequest | None = None
) -> SessionOut | JSONResponse:
    from_body = bool(body and body.refresh_token)
    token = body.refresh_token if body and body.refresh_token else request.cookies.get(REFRESH_COOKIE)
    if token and not from_body:  # the cookie rides along with any site's request: only our pages may use it
        check_same_origin(request)
    if not token:
        failed = error_response(401, "not_signed_in", messages_vi.NOT_SIGNED_IN)
        _clear_cookies(request, failed)
        return failed
    ip = client_ip(request)
    try:
        tokens = accounts.sessions.refresh(token, ip)
    except AuthError as error:
        if error.kind == "refresh_race":  # the cookies the other tab just received are valid: retry with them
            return error_response(409, error.kind, AUTH_ERRORS[error.kind])
        if error.kind == "refresh_reused":
            accounts.audit.record("refresh_reused", ip=ip)
        failed = error_response(401, error.kind, AUTH_ERRORS[error.kind])
        _clear_cookies(request, failed)  # a dead session's cookies are of no use to keep
        return failed
    principal = accounts.sessions.authenticate(tokens.access)
    return _session_response(request, response, principal, tokens, in_body=body is not None and bool(body.refresh_token))


@router.post("/logout", status_code=204, summary="Đăng xuất")
def logout(request: Request, response: Response, accounts: AccountsDep, push: HintPushDep, principal: Public) -> Response:
    """Ends the session on the server (the tokens stop working at once) and clears the cookies."""
    if principal is not None and principal.session_id:
        accounts.sessions.revoke(principal.session_id)
        push.session_changed(principal.learner_id)  # its open hint streams end too
        accounts.audit.record("logout", principal, target=f"session:{principal.session_id}", unit_code=principal.unit_code,
                              ip=client_ip(request))  # fmt: skip
    elif REFRESH_COOKIE in request.cookies:  # the access cookie expired: the refresh cookie still names the session
        check_same_origin(request)
        session_id = accounts.sessions.revoke_refresh(request.cookies[REFRESH_COOKIE])
        if session_id:
            accounts.audit.record("logout", target=f"session:{session_id}", ip=client_ip(request))
    response.status_code = 204
    _clear_cookies(request, response)
    return response


@router.get("/me", response_model=UserOut, summary="Tài khoản đang đăng nhập")
def me(principal: SignedIn, accounts: AccountsDep) -> UserOut:
    return user_out(principal, accounts)

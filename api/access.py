"""Who may call what: every route declares an :class:`Access` dependency (a test walks them all).

Callers are identified by an access token (``Authorization: Bearer`` or the HttpOnly cookie) or,
for server-to-server routes, by a managed API key (``X-API-Key``).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.routing import APIRoute

from api import messages_vi
from api.accounts.sessions import AuthError, Principal
from api.errors import DATABASE_DOWN, ApiError

ACCESS_COOKIE = "coach_access"
REFRESH_COOKIE = "coach_refresh"
UNSAFE_METHODS = {"POST", "PUT", "PATCH", "DELETE"}
AUTH_ERRORS = {
    "not_signed_in": messages_vi.NOT_SIGNED_IN,
    "session_expired": messages_vi.SESSION_EXPIRED,
    "session_revoked": messages_vi.SESSION_REVOKED,
    "account_disabled": messages_vi.ACCOUNT_DISABLED,
    "refresh_reused": messages_vi.REFRESH_REUSED,
    "refresh_race": messages_vi.REFRESH_RACE,
}


def client_ip(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def check_same_origin(request: Request) -> None:
    """Cookies ride along with cross-site requests; state changes must come from our own pages."""
    origin = request.headers.get("origin")
    if origin is not None:
        allowed = {str(request.base_url).rstrip("/"), *request.app.state.settings.cors_origins}
        if origin.rstrip("/") not in allowed:
            raise ApiError(403, "cross_site_request", messages_vi.CROSS_SITE)
    elif request.headers.get("sec-fetch-site") == "cross-site":
        raise ApiError(403, "cross_site_request", messages_vi.CROSS_SITE)


def signed_in_user(request: Request) -> Principal | None:
    """The user of the request's access token, or None when it carries none; a bad token is an error."""
    cached = getattr(request.state, "principal", None)
    if cached is not None:
        return cached
    header = request.headers.get("authorization", "")
    token = header[7:].strip() if header.lower().startswith("bearer ") else None
    from_cookie = token is None and ACCESS_COOKIE in request.cookies
    token = token or request.cookies.get(ACCESS_COOKIE)
    if not token:
        return None
    if from_cookie and request.method in UNSAFE_METHODS:
        check_same_origin(request)
    try:
        principal = request.app.state.accounts.sessions.authenticate(token)
    except AuthError as error:
        raise ApiError(401, error.kind, AUTH_ERRORS[error.kind]) from None
    request.state.principal = principal
    return principal


class Access:
    """A route's access rule: the roles of signed-in users it admits, and/or the API-key scope it admits."""

    def __init__(self, *roles: str, scope: str | None = None, public: bool = False) -> None:
        self.roles, self.scope, self.public = frozenset(roles), scope, public

    def __repr__(self) -> str:
        return "Access(public)" if self.public else f"Access(roles={sorted(self.roles)}, scope={self.scope})"

    def __call__(self, request: Request) -> Principal | None:
        if self.public:
            return signed_in_user_or_none(request)
        api_key = request.headers.get("x-api-key")
        if api_key is not None and self.scope is not None:
            principal = request.app.state.accounts.api_keys.authenticate(api_key)
            if principal is None:
                raise ApiError(401, "api_key_invalid", messages_vi.API_KEY_INVALID)
            if self.scope not in principal.scopes:
                raise ApiError(403, "api_key_scope", messages_vi.API_KEY_SCOPE)
            return principal
        user = signed_in_user(request)
        if user is None:
            if self.scope is not None and not self.roles:
                raise ApiError(401, "api_key_required", messages_vi.API_KEY_REQUIRED)
            raise ApiError(401, "not_signed_in", messages_vi.NOT_SIGNED_IN)
        if user.role not in self.roles:
            raise ApiError(403, "forbidden", messages_vi.FORBIDDEN)
        return user


def signed_in_user_or_none(request: Request) -> Principal | None:
    """Public routes still see who is signed in, but a stale token, or a database that cannot say (health checks
    during an outage), does not make them fail."""
    try:
        return signed_in_user(request)
    except (ApiError, *DATABASE_DOWN):
        return None


PUBLIC = Access(public=True)
SIGNED_IN = Access("learner", "unit_admin", "admin")
UNIT_ADMIN = Access("unit_admin", "admin")
ADMIN = Access("admin")
EVENTS_KEY = Access(scope="events:write")
METRICS = Access("admin", scope="metrics:read")

Public = Annotated[Principal | None, Depends(PUBLIC)]
SignedIn = Annotated[Principal, Depends(SIGNED_IN)]
UnitAdmin = Annotated[Principal, Depends(UNIT_ADMIN)]
Admin = Annotated[Principal, Depends(ADMIN)]
EventsKey = Annotated[Principal, Depends(EVENTS_KEY)]
Metrics = Annotated[Principal, Depends(METRICS)]


def unit_scope(principal: Principal, requested: str | None) -> str | None:
    """The unit whose data this caller may see: a unit admin only ever their own; an admin any (None = all)."""
    if principal.role == "admin":
        return requested or None
    if requested and requested != principal.unit_code:
        raise ApiError(403, "other_unit", messages_vi.OTHER_UNIT)
    return principal.unit_code


def declared_access(route: APIRoute) -> list[Access]:
    """The access rules a route declares (in its own parameters or its router's dependencies)."""
    found, pending = [], [route.dependant]
    while pending:
        dependant = pending.pop()
        if isinstance(dependant.call, Access):
            found.append(dependant.call)
        pending.extend(dependant.dependencies)
    return found

"""pylti1p3 on FastAPI: the request, cookies, state storage, session service and tool configuration it needs.

pylti1p3 ships adapters for Django and Flask only; these are the same few classes for Starlette's request,
backed by the database (``api.lti_store``) so that the login and the launch may reach different workers.
"""

from __future__ import annotations

import typing as t

from pylti1p3.cookie import CookieService
from pylti1p3.deployment import Deployment
from pylti1p3.launch_data_storage.base import LaunchDataStorage
from pylti1p3.message_launch import MessageLaunch
from pylti1p3.oidc_login import OIDCLogin
from pylti1p3.redirect import Redirect
from pylti1p3.registration import Registration
from pylti1p3.request import Request as LtiRequest
from pylti1p3.session import SessionService
from pylti1p3.tool_config.abstract import ToolConfAbstract
from starlette.responses import HTMLResponse, RedirectResponse, Response

from api.lti_store import Platforms, StateStore


class CoachRequest(LtiRequest):
    """The launch or login request's parameters (query or form) and cookies."""

    def __init__(self, params: t.Mapping[str, str], cookies: t.Mapping[str, str], secure: bool) -> None:
        self._params, self._cookies, self._secure = dict(params), dict(cookies), secure

    @property
    def session(self) -> None:
        return None

    def get_param(self, key: str) -> str:
        return self._params.get(key)  # type: ignore[return-value]

    def get_cookie(self, key: str) -> str | None:
        return self._cookies.get(key)

    def is_secure(self) -> bool:
        return self._secure


class CoachCookies(CookieService):
    """Cookies pylti1p3 reads from the request and sets on the response (cross-site, so ``SameSite=None`` on HTTPS)."""

    def __init__(self, request: CoachRequest) -> None:
        self._request, self._to_set = request, {}

    def _key(self, name: str) -> str:
        return f"{self._cookie_prefix}-{name}"

    def get_cookie(self, name: str) -> str | None:
        return self._request.get_cookie(self._key(name))

    def set_cookie(self, name: str, value: str | int, exp: int | None = 3600) -> None:
        self._to_set[self._key(name)] = (str(value), exp)

    def apply(self, response: Response) -> Response:
        secure = self._request.is_secure()
        for key, (value, exp) in self._to_set.items():
            response.set_cookie(
                key, value, max_age=exp, path="/", httponly=True, secure=secure, samesite="none" if secure else "lax"
            )
        return response


class DatabaseStorage(LaunchDataStorage[t.Any]):
    """pylti1p3's launch data storage in the database; no session cookie (state and nonce are random keys)."""

    _session_cookie_name = None  # type: ignore[assignment]

    def __init__(self, store: StateStore) -> None:
        super().__init__()
        self.store = store

    def can_set_keys_expiration(self) -> bool:
        return True

    def get_value(self, key: str) -> t.Any:
        return self.store.get(self._prepare_key(key))

    def set_value(self, key: str, value: t.Any, exp: int | None = None) -> None:
        from datetime import timedelta

        self.store.set(self._prepare_key(key), value, timedelta(seconds=min(exp or 600, 3600)))

    def check_value(self, key: str) -> bool:
        return self.store.get(self._prepare_key(key)) is not None

    def take(self, key: str) -> bool:
        return self.store.take(self._prepare_key(key))


class CoachSessions(SessionService):
    """pylti1p3's session service over the database, with a nonce good for one launch only (replays fail)."""

    def __init__(self, storage: DatabaseStorage) -> None:
        self.data_storage = storage

    def check_nonce(self, nonce: str) -> bool:
        return self.data_storage.take(self._get_key("nonce", nonce))  # type: ignore[attr-defined]


class PlatformConfig(ToolConfAbstract[CoachRequest]):
    """Registrations from the ``lti_platform`` table; the tool signs with one key for every platform."""

    def __init__(self, platforms: Platforms, private_key: str, public_key: str) -> None:
        self.platforms, self.private_key, self.public_key = platforms, private_key, public_key
        self.issuers_relation_types = {}  # per instance: many client ids may share an issuer

    def check_iss_has_one_client(self, iss: str) -> bool:
        return False

    def check_iss_has_many_clients(self, iss: str) -> bool:
        return True

    def _registration(self, iss: str, client_id: str | None) -> Registration | None:
        platform = self.platforms.find(iss, client_id)
        if platform is None:
            return None
        return (
            Registration()
            .set_issuer(platform.issuer)
            .set_client_id(platform.client_id)
            .set_auth_login_url(platform.auth_login_url)
            .set_auth_token_url(platform.auth_token_url)
            .set_key_set_url(platform.key_set_url)
            .set_tool_private_key(self.private_key)
            .set_tool_public_key(self.public_key)
        )

    def find_registration_by_issuer(self, iss: str, *args: t.Any, **kwargs: t.Any) -> Registration:
        return self._registration(iss, None)  # type: ignore[return-value]

    def find_registration_by_params(self, iss: str, client_id: str, *args: t.Any, **kwargs: t.Any) -> Registration:
        return self._registration(iss, client_id)  # type: ignore[return-value]

    def find_deployment(self, iss: str, deployment_id: str) -> Deployment | None:
        platform = self.platforms.find(iss)
        return Deployment().set_deployment_id(deployment_id) if platform and deployment_id in platform.deployments else None

    def find_deployment_by_params(
        self, iss: str, deployment_id: str, client_id: str, *args: t.Any, **kwargs: t.Any
    ) -> Deployment | None:
        platform = self.platforms.find(iss, client_id)
        return Deployment().set_deployment_id(deployment_id) if platform and deployment_id in platform.deployments else None


class CoachRedirect(Redirect[Response]):
    def __init__(self, location: str, cookies: CoachCookies) -> None:
        self._location, self._cookies = location, cookies

    def do_redirect(self) -> Response:
        return self._cookies.apply(RedirectResponse(self._location, status_code=302))

    def do_js_redirect(self) -> Response:
        return self.do_redirect()

    def set_redirect_url(self, location: str) -> None:
        self._location = location

    def get_redirect_url(self) -> str:
        return self._location


class CoachLogin(OIDCLogin):
    def get_redirect(self, url: str) -> CoachRedirect:
        return CoachRedirect(url, self._cookie_service)  # type: ignore[arg-type]

    def get_response(self, html: str) -> Response:
        return HTMLResponse(html)


class CoachLaunch(MessageLaunch):
    def _get_request_param(self, key: str) -> str:
        return self._request.get_param(key)

"""Signed-in browser contexts without the login-code round trip, and learners of one test's own.

``conftest.signed_in_context`` signs in through ``/v1/auth/code``, which allows 3 codes per number and 20 per
address in 15 minutes: all browser tests come from 127.0.0.1, so tests that need more sessions open them with
the real session service (the same tokens ``/v1/auth/verify`` hands out) and set the cookies it would set.
"""

from __future__ import annotations

import zlib

from playwright.sync_api import Browser, BrowserContext

from api.access import ACCESS_COOKIE, REFRESH_COOKIE
from api.accounts.models import User
from api.routes.auth import REFRESH_PATH
from tests.browser.conftest import Live


def learner(live: Live, learner_id: str, name: str | None = None) -> User:
    """The learner ``learner_id`` of unit xa-tan-phu, created on first use (its rows belong to the test that uses it)."""
    accounts = live.app.state.accounts
    existing = accounts.users.by_learner_id(learner_id)
    if existing is not None:
        return existing
    phone = f"0933{zlib.crc32(learner_id.encode()) % 1_000_000:06d}"  # a valid mobile number, one per learner id
    return accounts.users.create(phone, name or f"Học viên {learner_id}", "learner", "xa-tan-phu", learner_id)


def session_cookies(live: Live, user: User) -> list[dict[str, object]]:
    """A new session of ``user``, as the two cookies the browser would hold after signing in."""
    tokens = live.app.state.accounts.sessions.create(user.id, "127.0.0.1")
    common = {"domain": "127.0.0.1", "httpOnly": True, "secure": False}
    return [
        {"name": ACCESS_COOKIE, "value": tokens.access, "path": "/", "sameSite": "Lax", **common},
        {"name": REFRESH_COOKIE, "value": tokens.refresh, "path": REFRESH_PATH, "sameSite": "Strict", **common},
    ]


def session_context(browser: Browser, live: Live, user: User, **options: object) -> BrowserContext:
    """A browser context signed in as ``user`` (``options`` as for ``browser.new_context``)."""
    context = browser.new_context(locale="vi-VN", **options)  # type: ignore[arg-type]
    context.add_cookies(session_cookies(live, user))  # type: ignore[arg-type]
    return context


def access_token(context: BrowserContext) -> str:
    """The context's current access token (it changes when the page renews the session)."""
    return next(c["value"] for c in context.cookies() if c["name"] == ACCESS_COOKIE)

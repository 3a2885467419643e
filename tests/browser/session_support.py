"""Learners of one test's own, and browser contexts signed in as them (see ``conftest.session_cookies``)."""

from __future__ import annotations

import zlib

from playwright.sync_api import Browser, BrowserContext

from api.access import ACCESS_COOKIE
from api.accounts.models import User
from tests.browser.conftest import Live, session_cookies


def learner(live: Live, learner_id: str, name: str | None = None) -> User:
    """The learner ``learner_id`` of unit xa-tan-phu, created on first use (its rows belong to the test that uses it)."""
    accounts = live.app.state.accounts
    existing = accounts.users.by_learner_id(learner_id)
    if existing is not None:
        return existing
    phone = f"0933{zlib.crc32(learner_id.encode()) % 1_000_000:06d}"  # a valid mobile number, one per learner id
    return accounts.users.create(phone, name or f"Học viên {learner_id}", "learner", "xa-tan-phu", learner_id)


def session_context(browser: Browser, live: Live, user: User, **options: object) -> BrowserContext:
    """A browser context signed in as ``user`` (``options`` as for ``browser.new_context``)."""
    context = browser.new_context(locale="vi-VN", **options)  # type: ignore[arg-type]
    context.add_cookies(session_cookies(live, user))  # type: ignore[arg-type]
    return context


def access_token(context: BrowserContext) -> str:
    """The context's current access token (it changes when the page renews the session)."""
    return next(c["value"] for c in context.cookies() if c["name"] == ACCESS_COOKIE)

"""A live server on loopback with the fixture corpus, and a real headless Chromium (Debian package)."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from fastapi import FastAPI
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

from api import Settings, create_app
from api.access import ACCESS_COOKIE, REFRESH_COOKIE
from api.accounts.models import User
from api.routes.auth import REFRESH_PATH
from api.runtime import build_index
from eval.live_server import live_server as live_server_of
from knowledge_base.ingest import ingest_corpus
from tests.accounts_support import PHONES, Outbox, seed_accounts
from tests.conftest import FIXTURE_CORPUS, FIXTURES
from tests.support import PostgresDatabases

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def live_database_url(postgres: PostgresDatabases | None) -> Iterator[str | None]:
    """The live server outlives any one module: on PostgreSQL it has a database of its own, not a module's."""
    if postgres is None:
        yield None  # SQLite under the server's data folder
        return
    url = postgres.create()
    yield url
    postgres.drop(url)


@dataclass
class Live:
    """The live server, its app (for seeding through the real services) and the dev code outbox."""

    url: str
    app: FastAPI
    outbox: Outbox
    learner_ids: dict[str, str]


@pytest.fixture(scope="session")
def live_server(live: Live) -> str:
    return live.url


@pytest.fixture(scope="session")
def live(tmp_path_factory: pytest.TempPathFactory, live_database_url: str | None) -> Iterator[Live]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("live"), corpus_dir=FIXTURE_CORPUS, coverage_min_similarity=0.84,
        course_file=FIXTURES / "course_small.yaml", database_url=live_database_url,
    )  # fmt: skip
    ingest_corpus(build_index(settings), FIXTURE_CORPUS)
    outbox = Outbox()
    app = create_app(settings, code_sender=outbox.sender)
    with live_server_of(app) as url:
        yield Live(url, app, outbox, seed_accounts(app))


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian's chromium is not installed (apt-get install chromium)")
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def session_cookies(live: Live, user: User) -> list[dict[str, object]]:
    """A new session of ``user`` from the real session service, as the two cookies ``/v1/auth/verify`` sets.

    Browser tests all come from 127.0.0.1 and may sign the same person in many times; going through
    ``/v1/auth/code`` each time would hit its per-number limit. The code flow itself has its own tests
    (tests/api/test_auth.py, and the login page in test_admin_console.py).
    """
    tokens = live.app.state.accounts.sessions.create(user.id, "127.0.0.1")
    common = {"domain": "127.0.0.1", "httpOnly": True, "secure": False}
    return [
        {"name": ACCESS_COOKIE, "value": tokens.access, "path": "/", "sameSite": "Lax", **common},
        {"name": REFRESH_COOKIE, "value": tokens.refresh, "path": REFRESH_PATH, "sameSite": "Strict", **common},
    ]


def signed_in_context(browser: Browser, live: Live, who: str, **options: object) -> BrowserContext:
    """A browser context holding the session cookies of ``who`` (a key of tests.accounts_support.PHONES)."""
    accounts = live.app.state.accounts
    user = accounts.users.by_phone_hash(accounts.hasher("phone", PHONES[who]))
    context = browser.new_context(locale="vi-VN", **options)  # type: ignore[arg-type]
    context.add_cookies(session_cookies(live, user))  # type: ignore[arg-type]
    return context


@pytest.fixture
def page(browser: Browser, live: Live) -> Iterator[Page]:
    """The demo portal page, signed in as a learner."""
    context = signed_in_context(browser, live, "learner", viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(live.url + "/")
    yield page
    context.close()


SERIOUS = ("serious", "critical")


def assert_accessible(page: Page, name: str) -> None:
    """axe-core (the version bundled by axe-playwright-python) finds no serious or critical violation on the page;
    the full report is kept beside the screenshots."""
    results = Axe().run(page)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"axe-{name}.json").write_text(json.dumps(results.response["violations"], ensure_ascii=False, indent=1))
    serious = [v for v in results.response["violations"] if v.get("impact") in SERIOUS]
    summary = [f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:4]}" for v in serious]
    assert not serious, "\n".join(summary)


def no_horizontal_scroll(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=False)
    return path

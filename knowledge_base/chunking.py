"""Heading-aware chunking: one chunk per section, long sections split on paragraph boundaries."""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass

from knowledge_base.documents import Document

INTRO_SECTION = "Giới thiệu"
# E5 reads at most 512 tokens; Vietnamese runs at about 1.5 tokens per syllable, and the
# heading line is prepended, so sections are cut at about 230 words.
MAX_WORDS = 230
PATH_SEPARATOR = " › "


@dataclass(frozen=True)
class Chunk:
    """A retrievable passage with the metadata needed to cite it."""

    id: str
    text: str
    metadata: dict[str, str | int]

    @property
    def doc_id(self) -> str:
        return str(self.metadata["doc_id"])

    @property
    def body(self) -> str:
        """The passage without its heading line."""
        return self.text.split("\n", 1)[1] if "\n" in self.text else self.text


def chunk_document(document: Document) -> list[Chunk]:
    """Split ``document`` into chunks whose text starts with ``title › section``."""
    meta = document.meta
    intro_parts = [meta.summary, document.intro]
    if meta.aliases:
        intro_parts.append("Còn gọi là: " + "; ".join(meta.aliases) + ".")
    pieces: list[tuple[str, str]] = [(INTRO_SECTION, "\n\n".join(p for p in intro_parts if p.strip()))]
    for section in document.sections:
        if section.text.strip():
            pieces.append((PATH_SEPARATOR.join(section.path), section.text))
    chunks: list[Chunk] = []
    for section_path, text in pieces:
        for part in split_long_text(text):
            heading = f"{meta.title}{PATH_SEPARATOR}{section_path}"
            content = f"{heading}\n{part}"
            metadata = _metadata(document, section_path, len(chunks))
            chunks.append(Chunk(_chunk_id(document.id, content, metadata), content, metadata))
    return chunks


def split_long_text(text: str, max_words: int = MAX_WORDS) -> list[str]:
    """Group paragraphs into parts of at most ``max_words``; split overlong paragraphs by sentence."""
    units: list[str] = []
    for paragraph in re.split(r"\n\s*\n", text.strip()):
        if len(paragraph.split()) <= max_words:
            units.append(paragraph.strip())
        else:
            units.extend(_split_paragraph(paragraph, max_words))
    parts: list[str] = []
    current: list[str] = []
    count = 0
    for unit in units:
        size = len(unit.split())
        if current and count + size > max_words:
            parts.append("\n\n".join(current))
            current, count = [], 0
        current.append(unit)
        count += size
    if current:
        parts.append("\n\n".join(current))
    return [p for p in parts if p.strip()]


def _split_paragraph(paragraph: str, max_words: int) -> list[str]:
    sentences = re.split(r"(?<=[.;!?])\s+|\n", paragraph)
    parts: list[str] = []
    current: list[str] = []
    for sentence in sentences:
        words = sentence.split()
        while len(words) > max_words:  # a run-on "sentence" with no punctuation at all
            parts.append(" ".join(words[:max_words]))
            words = words[max_words:]
        if current and len(" ".join(current).split()) + len(words) > max_words:
            parts.append(" ".join(current))
            current = []
        if words:
            current.append(" ".join(words))
    if current:
        parts.append(" ".join(current))
    return parts


def _chunk_id(doc_id: str, content: str, metadata: dict[str, str | int]) -> str:
    # The metadata is part of the hash: a document marked superseded must be re-indexed too.
    payload = content + "\n" + json.dumps(metadata, sort_keys=True, ensure_ascii=False)
    return f"{doc_id}#{hashlib.sha256(payload.encode()).hexdigest()[:16]}"


def _metadata(document: Document, section: str, index: int) -> dict[str, str | int]:
    meta = document.meta
    return {
        "doc_id": meta.id,
        "title": meta.title,
        "kind": meta.kind,
        "topic": meta.topic,
        "status": meta.status,
        "section": section,
        "legal_basis": "; ".join(meta.legal_basis),
        "procedure_code": meta.procedure_code or "",
        "effective_from": meta.effective_from.isoformat() if meta.effective_from else "",
        "reviewed_on": meta.reviewed_on.isoformat(),
        "source": document.source,
        "origin": document.origin,
        "chunk_index": index,
        "aliases": "; ".join(meta.aliases),
    }

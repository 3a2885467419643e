"""Numbered citations: what an answer tells the user to check it against."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from coach import messages_vi


@dataclass
class Citation:
    """One cited passage: its document, section, legal basis and whether it is in force."""

    number: int
    doc_id: str
    chunk_id: str
    title: str
    section: str
    legal_basis: list[str]
    in_force: bool
    passage: str
    source_url: str | None = None
    chunk_ids: list[str] = field(default_factory=list)  # further passages of the same document, cited under it
    legal_names: list[str] = field(default_factory=list)  # the legal basis by name: "Luật Hộ tịch (60/2014/QH13)"

    @property
    def status_vi(self) -> str:
        return messages_vi.IN_FORCE if self.in_force else messages_vi.SUPERSEDED

    def label(self) -> str:
        """``[1] Đăng ký khai sinh › Lệ phí — Luật Hộ tịch (60/2014/QH13); … (còn hiệu lực)``."""
        basis = "; ".join(self.legal_names or self.legal_basis) or "—"
        return f"[{self.number}] {self.title} › {self.section} — {basis} ({self.status_vi})"


@dataclass
class CitationList:
    """Assigns numbers in order of first use."""

    items: list[Citation] = field(default_factory=list)

    def number_for(self, chunk_id: str, text: str, metadata: dict[str, Any]) -> int:
        """The number of the document ``chunk_id`` belongs to: one citation per source, whatever its passages."""
        body = (text.split("\n", 1)[1] if "\n" in text else text).strip()
        doc_id = str(metadata.get("doc_id", ""))
        for citation in self.items:
            if chunk_id in (citation.chunk_id, *citation.chunk_ids):
                return citation.number
            if doc_id and citation.doc_id == doc_id:  # another passage of a cited document: add it to that citation
                section = str(metadata.get("section", ""))
                if section and section not in citation.section.split("; "):
                    citation.section = f"{citation.section}; {section}"
                if body not in citation.passage:
                    citation.passage = f"{citation.passage}\n\n{body}"
                citation.chunk_ids.append(chunk_id)
                return citation.number
        citation = Citation(
            number=len(self.items) + 1,
            doc_id=str(metadata.get("doc_id", "")),
            chunk_id=chunk_id,
            title=str(metadata.get("title", "")),
            section=str(metadata.get("section", "")),
            legal_basis=[b for b in str(metadata.get("legal_basis", "")).split("; ") if b],
            in_force=metadata.get("status", "in_force") == "in_force",
            passage=body,
        )
        self.items.append(citation)
        return citation.number

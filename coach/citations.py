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

    @property
    def status_vi(self) -> str:
        return messages_vi.IN_FORCE if self.in_force else messages_vi.SUPERSEDED

    def label(self) -> str:
        """``[1] Đăng ký khai sinh › Lệ phí — 60/2014/QH13; … (còn hiệu lực)``."""
        basis = "; ".join(self.legal_basis) or "—"
        return f"[{self.number}] {self.title} › {self.section} — {basis} ({self.status_vi})"


@dataclass
class CitationList:
    """Assigns numbers in order of first use."""

    items: list[Citation] = field(default_factory=list)

    def number_for(self, chunk_id: str, text: str, metadata: dict[str, Any]) -> int:
        for citation in self.items:
            if citation.chunk_id == chunk_id:
                return citation.number
        body = text.split("\n", 1)[1] if "\n" in text else text
        citation = Citation(
            number=len(self.items) + 1,
            doc_id=str(metadata.get("doc_id", "")),
            chunk_id=chunk_id,
            title=str(metadata.get("title", "")),
            section=str(metadata.get("section", "")),
            legal_basis=[b for b in str(metadata.get("legal_basis", "")).split("; ") if b],
            in_force=metadata.get("status", "in_force") == "in_force",
            passage=body.strip(),
        )
        self.items.append(citation)
        return citation.number

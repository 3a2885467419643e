"""Names of legal documents for their numbers: "Luật Hộ tịch (60/2014/QH13)" rather than a bare "60/2014/QH13".

A document's number says its kind (NĐ-CP a decree, TT a circular, QĐ a decision, NQ a resolution); a law's short name
is read from the knowledge base itself, where passages cite it as "Luật Hộ tịch số 60/2014/QH13" (the most frequent
wording wins). A number whose kind or name is not known is shown as it is.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

# Kinds by the part of the number after the year, most specific first.
_KINDS = (
    (re.compile(r"/NĐ-CP$"), "Nghị định"),
    (re.compile(r"/TTLT-"), "Thông tư liên tịch"),
    (re.compile(r"/TT-"), "Thông tư"),
    (re.compile(r"/QĐ-"), "Quyết định"),
    (re.compile(r"/NQLT-"), "Nghị quyết liên tịch"),
    (re.compile(r"(/NQ-|-NQ/)"), "Nghị quyết"),
    (re.compile(r"^\d+/[A-ZĐ]+-[A-ZĐ]+$"), "Công văn"),  # 557/BKHCN-CĐSQG: no year, an office's code
)
# "Luật Hộ tịch số 60/2014/QH13", "Bộ luật Dân sự 2015 (91/2015/QH13)": a law's name, then its number.
# Only the National Assembly passes laws: the number ends in QH and its term.
_LAW = re.compile(r"\b((?:Bộ luật|Luật)(?: [A-ZĐÀ-Ỹa-zđà-ỹ0-9,]+){1,8}?)\s*(?:số\s*|\(\s*)?(\d{1,4}/\d{4}/QH\d{2})\b")
_ANOTHER_LAW = re.compile(r",\s*(Bộ luật|Luật)$")  # "Luật Chuyển đổi số, Luật …": the next law begins
_NOT_NAMES = {"số", "này", "sửa", "đã", "được", "và"}
_YEAR_AT_END = re.compile(r"\s+(năm\s+)?\d{4}$")


@dataclass(frozen=True)
class LegalNames:
    laws: dict[str, str]

    @classmethod
    def from_texts(cls, texts: Iterable[str]) -> LegalNames:
        seen: dict[str, Counter[str]] = defaultdict(Counter)
        for text in texts:
            if "Luật" not in text and "luật" not in text:
                continue
            for match in _LAW.finditer(text):
                name = _YEAR_AT_END.sub("", _ANOTHER_LAW.sub("", match.group(1).rstrip(" ,").removesuffix(" số")))
                words = name.split()
                # "Luật số …", "Luật 2 …": a clause that only starts like a name.
                if len(words) >= 2 and words[-1 if words[0] == "Luật" else 2][0].isalpha() and words[1] not in _NOT_NAMES:
                    seen[match.group(2)][name] += 1
        return cls({number: names.most_common(1)[0][0] for number, names in seen.items()})

    def label(self, number: str) -> str:
        """``Luật Hộ tịch (60/2014/QH13)``, ``Nghị định 123/2015/NĐ-CP``, or the number alone."""
        if number in self.laws:
            return f"{self.laws[number]} ({number})"
        for pattern, kind in _KINDS:
            if pattern.search(number):
                return f"{kind} {number}"
        return number

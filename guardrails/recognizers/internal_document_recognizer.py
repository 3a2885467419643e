"""Internal-document markings: "lưu hành nội bộ", "không phổ biến", "tài liệu mật", "tài liệu nội bộ",
and the same markings in English ("CONFIDENTIAL", "internal use only", "do not forward"), which officials
copy from partners' templates onto Vietnamese content."""

from __future__ import annotations

from guardrails.recognizers.document_cues import marking_score
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer


class InternalDocumentRecognizer(KeywordRecognizer):
    PHRASES = {
        "INTERNAL_MARKING": (
            r"luu\s*hanh\s*noi\s*bo",
            r"khong\s*pho\s*bien",
            r"tai\s*lieu\s*mat",
            r"van\s*ban\s*mat",
            r"tai\s*lieu\s*noi\s*bo",
            r"van\s*ban\s*noi\s*bo",
            r"(chi\s*)?dung\s*noi\s*bo",
            r"mat\s*-\s*noi\s*bo",
            r"khong\s*(duoc\s*)?(sao\s*chup|phat\s*tan|cong\s*bo|tiet\s*lo)",
            r"noi\s*bo\s*[:\-]",
            r"(file|ban|du thao|ket luan|bien ban)\s*(hop\s*)?noi\s*bo",
            r"chua\s*(duoc\s*(phep\s*)?)?(cong\s*bo|cong\s*khai|phat\s*hanh|ban\s*hanh)",
            r"bao\s*mat\s*(den|cho\s*den|toi)\s*(khi|thoi\s*diem|ngay)",
            r"(lay\s*)?y\s*kien\s*noi\s*bo",
            r"(giao\s*ban|kiem\s*toan|thanh\s*tra|hop)\s*noi\s*bo",
            # English markings
            r"confidential",
            r"(for\s*)?internal\s*(use|circulation|distribution)(\s*only)?",
            r"internal\s*only",
            r"internal\s*(document|memo|draft|report)",
            r"(strictly\s*)?private\s*(and|&)\s*confidential",
            r"do\s*not\s*(distribute|forward|share|circulate|copy|disclose|publish|release)",
            r"not\s*(yet\s*)?for\s*(public\s*)?(distribution|release|circulation|publication|disclosure)",
            r"restricted\s*(distribution|access|circulation)",
            r"embargoed",
        ),
    }

    def score(self, text: str, entity: str, start: int, end: int) -> float:
        return marking_score(text, start, end)

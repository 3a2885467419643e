"""Home addresses: số nhà, ngõ, ngách, hẻm, kiệt, thôn, xóm, ấp, bản, tổ dân phố… next to a cue of
someone living there. An office address ("trụ sở UBND xã…") is not personal data; a bare place
name is not either. The guard raises an address when the message also identifies a person.
"""

from __future__ import annotations

import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import folded, make_result
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer

_START = r"(so nha|so \d+[a-z]?/?\d*|ngo|ngach|hem|kiet|thon|xom|ap|ban|to dan pho|tdp|to \d+|khu pho|khoi|khom|chung cu|can ho|phong \d+)"
_ADDRESS = re.compile(rf"(?<![a-z0-9]){_START}(?![a-z])[^\n;?!]{{1,90}}")
_LIVES = re.compile(
    r"(tru tai|thuong tru|tam tru|cu tru|noi o|cho o|dia chi( nha| lien he| thuong tru)?\s*:|nha (toi|em|minh|anh|chi|ong|ba|co|chu|bac)|"
    r"nha o|o tai|song (o|tai)|que quan|que o|hien o|dang o|nha cua|den nha|ve nha|nha rieng|dia chi cua)"
)
_OFFICE = re.compile(
    r"(tru so|ubnd|uy ban|van phong|co quan|trung tam phuc vu|bo phan mot cua|dia chi co quan|nha van hoa|truong|tram y te|cong an)"
)


class HomeAddressRecognizer(KeywordRecognizer):
    PHRASES = {"ADDRESS": ()}

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        view = folded(text)
        results = []
        for match in _ADDRESS.finditer(view):
            # "thôn Đông", "ngõ 45", not "nông thôn có…" or "áp dụng": a name or number follows.
            follower = text[match.end(1) :].lstrip()[:1]
            if not any(ch.isdigit() for ch in match.group(1)) and not (follower.isupper() or follower.isdigit()):
                continue
            before = view[max(0, match.start() - 50) : match.start()]
            if _OFFICE.search(before) or _OFFICE.search(view[match.start() : match.end()][:25]):
                continue
            score = 0.7 if _LIVES.search(before) else 0.35
            end = match.start() + len(view[match.start() : match.end()].rstrip(" .,"))
            results.append(make_result(self, "ADDRESS", match.start(), end, score))
        return results

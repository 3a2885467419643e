"""Prompt injection in Vietnamese and English: overriding instructions, extracting the system
prompt, role-play to escape the rules, and the same hidden in base64. Talking about prompt
injection as a topic ("prompt injection là gì?") is not an attack.
"""

from __future__ import annotations

import base64
import binascii
import re

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import folded
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer, phrase_pattern

_INSTRUCTIONS = r"(huong dan|chi dan|chi thi|quy tac|lenh|yeu cau|rang buoc|nguyen tac|cau lenh|thiet lap|cai dat)"
PHRASES = (
    rf"bo qua (het |tat ca |moi |toan bo )?(cac |nhung |moi )?{_INSTRUCTIONS}",
    rf"(quen|xoa|vo hieu hoa|huy) (het |di |tat ca )?(cac |nhung |moi )?{_INSTRUCTIONS}",
    rf"khong (can|phai) (tuan theo|tuan thu|theo|ap dung|kiem tra)",
    r"ghi de (chinh sach|quy tac|huong dan|che do|cai dat)",
    r"tu (gio|bay gio|nay) (ban|may|mi|em) (la|se|khong|duoc|dong vai|hay)",
    r"(dong vai|nhap vai|gia vo|gia lam|hay tuong tuong) (ban |minh |em )?(la|lam|nhu)",
    r"che do (developer|nha phat trien|khong gioi han|dan|jailbreak|god|admin|quan tri)",
    r"(prompt|loi nhac|chi dan|huong dan) (he thong|goc|ban dau|an|noi bo|khoi tao)",
    r"system prompt", r"system message", r"huong dan an", r"quy tac loc",
    r"(in|liet ke|tiet lo|cung cap|hien thi|viet|doc|chep|dua) (ra |lai |cho toi |toan bo |nguyen van |day du )*(prompt|chi dan|huong dan|quy tac|cau hinh|thiet lap)",
    r"nguyen van (prompt|chi dan|huong dan|quy tac|cau hinh)",
    r"ignore (all |any |the |your |every )?(previous |prior |above |earlier |preceding |initial )?(instructions|prompts?|rules|directions|guidelines)",
    r"ignore (the|everything) above", r"disregard (all |any |the |your )?(previous |prior |above )?(instructions|rules|prompts?)",
    r"forget (all |your |the )?(previous |prior )?(instructions|rules)", r"you are now", r"from now on,? you",
    r"(act|behave) as (an? )?(unrestricted|unfiltered|evil|dan|jailbroken)", r"pretend (to be|you are)", r"developer mode",
    r"jailbreak", r"\bdan\b mode", r"do anything now", r"(initial|original|hidden|secret) (instructions|prompt)",
    r"reveal (your|the) (system )?(prompt|instructions|rules)", r"override (your|the|all)? ?(rules|policy|instructions|safety)",
    r"print (your|the) (system )?(prompt|instructions)",
)  # fmt: skip
_TOPIC_QUESTION = re.compile(r"(la gi|what is|nghia la gi|la sao|phong chong|ngan chan|cach phong|how to prevent|tan cong .* la)")
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_PATTERN = phrase_pattern(PHRASES)


class PromptInjectionRecognizer(KeywordRecognizer):
    PHRASES = {"INJECTION": PHRASES}
    BASE_SCORE = 0.85

    def score(self, text: str, entity: str, start: int, end: int) -> float:
        view = folded(text)
        # A short definitional question about the attack names it without performing it.
        if len(view) < 160 and _TOPIC_QUESTION.search(view) and not re.search(r"(hay|ban phai|you must|now)", view):
            return 0.3
        return self.BASE_SCORE

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        for match in _BASE64.finditer(text):
            decoded = _decode(match.group(0))
            if decoded and _PATTERN.search(folded(decoded)):
                results.append(
                    RecognizerResult(
                        "INJECTION",
                        match.start(),
                        match.end(),
                        0.9,
                        recognition_metadata={
                            RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                            RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                            RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True,
                        },
                    )
                )
        return results


def _decode(candidate: str) -> str | None:
    try:
        raw = base64.b64decode(candidate + "=" * (-len(candidate) % 4), validate=True)
        return raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None

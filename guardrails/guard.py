"""The guardrail: every prompt is checked here before any model sees it."""

from __future__ import annotations

import hashlib
import hmac
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from presidio_analyzer import AnalyzerEngine, RecognizerResult

from guardrails import messages_vi
from guardrails.analyzer import build_analyzer
from guardrails.content_model import ContentModel, shipped_model, signals_of
from guardrails.findings import (
    CATEGORIES,
    CREDENTIAL,
    ENTITY_CATEGORY,
    ENTITY_MASK,
    INTERNAL_DOCUMENT,
    LEARNED_ENTITY,
    PERSONAL_DATA,
    PROMPT_INJECTION,
    SENSITIVE_PERSONAL_DATA,
    STATE_SECRET,
    Finding,
)
from guardrails.flags import FlagRecord, FlagStore
from guardrails.institutional import CONTACTS, institutional
from guardrails.normalizer import MAX_INPUT_CHARS, NormalizedText, fold, normalize
from guardrails.policy import Allowlist, Policy, TermSource
from guardrails.recognizers.base import folded
from guardrails.recognizers.document_cues import about_rules, asks_for_work, is_question, looks_like_document
from guardrails.recognizers.sensitive_data_recognizer import TIED_SCORE
from guardrails.redaction import mask_residue, redact

Action = Literal["block", "allow"]
# Quasi-identifiers name nobody alone: a home address, a date of birth, a given name without its
# family name ("em Phương" in a work chat). They count once the message is about someone: beside an
# identifier, a person cue, or (for a given name) a sensitive fact.
QUASI_IDENTIFIERS = {"ADDRESS", "DOB"}
IDENTIFIERS = {e for e, c in ENTITY_CATEGORY.items() if c == PERSONAL_DATA} - QUASI_IDENTIFIERS
TIED_QUASI_SCORE = 0.7
MASKED_TEXT_MIN_SCORE = 0.9
LEARNED_ALONE_MIN_SCORE = 0.8
VALUE_ENTITIES = sorted(e for e, c in ENTITY_CATEGORY.items() if c in (PERSONAL_DATA, CREDENTIAL))
# Someone the message is about, even without a name: "chị ấy", "cháu", "vợ tôi", "tôi bị", "tôi sinh".
_PERSON_CUE = re.compile(
    r"(?<![a-z])((ong|ba|anh|chi|em|co|chu|bac|chau|cu) (ay|nay|do|kia|ta)|(vo|chong|con|me|bo|cha|anh|chi|em) "
    r"(toi|em|minh|anh ay|chi ay)|(toi|em|minh) (bi|dang bi|mac|co tien|theo dao|la nguoi|sinh)|nha (ong|ba|anh|chi)|"
    r"ho (ong|ba|anh|chi)|(cua|ve) (ong|ba|anh|chi|chau|co|chu) [a-z]+|(ngay|nam) sinh (cua )?(toi|em|minh|con|chau)|"
    r"cua (toi|em|minh|chau|con toi)|"
    # Someone named by kin and an office-holder: "con trai trưởng thôn ấp X", "vợ ông phó chủ tịch…".
    r"(?<!dong )(con|vo|chong|me|bo|cha|em|anh|chi)( trai| gai| ruot| re| dau)? (cua )?(ong |ba |anh |chi )?"
    r"(truong thon|truong ap|truong ban|pho chu tich|chu tich|bi thu|giam doc|hieu truong|truong cong an|can bo)|"
    # The same cues in English: "she lives…", "his wife", "my mother", "the old man at…".
    r"(he|she) (is|was|has|had|lives|lived|suffers|tested|got|was born|works)|"
    r"(his|her|my|their) (wife|husband|son|daughter|mother|father|mom|dad|brother|sister|child|kids?|children|"
    r"address|phone|diagnosis|condition|illness|id|passport|date of birth|dob)|"
    r"(mr|mrs|ms|miss)\.? [a-z]+|the (old )?(man|woman|lady|boy|girl|resident|patient|household|family) "
    r"(at|in|who|living|from))(?![a-z])"
)
# The message's shape, as the learned layer sees it.
_SHAPES = (
    ("question", is_question),
    ("work-request", asks_for_work),
    ("document", looks_like_document),
    ("about-rules", about_rules),
)
# A date in a hypothetical ("nếu trẻ sinh ngày 29/02/2008 thì…") is nobody's.
# An address down to one house: a house number, a lane or an apartment ("số 12 đường…", "No. 5, Lane 3").
_HOUSEHOLD = re.compile(
    r"(?<![a-z])(so nha|nha so|ngo|ngach|hem|kiet|can ho|chung cu|so \d|house|no\.? ?\d|number|apt|apartment|lane|alley|room)"
    r"(?![a-z])|^\d"
)
_HYPOTHETICAL = re.compile(r"(?<![a-z])(neu|gia su|gia dinh|vi du|chang han|vd|gia thu|truong hop)(?![a-z])")


_PLACEHOLDERS = {messages_vi.SECRET_PLACEHOLDER, messages_vi.INTERNAL_PLACEHOLDER}
# The masks redaction writes ("<HỌ_TÊN>", "<MẬT_KHẨU>"…): "MẬT" inside one is no stamp.
_MASKS = re.compile("|".join(re.escape(m) for m in sorted({*ENTITY_MASK.values(), *_PLACEHOLDERS}, key=len, reverse=True)))


class GuardInputError(ValueError):
    """Input the guardrail refuses to analyse; ``code`` and ``message_vi`` are ready for a 4xx body."""

    def __init__(self, code: str, message_vi: str) -> None:
        super().__init__(message_vi)
        self.code, self.message_vi = code, message_vi


@dataclass(frozen=True)
class Verdict:
    """The decision on one text. ``message_vi`` never repeats the values found."""

    action: Action
    findings: list[Finding]
    redacted_text: str
    message_vi: str
    categories: list[str] = field(default_factory=list)

    @property
    def blocked(self) -> bool:
        return self.action == "block"


class Guardrail:
    """Analyses text on its normalised view, applies the policy and the allowlist, records flags."""

    def __init__(
        self,
        policy: Policy | None = None,
        allowlist: TermSource | None = None,
        flag_store: FlagStore | None = None,
        hmac_key: bytes = b"",
        analyzer: AnalyzerEngine | None = None,
        content_model: ContentModel | None | Literal["shipped"] = "shipped",
    ) -> None:
        self.policy = policy or Policy.load()
        self.allowlist = allowlist or Allowlist()
        self.flag_store = flag_store
        self._hmac_key = hmac_key
        self._analyzer = analyzer or build_analyzer()
        self._content_model = shipped_model() if content_model == "shipped" else content_model

    def check(self, text: str, context: dict[str, str] | None = None) -> Verdict:
        """Decide on a prompt; a block is recorded (redacted) in the flag store, if there is one."""
        verdict = self._decide(text, CATEGORIES)
        if verdict.blocked and self.flag_store is not None:
            self.flag_store.record(self._flag(text, verdict, context or {}))
        return verdict

    def check_output(self, text: str, sources: list[str] | None = None) -> Verdict:
        """Decide on generated or retrieved text: personal data and injected instructions are masked.

        Values copied verbatim from ``sources`` (the vetted passages the answer cites, whose
        example names and addresses are fictional) are kept; a value the text introduces is not.
        Injected instructions are masked wherever they come from.
        """
        verdict = self._decide(text, (PERSONAL_DATA, SENSITIVE_PERSONAL_DATA, CREDENTIAL, PROMPT_INJECTION), storable=False)
        if not verdict.blocked or not sources:
            return verdict
        vetted = fold(normalize("\n".join(sources)).text)
        kept = [
            f
            for f in verdict.findings
            if f.category == PROMPT_INJECTION or fold(normalize(text[f.start : f.end]).text) not in vetted
        ]
        if not kept:
            return Verdict("allow", [], text, messages_vi.ALLOWED, [])
        found = sorted({f.category for f in kept}, key=CATEGORIES.index)
        return Verdict("block", kept, redact(text, kept), _message(found, kept), found)

    def _decide(self, text: str, categories: tuple[str, ...], storable: bool = True) -> Verdict:
        findings = self._analyse(text, categories)
        blocked = [f for f in findings if self.policy.rule(f.category).action == "block"]
        found = sorted({f.category for f in blocked}, key=CATEGORIES.index)
        if not blocked:
            return Verdict("allow", findings, text, messages_vi.ALLOWED, [])
        redacted = self._redact_until_clean(text, blocked, categories) if storable else redact(text, blocked)
        return Verdict("block", blocked, redacted, _message(found, blocked), found)

    def _analyse(self, text: str, categories: tuple[str, ...], learned: bool = True) -> list[Finding]:
        # The re-check after masking looks for values only: markings and attacks were judged on the
        # whole text, and a secret or internal document is hidden whole anyway.
        view, results = self._rule_results(text, None if learned else VALUE_ENTITIES)
        return self._findings(view, results, categories, learned)

    def _rule_results(self, text: str, entities: list[str] | None = None) -> tuple[NormalizedText, list[RecognizerResult]]:
        view = _validated_view(text)
        if _MASKS.search(view.text):  # a redacted text sent again: the masks are blank, not words
            blanked = _MASKS.sub(lambda m: "_" * len(m.group(0)), view.text)
            view = NormalizedText(blanked, view.starts, view.ends, view.original_length)
        results = self._analyzer.analyze(view.text, language="vi", entities=entities, return_decision_process=False)
        return view, results

    def model_inputs(self, text: str) -> tuple[str, list[str]]:
        """What the learned layer reads of a message: its folded view and the rules' signals."""
        view, results = self._rule_results(text)
        return self._model_inputs(view, results)

    def _model_inputs(self, view: NormalizedText, results: list[RecognizerResult]) -> tuple[str, list[str]]:
        view_folded = folded(view.text)
        words = len(view_folded.split())
        shape = [f"words:{min(8, words.bit_length())}"]
        shape += [name for name, test in _SHAPES if test(view.text)]
        found = ((r.entity_type, r.score) for r in results)
        return view_folded, signals_of(found, self._about_person(view, results), shape)

    @staticmethod
    def _identifies_someone(view: NormalizedText, results: list[RecognizerResult]) -> bool:
        """A name or an identifier of a person (not an office's contact) is in the message."""
        entities = {
            r.entity_type
            for r in results
            if r.score >= 0.5
            and not (r.entity_type in CONTACTS and institutional(view.text, view.text[r.start : r.end], r.start))
        }
        return bool(entities & IDENTIFIERS)

    @classmethod
    def _about_person(cls, view: NormalizedText, results: list[RecognizerResult]) -> bool:
        if cls._identifies_someone(view, results):
            return True
        # "bà ấy" about someone whose name was masked identifies nobody any more.
        return "_" * 5 not in view.text and bool(_PERSON_CUE.search(folded(view.text)))

    def _learned_findings(
        self, view: NormalizedText, results: list[RecognizerResult], categories: tuple[str, ...]
    ) -> list[Finding]:
        """Findings of the learned heads for the whole message (only when checking prompts)."""
        if self._content_model is None or STATE_SECRET not in categories:
            return []
        masked = "_" * 5 in view.text
        flagged = self._content_model.flagged(*self._model_inputs(view, results))
        return [
            Finding(category, LEARNED_ENTITY[category], 0, view.original_length, round(score, 3), "ContentModel")
            for category, score in flagged.items()
            # A redacted text sent again: the person it was about is masked, and what is left of the
            # words is thin evidence ("mắt" folds to "mat"), so only a sure head counts.
            if not masked or (category != SENSITIVE_PERSONAL_DATA and score >= MASKED_TEXT_MIN_SCORE)
        ]

    def _redact_until_clean(self, text: str, blocked: list[Finding], categories: tuple[str, ...]) -> str:
        """The masked text, checked again until nothing in it would be blocked.

        Masking one value can expose another to its recognizer (a name whose cue was a masked
        neighbour's), and whatever no recognizer saw must still not be stored or resent: long
        digit runs and e-mail-like tokens left in a blocked message are masked as well.
        """
        redacted = redact(text, blocked)
        for _ in range(3):
            if redacted in _PLACEHOLDERS or not redacted.strip():
                return redacted
            # Values only: a learned finding has no span left to mask.
            again = self._analyse(redacted, categories, learned=False)
            again = [f for f in again if self.policy.rule(f.category).action == "block"]
            if not again:
                break
            redacted = redact(redacted, again)
        return mask_residue(redacted)

    def _findings(
        self, view: NormalizedText, results: list[RecognizerResult], categories: tuple[str, ...], learned: bool = True
    ) -> list[Finding]:
        learned_findings = self._learned_findings(view, results, categories) if learned else []
        sensitive = any(ENTITY_CATEGORY.get(r.entity_type) == SENSITIVE_PERSONAL_DATA for r in results)
        given_name = any(r.entity_type == "PERSON" and 0.4 <= r.score < 0.5 for r in results)
        about_person = self._about_person(view, results) or (given_name and sensitive)
        # A sensitive fact is personal data about someone the message lets a reader find: named, given an
        # identifier, or described by kin or pronoun together with an address or birth date. "Mẹ tôi bị tiểu
        # đường" in a question about health insurance identifies nobody.
        quasi = any(r.entity_type in QUASI_IDENTIFIERS and r.score >= 0.35 for r in results)
        # A house's address with a sensitive fact identifies whoever lives there, with or without a cue; a
        # hamlet's name ("tiêm chủng ở thôn 4") does not.
        household = any(r.entity_type == "ADDRESS" and _HOUSEHOLD.search(folded(view.text[r.start : r.end])) for r in results)
        identified = (
            self._identifies_someone(view, results)
            or (given_name and sensitive)
            or (quasi and about_person)
            or (household and sensitive)
        )
        # The learned head says someone identifiable is described. Where the rules found nobody to identify it
        # must be sure ("the couple at Hamlet 3 …"); a kin word and an illness are not enough.
        learned_findings = [
            f
            for f in learned_findings
            if f.category != SENSITIVE_PERSONAL_DATA or identified or f.score >= LEARNED_ALONE_MIN_SCORE
        ]
        if any(f.category == SENSITIVE_PERSONAL_DATA for f in learned_findings):
            identified = about_person = True
        about_person = about_person or identified
        view_folded = folded(view.text)
        allowed_spans = self._allowlisted_spans(view)
        findings = list(learned_findings)
        for result in results:
            category = ENTITY_CATEGORY.get(result.entity_type)
            if category not in categories:
                continue
            score = result.score
            # Sensitive words and quasi-identifiers are personal data only when tied to a person.
            if identified and category == SENSITIVE_PERSONAL_DATA:
                score = max(score, TIED_SCORE)
            if result.entity_type in CONTACTS and institutional(view.text, view.text[result.start : result.end], result.start):
                score = min(score, 0.45)
            if result.entity_type == "DOB":
                hypothetical = _HYPOTHETICAL.search(view_folded[max(0, result.start - 40) : result.start])
                score = min(score, 0.45) if hypothetical or not about_person else score
            if about_person and (result.entity_type == "ADDRESS" or (result.entity_type == "PERSON" and score >= 0.4)):
                score = max(score, TIED_QUASI_SCORE)
            if score < self.policy.rule(category).threshold:
                continue
            if any(s <= result.start and result.end <= e for s, e in allowed_spans):
                continue
            start, end = view.to_original(result.start, result.end)
            recognizer = result.recognition_metadata.get(RecognizerResult.RECOGNIZER_NAME_KEY, "")
            findings.append(Finding(category, result.entity_type, start, end, round(score, 3), recognizer))
        return sorted(findings, key=lambda f: (f.start, f.end))

    def _allowlisted_spans(self, view: NormalizedText) -> list[tuple[int, int]]:
        view_folded = fold(view.text)
        spans = []
        for term in self.allowlist.terms():
            for match in re.finditer(re.escape(term), view_folded):
                spans.append(match.span())
        return spans

    def _flag(self, text: str, verdict: Verdict, context: dict[str, str]) -> FlagRecord:
        digest = hmac.new(self._hmac_key, text.encode("utf-8", "surrogatepass"), hashlib.sha256).hexdigest()
        return FlagRecord.from_verdict(verdict, digest, context)


def _validated_view(text: str) -> NormalizedText:
    if not isinstance(text, str):
        raise GuardInputError("not_text", messages_vi.NOT_TEXT)
    if not text.strip():
        raise GuardInputError("empty_text", messages_vi.EMPTY_TEXT)
    if len(text) > MAX_INPUT_CHARS:
        raise GuardInputError("text_too_long", messages_vi.TOO_LONG.format(length=len(text), limit=MAX_INPUT_CHARS))
    return normalize(text)


def _message(categories: list[str], findings: list[Finding]) -> str:
    """Names the categories found and, for personal data, the kinds of value found — only those."""
    names = "; ".join(_category_name(c, findings) for c in categories)
    advice = [messages_vi.ADVICE_REDACT] if {PERSONAL_DATA, SENSITIVE_PERSONAL_DATA} & set(categories) else []
    if {STATE_SECRET, INTERNAL_DOCUMENT} & set(categories):
        advice.append(messages_vi.ADVICE_DOCUMENT)
    if CREDENTIAL in categories:
        advice.append(messages_vi.ADVICE_CREDENTIAL)
    if PROMPT_INJECTION in categories:
        advice.append(messages_vi.ADVICE_INJECTION)
    return " ".join([messages_vi.BLOCKED.format(categories=names), messages_vi.RULE, *advice])


def _category_name(category: str, findings: list[Finding]) -> str:
    kinds = dict.fromkeys(
        messages_vi.ENTITY_NAMES[f.entity_type]
        for f in findings
        if f.category == category and f.entity_type in messages_vi.ENTITY_NAMES
    )
    name = messages_vi.CATEGORY_NAMES[category]
    return f"{name} ({', '.join(kinds)})" if kinds and category in (PERSONAL_DATA, SENSITIVE_PERSONAL_DATA) else name


def default_guardrail(
    allowlist_path: Path | None = None, flag_store: FlagStore | None = None, hmac_key: bytes = b""
) -> Guardrail:
    """The guardrail with the shipped policy."""
    return Guardrail(Policy.load(), Allowlist(allowlist_path), flag_store, hmac_key)

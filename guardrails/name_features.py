"""Candidate person-name spans of a message and the features that score them.

Candidates are runs of word tokens joined by single spaces (never across punctuation or lines):

* ``sur``: a family name ("Nguyễn", "nguyen", "NGUYỄN") and one to three more syllables in the
  same case; lower-case runs must be all given-name syllables, since nothing else tells
  "tran thi hoa" from prose; a capitalised first word followed by lower-case given names counts
  only at the start of a sentence ("Nguyen van an o xom 3").
* ``eth``: Ê Đê and Gia Rai names that start with "Y" or "H'" ("Y Bhin Niê", "H'Lim Byă").
* ``giv``: one or two given-name syllables right after a person cue ("chị Lan", "Ms Hoa").
* ``west``: given name then family name after an English cue ("Mr An Nguyen").

Every candidate of every length is kept; the scorer (``guardrails.name_model``) weighs them with
the features below and keeps the best non-overlapping ones, so "Nguyễn Văn" loses to "Nguyễn Văn
An", and "An Phường" is never a name. Features are strings (one-hot), so the learned weights are a
plain ``{feature: weight}`` table. All work is linear in the message: one tokenising pass, a
regex pass for identifiers and history words, and a bounded window per candidate.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from guardrails.name_lexicon import (
    COMMON_MIDDLES,
    COMPOUND_WORDS,
    CUE_PAIRS,
    CUE_WORDS,
    CUES,
    FUNCTION_FOLD,
    FUNCTION_WORDS,
    GIVEN_EXACT,
    GIVEN_FOLD,
    MARKER_MIDDLES,
    PUBLIC_EXACT,
    PUBLIC_FOLD,
    STOP_WORDS,
    SURNAME_EXACT,
    SURNAME_FOLD,
    TOP_SURNAMES,
    WORDLIKE_SURNAMES,
    lookup,
)
from guardrails.normalizer import fold

MAX_TOKENS = 4
_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_GAP = re.compile(r"[ \t\u00a0]{1,3}")
# A Vietnamese syllable without diacritics: onset, vowels, coda ("nguyen", "thi", "khoa").
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdghklmnprstvx])?[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?")
# Identifiers and residence near a name say "a resident"; history words say "a public figure".
_IDENT = re.compile(
    r"(?<!\w)(?:sdt|dt|dien thoai|so dien thoai|cccd|cmnd|can cuoc|dinh danh|sinh nam|sinh ngay|nam sinh|ngay sinh|"
    r"dia chi|tru tai|thuong tru|tam tru|so nha|tuoi|zalo|email|o (?:thon|xom|ap|to|khu|so|ban|buon|phuong|xa))(?!\w)"
    r"|\d[\d .\-]{7,}\d"
)
_HISTORY = re.compile(
    r"(?<!\w)(?:vua|trieu dai|the ky|lich su|khoi nghia|danh thang|danh tan|danh bai|quan (?:nguyen|thanh|minh|tong|"
    r"nam han|ngo|mong)|chien dich|tuong dai|den tho|di tich|tam guong|tu tuong|tac gia|tac pham|nha tho|nha van|"
    r"anh hung|danh nhan|bac ho|ky niem|su nghiep|tuyen ngon|sach giao khoa|bao tang|phong trao|thu tuong|dai tuong|"
    r"chu tich nuoc|lam theo|cuoc doi|nam [1-9]\d{2}(?!\d)|nam 1[0-8]\d\d|nam 19[0-7]\d)(?!\w)"
)
_SENTENCE_END = frozenset('.!?:;\n|\t"“([-–—•*>')
_KIN_WORDS = frozenset({"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ"})
_KIN_START = frozenset(fold(w) for w in _KIN_WORDS)


class Token:
    """A word of the message; ``case`` is title, upper, lower, single (one capital), initial ("Q."), mixed.

    ``given`` and ``surname`` say whether it is in those lists (looked up once, read by every candidate).
    """

    __slots__ = ("start", "end", "text", "lower", "folded", "case", "given", "surname")

    def __init__(self, start: int, end: int, text: str, lower: str, folded: str, case: str) -> None:
        self.start, self.end, self.text, self.lower, self.folded, self.case = start, end, text, lower, folded, case
        self.given = lookup(lower, folded, GIVEN_EXACT, GIVEN_FOLD)
        self.surname = lookup(lower, folded, SURNAME_EXACT, SURNAME_FOLD)


def _case(word: str) -> str:
    if word.islower():
        return "lower"
    if len(word) == 1:
        return "single"
    if word.isupper():
        return "upper"
    # istitle() reads "H'Lim" as two title-case parts, which is how Ê Đê names are written.
    return "title" if word.istitle() else "mixed"


def tokenize(text: str, folded: str | None = None) -> list[Token]:
    """The words of ``text``; ``folded`` is ``fold(text)`` if the caller has it (same length)."""
    folded = fold(text) if folded is None else folded
    tokens = []
    for match in _TOKEN.finditer(text):
        word = match.group(0)
        start, end = match.span()
        case = _case(word)
        if case == "single" and text[end : end + 1] == "." and not text[end + 1 : end + 2].isalpha():
            case, end = "initial", end + 1  # "Phạm Q. Huy"
        tokens.append(Token(start, end, text[start:end], word.lower(), folded[start : match.end()], case))
    return tokens


def _in_given(token: Token) -> bool:
    return token.given


def _is_surname(token: Token) -> bool:
    return token.surname


def _compile_cues(words: list[str]) -> re.Pattern[str]:
    # Anchored at the end, so the leftmost match is the longest cue: "trưởng thôn" over "thôn".
    alternatives = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    # A colon, dot or bracket may sit between cue and name ("Họ tên:", "Mr."); a comma ends the cue's
    # reach: "biên bản, Lê Văn Hải" is not "bản" (a village) + name.
    return re.compile(rf"(?:^|[^\w/@])({alternatives})[\s:.(]*$")


# A cue listed under two kinds belongs to the first ("bác": kin).
_CUE_KIND = {fold_word: name for name, words in reversed(CUES.items()) for w in words for fold_word in (w, fold(w))}
_CUE_ACCENTED = _compile_cues([w for words in CUES.values() for w in words])
_CUE_FOLDED = _compile_cues([fold(w) for words in CUES.values() for w in words])


@dataclass(frozen=True, slots=True)
class Candidate:
    start: int
    end: int
    first: int  # token indices [first, last]
    last: int
    kind: str
    case: str


class Message:
    """A message's tokens, cue positions and case profile, computed once and shared by its candidates."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = fold(text)
        self.tokens = tokenize(text, self.folded)
        self._ident: list[int] | None = None
        self._history: list[int] | None = None
        tokens = self.tokens
        # joined[i]: token i and i + 1 are separated by a short run of spaces only.
        self.joined = [
            tokens[i + 1].start - tokens[i].end == 1
            and text[tokens[i].end] == " "
            or bool(_GAP.fullmatch(text, tokens[i].end, tokens[i + 1].start))
            for i in range(len(tokens) - 1)
        ]
        self.joined.append(False)
        cased = [t for t in tokens if t.case in ("title", "upper", "mixed")]
        uppers = sum(t.case == "upper" for t in tokens)
        self.profile = (
            "upper" if tokens and uppers > 0.6 * len(tokens) else "lower" if len(cased) <= 1 else "mixed"
        )  # fmt: skip
        self.accented = self.folded != text.lower()
        self._cues: dict[int, tuple[str, str]] = {}

    @property
    def ident(self) -> list[int]:
        """Where identifiers (phone numbers, "SĐT", "CCCD", "sinh năm"…) start; found on first use."""
        if self._ident is None:
            self._ident = [m.start() for m in _IDENT.finditer(self.folded)]
        return self._ident

    @property
    def history(self) -> list[int]:
        if self._history is None:
            self._history = [m.start() for m in _HISTORY.finditer(self.folded)]
        return self._history

    def sentence_start(self, index: int) -> bool:
        start = self.tokens[index].start
        before = self.text[max(0, start - 6) : start].rstrip(" ")
        return not before or before[-1] in _SENTENCE_END or before.endswith("]")

    def candidates(self) -> list[Candidate]:
        found: list[Candidate] = []
        tokens = self.tokens
        for i, token in enumerate(tokens):
            if token.case in ("initial", "mixed"):
                continue
            # A lower-case "ông", "bà" is the title, not the rare family name Ông.
            starts_name = _is_surname(token) and not (token.case == "lower" and self._kin_word(token))
            ethnic = (token.text == "Y" or token.text[:2] in ("H'", "H’")) and token.case in ("single", "title", "upper")
            if starts_name or ethnic:
                found.extend(self._extend(i, "eth" if ethnic and not starts_name else "sur"))
            if token.case in ("title", "upper") and _in_given(token) and self.cue_category(i)[0] in ("kin", "english"):
                found.extend(self._given_only(i))
        return found

    def _extend(self, i: int, kind: str) -> list[Candidate]:
        tokens, joined = self.tokens, self.joined
        head = tokens[i]
        case = head.case
        if case == "single":  # "Y Bhin Niê", "Y TLANG ÊBAN": the next word tells the case
            case = "upper" if i + 1 < len(tokens) and tokens[i + 1].case == "upper" else "title"
        sentence_cap = case == "title" and self.sentence_start(i)
        out = []
        strong = case == "lower" and self.cue_category(i)[0] in ("kin", "formal")
        if kind == "eth" and head.text[:2] in ("H'", "H’"):
            out.append(Candidate(head.start, head.end, i, i, kind, case))
        j = i
        run_case = case
        while j + 1 < len(tokens) and j - i + 1 < MAX_TOKENS and joined[j]:
            nxt = tokens[j + 1]
            if case == "lower" or run_case == "sentcap":
                # Lower-case runs need given-name syllables; an unknown syllable is allowed once the
                # run is plainly a name ("văn", "thị" inside, or "anh", "bà"… before it).
                ok = nxt.case == "lower" and (
                    _in_given(nxt)
                    or (
                        (strong or any(t.folded in MARKER_MIDDLES for t in tokens[i + 1 : j + 1]))
                        and _SYLLABLE.fullmatch(nxt.folded) is not None
                        and not self._function_word(nxt)
                        and not _is_surname(nxt)
                    )
                )
            elif nxt.case == "lower" and sentence_cap and j == i and _in_given(nxt):
                ok, run_case = True, "sentcap"
            else:
                ok = nxt.case in (case, "single", "initial")
            if not ok or len(nxt.text) > 9 or nxt.lower in STOP_WORDS:
                break
            j += 1
            out.append(Candidate(head.start, nxt.end, i, j, kind, run_case))
        return out

    def _given_only(self, i: int) -> list[Candidate]:
        tokens = self.tokens
        head = tokens[i]
        out = [Candidate(head.start, head.end, i, i, "giv", head.case)]
        if i + 1 < len(tokens) and self.joined[i] and tokens[i + 1].case == head.case and _in_given(tokens[i + 1]):
            out.append(Candidate(head.start, tokens[i + 1].end, i, i + 1, "giv", head.case))
            # "Mr An Nguyen": given name, family name.
            if self.cue_category(i)[0] == "english" and _is_surname(tokens[i + 1]):
                out.append(Candidate(head.start, tokens[i + 1].end, i, i + 1, "west", head.case))
        return out

    def _kin_word(self, token: Token) -> bool:
        # "Chu" in a message with diacritics is the family name, not "chú" (uncle).
        return token.lower in _KIN_WORDS if self.accented else token.folded in _KIN_START

    def _function_word(self, token: Token) -> bool:
        # In a message with diacritics "Nam" is the name, not "năm" (year).
        return token.lower in FUNCTION_WORDS if self.accented else token.folded in FUNCTION_FOLD

    def _coordinated_category(self, index: int) -> str:
        """The cue of the name this one is listed after: "đường A – B", "chú A và cô B", "A, B và C"."""
        tokens = self.tokens
        k = index - 1
        if k < 0:
            return "none"
        gap = self.text[tokens[k].end : tokens[index].start].strip()
        if tokens[k].lower == "và" and self.joined[k]:
            k -= 1
            gap = ","
        if gap not in (",", "–", "-", "—", "/", ";") or k < 0:
            return "none"
        # Back over the previous capitalised run to the word it starts at.
        while k > 0 and self.joined[k - 1] and tokens[k - 1].case == tokens[k].case and tokens[k - 1].folded not in CUE_WORDS:
            k -= 1
        return self.cue_category(k)[0]

    def cue_category(self, index: int) -> tuple[str, str]:
        """The kind of cue word right before token ``index`` (kin, formal, english, place…) and its text."""
        if index in self._cues:
            return self._cues[index]
        start = self.tokens[index].start
        tail = self.text[max(0, start - 28) : start].lower()
        if "\n" in tail:
            tail = tail[tail.rindex("\n") + 1 :]
        # A message typed with diacritics keeps "chú" (uncle) apart from "Chu" (a family name).
        match = _CUE_ACCENTED.search(tail) if self.accented else _CUE_FOLDED.search(fold(tail))
        best = (_CUE_KIND[match.group(1)], match.group(1)) if match else ("none", "")
        self._cues[index] = best
        return best

    def features(self, cand: Candidate) -> list[str]:
        tokens = self.tokens
        toks = tokens[cand.first : cand.last + 1]
        n = len(toks)
        head = toks[0]
        rest = toks[1:]
        kind, case = cand.kind, cand.case
        f = [f"kind={kind}", f"len={n}", f"case={case}", f"kind_case={kind}_{case}", f"len_case={n}_{case}"]
        f.append(f"profile_case={self.profile}_{case}")
        # In an all lower-case or all upper-case message the case of neighbours says nothing.
        informative = not (case in ("lower", "sentcap") and self.profile == "lower") and not (
            case == "upper" and self.profile == "upper"
        )
        if len(toks) > 1 and " ".join(t.folded for t in toks[:2]) in COMPOUND_WORDS:
            f.append("compound_word")
        if any(self._kin_word(t) for t in toks[1:-1]):
            f.append("kin_word_inside")
        accented = any(t.lower != t.folded for t in toks)
        f.append(f"accent={int(accented)}{int(self.accented)}")
        # The family name.
        if kind in ("sur", "eth"):
            if head.folded in TOP_SURNAMES:
                f.append("sur_top")
            if head.folded in WORDLIKE_SURNAMES:
                f.append("sur_wordlike")
                f.append(f"sur_wordlike_case={case}")
            if self._kin_word(head):
                f.append("head_is_kin_word")
        # Middle and given names.
        if rest:
            if rest[0].folded in MARKER_MIDDLES:
                f.append("mid_marker")
            elif rest[0].folded in COMMON_MIDDLES:
                f.append("mid_common")
            if _is_surname(rest[0]) and not _in_given(rest[0]):
                f.append("second_is_surname_only")
            missing = sum(not _in_given(t) and t.case != "initial" for t in rest)
            f.append(f"lex_miss={min(missing, 2)}")
            f.append(f"lex_miss_case={min(missing, 2)}_{case}")
            if not _in_given(toks[-1]) and toks[-1].case != "initial":
                f.append("last_not_given")
            bad_shape = sum(not _SYLLABLE.fullmatch(t.folded) for t in rest if t.case != "initial")
            if bad_shape:
                f.append(f"bad_shape={min(bad_shape, 2)}")
            if any(t.case == "initial" for t in toks):
                f.append("has_initial")
            if any(t.case == "single" for t in rest):
                f.append("has_single_letter")
            if self._kin_word(toks[-1]):
                f.append("last_is_kin_word")
            if self._function_word(toks[-1]):
                f.append(f"last_function_word_case={case}")
        elif kind == "giv":
            f.append("giv_one")
        # Public names: a hit is evidence, not a veto.
        name_lower = self.text[cand.start : cand.end].lower()
        name_fold = fold(name_lower)
        public = name_fold in PUBLIC_FOLD if name_lower == name_fold else name_lower in PUBLIC_EXACT
        if public:
            f.append("public")
        elif n > 2 and " ".join(t.folded for t in toks[:2]) in PUBLIC_FOLD:
            f.append("public_prefix")
        # What comes before.
        category, cue = self.cue_category(cand.first)
        if category == "none":
            coordinated = self._coordinated_category(cand.first)
            if coordinated != "none":
                f.append(f"coordinated={coordinated}")
        f.append(f"cue={category}")
        f.append(f"cue_case={category}_{case}")
        f.append(f"cue_kind={category}_{kind}")
        first = cand.first
        prev = tokens[first - 1] if first > 0 and self.text[tokens[first - 1].end : head.start].strip(" \t:,") == "" else None
        if prev is not None:
            if prev.folded in CUE_WORDS:
                f.append(f"p1={prev.folded}")
            if first > 1 and f"{tokens[first - 2].folded}_{prev.folded}" in CUE_PAIRS:
                f.append(f"p2={tokens[first - 2].folded}_{prev.folded}")
            # A capital that only starts the sentence ("Nhờ Lê V. Hải…") is not a capitalised word.
            capital = prev.case in ("title", "upper") and not (
                prev.case == "title" and self.sentence_start(first - 1) and not (prev.given or prev.surname)
            )
            if self.joined[first - 1] and prev.folded not in CUE_WORDS:
                if informative and capital and prev.case == head.case:
                    f.append("prev_joined_cap")
                if prev.case == head.case and (_is_surname(prev) or _in_given(prev)):
                    f.append("prev_joined_name")
        if self.sentence_start(first):
            f.append(f"sentence_start_case={case}")
        before = self.text[max(0, head.start - 2) : head.start]
        if ":" in before:
            f.append("after_colon")
        # What comes after.
        last = cand.last
        if last + 1 < len(tokens):
            nxt = tokens[last + 1]
            gap = self.text[toks[-1].end : nxt.start]
            if self.joined[last]:
                if nxt.lower in STOP_WORDS or self._function_word(nxt):
                    f.append("n1_function_word")
                same_case = nxt.case == case or (case == "sentcap" and nxt.case == "lower")
                if same_case and informative:
                    f.append("next_joined_same_case")
                function_word = self._function_word(nxt)
                if same_case and _in_given(nxt) and not function_word:
                    f.append("next_joined_given")
            else:
                f.append(f"next_gap={_gap_class(gap)}")
        else:
            f.append("next_gap=end")
        # Title-case headings: a long run of capitalised words is a heading, not a name.
        run = 0
        k = cand.last
        while k + 1 < len(tokens) and self.joined[k] and tokens[k + 1].case == head.case and run < 3:
            run += 1
            k += 1
        k = first
        back = 0
        while k > 0 and self.joined[k - 1] and tokens[k - 1].case == head.case and back < 3:
            k -= 1
            if head.case == "title" and self.sentence_start(k) and not (tokens[k].given or tokens[k].surname):
                break
            back += 1
        if informative:
            f.append(f"run={min(run, 2)}_{min(back, 2)}_{case}")
        # Identifiers and history nearby.
        if _near(self.ident, cand.start - 60, cand.end + 60):
            f.append("ident_near")
        if _near(self.history, cand.start - 60, cand.end + 40):
            f.append("history_near")
            if public:
                f.append("history_public")
        if public and category in ("kin", "formal"):
            f.append("public_after_person_cue")
        if public and "ident_near" in f:
            f.append("public_ident")
        # A public name with a person cue or an identifier, and no history around: a resident.
        if public and "history_near" not in f:
            if category in ("kin", "formal"):
                f.append("public_person_cue_no_history")
            if "ident_near" in f:
                f.append("public_ident_no_history")
        if "head_is_kin_word" in f and self.sentence_start(first):
            f.append("head_kin_sentence_start")
        return f


def _near(positions: list[int], low: int, high: int) -> bool:
    index = bisect_left(positions, low)
    return index < len(positions) and positions[index] <= high


def _gap_class(gap: str) -> str:
    stripped = gap.strip(" \t")
    if not stripped:
        return "space"
    char = stripped[0]
    if char == "\n":
        return "newline"
    if char.isdigit():
        return "digit"
    return char if char in ",.:;()|-–/" else "other"

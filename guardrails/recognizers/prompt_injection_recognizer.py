"""Prompt injection in Vietnamese and English: overriding instructions, extracting the system
prompt, role-play to escape the rules, and the same hidden in base64. Talking about prompt
injection as a topic ("prompt injection là gì?") is not an attack.
"""

from __future__ import annotations

import base64
import binascii
import re
from urllib.parse import unquote

from presidio_analyzer import RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from guardrails.recognizers.base import folded, make_result
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer, phrase_pattern

_INSTRUCTIONS = (
    r"(huong dan|chi dan|chi thi|quy tac|quy dinh|chinh sach|lenh|yeu cau|rang buoc|nguyen tac|cau lenh|thiet lap|cai dat|bo loc)"
)
PHRASES = (
    rf"bo qua (het |tat ca |moi |toan bo )?(cac |nhung |moi )?{_INSTRUCTIONS}",
    rf"(quen|xoa|vo hieu hoa|huy) (het |di |tat ca )?(cac |nhung |moi )?{_INSTRUCTIONS}",
    r"khong (can|phai) (tuan theo|tuan thu|theo|ap dung|kiem tra)",
    r"ghi de (chinh sach|quy tac|huong dan|che do|cai dat)",
    r"tu (gio|bay gio|nay) (ban|may|mi|em) (la|se|khong|duoc|dong vai|hay)",
    r"(dong vai|nhap vai|gia vo|gia lam|hay tuong tuong) (ban |minh |em )?(la|lam|nhu)",
    r"che do (developer|nha phat trien|khong gioi han|dan|jailbreak|god|admin|quan tri)",
    r"(prompt|loi nhac|chi dan|huong dan) (he thong|goc|ban dau|an|noi bo|khoi tao)",
    r"system prompt", r"system message", r"huong dan an", r"quy tac loc",
    r"(in|liet ke|tiet lo|cung cap|hien thi|chep) (ra |lai |cho toi |toan bo |nguyen van |day du |cac |nhung |het |tat ca )*(prompt|chi dan|huong dan|quy tac|cau hinh|thiet lap|tu khoa)( (he thong|an|noi bo|cua ban|ban dau|goc|ma|bo loc))",
    r"(in|liet ke|tiet lo|cung cap|hien thi|chep) (ra |lai |cho toi |toan bo |nguyen van |day du |cac |nhung |het |tat ca )*prompt",
    r"nguyen van (prompt|chi dan|huong dan|quy tac|cau hinh)",
    r"ignore (all |any |the |your |every )?(previous |prior |above |earlier |preceding |initial )?(instructions|prompts?|rules|directions|guidelines)",
    r"ignore (the|everything) above", r"disregard (all |any |the |your )?(previous |prior |above )?(instructions|rules|prompts?)",
    r"forget (all |your |the )?(previous |prior )?(instructions|rules)",
    # A role that escapes the rules, not any role ("you are now the secretary of the meeting: write the minutes").
    r"(you are now|from now on,? you (are|will be)) (an? )?(unrestricted|unfiltered|uncensored|free|dan|jailbroken|evil|"
    r"no longer|not bound|without|in (developer|god|admin) mode|my (grandma|grandmother)|root|admin|an ai (that|with|without))",
    r"(act|behave) as (an? )?(unrestricted|unfiltered|evil|dan|jailbroken)", r"pretend (to be|you are)", r"developer mode",
    r"jailbreak", r"\bdan\b mode", r"do anything now", r"(initial|original|hidden|secret) (instructions|prompt)",
    r"reveal (your|the) (system )?(prompt|instructions|rules)", r"override (your|the|all)? ?(rules|policy|instructions|safety)",
    r"print (your|the) (system )?(prompt|instructions)",
    r"(repeat|print|output|show|copy) (all |the )?(words |text |everything |instructions |rules )?(above|before this|preceding)",
    r"everything above", r"word for word", r"rules (were )?you (were )?given", r"what (are|were) your (rules|instructions|guidelines)",
    r"disregard your", r"(starting|beginning) with (the phrase )?.?(you are|ban la)", r"\[(system|admin|developer)\]",
    r"<\s*(system|admin)\s*>", r"(tat|vo hieu hoa|bo|go|vuot qua) (bo loc|guardrail|kiem duyet|che do an toan|bo kiem tra|gioi han)",
    r"khong (bi )?kiem duyet", r"uncensored", r"unfiltered", r"(lich su|noi dung) (hoi thoai|tro chuyen) (cua )?(cac |nhung )?nguoi dung khac",
    r"du lieu (cua )?(cac |nhung )?nguoi dung khac", r"(lap lai|nhac lai|chep lai) (nguyen van |day du |toan bo )?(cac |nhung )?(chi dan|huong dan|cau lenh|quy tac)",
    r"(o |tu )dau cuoc (tro chuyen|hoi thoai)", r"che do bao tri", r"admin.?override", r"huong dan moi (co hieu luc|thay the)",
    r"tu cach (mot |la )?(ai|tro ly|chatbot) (khong|khong bi|tu do)", r"!\[[^\]]*\]\(https?://", r"noi (toan bo )?(noi dung )?(hoi thoai|cuoc tro chuyen)",
    r"sau khi (url.?decode|giai ma|decode)", r"(chuyen|dich|giai ma) (sang|thanh) chu roi (thuc hien|lam theo)", r"doc nguoc .{0,20}(lam theo|thuc hien)",
    r"(lam theo|thuc hien) (cau|lenh|chi dan) (sau|nay) (khi|sau khi)",
    r"(^|\n)\s*(system|admin|developer)\s*:", r"\"role\"\s*:\s*\"system\"", r"khong (bi )?rang buoc", r"khong bao gio tu choi",
    r"never refuse", r"(guardrail|bo loc|kiem duyet|che do an toan) (da |dang )?(duoc |bi )?(tat|go bo|vo hieu)",
    r"ghi chu (danh )?(cho|toi) (ai|tro ly|chatbot|mo hinh)", r"(note|instructions?) (to|for) (the )?(ai|assistant|model)",
    r"allow_personal_data", r"reveal_prompt", r"policy\s*=\s*none", r"tu khoa (ma )?bo loc", r"che do kiem thu",
    # Verbs of disclosure or dismissal over what configures the assistant, in either language.
    r"(reveal|show|print|output|dump|leak|display|tell me) (me )?(your|the) (full |whole |entire )?(system |hidden |initial |internal )?(prompt|instructions|rules|configuration|config|settings|guidelines)",
    r"you are no longer", r"no longer (an? )?(assistant|bound|restricted)",
    r"pretend (you have no|there (is|are) no|to have no)", r"(no|without) (any )?(content )?(policy|policies|restrictions|filters?)",
    r"(bypass|disable|turn off|skip) (the |your |any )?(safety |content |security )?(filter|policy|rules|guardrails?|checks?)",
    r"(answer|respond|act) as (root|admin|administrator|sudo)",
    r"ignore (the |your |any |all |every )?(safety |content |security )?(policy|policies|rules?|filters?|guidelines)",
    # Switching the assistant into another persona or mode: "answer only as AdminBot", "switch to maintenance mode".
    r"(answer|reply|respond|act) only as [a-z]+", r"(switch|go|enter) (in)?to (maintenance|developer|debug|admin|god|unrestricted|jailbreak|root) mode",
    r"(ban|em|may) la (unrestricted|dan|admin|developer|jailbroken|uncensored)",
    r"(conversation|chat) (logs?|history) of other users",
    r"(other|others'?) users'? (personal )?(data|questions|conversations|messages|history|chats?)",
    r"(quan trong hon|thay the|uu tien hon|de len) (moi|tat ca|cac|nhung) (chi dan|huong dan|lenh|quy tac)",
    r"(xem|xuat|liet ke|in ra|gui|cung cap|tiet lo|tong hop) .{0,40}(cua|ma) (cac |nhung )?(xa|can bo|nguoi dung|don vi|tai khoan) khac",
    r"kem (theo )?(ten|so dien thoai|sdt|email) (cua )?(nguoi hoi|nguoi dung|can bo da hoi)",
    r"(thong tin|du lieu|cau tra loi|cau hoi|lich su|tin nhan|noi dung|ho so) (cua|ma) (cac |nhung )?(don|xa|can bo|nguoi dung|nguoi hoi|don vi|tai khoan|phien) khac",
    r"(danh cho|gui|luu y cho|nhan cho) (phan mem|he thong|cong cu|tro ly) ?(ai|chatbot)\b",
    r"(danh cho|gui|luu y cho) (chatbot|mo hinh|ai doc)\b",
    r"(information|data) (of|about|from) other users",
    r"(bo|go bo|vuot qua|xoa|pha) (moi|het|tat ca|cac|nhung) (gioi han|rang buoc|quy tac|bo loc)",
    r"\[?(ghi chu an|hidden note|hidden instruction|chi dan an)\]?",
    r"(dump|leak|export) (your |the )?(config|configuration|prompt|settings|data)",
    r"<!--\s*(llm|ai|assistant|chatbot|gpt|model)\s*:",
    r"(gui|note to|dear) (ai|tro ly ai|chatbot|assistant|llm)\s*[:,]",
    r"(coi nhu|xem nhu|gia su) (chua|khong) (co|he co) (quy dinh|huong dan|quy tac|rang buoc|bo loc)",
    r"(khong can|dung) (che|an|giau|loc) (so|thong tin|du lieu|cccd|sdt)",
    r"(dong vai|nhap vai|voi tu cach) (la )?(quan tri vien|admin|nha phat trien|developer)",
    r"noi dung (duoc |bi )?(giau|an) (o|tu) (phan )?dau",
)  # fmt: skip
_TOPIC_QUESTION = re.compile(
    r"(la gi|what is|nghia la gi|la sao|phong chong|ngan chan|cach phong|how to prevent|tan cong .* la|vi sao|tai sao|"
    r"co nen|khong duoc|nhu the nao|the nao la|vi du ve|giai thich)"
)
_TOPIC_TERMS = re.compile(
    r"system prompt|system message|prompt he thong|huong dan (he thong|an|goc|ban dau)|jailbreak|developer mode|"
    r"tiet lo (prompt|huong dan|chi dan)( he thong)?|quy tac loc"
)
_DESCRIBED = re.compile(
    r"(duoc thiet ke de|duoc lap trinh de|ke xau|ke tan cong|doi tuong|hacker|attackers?|may|co the viet|thuong viet|"
    r"vi du|chang han|nhu la|designed to|for example|e\.g\.)\W*(\w+\W+){0,3}$"
)
_WARNING = re.compile(
    r"(?<![a-z])(neu (thay|gap|phat hien)|canh giac|dung lam theo|khong lam theo|do not follow|don'?t follow|"
    r"never follow|be careful|watch out|beware)(?![a-z])"
)
_BASE64 = re.compile(r"[A-Za-z0-9+/]{16,}={0,2}")
_HEX = re.compile(r"(?:[0-9a-fA-F]{2}){10,}")
_PATTERN = phrase_pattern(PHRASES)


class PromptInjectionRecognizer(KeywordRecognizer):
    PHRASES = {"INJECTION": PHRASES}
    BASE_SCORE = 0.85

    def score(self, text: str, entity: str, start: int, end: int) -> float:
        view = folded(text)
        # A short question about the attack names it ("system prompt là gì?") without performing it.
        topic_only = all(_TOPIC_TERMS.fullmatch(m.group(0)) for m in _PATTERN.finditer(view))
        if topic_only and len(view) < 160 and _TOPIC_QUESTION.search(view):
            return 0.3
        # The attack quoted in order to discuss it or warn of it: "vì sao không làm theo câu 'bỏ qua hướng dẫn'?",
        # "nếu thấy đoạn văn yêu cầu AI 'bỏ qua hướng dẫn' thì báo ngay".
        warned = _WARNING.search(view[max(0, start - 100) : start])
        if _quoted(text, start, end) and (_TOPIC_QUESTION.search(view) or warned):
            return 0.3
        # Described, not performed: "trợ lý được thiết kế để bỏ qua các câu lệnh…", "kẻ xấu có thể viết…".
        if _DESCRIBED.search(view[max(0, start - 30) : start]):
            return 0.3
        return self.BASE_SCORE

    def analyze(self, text: str, entities: list[str], nlp_artifacts: NlpArtifacts | None = None) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts)
        hidden = [(m.start(), m.end(), _decode_base64(m.group(0))) for m in _BASE64.finditer(text)]
        hidden += [(m.start(), m.end(), _decode_hex(m.group(0))) for m in _HEX.finditer(text)]
        if "%" in text:
            hidden.append((0, len(text), unquote(text)))
        # Instructions written backwards ("…snoitcurtsni suoiverp erongI"), read so when they read better that way.
        if _reads_backwards(text):
            hidden.append((0, len(text), text[::-1]))
        for start, end, decoded in hidden:
            if decoded and decoded != text and _PATTERN.search(folded(decoded)):
                results.append(self._result(start, end))
        return results

    def _result(self, start: int, end: int) -> RecognizerResult:
        return make_result(self, "INJECTION", start, end, 0.9)


# The commonest words of both languages, folded: a text written backwards shows more of them reversed.
_COMMON_WORDS = frozenset(
    [
        "the",
        "you",
        "your",
        "and",
        "all",
        "to",
        "of",
        "is",
        "are",
        "be",
        "this",
        "that",
        "not",
        "with",
        "for",
        "previous",
        "instructions",
        "ignore",
        "rules",
        "cac",
        "va",
        "cua",
        "ban",
        "la",
        "khong",
        "co",
        "duoc",
        "cho",
        "nhung",
        "mot",
        "toi",
        "hay",
        "bo",
        "qua",
        "huong",
        "dan",
        "nay",
        "tat",
        "ca",
        "moi",
    ]
)
_WORDS = re.compile(r"[a-z]+")


def _reads_backwards(text: str) -> bool:
    view = folded(text)
    forward = sum(w in _COMMON_WORDS for w in _WORDS.findall(view))
    backward = sum(w in _COMMON_WORDS for w in _WORDS.findall(view[::-1]))
    return backward > forward


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` lies between a pair of quotation marks."""
    for opening, closing in (("'", "'"), ('"', '"'), ("“", "”"), ("‘", "’"), ("«", "»")):
        left = text.rfind(opening, 0, start)
        if left == -1 or (opening == closing and text.count(opening, 0, start) % 2 == 0):
            continue
        right = text.find(closing, end)
        if right != -1 and right - left < 300:
            return True
    return False


def _decode_base64(candidate: str) -> str | None:
    try:
        raw = base64.b64decode(candidate + "=" * (-len(candidate) % 4), validate=True)
        return raw.decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        return None


def _decode_hex(candidate: str) -> str | None:
    try:
        return bytes.fromhex(candidate).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None

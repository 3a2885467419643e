"""Answers about a portal procedure read from its structured fields, not from its run-on text.

The portal's records are tables flattened into text; quoting their sentences gives answers such as "Trực tiếp:
Miễn phí — + - Trực tiếp: không có thông tin —". The records are parsed once into fields (each way of submitting
with its time limit and fee, the dossier with its copies, the agency, the result, the legal basis, the conditions),
and a question that asks for a field of the procedure retrieval ranked first is answered from that field, for the
way of submitting it names: a short "procedure card" whose lists stay lists.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from coach.citations import CitationList
from coach.extractive_answerer import ComposedAnswer
from knowledge_base import KnowledgeIndex, SearchHit
from knowledge_base.dichvucong_importer import ChannelTerms, dossier_copies, parse_channels, parse_legal_basis
from knowledge_base.text_normalize import fold_diacritics, lexical_terms

CHANNEL_NAMES = {"Trực tuyến": "Nộp trực tuyến", "Trực tiếp": "Nộp trực tiếp", "Dịch vụ bưu chính": "Qua bưu chính"}
_CHANNEL_CUES = {
    "Trực tuyến": re.compile(r"\b(truc tuyen|online|qua mang|tren mang|dich vu cong|qua app|vneid)\b"),
    "Trực tiếp": re.compile(r"\b(truc tiep|tai quay|den nop|mang den)\b"),
    "Dịch vụ bưu chính": re.compile(r"\b(buu chinh|buu dien|gui thu|qua duong buu)\b"),
}
# Question words that ask for one field ("strong"), and topic nouns that only suggest it ("weak").
_STRONG = {
    "fee": r"bao nhieu tien|het bao nhieu|mat phi|ton phi|co thu|muc thu|phi het|mat tien|ton tien|co mat phi"
    r"|le phi bao nhieu|phi bao nhieu",
    "time": r"bao lau|may ngay|bao nhieu ngay|hen tra|khi nao co|bao gio co|may gio",
    "dossier": r"giay to gi|giay to nao|can gi|can nhung gi|mang gi|mang theo|chuan bi gi|chuan bi nhung gi|ho so gom"
    r"|thanh phan ho so",
    "result": r"nhan duoc gi|duoc cap gi|cap giay gi|ket qua la gi|ket qua gi|duoc gi|nhan gi",
    "legal": r"can cu|van ban nao|luat nao|nghi dinh nao|thong tu nao|theo luat|van ban phap ly",
    "condition": r"dieu kien|yeu cau gi",
    "agency": r"co quan nao|o dau|noi nao|den dau|ai giai quyet|nop o dau|tham quyen|co quan thuc hien",
}
_WEAK = {
    "fee": r"le phi|phi|chi phi|mien phi",
    "time": r"thoi han|thoi gian",
    "dossier": r"ho so|giay to",
    "result": r"ket qua",
    "agency": r"co quan",
}
_STRONG_CUES = {field: re.compile(rf"(?<![a-z])({cues})(?![a-z])") for field, cues in _STRONG.items()}
_WEAK_CUES = {field: re.compile(rf"(?<![a-z])({cues})(?![a-z])") for field, cues in _WEAK.items()}
FIELD_SECTIONS = {
    "fee": "Lệ phí",
    "time": "Thời hạn giải quyết",
    "dossier": "Hồ sơ",
    "result": "Lưu ý thường gặp",
    "legal": "Căn cứ pháp lý",
    "condition": "Lưu ý thường gặp",
    "agency": "Cơ quan thực hiện",
}
# Words a passage uses when it does state a field: how a field missing from a topic's documents is told apart.
_MENTIONS = {
    "fee": r"le phi|phi|mien phi|khong thu|\d[\d.]* dong|nghin dong|trieu dong",
    "time": r"\d+ (ngay|thang|gio|tuan|nam)|ngay lam viec|thoi han|trong ngay|ngay trong|han chot",
    "dossier": r"ho so|giay to|to khai|ban chinh|ban sao|xuat trinh",
    "result": r"ket qua|duoc cap|cap giay|giay chung nhan|trich luc|quyet dinh|chung nhan",
    "legal": r"luat|nghi dinh|thong tu|quyet dinh|nghi quyet|cong van|\d+/\d{4}",
    "condition": r"dieu kien|yeu cau|doi tuong|truong hop|phai",
    "agency": r"ubnd|uy ban|cong an|co quan|mot cua|trung tam|bo phan|cong dich vu",
}
_MENTION_CUES = {field: re.compile(rf"(?<![a-z])({cues})(?![a-z])") for field, cues in _MENTIONS.items()}
FIELD_NAMES_VI = {
    "fee": "lệ phí hay chi phí",
    "time": "thời hạn",
    "dossier": "hồ sơ, giấy tờ",
    "result": "kết quả được cấp",
    "legal": "căn cứ pháp lý",
    "condition": "điều kiện",
    "agency": "cơ quan thực hiện",
}
MAX_ITEMS = 8
_CASE_START = re.compile(r"^\s*(\(?[ivxIVX\d.]+\)\.?\s*)?((?:Đối với|Trường hợp)\b[^:]{3,120}:)")
MAX_CONDITION_WORDS = 80
MAX_NOTE_WORDS = 70


@dataclass(frozen=True)
class ProcedureFields:
    """The structured fields of one portal record (empty strings and tuples where the portal says nothing)."""

    doc_id: str
    code: str
    title: str
    channels: tuple[ChannelTerms, ...]
    dossier: tuple[tuple[str, str], ...]
    agency: str
    level: str
    result: str
    legal: tuple[tuple[str, str], ...]
    conditions: str

    @classmethod
    def from_record(cls, record: dict) -> ProcedureFields:
        code = str(record.get("ma_thu_tuc", "")).strip()
        agencies = dict.fromkeys(
            a for a in (_known(record.get("co_quan_thuc_hien")), _known(record.get("co_quan_co_tham_quyen"))) if a
        )
        return cls(
            doc_id="dvc-" + code.replace(".", "-"),
            code=code,
            title=str(record.get("ten_thu_tuc", "")).strip(),
            channels=tuple(parse_channels(record.get("cach_thuc_thuc_hien") or "")),
            dossier=tuple(dossier_copies(record.get("thanh_phan_ho_so") or "")),
            agency="; ".join(agencies),
            level=_known(record.get("cap_thuc_hien")),
            result=_known(record.get("ket_qua_xu_ly")).split("Mã:")[0].strip(),
            legal=tuple(parse_legal_basis(record.get("can_cu_phap_ly") or "")),
            conditions=_known(record.get("yeu_cau_dieu_kien")),
        )


def _known(value: object) -> str:
    text = " ".join(str(value or "").split())
    return "" if text in {"", "Không có thông tin"} else text


def asked_fields(question: str) -> list[str]:
    """The fields a question asks for (at most two), question words before topic nouns."""
    folded = fold_diacritics(question.lower())
    strong = [field for field, cue in _STRONG_CUES.items() if cue.search(folded)]
    found = strong or [field for field, cue in _WEAK_CUES.items() if cue.search(folded)]
    return found[:2]


def mentions_field(field: str, text: str) -> bool:
    """Whether ``text`` states something about ``field`` (a fee, a time limit…), by its words."""
    return bool(_MENTION_CUES[field].search(fold_diacritics(text.lower())))


def asked_channel(question: str) -> str | None:
    """The way of submitting a question names, if exactly one."""
    folded = fold_diacritics(question.lower())
    named = [channel for channel, cue in _CHANNEL_CUES.items() if cue.search(folded)]
    return named[0] if len(named) == 1 else None


class ProcedureCatalog:
    """Portal records by document id, read from the export the index was built from."""

    def __init__(self, procedures: Iterable[ProcedureFields] = ()) -> None:
        self._by_id = {p.doc_id: p for p in procedures}

    @classmethod
    def from_file(cls, path: Path | None) -> ProcedureCatalog:
        """The records of a JSON Lines export; lines that do not parse are left out (the ingest reported them)."""
        if path is None or not path.is_file():
            return cls()
        procedures = []
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue
            if isinstance(record, dict) and record.get("ma_thu_tuc") and record.get("ten_thu_tuc"):
                procedures.append(ProcedureFields.from_record(record))
        return cls(procedures)

    def __len__(self) -> int:
        return len(self._by_id)

    def get(self, doc_id: str) -> ProcedureFields | None:
        return self._by_id.get(doc_id)

    def answer(
        self, question: str, hits: list[SearchHit], index: KnowledgeIndex | None, asking: str | None = None
    ) -> ComposedAnswer | None:
        """A card for the field(s) ``question`` asks of the best-ranked procedure, or None to answer from passages.

        ``asking``: a follow-up's own words, whose field and way of submitting win over the earlier question's.
        """
        if not hits:
            return None
        procedure = self.get(hits[0].doc_id)
        fields = (asked_fields(asking) if asking else []) or asked_fields(question)
        if procedure is None or not fields:
            return None
        channel = (asked_channel(asking) if asking else None) or asked_channel(question)
        citations = CitationList()
        lines: list[str] = []
        for field in fields:
            body = render(procedure, field, channel, asking or question)
            number = _cite(citations, procedure, field, hits, index)
            lines.append(f"{body} [{number}]" if number else body)
        return ComposedAnswer("\n".join(lines), citations)


def render(p: ProcedureFields, field: str, channel: str | None, question: str = "") -> str:
    """One field of ``p`` in Vietnamese; says so plainly when the portal does not give it. The dossier is the one
    of the case the ``question`` names ("đối với tổ chức", "công trình tôn giáo"), when the record has cases."""
    name = p.title
    if field in ("fee", "time"):
        rows = [r for r in p.channels if channel is None or r.channel == channel] or list(p.channels)
        label = "Lệ phí" if field == "fee" else "Thời hạn giải quyết"
        if not rows:
            return f"{label} của thủ tục “{name}”: Cổng Dịch vụ công quốc gia không ghi thông tin này."
        # Ways of submitting with the same value (and the same note) share one line.
        groups: dict[tuple[str, str], list[str]] = {}
        for row in rows:
            value = _fee(row) if field == "fee" else _time(row)
            note = _fee_note(row.raw) if field == "fee" else ""
            groups.setdefault((value, note), []).append(CHANNEL_NAMES.get(row.channel, row.channel))
        lines = [(_ways(ways), value + (f" ({note})" if note else "")) for (value, note), ways in groups.items()]
        if len(lines) == 1:
            return f"{label} của thủ tục “{name}” ({lines[0][0].lower()}): {lines[0][1]}."
        return f"{label} của thủ tục “{name}”:\n" + "\n".join(f"- {ways}: {value}" for ways, value in lines)
    if field == "dossier":
        if not p.dossier:
            return f"Hồ sơ của thủ tục “{name}”: Cổng Dịch vụ công quốc gia không ghi thành phần hồ sơ."
        case, dossier = asked_case(question, p)
        items = [f"- {doc} ({copies})" if copies else f"- {doc}" for doc, copies in dossier[:MAX_ITEMS]]
        more = f"\n(và {len(dossier) - MAX_ITEMS} giấy tờ khác, xem nguồn)" if len(dossier) > MAX_ITEMS else ""
        which = f" ({case[0].lower() + case[1:]})" if case else ""
        return f"Hồ sơ của thủ tục “{name}”{which} gồm:\n" + "\n".join(items) + more
    if field == "result":
        if not p.result:
            return f"Kết quả của thủ tục “{name}”: Cổng Dịch vụ công quốc gia không ghi thông tin này."
        return f"Kết quả của thủ tục “{name}”: {p.result}."
    if field == "legal":
        if not p.legal:
            return f"Căn cứ pháp lý của thủ tục “{name}”: Cổng Dịch vụ công quốc gia không ghi văn bản nào."
        items = [f"- {title} ({number})" if title else f"- {number}" for title, number in p.legal[:MAX_ITEMS]]
        return f"Căn cứ pháp lý của thủ tục “{name}”:\n" + "\n".join(items)
    if field == "condition":
        if not p.conditions:
            return f"Thủ tục “{name}”: Cổng Dịch vụ công quốc gia không ghi yêu cầu, điều kiện riêng."
        words = p.conditions.split()
        text = " ".join(words[:MAX_CONDITION_WORDS]) + (" … (xem nguồn)" if len(words) > MAX_CONDITION_WORDS else "")
        return f"Yêu cầu, điều kiện của thủ tục “{name}”: {text}"
    if field == "agency":
        if not p.agency:
            return f"Thủ tục “{name}” thực hiện ở {p.level.lower() or 'cấp không rõ'}; cổng không ghi cơ quan cụ thể."
        level = f" ({p.level.lower()})" if p.level else ""
        return f"Cơ quan thực hiện thủ tục “{name}”{level}: {p.agency}."
    raise ValueError(f"unknown field {field}")


def dossier_cases(dossier: tuple[tuple[str, str], ...]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The record's dossier cut into its cases: each item opening with "Đối với…:", "Trường hợp…:" or a numbered
    "(1.1) Đối với…" starts one, named by its words up to the colon; items before the first case have no name."""
    cases: list[tuple[str, list[tuple[str, str]]]] = [("", [])]
    for doc, copies in dossier:
        opening = _CASE_START.match(doc)
        if opening:
            heading, _, rest = doc[opening.start(2) :].partition(":")
            cases.append((heading.strip(), [(rest.strip(" -"), copies)] if rest.strip(" -") else []))
        else:
            cases[-1][1].append((doc, copies))
    return [(heading, items) for heading, items in cases if heading or items]


def asked_case(question: str, p: ProcedureFields) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The case of the dossier the question names, by the word pairs that set its heading apart from the other
    cases' ("tôn giáo" among "Đối với công trình …"), and its items; ("", the whole dossier) when it names none, or
    several equally. Pairs, not single syllables: "bưu điện" must not pick "môi trường điện tử"."""
    cases = [(heading, items) for heading, items in dossier_cases(p.dossier) if heading and items]
    if len(cases) < 2:
        return "", p.dossier
    words = [_pairs(heading) for heading, _ in cases]
    common = set.intersection(*words)
    asked = _pairs(question) - _named_run(question, p.title)
    shared = [len(asked & (w - common)) for w in words]
    best = max(shared)
    if best == 0 or shared.count(best) > 1:
        return "", p.dossier
    heading, items = cases[shared.index(best)]
    return heading, tuple(items)


def _pairs(text: str) -> set[str]:
    return {t for t in lexical_terms(text) if "_" in t}


def _named_run(question: str, title: str, shortest: int = 5) -> set[str]:
    """Word pairs of the stretches (``shortest`` words or more) the question copies from the procedure's name: there
    the user names the procedure, not a case of it ("thông báo thay đổi nội dung đăng ký hợp tác xã")."""
    asked, named = fold_diacritics(question.lower()).split(), fold_diacritics(title.lower()).split()
    asked = [w.strip(",.;:()/?") for w in asked]
    named = [w.strip(",.;:()/?") for w in named]
    runs: set[str] = set()
    for i in range(len(asked)):
        for j in range(len(named)):
            length = 0
            while i + length < len(asked) and j + length < len(named) and asked[i + length] == named[j + length]:
                length += 1
            if length >= shortest:
                runs |= {f"{a}_{b}" for a, b in zip(asked[i : i + length], asked[i + 1 : i + length])}
    return runs


def _ways(ways: list[str]) -> str:
    """ "Nộp trực tiếp, nộp trực tuyến": one capital, at the start of the line."""
    unique = list(dict.fromkeys(ways))
    return ", ".join([unique[0], *(w[0].lower() + w[1:] for w in unique[1:])])


def _fee(row: ChannelTerms) -> str:
    fee = row.fee.strip()
    if not fee or fee.lower() == "không có thông tin":
        return "cổng không ghi mức phí"
    if fee.lower().startswith("miễn"):
        return "miễn phí"
    fee = re.sub(r"(\d),(?=\d{3})", r"\1.", fee)  # 15,000 VNĐ -> 15.000 VNĐ (Vietnamese thousands)
    return re.sub(r"\s*(VNĐ|Việt Nam Đồng|Đồng)\b", " đồng", fee)


def _fee_note(raw: str) -> str:
    """The portal's note on a fee: the parenthesis right after it (reductions, who pays, the legal basis)."""
    if not raw.startswith("("):
        return ""
    depth, end = 0, len(raw)
    for position, char in enumerate(raw):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            end = position
            break
    words = raw[1:end].strip(" -").split()
    return " ".join(words[:MAX_NOTE_WORDS]) + (" …" if len(words) > MAX_NOTE_WORDS else "")


def _time(row: ChannelTerms) -> str:
    value = row.time_limit.strip()
    if not value or value == "không có thông tin":
        return "cổng không ghi thời hạn"
    return value


def _cite(
    citations: CitationList, p: ProcedureFields, field: str, hits: list[SearchHit], index: KnowledgeIndex | None
) -> int | None:
    """Cite the passage of the record's section for ``field`` (the retrieved one if it is among the hits)."""
    section = FIELD_SECTIONS[field]
    candidates = [(h.chunk_id, h.text, h.metadata) for h in hits if h.doc_id == p.doc_id]
    if index is not None:
        candidates += index.chunks_of(p.doc_id)
    for chunk_id, text, metadata in candidates:
        if metadata.get("section") == section:
            return citations.number_for(chunk_id, text, metadata)
    if candidates:
        chunk_id, text, metadata = candidates[0]
        return citations.number_for(chunk_id, text, metadata)
    return None

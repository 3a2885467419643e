"""Turns procedure records of the National Public Service Portal into corpus documents.

The portal flattens its tables into run-on text ("Trực tuyến1Miễn phíDịch vụ bưu chính1…"). The
parsers below recover what they can (channels, time limits, fees, legal document numbers) and keep
whatever they cannot parse as plain text, so that no fact of the record is dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from knowledge_base.documents import LEGAL_NUMBER, PROCEDURE_SECTIONS, Document, DocumentError, DocumentMeta, Section
from knowledge_base.text_normalize import fold_diacritics

ORIGIN = "dichvucong"
CHANNELS = ("Trực tuyến", "Trực tiếp", "Dịch vụ bưu chính")
_CHANNEL_SPLIT = re.compile("(" + "|".join(CHANNELS) + ")")
_TIME = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s*(Ngày làm việc|Ngày|Giờ làm việc|Giờ|Tháng|Năm)?", re.IGNORECASE)
_FEE = re.compile(r"^\s*(Miễn phí|Không có thông tin|[\d][\d.,]*\s*(?:VNĐ|Việt Nam Đồng|Đồng|đồng|USD)(?:\s*\(/[^)]*\))?)")
_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_UPPER = rf"(?:TTg|[A-ZĐ](?![{_LOWER}]))"
# A legal number inside run-on text: the agency part stops before "Nghị định", "Thông tư"…, and a
# number may start right after the "QH13" of the previous one ("60/2014/QH1360/2014/QH13").
LEGAL_IN_TEXT = re.compile(rf"(?:(?<=QH\d\d)|(?<![\d/]))\d{{1,4}}/(?:\d{{4}}/)?(?:QH\d{{2}}|{_UPPER}+(?:-{_UPPER}+)*)")
_TABLE_HEADERS = (
    "Tên văn bản pháp lýMã văn bản",
    "Tên giấy tờMẫu đơn, tờ khaiSố lượng",
    "Hình thức nộpThời gianPhí, lệ phíMô tả",
)


@dataclass(frozen=True)
class ChannelTerms:
    """Time limit and fee for one way of submitting (``raw`` keeps the unparsed remainder)."""

    channel: str
    time_limit: str
    fee: str
    raw: str


def parse_channels(text: str) -> list[ChannelTerms]:
    """Parse the flattened ``cach_thuc_thuc_hien`` table into one entry per channel."""
    body = _strip_headers(text)
    parts = _CHANNEL_SPLIT.split(body)
    rows: list[ChannelTerms] = []
    for channel, rest in zip(parts[1::2], parts[2::2]):
        remainder = rest
        time_limit = ""
        match = _TIME.match(remainder)
        if match and (match.group(2) or _FEE.match(remainder[match.end() :])):
            number, unit = match.group(1), match.group(2)
            time_limit = f"{number} {unit.lower()}" if unit else f"{number} (cổng không ghi đơn vị)"
            remainder = remainder[match.end() :]
        elif remainder.startswith("Không có thông tin"):
            time_limit, remainder = "không có thông tin", remainder[len("Không có thông tin") :]
        fee_match = _FEE.match(remainder)
        fee = fee_match.group(1).strip() if fee_match else ""
        if fee_match:
            remainder = remainder[fee_match.end() :]
        if not time_limit and not fee and rows:
            # A channel word inside a description ("- Trực tiếp tại trụ sở…") is not a new row of the table.
            last = rows[-1]
            rows[-1] = ChannelTerms(last.channel, last.time_limit, last.fee, f"{last.raw} {channel}{rest}".strip())
            continue
        rows.append(ChannelTerms(channel, time_limit, fee, remainder.strip()))
    return rows


def parse_legal_basis(text: str) -> list[tuple[str, str]]:
    """(title, number) pairs from the flattened ``can_cu_phap_ly`` table."""
    body = _strip_headers(text)
    pairs: list[tuple[str, str]] = []
    position = 0
    for match in LEGAL_IN_TEXT.finditer(body):
        title = body[position : match.start()].strip(" ;,\t\n")
        pairs.append((title, match.group(0)))
        position = match.end()
    return pairs


_COUNT = re.compile(r"\d+ bản (?:chính|sao)(?:\s*[,;]\s*\d+ bản (?:chính|sao))*")
_DOSSIER_GROUP = re.compile(r"\*?\s*Giấy tờ phải (?:nộp|xuất trình)\s*:|--|Tên giấy tờMẫu đơn, tờ khaiSố lượng")


def dossier_items(text: str) -> list[str]:
    """Document names of the flattened dossier table: the text between the "N bản chính" counts."""
    pieces = _COUNT.split(_DOSSIER_GROUP.sub("\n", text))
    return [" ".join(p.strip(" -+*•:;\n").split()) for p in pieces if p.strip(" -+*•:;\n")]


def dossier_copies(text: str) -> list[tuple[str, str]]:
    """``(document, copies)`` of the flattened dossier table, e.g. ``("Tờ khai…", "1 bản chính")``."""
    body = _DOSSIER_GROUP.sub("\n", text)
    found, start = [], 0
    for match in _COUNT.finditer(body):
        name = " ".join(body[start : match.start()].strip(" -+*•:;\n").split())
        if name:
            copies = ", ".join(c for c in re.split(r"\s*[,;]\s*", match.group(0)) if not c.startswith("0 "))
            found.append((name, copies))
        start = match.end()
    tail = " ".join(body[start:].strip(" -+*•:;\n").split())
    if tail:
        found.append((tail, ""))
    return found


def _strip_headers(text: str) -> str:
    for header in _TABLE_HEADERS:
        text = text.replace(header, "\n")
    return text.strip()


def _readable(text: str) -> str:
    """Put list markers and counts of the flattened tables back on their own lines."""
    text = _strip_headers(text or "")
    text = re.sub(r"(?<!\n)(\s*)([-+*] )", r"\n\2", text)
    text = re.sub(r"(\d+ bản (?:chính|sao))", r" (\1)\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip() or "Cổng không ghi thông tin."


def _known(text: str | None) -> str:
    value = (text or "").strip()
    return "" if value in {"", "Không có thông tin"} else value


def record_to_document(record: dict, source: str, reviewed_on: dt.date) -> Document:
    """One portal record as a procedure document with the standard sections."""
    code = str(record.get("ma_thu_tuc", "")).strip()
    title = str(record.get("ten_thu_tuc", "")).strip()
    if not code or not title:
        raise DocumentError(source, 1, "record without ma_thu_tuc or ten_thu_tuc")
    laws = parse_legal_basis(record.get("can_cu_phap_ly") or "")
    numbers = list(dict.fromkeys(n for _, n in laws))
    decision = _known(record.get("so_quyet_dinh"))
    if not numbers and LEGAL_NUMBER.match(decision):
        numbers = [decision]
    channels = parse_channels(record.get("cach_thuc_thuc_hien") or "")
    field_name = _known(record.get("linh_vuc")) or "khác"
    try:
        meta = DocumentMeta(
            id="dvc-" + code.replace(".", "-"),
            title=title,
            kind="procedure",
            topic=_slug(field_name),
            legal_basis=numbers,
            procedure_code=code,
            effective_from=None,
            status="in_force",
            reviewed_on=reviewed_on,
            audience=["cong-chuc-xa", "nguoi-dan"],
            summary=f"{title} (mã {code}), lĩnh vực {field_name}, theo hồ sơ công bố trên Cổng Dịch vụ công quốc gia.",
            source_url=_known(record.get("detail_url")) or None,
        )
    except ValidationError as exc:
        raise DocumentError(source, 1, f"record {code}: {exc.errors()[0]['msg']}") from None
    law_text = "\n".join(f"- {t} ({n})" if t else f"- {n}" for t, n in laws) or _readable(record.get("can_cu_phap_ly", ""))
    if decision:
        law_text += f"\n\nThủ tục được công bố theo Quyết định {decision}."
    agencies = "; ".join(
        dict.fromkeys(a for a in (_known(record.get("co_quan_thuc_hien")), _known(record.get("co_quan_co_tham_quyen"))) if a)
    )
    bodies = {
        "Căn cứ pháp lý": law_text,
        "Cơ quan thực hiện": f"Cấp thực hiện: {record.get('cap_thuc_hien') or 'không rõ'}."
        + (f" Cơ quan: {agencies}." if agencies else ""),
        "Đối tượng": _known(record.get("doi_tuong_thuc_hien")) or "Cổng không ghi thông tin.",
        "Hồ sơ": _readable(record.get("thanh_phan_ho_so", "")),
        "Trình tự": _readable(record.get("trinh_tu_thuc_hien", "")),
        "Thời hạn giải quyết": _terms(channels, "time_limit", "Thời hạn giải quyết theo từng cách nộp"),
        "Lệ phí": _terms(channels, "fee", "Phí, lệ phí theo từng cách nộp"),
        "Nộp trực tuyến": _online(channels),
        "Lưu ý thường gặp": _notes(record),
    }
    sections = tuple(Section((name,), bodies[name], 1) for name in PROCEDURE_SECTIONS)
    return Document(meta, "", sections, source, ORIGIN)


def _terms(channels: list[ChannelTerms], attribute: str, subject: str) -> str:
    if not channels:
        return f"{subject}: cổng không ghi thông tin."
    lines = [f"{subject}:"]
    for row in channels:
        value = getattr(row, attribute) or "không có thông tin"
        extra = f" — {row.raw}" if row.raw else ""
        lines.append(f"- {row.channel}: {value}{extra}")
    return "\n".join(lines)


def _online(channels: list[ChannelTerms]) -> str:
    if any(row.channel == "Trực tuyến" for row in channels):
        return "Thủ tục này có thể nộp trực tuyến qua Cổng Dịch vụ công quốc gia."
    return "Cổng Dịch vụ công quốc gia chưa ghi nhận cách nộp trực tuyến cho thủ tục này."


def _notes(record: dict) -> str:
    parts = []
    if condition := _known(record.get("yeu_cau_dieu_kien")):
        parts.append(f"Yêu cầu, điều kiện: {condition}")
    if result := _known(record.get("ket_qua_xu_ly")):
        parts.append(f"Kết quả: {result.split('Mã:')[0].strip()}")
    return "\n\n".join(parts) or "Cổng không ghi lưu ý."


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold_diacritics(text).lower()).strip("-")
    return slug[:60].rstrip("-") or "khac"


def load_dichvucong(path: Path, reviewed_on: dt.date | None = None) -> tuple[list[Document], list[DocumentError]]:
    """Read a JSON Lines file of portal records; bad lines are reported with their line number."""
    reviewed = reviewed_on or dt.date.today()
    documents: list[Document] = []
    errors: list[DocumentError] = []
    seen: set[str] = set()
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8"))
                if not isinstance(record, dict):
                    raise DocumentError(path.name, number, "line is not a JSON object")
                document = record_to_document(record, f"{path.name}#{record.get('ma_thu_tuc', number)}", reviewed)
                if document.id in seen:
                    raise DocumentError(path.name, number, f"duplicate procedure code {document.meta.procedure_code}")
            except UnicodeDecodeError:
                errors.append(DocumentError(path.name, number, "not valid UTF-8"))
                continue
            except json.JSONDecodeError as exc:
                errors.append(DocumentError(path.name, number, f"invalid JSON: {exc.msg}"))
                continue
            except DocumentError as error:
                errors.append(DocumentError(path.name, number, error.message))
                continue
            seen.add(document.id)
            documents.append(document)
    return documents, errors

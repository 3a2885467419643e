"""``python -m eval.portal_answer_set``: an answer set generated from the portal's procedure records.

Every question asks one field of one procedure (fee, time limit, dossier, result, legal basis, conditions, agency),
sometimes for one way of submitting (online, in person, by post), phrased by one of several template families
(formal, colloquial, a citizen's message, a terse search, an official's note, a channel-specific one), a third of
them typed without diacritics. The expected facts come from the record's own fields, so the set grows with the
records and was never read while tuning the answerer.

The split is by template family *and* by record: the test split uses families and records the train split never
sees. ``test.jsonl`` is frozen (``FROZEN`` holds its hash; a test checks it): tune on ``train.jsonl`` only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path
from typing import Any

from knowledge_base.dichvucong_importer import dossier_items, parse_channels, parse_legal_basis
from knowledge_base.ingest import BUILTIN_PORTAL_RECORDS
from knowledge_base.text_normalize import fold_diacritics

OUT = Path(__file__).resolve().parent / "datasets" / "answers_portal"
CHANNEL_WORDS = {"Trực tuyến": "nộp trực tuyến", "Trực tiếp": "nộp trực tiếp", "Dịch vụ bưu chính": "gửi qua bưu điện"}
# Family -> field -> template; {p} is the procedure as people name it, {c} a way of submitting.
FAMILIES: dict[str, dict[str, str]] = {
    "formal": {
        "fee": "Lệ phí {p} là bao nhiêu?",
        "time": "Thời hạn giải quyết {p} là bao lâu?",
        "dossier": "Hồ sơ {p} gồm những giấy tờ gì?",
        "result": "Kết quả của {p} là gì?",
        "legal": "Căn cứ pháp lý của {p} là văn bản nào?",
        "condition": "Điều kiện để thực hiện {p} là gì?",
        "agency": "Cơ quan nào thực hiện {p}?",
    },
    "colloquial": {
        "fee": "làm {p} mất bao nhiêu tiền vậy",
        "time": "{p} bao lâu thì xong",
        "dossier": "{p} thì cần mang giấy tờ gì",
        "result": "làm xong {p} thì được cấp giấy gì",
        "legal": "{p} làm theo luật nào",
        "condition": "muốn {p} thì cần điều kiện gì",
        "agency": "{p} thì nộp ở cơ quan nào",
    },
    "channel": {
        "fee": "{c} {p} có mất phí không",
        "time": "{c} {p} thì mấy ngày có kết quả",
        "dossier": "{c} {p} cần chuẩn bị hồ sơ gì",
    },
    "citizen": {
        "fee": "cho em hỏi {p} thì phí hết bao nhiêu ạ",
        "time": "cho em hỏi {p} mất mấy ngày ạ",
        "dossier": "em muốn {p} thì phải chuẩn bị những gì ạ",
        "result": "em làm {p} xong thì nhận được gì ạ",
        "legal": "anh chị cho hỏi {p} căn cứ văn bản nào ạ",
        "condition": "em muốn hỏi {p} có yêu cầu điều kiện gì không ạ",
        "agency": "em làm {p} thì đến đâu ạ",
    },
    "terse": {
        "fee": "{p} lệ phí",
        "time": "{p} thời gian giải quyết",
        "dossier": "{p} thành phần hồ sơ",
        "result": "{p} kết quả",
        "legal": "{p} căn cứ",
        "condition": "{p} yêu cầu điều kiện",
        "agency": "{p} cơ quan thực hiện",
    },
    "official": {
        "fee": "Người dân hỏi {p} có thu lệ phí không, mức thu thế nào?",
        "time": "Tiếp nhận hồ sơ {p} thì hẹn trả kết quả sau bao lâu?",
        "dossier": "Khi tiếp nhận {p}, cần kiểm tra những giấy tờ nào trong hồ sơ?",
        "result": "Giải quyết xong {p} thì trả cho người dân kết quả gì?",
        "legal": "Khi hướng dẫn {p}, nên dẫn văn bản pháp lý nào?",
        "condition": "Thực hiện {p} cần đáp ứng yêu cầu, điều kiện gì?",
        "agency": "{p} do cơ quan nào giải quyết?",
    },
}
TEST_FAMILIES = ("citizen", "official")
TRAIN_FAMILIES = ("formal", "colloquial", "channel", "terse")
_DANGLING = {"để", "cho", "của", "đối", "với", "và", "theo", "tại", "các", "có", "hoặc", "trong", "về", "do", "thuộc"}
_UNIT = {"ngày làm việc": "ngày làm việc", "ngày": "ngày", "giờ làm việc": "giờ", "giờ": "giờ", "tháng": "tháng", "năm": "năm"}


def procedure_name(title: str) -> str:
    """The procedure as people name it: without "Thủ tục", cut at the first ";" or "(", at most 12 words."""
    name = re.sub(r"^(thủ tục hành chính|thủ tục)\s+", "", title.strip(), flags=re.IGNORECASE)
    name = re.split(r"[;(]", name)[0]
    words = name.replace(",", " , ").split()[:12]
    while words and (words[-1] in _DANGLING or words[-1] == ","):  # "…để sản xuất, để" reads cut off
        words.pop()
    name = " ".join(words).replace(" , ", ", ").rstrip(" ,.")
    return name[0].lower() + name[1:] if name else name


def _phrase(text: str, words: int = 4) -> str:
    """The first ``words`` words of a field, as a fact an answer quoting the field contains."""
    text = re.sub(r"^[\s\-+*•\d.)]+", "", text.split("\n")[0])
    return " ".join(text.split()[:words]).rstrip(" ,.;:")


def _known(value: Any) -> str:
    text = str(value or "").strip()
    return "" if text in {"", "Không có thông tin"} else text


def _fee_fact(fee: str) -> list[str] | None:
    if not fee or fee.lower() == "không có thông tin":
        return None
    if fee.lower().startswith("miễn"):
        return ["miễn phí", "miễn lệ phí", "không mất phí", "không thu"]
    number = re.match(r"[\d.,]+", fee)
    if not number:
        return None
    digits = number.group(0).rstrip(".,")
    return list(dict.fromkeys([digits, digits.replace(",", "."), digits.replace(".", ",")]))


def _time_fact(limit: str) -> list[str] | None:
    match = re.match(r"(\d+(?:[.,]\d+)?) (.+)", limit)
    if not match or match.group(2) not in _UNIT:
        return None
    number, unit = match.group(1), _UNIT[match.group(2)]
    forms = [f"{number} {unit}"]
    if number.isdigit() and len(number) == 1:
        forms.append(f"0{number} {unit}")
    return forms


def facts_for(record: dict[str, Any], field: str, channel: str | None) -> list[list[str]] | None:
    """Expected facts (alternatives each) for ``field`` of ``record``; None when the record does not say."""
    rows = parse_channels(record.get("cach_thuc_thuc_hien") or "")
    if channel:
        rows = [r for r in rows if r.channel == channel]
    if field in ("fee", "time"):
        found = [(_fee_fact(r.fee) if field == "fee" else _time_fact(r.time_limit)) for r in rows]
        distinct = list({tuple(f): f for f in found if f}.values())
        return distinct[:2] or None
    if field == "dossier":
        items = [_phrase(item) for item in dossier_items(record.get("thanh_phan_ho_so") or "")]
        return [[item] for item in items if len(item.split()) >= 3][:2] or None
    if field == "result":
        result = _known(record.get("ket_qua_xu_ly")).split("Mã:")[0].strip()
        return [[_phrase(result)]] if len(result.split()) >= 2 else None
    if field == "legal":
        laws = parse_legal_basis(record.get("can_cu_phap_ly") or "")
        return [[laws[0][1]]] if laws else None
    if field == "condition":
        condition = _known(record.get("yeu_cau_dieu_kien"))
        return [[_phrase(condition, 5)]] if len(condition.split()) >= 5 else None
    if field == "agency":
        agency = _known(record.get("co_quan_thuc_hien"))
        return [[_phrase(agency)]] if len(agency.split()) >= 2 else None
    raise ValueError(field)


def _pick(key: str, options: list[Any]) -> Any:
    return options[int(hashlib.sha256(key.encode()).hexdigest(), 16) % len(options)]


def generate(records: list[dict[str, Any]], families: tuple[str, ...], parity: int, per_record: int = 2) -> list[dict]:
    """Questions on the records at positions of ``parity``, phrased by ``families``."""
    rows: list[dict] = []
    for number, record in enumerate(records):
        if number % 2 != parity:
            continue
        code, title = str(record.get("ma_thu_tuc", "")), str(record.get("ten_thu_tuc", ""))
        name = procedure_name(title)
        fields = ["fee", "time", "dossier", "result", "legal", "condition", "agency"]
        made = 0
        for attempt in range(len(fields) * 2):
            if made == per_record:
                break
            family = _pick(f"{code}:{attempt}:family", list(families))
            field = _pick(f"{code}:{attempt}:field", [f for f in fields if f in FAMILIES[family]])
            channel = None
            if family == "channel":
                channels = [r.channel for r in parse_channels(record.get("cach_thuc_thuc_hien") or "")]
                if not channels:
                    continue
                channel = _pick(f"{code}:{attempt}:channel", channels)
            facts = facts_for(record, field, channel)
            if not facts or any(r["field"] == field and r["procedure_code"] == code for r in rows):
                continue
            question = FAMILIES[family][field].format(p=name, c=CHANNEL_WORDS.get(channel or "", ""))
            question = question[0].upper() + question[1:] if family in ("formal", "official") else question
            if _pick(f"{code}:{attempt}:fold", [0, 1, 2]) == 0:  # a third typed without diacritics
                question = fold_diacritics(question)
            rows.append({"id": f"pa-{code}-{field}", "question": question, "kind": "answerable", "expected_facts": facts,
                         "field": field, "family": family, "channel": channel, "procedure_code": code,
                         "relevant_ids": ["dvc-" + code.replace(".", "-")]})  # fmt: skip
            made += 1
    return rows


def read_records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=Path, default=BUILTIN_PORTAL_RECORDS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--write-test", action="store_true", help="also (re)write the frozen test split: once only")
    args = parser.parse_args(argv)
    records = read_records(args.records)
    args.out.mkdir(parents=True, exist_ok=True)
    splits = {"train": generate(records, TRAIN_FAMILIES, parity=0)}
    if args.write_test:
        splits["test"] = generate(records, TEST_FAMILIES, parity=1)
    for name, rows in splits.items():
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} câu hỏi")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""``python -m eval.out_of_scope_set``: questions no commune document answers, for the "not covered" decision.

Subjects (everyday life, markets, health, entertainment, technology, other countries' affairs, schoolwork) times
template families (a question, a request, a terse search typed without diacritics, a chatty message). The split is by
subject *and* by family: the test split's subjects and phrasings never occur in the train split. ``test.jsonl`` is
frozen (``FROZEN``); the coverage model is trained on ``train.jsonl`` only.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from knowledge_base.text_normalize import fold_diacritics

OUT = Path(__file__).resolve().parent / "datasets" / "out_of_scope"
SUBJECTS = (
    "dự báo thời tiết cuối tuần ở Đà Nẵng",
    "kết quả trận bóng đá tối qua",
    "giá vàng nhẫn hôm nay",
    "cách nấu canh chua cá lóc",
    "cách chữa ho cho trẻ nhỏ tại nhà",
    "lịch chiếu phim ở rạp gần nhất",
    "cách tăng cơ cho người gầy",
    "mua điện thoại Samsung hay iPhone",
    "cách sửa máy giặt không vắt",
    "giá cổ phiếu ngân hàng tuần tới",
    "tỷ giá yên Nhật hôm nay",
    "đi du lịch Phú Quốc mùa nào đẹp",
    "cách trồng hoa hồng trong chậu",
    "bài hát đang thịnh hành trên mạng",
    "cách luyện thi IELTS 7.0",
    "xin học bổng du học Úc",
    "thủ tục nhập cảnh vào Hàn Quốc",
    "cách nuôi chó Phốc sóc",
    "chữa mất ngủ bằng thảo dược",
    "công thức pha cà phê muối",
    "mẹo tiết kiệm xăng khi đi xe máy",
    "giải bài toán hình học lớp 9",
    "viết bài văn tả cảnh mùa thu",
    "cách chơi cờ vua giỏi",
    "trang phục đi đám cưới mùa đông",
    "món quà sinh nhật cho bạn gái",
    "cách làm bánh trung thu nhân thập cẩm",
    "lãi suất vay mua ô tô",
    "chọn máy lọc không khí cho phòng ngủ",
    "cách giặt áo len không bị co",
    "đội nào vô địch giải bóng rổ Mỹ",
    "đặt vé máy bay giá rẻ đi Singapore",
    "luật giao thông ở Nhật Bản",
    "bầu cử quốc hội ở Anh",
    "cách câu cá rô đồng",
    "tập yoga giảm đau lưng",
    "giá thuê căn hộ ở Thủ Đức",
    "cách cài Windows lên máy tính",
    "mẹo chụp ảnh đẹp bằng điện thoại",
    "truyện cổ tích cho bé trước giờ ngủ",
    "cách trị mụn trứng cá",
    "nên uống vitamin gì mỗi ngày",
    "kinh nghiệm nuôi tôm thẻ chân trắng",
    "cách bắt chuyện với người lạ",
    "tên con trai hay năm nay",
    "xem ngày tốt để cưới hỏi",
    "cách đánh răng đúng cho trẻ",
    "mua bảo hiểm nhân thọ loại nào",
    "làm sao để ngủ dậy sớm",
    "cách làm sữa chua dẻo",
    "hướng dẫn chơi đàn guitar cơ bản",
    "phim hoạt hình hay cho thiếu nhi",
    "cách giữ rau tươi lâu trong tủ lạnh",
    "giá xe máy điện mới nhất",
    "kinh nghiệm leo núi Fansipan",
    "cách viết thư xin việc bằng tiếng Anh",
    "chế độ ăn cho người tiểu đường",
    "mẹo học thuộc bài nhanh",
    "cách phối đồ cho người thấp",
    "ai là người giàu nhất thế giới",
)
FAMILIES = {
    "question": ("Cho tôi hỏi {s} thế nào?", "Anh chị biết {s} không?"),
    "request": ("Hướng dẫn giúp tôi về {s}.", "Tư vấn cho tôi {s} với."),
    "terse": ("{s}", "{s} la gi"),
    "chatty": ("ad ơi em muốn biết {s} ạ", "mọi người ơi cho em hỏi {s} với"),
}
TRAIN_FAMILIES, TEST_FAMILIES = ("question", "terse"), ("request", "chatty")


def generate(families: tuple[str, ...], parity: int) -> list[dict]:
    rows = []
    for number, subject in enumerate(SUBJECTS):
        if number % 2 != parity:
            continue
        for family in families:
            for variant, template in enumerate(FAMILIES[family]):
                question = template.format(s=subject)
                if family == "terse":  # typed without diacritics
                    question = fold_diacritics(question)
                rows.append({"id": f"oos-{number:02d}-{family}-{variant}", "question": question, "kind": "out_of_scope",
                             "family": family})  # fmt: skip
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--write-test", action="store_true", help="also (re)write the frozen test split: once only")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    splits = {"train": generate(TRAIN_FAMILIES, 0)}
    if args.write_test:
        splits["test"] = generate(TEST_FAMILIES, 1)
    for name, rows in splits.items():
        with (args.out / f"{name}.jsonl").open("w", encoding="utf-8") as handle:
            for row in rows:
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: {len(rows)} câu hỏi")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

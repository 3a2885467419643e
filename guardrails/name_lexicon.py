"""Word lists the person-name model reads: family names, given names, public names and cue words.

Family names come from ``data/surnames.txt`` plus the minority family names and clan names below
(Mông, Thái, Gia Rai…); given names from ``data/given_names.txt``; public names (places, famous
people) from ``data/public_names.txt`` and ``data/name_public_extra.txt``. Every lookup works on
the accented lower-case form when the word has diacritics and on the form without them otherwise
(``lookup``), so "Nguyen", "nguyễn" and "NGUYỄN" are one family name while "bác" (uncle) is not
"Bạc" (a Thái family name): only the unaccented "bac" is both.
"""

from __future__ import annotations

from pathlib import Path

from guardrails.normalizer import fold

_DATA = Path(__file__).resolve().parent / "data"


def _words(text: str, sep: str | None = None) -> list[str]:
    """A word list written as one string (easier to read and edit than a list of literals)."""
    return text.split(sep)


def _lines(name: str) -> list[str]:
    text = (_DATA / name).read_text(encoding="utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")]


# Family names of minorities that surnames.txt lacks: Mông, Thái, Dao, Gia Rai, Khmer, and a few rare Kinh.
_EXTRA_SURNAMES = (
    "Giàng", "Sùng", "Vàng", "Lầu", "Thào", "Mùa", "Hờ", "Sình", "Tráng", "Vừ", "Cầm", "Lường", "Điêu", "Bạc",
    "Puih", "Rcom", "Rmah", "Kpă", "Kpuih", "Ma", "Bàn", "Tẩn", "Chảo", "Đèo", "Tòng", "Kha", "Tôn", "Lữ",
    "Ngụy", "Đậu", "Bồ", "Thiều", "Ôn", "Nhan", "Hầu", "Vi", "Lò", "Mông", "Ksor", "Siu", "Nay", "Rơ",
)  # fmt: skip
# Family names that are also everyday words ("lê" pear, "mai" tomorrow, "hồ" lake): weak evidence alone.
_WORDLIKE_SURNAMES = (
    "lê", "mai", "hà", "hồ", "cao", "tô", "đào", "lý", "la", "văn", "thái", "sơn", "kim", "giang", "châu", "chu",
    "đồng", "lâm", "ninh", "quan", "phí", "từ", "lương", "trình", "trang", "tăng", "lại", "ông", "thân", "trà",
    "vàng", "mùa", "bạc", "ma", "đoàn", "hàn", "yên", "danh", "y", "thị", "phó", "hạ", "mã", "tiêu", "âu", "úc",
    "quách", "giáp", "ứng", "mẫn", "lều", "hầu", "lục", "cấn", "đới", "khúc", "kiều", "triệu", "lò", "bàn", "tôn",
)  # fmt: skip
# Prefixes of Ê Đê and Gia Rai names: "Y Bhin Niê", "H'Lim Byă".
ETHNIC_PREFIXES = ("y",)
# Middle names that mark a Kinh name by themselves.
MARKER_MIDDLES = frozenset({"van", "thi"})
COMMON_MIDDLES = frozenset(
    fold(w)
    for w in _words(
        "Đức Hữu Minh Quốc Thanh Xuân Công Đình Trọng Ngọc Quang Gia Bảo Thế Mạnh Kim Hồng Thu Phương Thùy Bích Diệu "
        "Khánh Như Quỳnh Tuyết Anh Bá Chí Khắc Hải Mai Hoàng Tuấn Việt Duy Tiến Nhật Phước Mỹ Thảo Hoài Cẩm Tường Lan"
    )
)

_SURNAMES = [s for s in (*_lines("surnames.txt"), *_EXTRA_SURNAMES) if " " not in s and "'" not in s]
SURNAME_EXACT = frozenset(s.lower() for s in _SURNAMES)
SURNAME_FOLD = frozenset(fold(s) for s in _SURNAMES)
WORDLIKE_SURNAMES = frozenset(fold(s) for s in _WORDLIKE_SURNAMES)
_TOP_SURNAMES = "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đinh Trương Đoàn Trịnh"
TOP_SURNAMES = frozenset(fold(s) for s in _TOP_SURNAMES.split())

_GIVEN = _lines("given_names.txt")
GIVEN_EXACT = frozenset(g.lower() for g in _GIVEN)
GIVEN_FOLD = frozenset(fold(g) for g in _GIVEN)

_PUBLIC = [*_lines("public_names.txt"), *_lines("name_public_extra.txt")]
PUBLIC_EXACT = frozenset(p.lower() for p in _PUBLIC)
PUBLIC_FOLD = frozenset(fold(p) for p in _PUBLIC)


def lookup(lower: str, folded: str, exact: frozenset[str], unaccented: frozenset[str]) -> bool:
    """Whether a word (its lower case and folded forms) is in a list, by its diacritics if it has any."""
    return folded in unaccented if lower == folded else lower in exact


# Common words that follow a name ("anh An đã nộp") and never end one; a given name that is also
# such a word ("Được") is read as the word when it closes a lower-case run.
FUNCTION_WORDS = frozenset(
    _words("""được là và có đã sẽ ở của cho nhé nha ơi ạ đi về đến lên xuống xin hỏi nộp đề cần muốn bị vừa đang chưa không
    từ với thì mà năm sinh theo làm nhận gửi ký báo đứng vắng cùng hay nói gọi mang tới ra vào trực phụ dạy bán học
    tên tại trú hiện thường nay hôm sáng chiều tối nhờ thuộc giữ xác giao chủ các những này kia đó rồi
    nhưng nên vì còn lại""")
)
FUNCTION_FOLD = frozenset(fold(w) for w in FUNCTION_WORDS)
# Words that are never part of a name: a run of capitalised words stops before them ("Phí Và Lệ Phí").
STOP_WORDS = frozenset(_words("và với của cho là thì mà nha nhé ơi ạ hoặc hay các những"))
# Everyday words spelt like a family name and a given name ("Quan Trọng:", "Đồng Ý", "Y Tế").
COMPOUND_WORDS = frozenset(
    fold(w)
    for w in _words(
        "quan trọng|quan tâm|quan hệ|quan sát|quan điểm|tăng cường|tăng trưởng|đồng ý|đồng thời|đồng bộ|đồng bằng|"
        "lý do|lý lịch|văn hóa|văn bản|văn phòng|văn minh|thái độ|thân nhân|thân thiện|kim ngạch|cao điểm|cao cấp|"
        "lương hưu|hạ tầng|trình tự|trình độ|y tế|an ninh|an toàn|đào tạo|đoàn kết|mai táng|lâm sàng|lâm nghiệp|"
        "hoàng hôn|châu á|tôn trọng|từ thiện|phí dịch|trang chủ|trang trại|giang sơn|hà khắc|kiều bào|mạc treo|"
        "thạch cao|sơn hà|lại quả|ông bà|bạch đàn|phó chủ|nông nghiệp|nông thôn|nông dân|lò sưởi|vi phạm|vi bằng|"
        "viên chức|từ ngày|trà xanh|đàm phán|đàm thoại|giáp ranh|cù lao|khúc mắc|lục tục",
        "|",
    )
)

# Cue words before a name, by what they say about it. Matched on the few words before a candidate,
# accented against accented text and folded against text typed without diacritics.
CUES: dict[str, tuple[str, ...]] = {
    "kin": (
        "ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ", "thím", "mợ", "dì", "bé", "thầy", "dượng",
        "vợ", "chồng", "con", "mẹ", "bố", "cha", "ông bà", "vợ chồng", "già làng", "bạn",
    ),
    "formal": (
        "đồng chí", "đ/c", "bệnh nhân", "người bệnh", "công dân", "hộ ông", "hộ bà", "hộ", "tên là", "tôi là", "em là",
        "mình là", "tôi,", "họ tên", "họ và tên", "tên", "người nhận", "người khai", "người yêu cầu", "người nộp",
        "chủ hộ", "cán bộ", "giáo viên", "bác sĩ", "học sinh", "sinh viên", "người làm chứng", "người ký", "tổ trưởng",
        "trưởng thôn", "trưởng bản", "nhắn", "gọi", "gọi cho", "của", "cho", "gồm", "giao", "đề nghị", "kính gửi", "gửi",
    ),
    "english": (
        "mr", "mrs", "ms", "miss", "dr", "dear", "hi", "hello", "thanks", "thank you", "cc", "ping", "fyi", "call",
        "contact", "owner", "customer", "from", "to", "with", "assigned to", "person", "@",
    ),
    "place": (
        "đường", "phố", "phường", "xã", "thôn", "xóm", "ấp", "bản", "buôn", "làng", "huyện", "quận", "tỉnh", "thành phố",
        "tp", "thị xã", "thị trấn", "trường", "thcs", "thpt", "tiểu học", "mầm non", "cầu", "chợ", "bệnh viện",
        "công viên", "ngõ", "hẻm", "kiệt", "khu", "khu phố", "đại lộ", "quảng trường", "đền", "đền thờ", "chùa", "tượng đài",
        "di tích", "khu di tích", "sông", "núi", "hồ", "giải", "giải thưởng", "cúp", "ngã tư", "tuyến", "tuyến đường",
        "nhà văn hóa", "số", "góc",
    ),
    "agency": (
        "sở", "bộ", "cục", "chi cục", "ban", "phòng", "viện", "hội", "đoàn", "ủy ban", "ubnd", "hđnd", "công ty",
        "ngân hàng", "kho bạc", "trung tâm", "văn phòng", "nghị định", "thông tư", "quyết định", "luật", "công văn",
        "tnhh", "cổ phần", "hợp tác xã", "tập đoàn",
    ),
    "history": (
        "chủ tịch", "thủ tướng", "tổng bí thư", "vua", "đại tướng", "tướng", "nhà thơ", "nhà văn", "anh hùng",
        "chiến sĩ", "liệt sĩ", "tác giả", "danh nhân", "lăng", "tư tưởng", "tác phẩm", "tấm gương", "đại thi hào",
        "nữ tướng", "về", "của bác",
    ),
}  # fmt: skip
# Single cue words and two-word cues (folded), kept as word features; other neighbouring words
# are left out so that the weights do not learn one template's wording.
CUE_WORDS = frozenset(fold(w) for words in CUES.values() for w in words if " " not in w)
CUE_PAIRS = frozenset(fold(w).replace(" ", "_") for words in CUES.values() for w in words if w.count(" ") == 1)

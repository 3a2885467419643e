"""Sensitive personal data in the sense of Nghị định 13/2023/NĐ-CP (health, religion, political views,
ethnic origin, biometrics, sex life, criminal records, financial details).

The words alone are not personal data ("người theo đạo Công giáo có được làm trưởng thôn không?"):
matches score low here and the guard raises them when the message also identifies a person.
"""

from __future__ import annotations

from guardrails.recognizers.base import folded
from guardrails.recognizers.keyword_recognizer import KeywordRecognizer

TIED_SCORE = 0.85


# Folded words that collide with common words once the marks are gone: "nhiễm" (infected) and
# "nhiệm" (trách nhiệm), "bệnh" and "bênh" (bênh vực), "lương" (salary) and "lượng" (số lượng).
_ACCENTED = {"nhiem": "nhiễm", "benh": "bệnh", "luong": "lương", "liet": "liệt", "lao phoi": "lao phổi", "an tu": "án tù"}


# English words that fold onto Vietnamese ones.
_ENGLISH = frozenset(("owes", "affair", "salary", "rehab", "arrested"))


class SensitiveDataRecognizer(KeywordRecognizer):
    BASE_SCORE = 0.35

    def score(self, text: str, entity: str, start: int, end: int) -> float:
        written = text[start:end].lower()
        folded_word = folded(text)[start:end]
        # "bệnh viện" (hospital), "bệnh nhân" in general: a place or a role, not someone's condition.
        if folded_word == "benh" and folded(text)[end : end + 5] in (" vien", " nhan"):
            return 0.0
        if folded_word == "nhiem" and folded(text)[end : end + 3] in (" ky", " vu"):
            return 0.0  # "nhiệm kỳ", "nhiệm vụ" typed without diacritics
        # Text typed with marks must carry the right ones; unaccented text is taken as it comes.
        if folded_word in _ACCENTED and written != folded_word and written != _ACCENTED[folded_word]:
            return 0.0
        if folded_word in _ENGLISH and written != folded_word:
            return 0.0  # an English word is written without marks; with them it is a Vietnamese word
        return self.BASE_SCORE

    PHRASES = {
        "HEALTH": (
            "hiv-positive", "mental illness", "mental health", "hepatitis", "addicted", "addiction", "rehab", "diagnosed", "hospitalised", "hospitalized", "chemotherapy", "disability", "paralysed", "paralyzed", "autism", "autistic",
            "hiv", "aids", "arv", "ung thu", "benh an", "chan doan", "tam than", "tram cam", "roi loan", "giang mai",
            "lao phoi", "viem gan", "nghien", "cai nghien", "methadone", "dieu tri", "nhiem", "mang thai", "pha thai",
            "vo sinh", "khuyet tat", "dong kinh", "tieu duong", "dot quy", "suy than", "chay than", "benh nhan",
            "ho so benh", "ket qua xet nghiem", "xet nghiem", "tiem chung", "covid", "benh", "om nang", "liet",
            "tu ky", "dialysis", "cancer", "schizophrenia", "diabetes", "depression", "pregnant", "hiv positive",
            "stroke", "dementia", "alzheimer", "disabled", "tuberculosis",
        ),
        "RELIGION": ("catholic", "buddhist", "church", "mosque", "protestant", "muslim", "religion", "religious", "theo dao", "ton giao", "cong giao", "phat giao", "tin lanh", "cao dai", "hoa hao", "hoi giao", "theo dao", "linh muc", "muc su", "nha su", "xung toi"),
        "POLITICS": ("political views", "dissident", "party member", "party discipline", "protester", "quan diem chinh tri", "chong doi", "chong pha", "phan dong", "bieu tinh", "dang vien", "ky luat dang", "khai tru", "to chuc phan dong", "dan chu cuoi"),
        "ETHNICITY": ("ethnic minority", "ethnicity", "hmong", "khmer", "dan toc", "nguoi kinh", "nguoi tay", "nguoi thai", "nguoi h'mong", "nguoi hmong", "nguoi mong", "nguoi dao", "nguoi khmer", "nguoi hoa", "nguoi nung", "nguoi muong", "nguoi ede", "nguoi gia rai", "nguoi cham"),
        "BIOMETRIC": ("van tay", "mong mat", "khuon mat", "sinh trac", "adn", "dna", "giong noi", "anh chan dung"),
        "SEX_LIFE": ("lesbian", "transgender", "sexual orientation", "affair", "dong tinh", "xu huong tinh duc", "quan he tinh duc", "tinh duc", "ngoai tinh", "chuyen gioi", "lgbt", "dong tinh nam", "dong tinh nu"),
        "CRIMINAL_RECORD": ("criminal record", "convicted", "in prison", "in jail", "served time", "on probation", "arrested", "wanted by police", "tien an", "tien su", "an tu", "ket an", "pham toi", "phat tu", "an treo", "cai tao", "truy na", "vi pham hanh chinh", "bi bat", "tam giam", "ly lich tu phap", "chap hanh xong"),
        "FINANCIAL": ("bad debt", "in debt", "foreclosure", "bankrupt", "bankruptcy", "evicted", "owes", "overdue loan", "bank balance", "credit history", "monthly income", "salary", "no xau", "so du", "khoan vay", "no vay", "thu nhap", "luong", "tien gui", "cam co", "the chap", "vo no", "no tin dung", "lich su tin dung", "cic"),
    }  # fmt: skip

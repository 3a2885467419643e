"""What a detector found, and the categories the policy decides on."""

from __future__ import annotations

from dataclasses import dataclass

PERSONAL_DATA = "personal_data"
SENSITIVE_PERSONAL_DATA = "sensitive_personal_data"
STATE_SECRET = "state_secret"
INTERNAL_DOCUMENT = "internal_document"
CREDENTIAL = "credential"
PROMPT_INJECTION = "prompt_injection"
CATEGORIES = (PERSONAL_DATA, SENSITIVE_PERSONAL_DATA, STATE_SECRET, INTERNAL_DOCUMENT, CREDENTIAL, PROMPT_INJECTION)

ENTITY_CATEGORY: dict[str, str] = {
    **{
        e: PERSONAL_DATA
        for e in (
            "CCCD", "CMND", "PHONE", "EMAIL", "BANK_ACCOUNT", "CARD", "TAX_CODE", "BHXH", "BHYT",
            "PASSPORT", "PLATE", "DRIVING_LICENCE", "DOB", "IP", "PERSON", "ADDRESS",
        )
    },
    **{
        e: SENSITIVE_PERSONAL_DATA
        for e in ("HEALTH", "RELIGION", "POLITICS", "ETHNICITY", "BIOMETRIC", "SEX_LIFE", "CRIMINAL_RECORD", "FINANCIAL")
    },
    "SECRET_MARKING": STATE_SECRET,
    "INTERNAL_MARKING": INTERNAL_DOCUMENT,
    "SECRET_CONTENT": STATE_SECRET,
    "INTERNAL_CONTENT": INTERNAL_DOCUMENT,
    "SENSITIVE_ABOUT_PERSON": SENSITIVE_PERSONAL_DATA,
    **{e: CREDENTIAL for e in ("PASSWORD", "OTP", "API_KEY")},
    "INJECTION": PROMPT_INJECTION,
    "INJECTION_CONTENT": PROMPT_INJECTION,
}  # fmt: skip

# What the learned layer reports for a whole message, by category.
LEARNED_ENTITY = {
    STATE_SECRET: "SECRET_CONTENT",
    INTERNAL_DOCUMENT: "INTERNAL_CONTENT",
    SENSITIVE_PERSONAL_DATA: "SENSITIVE_ABOUT_PERSON",
    PROMPT_INJECTION: "INJECTION_CONTENT",
}
WHOLE_MESSAGE_ENTITIES = frozenset(LEARNED_ENTITY.values())

# The mask written in place of each entity in redacted text.
ENTITY_MASK: dict[str, str] = {
    "CCCD": "<CCCD>", "CMND": "<CMND>", "PHONE": "<SĐT>", "EMAIL": "<EMAIL>", "BANK_ACCOUNT": "<SỐ_TÀI_KHOẢN>",
    "CARD": "<SỐ_THẺ>", "TAX_CODE": "<MÃ_SỐ_THUẾ>", "BHXH": "<MÃ_BHXH>", "BHYT": "<MÃ_BHYT>",
    "PASSPORT": "<HỘ_CHIẾU>", "PLATE": "<BIỂN_SỐ>", "DRIVING_LICENCE": "<GPLX>", "DOB": "<NGÀY_SINH>",
    "IP": "<ĐỊA_CHỈ_IP>", "PERSON": "<HỌ_TÊN>", "ADDRESS": "<ĐỊA_CHỈ>", "HEALTH": "<SỨC_KHỎE>",
    "RELIGION": "<TÔN_GIÁO>", "POLITICS": "<CHÍNH_TRỊ>", "ETHNICITY": "<DÂN_TỘC>", "BIOMETRIC": "<SINH_TRẮC>",
    "SEX_LIFE": "<ĐỜI_TƯ>", "CRIMINAL_RECORD": "<TIỀN_ÁN>", "FINANCIAL": "<TÀI_CHÍNH>",
    "SECRET_MARKING": "<ĐỘ_MẬT>", "INTERNAL_MARKING": "<NỘI_BỘ>", "PASSWORD": "<MẬT_KHẨU>", "OTP": "<MÃ_OTP>",
    "API_KEY": "<KHÓA_API>", "INJECTION": "<CHỈ_DẪN_LẠ>", "NUMBER": "<DÃY_SỐ>",
    "SECRET_CONTENT": "<NỘI_DUNG_MẬT>", "INTERNAL_CONTENT": "<NỘI_DUNG_NỘI_BỘ>",
    "SENSITIVE_ABOUT_PERSON": "<THÔNG_TIN_NHẠY_CẢM>", "INJECTION_CONTENT": "<CHỈ_DẪN_LẠ>",
}  # fmt: skip


@dataclass(frozen=True)
class Finding:
    """One detected value: where it is in the original text and how sure the recognizer is."""

    category: str
    entity_type: str
    start: int
    end: int
    score: float
    recognizer: str

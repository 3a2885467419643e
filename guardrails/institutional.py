"""Contact details of an office, not of a person: "điện thoại trụ sở UBND xã: 0203 3835 634",
"vanthu@hungyen.gov.vn", "mã số thuế đơn vị". Publishing them is the office's job; they identify
no one. A person's own details next to the same words stay personal ("SĐT của chị Hoa ở UBND").
"""

from __future__ import annotations

import re

from guardrails.normalizer import has_marks
from guardrails.recognizers.base import folded

# Words before a value that make it an office's.
_OFFICE_BEFORE = re.compile(
    r"(?<![a-z])(tru so|ubnd|uy ban|van phong|co quan|don vi|bo phan|mot cua|duong day nong|hotline|tong dai|"
    r"dau moi|tiep cong dan|hanh chinh cong|ten co quan|noi nhan|cong an xa|tram y te|truong|hdnd|"
    r"ban chi huy|quan su|hoi dong|ban quan ly|phong van hoa|phong kinh te|hoi nong dan|hoi phu nu|doan thanh nien|"
    r"hoi cuu chien binh|mat tran|mttq|hop tac xa|"
    # On duty and emergency lines: "trực xã 0236 …", "số khẩn cấp: cứu hỏa 114, …".
    r"truc xa|truc ban|thuong truc|so khan cap|khan cap|cuu hoa|cap cuu|cuu nan|phong chay|"
    # The same in English: "Commune People's Committee – contact details … Duty phone: …".
    r"office|committee|duty phone|duty line|on duty|reception|front desk|contact details|police station|"
    r"health station|emergency)(?![a-z])"
)
# Words that make it a person's after all; with diacritics when the message has them ("xã Bắc Lâm" is no "bác").
_PERSON_NEAR = re.compile(r"(?<![a-z])(anh|chi|ong|ba|em|e|co|chu|bac|cua toi|cua em|ca nhan|rieng|nha)(?![a-z])")
_PERSON_NEAR_MARKED = re.compile(r"(?<!\w)(anh|chị|ông|bà|em|e|cô|chú|bác|của tôi|của em|cá nhân|riêng|nhà)(?!\w)", re.IGNORECASE)
_INSTITUTIONAL_DOMAIN = re.compile(r"@[\w.-]*\.(gov|edu|org)\.vn\b")
# A mailbox named after an office ("hoinongdan.phukhanh@gmail.com", "ubnd.xa@…", "vanthu@…").
_OFFICE_MAILBOX = re.compile(
    r"^(ubnd|vanthu|vanphong|vp|hoinongdan|hoiphunu|doanthanhnien|dtn|mttq|tiepdan|motcua|bophanmotcua|congan|tramyte|"
    r"hoicuuchienbinh|hoinguoicaotuoi|hoptacxa|truong)[._-]?[a-z0-9._-]*@"
)
_OWNED_AFTER = re.compile(
    r"[\s(,:-]{0,4}(of )?(our|the) (office|commune|ward|agency|unit)|"
    r"[\s(,:-]{0,4}(cua|thuoc) (xa|phuong|co quan|don vi|ubnd|uy ban)(?![a-z])"
)
CONTACTS = frozenset({"PHONE", "EMAIL", "TAX_CODE", "BANK_ACCOUNT"})


def institutional(text: str, value: str, start: int) -> bool:
    """Whether the contact ``value`` found at ``start`` of ``text`` belongs to an office.

    A landline (02…) is read against the whole form it sits in ("Tên cơ quan: … Điện thoại: …");
    a mobile number only against the words just before it.
    """
    folded_text = folded(text)
    if _INSTITUTIONAL_DOMAIN.search(value.lower()) or _OFFICE_MAILBOX.match(value.lower()):
        return True
    # Owned by the office, said just after it: "9001539993 (our office's)", "… của xã", "… của cơ quan".
    if _OWNED_AFTER.match(folded_text, start + len(value)):
        return True
    digits = re.sub(r"\D", "", value)
    # A landline or a tax code is read against the whole form; other values against their sentence.
    long_reach = digits.startswith(("02", "842")) or (len(digits) in (10, 13) and "@" not in value and not digits.startswith("0"))
    window = folded_text[max(0, start - (250 if long_reach else 50)) : start]
    if not _OFFICE_BEFORE.search(window):
        return False
    # "SĐT của chị Hoa ở UBND: 09…" is hers: a person named near the value (anywhere before a
    # mobile number, which offices rarely publish; just before a landline, which they do).
    mobile = re.fullmatch(r"(0|84)[35789]\d{8}", re.sub(r"\D", "", value)) is not None
    reach = len(window) if mobile else 25
    written = text[max(0, start - reach) : start]
    if has_marks(written):
        offset = max(0, start - reach)
        return all(_in_proper_name(text, offset + m.start()) for m in _PERSON_NEAR_MARKED.finditer(written))
    return not _PERSON_NEAR.search(window[-reach:])


def _in_proper_name(text: str, start: int) -> bool:
    """A capitalised word after another capitalised one is part of a name: "đường Hai Bà Trưng"."""
    before = text[:start].split()[-1:]
    return text[start].isupper() and bool(before) and before[0][:1].isupper()

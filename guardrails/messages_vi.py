"""Vietnamese messages of the guardrail, in one place for review."""

CATEGORY_NAMES = {
    "personal_data": "dữ liệu cá nhân",
    "sensitive_personal_data": "dữ liệu cá nhân nhạy cảm",
    "state_secret": "thông tin có dấu hiệu bí mật nhà nước",
    "internal_document": "tài liệu nội bộ, không phổ biến",
    "credential": "mật khẩu, mã OTP hoặc khóa truy cập",
    "prompt_injection": "câu lệnh tìm cách vượt qua quy tắc của trợ lý",
}
# What was found, named for the user (never the value): "dữ liệu cá nhân (số CCCD, số điện thoại)".
ENTITY_NAMES = {
    "CCCD": "số CCCD", "CMND": "số CMND", "PHONE": "số điện thoại", "EMAIL": "địa chỉ e-mail",
    "BANK_ACCOUNT": "số tài khoản ngân hàng", "CARD": "số thẻ thanh toán", "TAX_CODE": "mã số thuế",
    "BHXH": "mã số BHXH", "BHYT": "mã thẻ BHYT", "PASSPORT": "số hộ chiếu", "PLATE": "biển số xe",
    "DRIVING_LICENCE": "số giấy phép lái xe", "DOB": "ngày sinh", "IP": "địa chỉ IP", "PERSON": "họ tên",
    "ADDRESS": "địa chỉ nhà", "HEALTH": "tình trạng sức khỏe", "RELIGION": "tôn giáo", "POLITICS": "quan điểm chính trị",
    "ETHNICITY": "dân tộc", "BIOMETRIC": "dữ liệu sinh trắc", "SEX_LIFE": "đời tư", "CRIMINAL_RECORD": "tiền án",
    "FINANCIAL": "thông tin tài chính", "SENSITIVE_ABOUT_PERSON": "thông tin nhạy cảm về một người", "NUMBER": "dãy số",
    "INJECTION_CONTENT": "chỉ dẫn lạ gửi cho trợ lý",
}  # fmt: skip
BLOCKED = "Tin nhắn chưa được gửi vì có {categories}."
RULE = "Theo Công văn 557/BKHCN-CĐSQG, không đưa thông tin này vào trợ lý AI."
ADVICE_REDACT = "Bạn có thể gửi bản đã che thông tin (các giá trị được thay bằng nhãn như <CCCD>, <HỌ_TÊN>) hoặc mô tả tình huống mà không nêu dữ liệu định danh."
ADVICE_DOCUMENT = "Không gửi nội dung tài liệu mật hoặc nội bộ; hãy hỏi về quy trình, quy định nói chung."
ADVICE_CREDENTIAL = "Hãy đổi ngay mật khẩu hoặc mã vừa nhập nếu nó còn hiệu lực, và không chia sẻ với bất kỳ ai."
ADVICE_INJECTION = "Trợ lý chỉ trả lời câu hỏi công việc dựa trên tài liệu đã kiểm duyệt."
ALLOWED = "Tin nhắn không chứa thông tin cần chặn."
EMPTY_TEXT = "Nội dung đang để trống."
TOO_LONG = "Nội dung quá dài ({length} ký tự); tối đa {limit} ký tự."
NOT_TEXT = "Nội dung phải là văn bản."
SECRET_PLACEHOLDER = "<NỘI_DUNG_MẬT_ĐÃ_ẨN>"
INTERNAL_PLACEHOLDER = "<NỘI_DUNG_NỘI_BỘ_ĐÃ_ẨN>"

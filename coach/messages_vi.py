"""Vietnamese text of the coach, in one place for review."""

CHECK_REMINDER = "Lưu ý: hãy đối chiếu với văn bản được trích dẫn trước khi sử dụng (Công văn 557/BKHCN-CĐSQG)."
NOT_COVERED = (
    "Kho tài liệu của trợ lý chưa có nội dung trả lời câu hỏi này, nên trợ lý không đưa ra câu trả lời để tránh sai lệch. "
    "Bạn có thể hỏi bộ phận một cửa (Trung tâm Phục vụ hành chính công) của xã, phường, "
    "tổng đài hỗ trợ của Cổng Dịch vụ công quốc gia, hoặc cơ quan chuyên môn phụ trách lĩnh vực đó."
)
INTRO_PROCEDURE = "Theo tài liệu về {title}:"
INTRO_GENERAL = "Theo tài liệu {title}:"
ALSO = "Thông tin liên quan:"
LLM_FALLBACK = "(Mô hình ngôn ngữ tạm thời không phản hồi; câu trả lời dưới đây được trích trực tiếp từ tài liệu.)"
LLM_UNGROUNDED = (
    "(Câu trả lời của mô hình ngôn ngữ không khớp với tài liệu nên không được dùng; dưới đây là nội dung trích trực tiếp.)"
)
IN_FORCE = "còn hiệu lực"
SUPERSEDED = "đã hết hiệu lực"

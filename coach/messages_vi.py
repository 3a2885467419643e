"""Vietnamese text of the coach, in one place for review."""

CHECK_REMINDER = "Lưu ý: hãy đối chiếu với văn bản được trích dẫn trước khi sử dụng (Công văn 557/BKHCN-CĐSQG)."
NOT_COVERED = (
    "Kho tài liệu của trợ lý chưa có nội dung trả lời câu hỏi này, nên trợ lý không đưa ra câu trả lời để tránh sai lệch. "
    "Bạn có thể hỏi bộ phận một cửa (Trung tâm Phục vụ hành chính công) của xã, phường, "
    "tổng đài hỗ trợ của Cổng Dịch vụ công quốc gia, hoặc cơ quan chuyên môn phụ trách lĩnh vực đó."
)
NO_WORDS = "Câu hỏi chưa có chữ nào để tra cứu. Bạn hãy gõ câu hỏi bằng lời, ví dụ: “Lệ phí đăng ký khai sinh là bao nhiêu?”"
NEEDS_SUBJECT = (
    "Bạn muốn hỏi về thủ tục hay nội dung nào? Hãy nêu tên thủ tục trong câu hỏi, "
    "ví dụ: “Đăng ký khai sinh thì lệ phí bao nhiêu?”"
)
MISUSE_REFUSAL = (
    "Trợ lý số không hỗ trợ yêu cầu này. Theo Công văn 557/BKHCN-CĐSQG, chatbot AI chỉ được dùng đúng pháp luật và "
    "các quy định về an ninh mạng, an toàn thông tin: không dùng để xâm nhập hệ thống, lừa đảo, làm giả giấy tờ, lấy "
    "trộm dữ liệu hay tạo nội dung giả mạo (deepfake). Nếu bạn cần phòng tránh hoặc xử lý những việc đó, hãy hỏi, "
    "ví dụ: “Nhận biết tin nhắn lừa đảo thế nào?”"
)
FIELD_NOT_IN_TOPIC = (
    "Tài liệu về “{title}” không nói đến {field}, nên trợ lý không đoán. "
    "Nếu bạn hỏi về một thủ tục hành chính, hãy nêu tên thủ tục đó."
)
PROCEDURE_BY_CODE = "Thủ tục mã {code}: “{title}”. Bạn có thể hỏi thêm về hồ sơ, thời hạn, lệ phí hoặc căn cứ pháp lý."
INTRO_PROCEDURE = "Theo tài liệu về {title}:"
INTRO_GENERAL = "Theo tài liệu {title}:"
ALSO = "Thông tin liên quan:"
LLM_FALLBACK = "(Mô hình ngôn ngữ tạm thời không phản hồi; câu trả lời dưới đây được trích trực tiếp từ tài liệu.)"
LLM_UNGROUNDED = (
    "(Câu trả lời của mô hình ngôn ngữ không khớp với tài liệu nên không được dùng; dưới đây là nội dung trích trực tiếp.)"
)
LEXICAL_ONLY = (
    "(Tìm kiếm theo ngữ nghĩa đang tạm gián đoạn: câu trả lời dưới đây chỉ dựa trên tìm kiếm theo từ khóa, "
    "hãy đối chiếu kỹ với nguồn.)"
)
IN_FORCE = "còn hiệu lực"
SUPERSEDED = "đã hết hiệu lực"
HINT_REPEATED_FAILURE = (
    "Câu này bạn đã trả lời chưa đúng hai lần. Gợi ý: {explanation} Hãy xem lại đoạn bài học được trích dưới đây rồi thử lại."
)
HINT_SEEK = (
    "Bạn đang tua lại phần “{title}” nhiều lần. Ý chính của phần này: {key_point} Bạn có muốn đọc lời giải thích ngắn bên dưới?"
)
HINT_IDLE = "Bạn đang dừng ở phần “{title}”. Ý chính cần nhớ: {key_point}"
HINT_DEADLINE = "Còn {days} ngày là khóa học đóng, bạn cần thêm {count} chuyên đề bắt buộc: {topics}. Hãy học mỗi ngày một chuyên đề để kịp nhận chứng nhận."
HINT_CHAT_TOPIC = "Câu bạn vừa hỏi thuộc chuyên đề {number} – {title}. Bài “{lesson}” sẽ giúp bạn nắm chắc nội dung này."
HINT_NEXT_TOPIC = "Chúc mừng bạn đã hoàn thành chuyên đề! Chuyên đề nên học tiếp: {number} – {title} ({kind})."
COMPULSORY = "bắt buộc"
ELECTIVE = "tự chọn, phù hợp vị trí công việc của bạn"
PROGRESS_NEED_MORE = "Đã hoàn thành {done}/{required} chuyên đề tối thiểu."
PROGRESS_MISSING = "Còn thiếu chuyên đề bắt buộc: {topics}."
PROGRESS_CLOSED = "Khóa học đã đóng."

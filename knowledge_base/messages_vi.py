"""Vietnamese messages of the knowledge base, in one place for review."""

EMPTY_QUERY = "Câu hỏi đang để trống. Vui lòng nhập nội dung cần tìm."
QUERY_TOO_LONG = "Câu hỏi quá dài ({length} ký tự). Vui lòng rút gọn dưới {limit} ký tự."
BAD_FILTER = "Bộ lọc '{name}' không hợp lệ: '{value}'."

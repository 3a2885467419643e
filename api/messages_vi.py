"""Vietnamese messages of the HTTP API, in one place for review."""

NOT_FOUND = "Không tìm thấy địa chỉ yêu cầu."
METHOD_NOT_ALLOWED = "Phương thức không được hỗ trợ cho địa chỉ này."
INVALID_REQUEST = "Yêu cầu không hợp lệ: {detail}"
MALFORMED_JSON = "Nội dung gửi lên không phải JSON hợp lệ."
BODY_TOO_LARGE = "Nội dung gửi lên quá lớn (tối đa {limit} byte)."
INTERNAL_ERROR = "Hệ thống gặp sự cố. Vui lòng thử lại sau ít phút."
INDEX_UNAVAILABLE = "Kho tri thức chưa sẵn sàng. Quản trị viên cần chạy lệnh 'coach ingest'."

"""The login page and the admin console in a real headless Chromium against the session's live server.

The live server, its database and its guardrail allowlist are shared by every browser test: each test
creates its own users and flags with unique content, and never assumes an empty table. Login codes are
rate-limited per number (3 per 15 minutes) and per address (20), and every test here signs in from
127.0.0.1: the seeded "learner" (whose codes the widget tests use) is never signed in from this module.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from api import messages_vi
from tests.accounts_support import PHONES
from tests.browser.conftest import Live, assert_accessible, screenshot, signed_in_context

# Harmless, but the name recognizer takes the cultural house's namesake for a person's name.
# A memorial house named after a historical figure: the guardrail takes "cụ Phan Bội Châu" for a resident.
CULTURAL_HOUSE = "Phan Bội Châu"
HARMLESS_BLOCKED = "Nhà lưu niệm cụ Phan Bội Châu được sửa chữa, xã cần làm thủ tục gì? (đợt {tag})"
# A real personal name: stays blocked whatever the allowlist says.
NAMED_PERSON = "Ông Trần Văn Bình hỏi thủ tục khai sinh cho con (đợt {tag})"


def tag() -> str:
    """A unique lowercase word that no recognizer reacts to (no digits, no capitals)."""
    return "".join(secrets.choice("bcdghklmnpqrstvx") for _ in range(10))


def new_phone() -> str:
    """A mobile number no other test uses."""
    while True:
        phone = "098" + "".join(secrets.choice("0123456789") for _ in range(7))
        if phone not in PHONES.values():
            return phone


def seed_user(live: Live, name: str, role: str = "learner", unit: str | None = "xa-tan-phu") -> str:
    """A user created through the real accounts service; returns the phone number."""
    phone = new_phone()
    live.app.state.accounts.users.create(phone, name, role, unit, None)
    return phone


@contextmanager
def app_client(live: Live, phone: str) -> Iterator[httpx.Client]:
    """An httpx client signed in like the mobile app: code from the dev outbox, bearer access token."""
    with httpx.Client(base_url=live.url, timeout=30) as client:
        assert client.post("/v1/auth/code", json={"phone": phone}).status_code == 202
        body = {"phone": phone, "code": live.outbox.last_code(phone), "client": "app"}
        response = client.post("/v1/auth/verify", json=body)
        assert response.status_code == 200, response.text
        client.headers["Authorization"] = f"Bearer {response.json()['access_token']}"
        yield client


def ask(client: httpx.Client, question: str) -> dict[str, object]:
    response = client.post("/v1/chat", json={"question": question})
    assert response.status_code == 200, response.text
    return response.json()


SCRIPT_ERRORS: list[str] = []


@pytest.fixture(autouse=True)
def no_script_errors() -> Iterator[None]:
    """Uncaught errors in the pages' scripts fail the test (contexts are watched with :func:`watched`)."""
    SCRIPT_ERRORS.clear()
    yield
    assert SCRIPT_ERRORS == []


def watched(context: BrowserContext) -> BrowserContext:
    context.on("weberror", lambda error: SCRIPT_ERRORS.append(str(error.error)))
    return context


def open_console(context: BrowserContext, live: Live) -> Page:
    page = context.new_page()
    page.goto(live.url + "/admin")
    expect(page.get_by_role("tablist", name="Chức năng quản trị")).to_be_visible()
    return page


@pytest.fixture(scope="module")
def admin_context(browser: Browser, live: Live) -> Iterator[BrowserContext]:
    context = watched(signed_in_context(browser, live, "admin", viewport={"width": 1280, "height": 900}))
    yield context
    context.close()


def test_admin_signs_in_through_the_login_page(browser: Browser, live: Live) -> None:
    context = watched(browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900}))
    page = context.new_page()
    page.goto(live.url + "/admin")
    # Not signed in: the console sends the visitor to the login page, to come back afterwards.
    expect(page).to_have_url(live.url + "/login?next=/admin")
    expect(page.get_by_role("heading", name="Đăng nhập bằng số điện thoại")).to_be_visible()
    page.get_by_label("Số điện thoại", exact=True).fill(PHONES["admin"])
    page.get_by_role("button", name="Nhận mã xác thực").click()
    code = page.get_by_label("Mã xác thực (6 chữ số)")
    expect(code).to_be_visible()
    expect(code).to_be_focused()
    expect(code).to_have_attribute("inputmode", "numeric")
    expect(code).to_have_attribute("autocomplete", "one-time-code")
    expect(page.get_by_role("status")).to_contain_text("mã xác thực đã được gửi bằng tin nhắn")
    screenshot(page, "login-code-step")
    code.fill(live.outbox.last_code(PHONES["admin"]))
    page.get_by_role("button", name="Đăng nhập").click()

    expect(page).to_have_url(live.url + "/admin")
    header = page.get_by_role("banner")
    expect(header).to_contain_text("Người dùng admin")
    expect(header).to_contain_text("Quản trị hệ thống")
    tabs = page.get_by_role("tab")
    expect(tabs).to_have_text([re.compile("^Cảnh báo"), "Sử dụng", "Người dùng", "Khóa API", "Nhật ký"])
    expect(page.get_by_role("tab", name="Cảnh báo")).to_have_attribute("aria-selected", "true")
    # The session is in HttpOnly cookies only: nothing readable by scripts, nothing in storage.
    assert "coach_" not in page.evaluate("document.cookie")
    assert page.evaluate("localStorage.length + sessionStorage.length") == 0
    screenshot(page, "admin-console-flags")

    # Keyboard: arrow keys move along the tabs and show their panel.
    page.get_by_role("tab", name="Cảnh báo").focus()
    page.keyboard.press("ArrowRight")
    usage = page.get_by_role("tab", name="Sử dụng")
    expect(usage).to_be_focused()
    expect(usage).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel", name="Sử dụng")).to_be_visible()
    expect(page.get_by_role("img", name="Biểu đồ số câu hỏi theo ngày")).to_be_visible()
    page.keyboard.press("End")
    expect(page.get_by_role("tab", name="Nhật ký")).to_be_focused()
    expect(page.locator("#audit-table tbody tr").first).to_be_visible()

    page.get_by_role("button", name="Đăng xuất").click()
    expect(page).to_have_url(live.url + "/login")
    page.goto(live.url + "/admin")
    expect(page).to_have_url(live.url + "/login?next=/admin")
    context.close()


def test_login_page_shows_the_vietnamese_errors(browser: Browser, live: Live) -> None:
    phone = seed_user(live, f"Học viên {tag()}")
    context = watched(browser.new_context(locale="vi-VN", viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True))
    page = context.new_page()
    # A "next" on another origin is ignored: a learner lands on the home page.
    page.goto(live.url + "/login?next=//127.0.0.1:9/phish")
    alert = page.locator("#error")
    page.get_by_label("Số điện thoại", exact=True).fill("12345")
    page.get_by_role("button", name="Nhận mã xác thực").click()
    expect(page.get_by_role("alert")).to_have_text(messages_vi.BAD_PHONE)
    expect(page.get_by_label("Số điện thoại", exact=True)).to_have_attribute("aria-invalid", "true")

    page.get_by_label("Số điện thoại", exact=True).fill(phone)
    page.get_by_role("button", name="Nhận mã xác thực").click()
    code = page.get_by_label("Mã xác thực (6 chữ số)")
    expect(code).to_be_visible()
    expect(alert).to_be_empty()
    real = live.outbox.last_code(phone)
    code.fill(f"{(int(real) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(alert).to_have_text(messages_vi.INVALID_CODE)
    expect(page).to_have_url(re.compile(r"/login\?"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "login-wrong-code-360px")
    assert_accessible(page, "login-360px")

    page.get_by_role("button", name="Gửi lại mã").click()
    expect(page.get_by_role("status")).to_contain_text("mã xác thực đã được gửi bằng tin nhắn")
    expect(alert).to_be_empty()
    resent = live.outbox.last_code(phone)
    code.fill(resent)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(live.url + "/")
    context.close()


def test_false_positive_review_clears_the_term_and_is_audited(admin_context: BrowserContext, live: Live) -> None:
    marker = tag()
    question = HARMLESS_BLOCKED.format(tag=marker)
    with app_client(live, seed_user(live, f"Học viên {marker}")) as learner:
        first = ask(learner, question)
        assert first["blocked"] is True, first
        assert first["categories"] == ["personal_data"]

        page = open_console(admin_context, live)
        flag = page.locator("li.flag", has_text=marker)
        expect(flag).to_have_count(1)
        expect(flag).to_contain_text("<HỌ_TÊN>")  # shown redacted, as text
        expect(flag).not_to_contain_text(CULTURAL_HOUSE)
        expect(flag).to_contain_text("Chờ xử lý")
        expect(flag).to_contain_text("Xã Tân Phú")
        expect(page.locator("#pending-badge")).to_be_visible()
        flag.get_by_role("button", name="Cảnh báo nhầm").click()

        dialog = page.get_by_role("dialog", name="Đánh dấu cảnh báo nhầm")
        expect(dialog).to_be_visible()
        expect(dialog).to_contain_text(f"(đợt {marker})")
        expect(dialog.get_by_label("Lý do")).to_be_focused()
        dialog.get_by_role("button", name="Xác nhận cảnh báo nhầm").click()  # no reason yet
        expect(dialog.get_by_role("alert")).to_have_text("Vui lòng ghi lý do khi đánh dấu là cảnh báo nhầm.")
        reason = f"Tên nhà văn hóa, không phải tên người ({marker})"
        dialog.get_by_label("Lý do").fill(reason)
        dialog.get_by_label("Thêm cụm từ vào danh sách cho phép").fill(CULTURAL_HOUSE)
        screenshot(page, "admin-false-positive-dialog")
        dialog.get_by_role("button", name="Xác nhận cảnh báo nhầm").click()

        expect(dialog).to_be_hidden()
        notice = page.locator("#notice")
        expect(notice).to_have_text(f"Đã cập nhật 1 cảnh báo: Cảnh báo nhầm. Đã thêm vào danh sách cho phép: “{CULTURAL_HOUSE}”.")
        expect(flag).to_have_count(0)  # no longer pending

        flags = page.get_by_role("tabpanel", name="Cảnh báo")
        flags.get_by_label("Trạng thái").select_option(label="Cảnh báo nhầm")
        flags.get_by_role("button", name="Lọc").click()
        expect(flag).to_have_count(1)
        expect(flag).to_contain_text("Đã xử lý: Cảnh báo nhầm lúc")
        expect(flag).to_contain_text(reason)

        # The allowlist takes effect at once: the identical message now goes through.
        again = ask(learner, question)
        assert again["blocked"] is False, again
        expect(page.locator("#allowlist-terms li", has_text=CULTURAL_HOUSE)).to_have_count(1)

        # A term added by mistake is withdrawn from the same panel.
        live.app.state.guardrail.allowlist.add("Xóm Gò Mía")
        page.get_by_role("tab", name="Sử dụng").click()
        page.get_by_role("tab", name=re.compile("^Cảnh báo")).click()
        page.get_by_role("button", name="Gỡ “Xóm Gò Mía”").click()
        expect(notice).to_have_text("Đã gỡ “Xóm Gò Mía” khỏi danh sách cho phép.")
        expect(page.locator("#allowlist-terms li", has_text="Xóm Gò Mía")).to_have_count(0)
        assert "Xóm Gò Mía" not in live.app.state.guardrail.allowlist.raw_terms()

    page.get_by_role("tab", name="Nhật ký").click()
    rows = page.locator("#audit-table tbody tr")
    review = rows.filter(has_text=reason)
    expect(review).to_have_count(1)
    expect(review).to_contain_text("Xử lý cảnh báo")
    expect(review).to_contain_text("Quyết định: Cảnh báo nhầm")
    expect(review).to_contain_text("Bạn")
    allowed = rows.filter(has_text=f"Cụm từ: {CULTURAL_HOUSE}")
    expect(allowed.first).to_contain_text("Thêm vào danh sách cho phép")
    audit = page.get_by_role("tabpanel", name="Nhật ký")
    audit.get_by_label("Thao tác").select_option(label="Xử lý cảnh báo")
    audit.get_by_role("button", name="Lọc").click()
    expect(rows.filter(has_text=reason)).to_have_count(1)
    expect(rows.filter(has_text="Đăng nhập")).to_have_count(0)
    expect(page.get_by_role("link", name="Xuất nhật ký (CSV)")).to_have_attribute(
        "href", "/v1/admin/audit.csv?action=flag_review"
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="Xuất nhật ký (CSV)").click()
    assert download.value.suggested_filename == "nhat-ky.csv"
    assert reason in download.value.path().read_text(encoding="utf-8-sig")
    screenshot(page, "admin-audit")
    page.close()


def test_deactivating_a_user_ends_their_session(admin_context: BrowserContext, live: Live) -> None:
    marker = tag()
    name, phone = f"Cán bộ {marker}", new_phone()
    page = open_console(admin_context, live)
    page.get_by_role("tab", name="Người dùng").click()
    form = page.get_by_role("form", name="Thêm người dùng")
    form.get_by_label("Họ tên").fill(name)
    form.get_by_label("Số điện thoại").fill(phone)
    form.get_by_label("Vai trò").select_option(label="Học viên")
    form.get_by_label("Đơn vị").select_option(label="Xã Tân Phú (xa-tan-phu)")
    form.get_by_role("button", name="Tạo tài khoản").click()
    notice = page.locator("#notice")
    expect(notice).to_have_text(f"Đã tạo tài khoản “{name}” ({phone[:3]}****{phone[-3:]}).")

    with app_client(live, phone) as official:
        assert official.get("/v1/auth/me").json()["display_name"] == name

        page.get_by_label("Tìm theo tên, mã học viên hoặc số điện thoại").fill(marker)
        page.get_by_role("button", name="Tìm", exact=True).click()
        row = page.locator("#user-table tbody tr", has_text=name)
        expect(row).to_have_count(1)
        expect(row).to_contain_text("Đang hoạt động")
        expect(row).to_contain_text("Xã Tân Phú")
        row.get_by_role("button", name="Vô hiệu hóa").click()
        confirm = page.get_by_role("dialog", name="Vô hiệu hóa tài khoản?")
        expect(confirm).to_contain_text(f"Tài khoản “{name}”")
        screenshot(page, "admin-deactivate-confirm")
        confirm.get_by_role("button", name="Vô hiệu hóa").click()
        expect(confirm).to_be_hidden()
        expect(notice).to_have_text(f"Đã vô hiệu hóa tài khoản “{name}”. Đã thu hồi 1 phiên đăng nhập.")
        expect(row).to_contain_text("Đã vô hiệu hóa")

        refused = official.get("/v1/auth/me")
        assert refused.status_code == 401
        body = refused.json()
        assert body["code"] in {"account_disabled", "session_revoked"}
        assert body["message"] in {messages_vi.ACCOUNT_DISABLED, messages_vi.SESSION_REVOKED}

    row.get_by_role("button", name="Kích hoạt lại").click()
    expect(notice).to_have_text(f"Đã kích hoạt lại tài khoản “{name}”.")
    expect(row).to_contain_text("Đang hoạt động")
    page.close()


def test_an_lti_platform_is_registered_from_the_console(admin_context: BrowserContext, live: Live) -> None:
    marker = tag()
    page = open_console(admin_context, live)
    page.get_by_role("tab", name="Khóa API").click()
    panel = page.get_by_role("tabpanel", name="Khóa API")
    expect(panel.locator("#lti-tool-urls")).to_contain_text(live.url + "/lti/jwks.json")
    form = page.get_by_role("form", name="Đăng ký nền tảng học tập")
    form.get_by_label("Tên nền tảng").fill(f"Moodle {marker}")
    form.get_by_label("Issuer (địa chỉ nền tảng)").fill(f"https://moodle-{marker}.example.vn")
    form.get_by_label("Client ID nền tảng cấp").fill("client-7")
    form.get_by_label("Deployment ID (cách nhau bởi dấu phẩy)").fill("1, 2")
    form.get_by_label("Địa chỉ xác thực OIDC của nền tảng").fill(f"https://moodle-{marker}.example.vn/mod/lti/auth.php")
    form.get_by_label("Địa chỉ bộ khóa công khai (JWKS) của nền tảng").fill(
        f"https://moodle-{marker}.example.vn/mod/lti/certs.php"
    )
    form.get_by_label("Đơn vị của học viên (không bắt buộc)").select_option(label="Xã Tân Phú (xa-tan-phu)")
    form.get_by_role("button", name="Đăng ký nền tảng").click()
    expect(page.locator("#notice")).to_have_text(f"Đã đăng ký nền tảng “Moodle {marker}”.")
    row = page.locator("#lti-table tbody tr", has_text=f"Moodle {marker}")
    expect(row).to_contain_text("client-7")
    expect(row).to_contain_text("1, 2")
    expect(row).to_contain_text("Xã Tân Phú")
    page.get_by_role("tab", name="Nhật ký").click()
    expect(page.locator("#audit-table")).to_contain_text("Đăng ký nền tảng học tập (LTI)")
    page.close()


def test_unit_admin_sees_only_their_unit_at_phone_width(browser: Browser, live: Live) -> None:
    own, other = tag(), tag()
    with app_client(live, seed_user(live, f"Học viên {own}")) as learner:
        assert ask(learner, NAMED_PERSON.format(tag=own))["blocked"] is True
    with app_client(live, PHONES["other_learner"]) as elsewhere:  # Phường Bến Thành
        assert ask(elsewhere, NAMED_PERSON.format(tag=other))["blocked"] is True

    context = watched(signed_in_context(browser, live, "unit_admin", viewport={"width": 360, "height": 740}, is_mobile=True,
                                        has_touch=True))  # fmt: skip
    page = open_console(context, live)
    header = page.get_by_role("banner")
    expect(header).to_contain_text("Quản trị đơn vị")
    expect(header).to_contain_text("xa-tan-phu")
    expect(page.get_by_role("tab")).to_have_text([re.compile("^Cảnh báo"), "Sử dụng"])
    for hidden in ("Người dùng", "Khóa API", "Nhật ký"):
        expect(page.get_by_role("tab", name=hidden)).to_have_count(0)
    expect(page.get_by_role("combobox", name="Đơn vị")).to_have_count(0)  # no unit filter: their unit only

    mine = page.locator("li.flag", has_text=own)
    expect(mine).to_have_count(1)
    expect(page.locator("li.flag", has_text=other)).to_have_count(0)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "admin-unit-admin-360px")

    mine.get_by_role("button", name="Cảnh báo nhầm").click()
    dialog = page.get_by_role("dialog", name="Đánh dấu cảnh báo nhầm")
    expect(dialog.get_by_label("Lý do")).to_be_visible()
    expect(dialog.get_by_label("Thêm cụm từ vào danh sách cho phép")).to_have_count(0)  # admins only
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    mine.get_by_role("button", name="Chuyển cấp trên").click()
    expect(page.locator("#notice")).to_have_text("Đã cập nhật 1 cảnh báo: Chuyển cấp trên.")
    expect(mine).to_have_count(0)

    page.get_by_role("tab", name="Sử dụng").click()
    expect(page.locator("#usage-period")).to_contain_text("Đơn vị Xã Tân Phú (xa-tan-phu)")
    expect(page.get_by_role("img", name="Biểu đồ số câu hỏi theo ngày")).to_be_visible()
    expect(page.locator("#blocked-bars")).to_contain_text("Dữ liệu cá nhân")
    month = page.get_by_label("Tháng", exact=True).input_value()
    expect(page.get_by_role("link", name="Tải báo cáo tháng (CSV)")).to_have_attribute(
        "href", f"/v1/admin/usage/report.csv?month={month}"
    )
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo tháng (CSV)").click()
    assert download.value.suggested_filename == f"bao-cao-xa-tan-phu-{month}.csv"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    screenshot(page, "admin-usage-360px")
    context.close()


def test_learner_opening_the_console_is_told_they_have_no_rights(browser: Browser, live: Live) -> None:
    context = watched(signed_in_context(browser, live, "other_learner", viewport={"width": 1280, "height": 800}))
    page = context.new_page()
    page.goto(live.url + "/admin")
    expect(page.get_by_role("heading", name="Tài khoản của bạn không có quyền quản trị")).to_be_visible()
    expect(page.get_by_role("tab")).to_have_count(0)
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    screenshot(page, "admin-no-permission")
    context.close()


def test_an_expired_access_token_is_refreshed_once(admin_context: BrowserContext, live: Live) -> None:
    """Without a valid access token the console refreshes the session (refresh cookie) and carries on."""
    admin_context.clear_cookies(name="coach_access")
    page = open_console(admin_context, live)
    expect(page.get_by_role("banner")).to_contain_text("Người dùng admin")
    assert any(c["name"] == "coach_access" for c in admin_context.cookies(live.url))
    expect(page).to_have_url(live.url + "/admin")
    page.close()


HEX_ID = re.compile(r"\b[0-9a-f]{32}\b")


def test_the_console_at_phone_width_reads_as_cards_in_vietnamese(browser: Browser, live: Live) -> None:
    marker = tag()
    with app_client(live, seed_user(live, f"Học viên {marker}")) as learner:
        assert ask(learner, NAMED_PERSON.format(tag=marker))["blocked"] is True
    # A command run on the server: no one signed in, yet someone did it.
    live.app.state.accounts.audit.record(
        "user_import", target=f"nguoi-dung-{marker}.csv", created=2, skipped=0, errors=0, via="cli"
    )
    context = watched(
        signed_in_context(browser, live, "admin", viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    )
    page = open_console(context, live)
    # Every tab on screen: they wrap instead of running off the edge.
    for tab in page.get_by_role("tab").all():
        box = tab.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 360, box

    # Flags: what found it in words a reviewer understands; the decisions styled alike; no "()" for all statuses.
    flag = page.locator("li.flag", has_text=marker)
    expect(flag.locator("dd").last).to_contain_text("họ tên — độ tin cậy cao nhất")
    expect(flag).not_to_contain_text("Recognizer")
    classes = {b.get_attribute("class") for b in flag.locator(".actions button").all()}
    assert classes == {"secondary"}, classes
    flag.get_by_role("button", name="Chặn đúng").tap()  # an action of this admin's, for the audit below
    expect(page.locator("#notice")).to_have_text("Đã cập nhật 1 cảnh báo: Chặn đúng.")
    flags = page.get_by_role("tabpanel", name="Cảnh báo")
    flags.get_by_label("Trạng thái").select_option(value="all")
    flags.get_by_role("button", name="Lọc").click()
    expect(page.locator("#flag-summary")).to_have_text(re.compile(r"^Có [\d.]+ cảnh báo\.$"))
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    screenshot(page, "admin-flags-360px")
    assert_accessible(page, "admin-flags-360px")

    # Users: rows are cards whose cells say what they are; nothing pushed off screen.
    page.get_by_role("tab", name="Người dùng").tap()
    row = page.locator("#user-table tbody tr").first
    expect(row).to_be_visible()
    assert row.evaluate("r => getComputedStyle(r).display") == "block"
    expect(row.locator("td[data-label='Vai trò']")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    screenshot(page, "admin-users-360px")
    assert_accessible(page, "admin-users-360px")

    page.get_by_role("tab", name="Khóa API").tap()
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert_accessible(page, "admin-keys-360px")

    # Audit: names, not ids; the server command attributed to the operator, its details in Vietnamese.
    page.get_by_role("tab", name="Nhật ký").tap()
    entry = page.locator("#audit-table tbody tr", has_text=f"nguoi-dung-{marker}.csv")
    expect(entry).to_contain_text("Quản trị viên máy chủ (dòng lệnh)")
    expect(entry).to_contain_text("Thực hiện qua: dòng lệnh trên máy chủ")
    expect(entry).not_to_contain_text("via")
    assert not HEX_ID.search(page.locator("#audit-table").inner_text())
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    screenshot(page, "admin-audit-360px")
    assert_accessible(page, "admin-audit-360px")

    # The audit filter takes a name (typed without diacritics) rather than an id.
    page.get_by_label("Người thực hiện").fill("nguoi dung admin")
    page.get_by_role("tabpanel", name="Nhật ký").get_by_role("button", name="Lọc").tap()
    expect(page.locator("#audit-summary")).to_have_text(re.compile(r"^Có [\d.]+ bản ghi\.$"))
    actors = set(page.locator("#audit-table tbody td:nth-child(3)").all_inner_texts())
    assert actors == {"Bạn (Quản trị hệ thống)"}, actors
    expect(page.locator("#audit-table tbody tr", has_text="Xử lý cảnh báo").first).to_be_visible()

    page.get_by_role("tab", name="Sử dụng").tap()
    expect(page.locator("#usage-period")).to_contain_text("Số liệu từ")
    assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
    assert_accessible(page, "admin-usage-360px")
    context.close()


def test_the_desktop_console_is_accessible_on_every_tab(admin_context: BrowserContext, live: Live) -> None:
    page = open_console(admin_context, live)
    for name in ("Cảnh báo", "Sử dụng", "Người dùng", "Khóa API", "Nhật ký"):
        page.get_by_role("tab", name=name).click()
        expect(page.get_by_role("tabpanel", name=name)).to_be_visible()
        expect(page.get_by_role("tabpanel", name=name)).not_to_contain_text("Đang tải…")
        assert page.evaluate("document.documentElement.scrollWidth <= innerWidth")
        assert_accessible(page, f"admin-desktop-{name}")
    page.close()

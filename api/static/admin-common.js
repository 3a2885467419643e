/* Trợ lý số — admin console: what every tab shares (labels, formatting, messages, the API, dialogs, paging).
 * The session is in HttpOnly cookies: nothing is stored in the browser. Server data is only ever written as text. */
import { refreshSession } from "./api.js";
import { el } from "./dom.js";

export { el };
export const T = {
  network: "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.",
  unknown: "Đã có lỗi xảy ra. Vui lòng thử lại.", loading: "Đang tải…", allSystem: "Toàn hệ thống", none: "—"
};
export const ROLE_LABELS = { admin: "Quản trị hệ thống", unit_admin: "Quản trị đơn vị", learner: "Học viên" };
export const STATUS_LABELS = { pending: "Chờ xử lý", confirmed: "Chặn đúng", false_positive: "Cảnh báo nhầm", escalated: "Chuyển cấp trên" };
export const CATEGORY_LABELS = {
  personal_data: "Dữ liệu cá nhân", sensitive_personal_data: "Dữ liệu cá nhân nhạy cảm",
  state_secret: "Bí mật nhà nước", internal_document: "Tài liệu nội bộ",
  credential: "Mật khẩu, mã truy cập", prompt_injection: "Câu lệnh vượt quy tắc"
};
// What each recognizer looks for, as a reviewer would say it.
export const RECOGNIZER_LABELS = {
  ApiKeyRecognizer: "khóa truy cập (API)", BankAccountRecognizer: "số tài khoản ngân hàng", BhxhRecognizer: "mã số BHXH",
  BhytRecognizer: "mã thẻ BHYT", CardRecognizer: "số thẻ thanh toán", CccdRecognizer: "số CCCD", CmndRecognizer: "số CMND",
  ContextPatternRecognizer: "dãy số đi kèm từ gợi ý", CredentialRecognizer: "mật khẩu, mã OTP",
  DateOfBirthRecognizer: "ngày sinh", DrivingLicenceRecognizer: "số giấy phép lái xe", EmailAddressRecognizer: "địa chỉ e-mail",
  HomeAddressRecognizer: "địa chỉ nhà", InternalDocumentRecognizer: "dấu hiệu tài liệu nội bộ", IpAddressRecognizer: "địa chỉ IP",
  KeywordRecognizer: "từ khóa nhạy cảm", OperationalSecretRecognizer: "nội dung nghiệp vụ mật", PassportRecognizer: "số hộ chiếu",
  PersonNameRecognizer: "họ tên", PlateRecognizer: "biển số xe", PromptInjectionRecognizer: "câu lệnh vượt quy tắc",
  SensitiveDataRecognizer: "thông tin nhạy cảm về một người", StateSecretRecognizer: "dấu hiệu bí mật nhà nước",
  TaxCodeRecognizer: "mã số thuế", VietnamPhoneRecognizer: "số điện thoại", ContentModel: "nội dung (mô hình học máy)"
};
export const SOURCE_LABELS = { chat: "Hỏi trợ lý", feedback: "Góp ý về câu trả lời" };
export const KIND_LABELS = { commune: "Xã, phường", province: "Tỉnh, thành phố" };
export const PAGE_SIZE = 20;

export const $ = (id) => document.getElementById(id);
const numberFormat = new Intl.NumberFormat("vi-VN");
export const num = (value) => numberFormat.format(value || 0);
export function pct(share) {
  if (share === null || share === undefined) return T.none;
  return (share * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + "%";
}
/** Server timestamps are UTC; SQLite hands them back without a zone. */
function parseTime(value) {
  if (!value) return null;
  let text = String(value);
  if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text)) text += "Z";
  const date = new Date(text);
  return isNaN(date.getTime()) ? null : date;
}
export function fmtTime(value) {
  const date = parseTime(value);
  return date ? date.toLocaleString("vi-VN", { hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric" }) : T.none;
}
export function fmtDay(isoDay) {
  const parts = String(isoDay || "").split("-");
  return parts.length === 3 ? parts[2] + "/" + parts[1] + "/" + parts[0] : String(isoDay || "");
}
export function localIsoDay(date) {
  const pad = (n) => (n < 10 ? "0" : "") + n;
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}
export function query(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
  }
  const text = search.toString();
  return text ? "?" + text : "";
}
export const quoted = (text) => "“" + text + "”";

// ---- messages -----------------------------------------------------------------------------------
export function showError(error) { $("notice").textContent = ""; $("alert").textContent = (error && error.message) || T.unknown; }
export function showNotice(text) { $("alert").textContent = ""; $("notice").textContent = text; }
export function clearMessages() { $("alert").textContent = ""; $("notice").textContent = ""; }

// ---- API ----------------------------------------------------------------------------------------
export class ApiError extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}
export function send(method, path, body) {
  const init = { method, credentials: "same-origin", headers: { Accept: "application/json" } };
  if (body !== undefined) { init.headers["Content-Type"] = "application/json"; init.body = JSON.stringify(body); }
  return fetch(path, init);
}
let leaving = false;
export function toLogin(path) {
  if (!leaving) { leaving = true; window.location.assign(path || "/login?next=/admin"); }
  return new Promise(() => {});  // the page is going away
}
/** Calls the API; resolves the JSON body (null for 204); rejects with an ApiError carrying the Vietnamese message.
 * On 401 the session is renewed once (shared with every script of the page) and the call retried; a second 401
 * sends the user to the login page. */
export function api(method, path, body) {
  return send(method, path, body).then((response) => {
    if (response.status !== 401) return response;
    return refreshSession("").then((ok) => {
      if (!ok) return toLogin();
      return send(method, path, body).then((again) => (again.status === 401 ? toLogin() : again));
    });
  }, () => { throw new ApiError(0, "network", T.network); }).then((response) => {
    if (response.status === 204) return null;
    return response.text().then((text) => {
      let data = null;
      try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
      if (response.ok) return data;
      throw new ApiError(response.status, (data && data.code) || "error", (data && typeof data.message === "string" && data.message) || T.unknown);
    });
  });
}
export function busy(button, on) {
  if (!button) return;
  button.disabled = on;
  button.setAttribute("aria-busy", on ? "true" : "false");
}

// ---- state shared by the tabs --------------------------------------------------------------------
export const state = { me: null, isAdmin: false, units: [], unitNames: {} };
export function unitName(code) {
  if (!code) return T.none;
  return state.unitNames[code] ? state.unitNames[code] + " (" + code + ")" : code;
}

// ---- dialogs ------------------------------------------------------------------------------------
export function openDialog(dialog, focusTarget) {
  dialog.returnFocus = document.activeElement;
  dialog.showModal();
  if (focusTarget) focusTarget.focus();
}
export function closeDialog(dialog, fallbackFocus) {
  if (dialog.open) dialog.close();
  const back = dialog.returnFocus;
  if (back && document.body.contains(back) && !back.disabled) back.focus();
  else if (fallbackFocus) fallbackFocus.focus();
}
/** A yes/no question in a modal dialog; resolves true when confirmed. */
export function confirmAction(title, text, okLabel) {
  const dialog = $("confirm-dialog");
  $("confirm-title").textContent = title;
  $("confirm-text").textContent = text;
  $("confirm-ok").textContent = okLabel;
  return new Promise((resolve) => {
    const finish = (answer) => {
      $("confirm-ok").removeEventListener("click", yes);
      $("confirm-cancel").removeEventListener("click", no);
      dialog.removeEventListener("cancel", onCancel);
      closeDialog(dialog);
      resolve(answer);
    };
    const yes = () => finish(true), no = () => finish(false);
    const onCancel = (event) => { event.preventDefault(); finish(false); };
    $("confirm-ok").addEventListener("click", yes);
    $("confirm-cancel").addEventListener("click", no);
    dialog.addEventListener("cancel", onCancel);
    openDialog(dialog, $("confirm-cancel"));
  });
}
/** A CSV link is a plain navigation, which cannot renew an expired access cookie: check the session first. */
export function downloadWithSession(event) {
  const link = event.currentTarget;
  event.preventDefault();
  clearMessages();
  api("GET", "/v1/auth/me").then(() => window.location.assign(link.getAttribute("href")), showError);
}

// ---- paging and narrow screens ------------------------------------------------------------------
export function renderPager(nav, page, onMove) {
  const info = nav.querySelector("[data-page-info]");
  const prev = nav.querySelector("[data-page=prev]"), next = nav.querySelector("[data-page=next]");
  const from = page.total ? page.offset + 1 : 0, to = Math.min(page.offset + PAGE_SIZE, page.total);
  info.textContent = page.total ? "Hiển thị " + num(from) + "–" + num(to) + " trên tổng số " + num(page.total) : "";
  prev.disabled = page.offset <= 0;
  next.disabled = page.offset + PAGE_SIZE >= page.total;
  nav.hidden = page.total <= PAGE_SIZE;
  prev.onclick = () => { page.offset = Math.max(0, page.offset - PAGE_SIZE); onMove(); };
  next.onclick = () => { page.offset += PAGE_SIZE; onMove(); };
}
/** Each cell carries its column's name, shown before it when a narrow screen lays the rows out as cards. */
export function labelCells(table) {
  const names = [...table.tHead.rows[0].cells].map((cell) => cell.textContent.trim());
  for (const row of table.tBodies[0].rows) {
    [...row.cells].forEach((cell, i) => { if (names[i] && cell.colSpan === 1) cell.setAttribute("data-label", names[i]); });
  }
}

/* Trợ lý số — admin console, tab "Nhật ký" (admins): who did what and when (sign-ins, reviews, accounts, keys), by
 * name or phone, in Vietnamese, with its CSV export. */
import {
  $, PAGE_SIZE, ROLE_LABELS, STATUS_LABELS, T, api, clearMessages, downloadWithSession, el, fmtTime, labelCells, num,
  query, renderPager, showError, state, unitName
} from "./admin-common.js";

const listed = { offset: 0, total: 0 };
const clear = (node) => node.replaceChildren();
export const ACTION_LABELS = {
  login: "Đăng nhập", logout: "Đăng xuất", login_failed: "Đăng nhập không thành công",
  login_code_requested: "Yêu cầu mã đăng nhập", login_code_refused: "Từ chối gửi mã đăng nhập",
  login_code_undelivered: "Không gửi được mã đăng nhập", refresh_reused: "Phát hiện dùng lại mã làm mới phiên",
  flag_review: "Xử lý cảnh báo", allowlist_add: "Thêm vào danh sách cho phép", allowlist_remove: "Gỡ khỏi danh sách cho phép",
  user_create: "Tạo người dùng", user_update: "Cập nhật người dùng", user_deactivate: "Vô hiệu hóa tài khoản",
  user_reactivate: "Kích hoạt lại tài khoản", unit_create: "Thêm đơn vị", api_key_create: "Tạo khóa API",
  api_key_revoke: "Thu hồi khóa API", usage_export: "Tải báo cáo sử dụng", audit_export: "Xuất nhật ký",
  user_import: "Nhập danh sách người dùng", lti_platform_add: "Đăng ký nền tảng học tập (LTI)"
};
const DETAIL_LABELS = {
  decision: "Quyết định", count: "Số lượng", ids: "Cảnh báo", reason: "Lý do", term: "Cụm từ", flags: "Cảnh báo",
  role: "Vai trò", changes: "Thay đổi", renamed: "Đổi tên", sessions_revoked: "Số phiên bị thu hồi",
  scopes: "Phạm vi", known_number: "Số đã đăng ký", created: "Đã tạo", updated: "Đã cập nhật", skipped: "Bỏ qua",
  unit: "Đơn vị", errors: "Số dòng lỗi", via: "Thực hiện qua", ip: "Địa chỉ IP", reused: "Dùng lại", issuer: "Nền tảng (issuer)"
};
const VIA_LABELS = { cli: "dòng lệnh trên máy chủ", api: "giao diện lập trình (API)", console: "trang quản trị" };
const TARGET_KINDS = {
  user: "Người dùng", api_key: "Khóa API", unit: "Đơn vị", audit: "Nhật ký", usage: "Báo cáo sử dụng", flag: "Cảnh báo",
  allowlist: "Danh sách cho phép", session: "Phiên đăng nhập", lti_platform: "Nền tảng học tập (LTI)"
};
function auditFilters() {
  return { action: $("a-action").value, actor: $("a-actor").value.trim(), since: $("a-since").value, until: $("a-until").value };
}
function updateAuditExport() { $("audit-export").setAttribute("href", "/v1/admin/audit.csv" + query(auditFilters())); }
export function loadAudit() {
  var page = listed, params = auditFilters();
  params.limit = PAGE_SIZE;
  params.offset = page.offset;
  updateAuditExport();
  $("audit-summary").textContent = T.loading;
  return api("GET", "/v1/admin/audit" + query(params)).then(function (data) {
    page.total = data.total || 0;
    renderAudit(data.items || []);
  }, function (error) { $("audit-summary").textContent = ""; showError(error); });
}
function detailText(detail) {
  if (!detail || typeof detail !== "object") return detail ? String(detail) : "";
  return Object.keys(detail).map(function (key) {
    var value = detail[key], shown;
    if (key === "decision") shown = STATUS_LABELS[value] || value;
    else if (key === "via") shown = VIA_LABELS[value] || value;
    else if (key === "role") shown = ROLE_LABELS[value] || value;
    else if (key === "scopes" && Array.isArray(value)) shown = value.join(", ");
    else if (key === "changes" && value && typeof value === "object") {
      shown = Object.keys(value).map(function (field) {
        var pair = value[field] || [], label = field === "role" ? "vai trò" : field === "unit" ? "đơn vị" : field;
        var fmt = function (v) { return v === null || v === undefined ? T.none : field === "role" ? ROLE_LABELS[v] || v : String(v); };
        return label + " " + fmt(pair[0]) + " → " + fmt(pair[1]);
      }).join("; ") || "không";
    } else if (typeof value === "boolean") shown = value ? "có" : "không";
    else if (Array.isArray(value)) shown = value.join(", ");
    else if (value === null || value === undefined) shown = T.none;
    else if (typeof value === "object") shown = JSON.stringify(value);
    else shown = String(value);
    return (DETAIL_LABELS[key] || key) + ": " + shown;
  }).join("; ");
}
function renderAudit(items) {
  var page = listed, body = $("audit-table").tBodies[0];
  clear(body);
  $("audit-summary").textContent = page.total ? "Có " + num(page.total) + " bản ghi." : "Không có bản ghi nào phù hợp.";
  items.forEach(function (entry) {
    body.appendChild(el("tr", { "data-action": entry.action }, [
      el("td", { text: fmtTime(entry.at) }),
      el("td", { text: ACTION_LABELS[entry.action] || entry.action }),
      el("td", { text: actorText(entry) }),
      el("td", { text: targetText(entry) }),
      el("td", { text: entry.unit ? unitName(entry.unit) : T.none }),
      el("td", { className: "detail", text: detailText(entry.detail) || T.none }),
      el("td", { text: entry.ip || T.none })
    ]));
  });
  labelCells($("audit-table"));
  renderPager($("audit-pager"), page, loadAudit);
}
/** Who did it, by name and role; a server command is the operator's, not an anonymous visitor's. */
function actorText(entry) {
  if (entry.actor_id) {
    const name = state.me && entry.actor_id === state.me.id ? "Bạn" : entry.actor_name || "Người dùng đã xóa";
    return name + " (" + (ROLE_LABELS[entry.actor_role] || entry.actor_role || T.none) + ")";
  }
  if (entry.detail && entry.detail.via === "cli") return "Quản trị viên máy chủ (dòng lệnh)";
  return "Người chưa đăng nhập";
}
/** Whom or what it concerned, by name where there is one. */
function targetText(entry) {
  const target = entry.target || "";
  const [kind, ...rest] = target.split(":");
  if (!rest.length) return TARGET_KINDS[target] || target || T.none;
  if (kind === "user") return "Người dùng " + (entry.target_name ? "“" + entry.target_name + "”" : "đã xóa");
  if (kind === "unit") return "Đơn vị " + unitName(rest.join(":"));
  return TARGET_KINDS[kind] || kind;
}
export function setUpAudit() {
  var select = $("a-action");
  Object.keys(ACTION_LABELS).forEach(function (action) {
    select.appendChild(el("option", { value: action, text: ACTION_LABELS[action] }));
  });
  $("audit-filters").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    listed.offset = 0;
    loadAudit();
  });
  $("audit-filters").addEventListener("change", updateAuditExport);
  $("audit-export").addEventListener("click", function (event) { updateAuditExport(); downloadWithSession(event); });
  $("audit-filters").addEventListener("input", updateAuditExport);
}

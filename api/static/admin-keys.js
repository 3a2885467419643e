/* Trợ lý số — admin console, tab "Khóa API" (admins): keys for the learning platform and monitoring, shown once. */
import { $, T, api, busy, clearMessages, confirmAction, el, fmtTime, labelCells, quoted, showError, showNotice, unitName } from "./admin-common.js";

const SCOPE_LABELS = { "events:write": "Gửi sự kiện học tập", "metrics:read": "Đọc số liệu giám sát" };
const clear = (node) => node.replaceChildren();

export function loadKeys() {
  loadPlatforms();
  return api("GET", "/v1/admin/api-keys").then(function (data) { renderKeys(data.items || []); }, showError);
}
/* LTI 1.3 platforms: the addresses to give the platform, and the registrations it needs. */
function loadPlatforms() {
  document.querySelectorAll("#lti-tool-urls code").forEach(function (code) { code.textContent = location.origin + code.dataset.path; });
  return api("GET", "/v1/admin/lti/platforms").then(function (data) {
    var body = $("lti-table").tBodies[0];
    clear(body);
    if (!data.platforms.length) body.appendChild(el("tr", {}, [el("td", { colspan: 6, className: "empty", text: "Chưa đăng ký nền tảng nào." })]));
    data.platforms.forEach(function (p) {
      body.appendChild(el("tr", {}, [
        el("th", { scope: "row", text: p.name }), el("td", { text: p.issuer }), el("td", {}, [el("code", { text: p.client_id })]),
        el("td", { text: p.deployment_ids.join(", ") }), el("td", { text: p.unit_code ? unitName(p.unit_code) : T.none }),
        el("td", { text: fmtTime(p.created_at) })
      ]));
    });
    labelCells($("lti-table"));
  }, showError);
}
function setUpPlatforms() {
  $("lti-create").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    var button = $("lti-create").querySelector("button[type=submit]");
    var body = {
      name: $("lc-name").value.trim(), issuer: $("lc-issuer").value.trim(), client_id: $("lc-client").value.trim(),
      deployment_ids: $("lc-deployments").value.split(",").map(function (d) { return d.trim(); }).filter(Boolean),
      auth_login_url: $("lc-login").value.trim(), auth_token_url: $("lc-token").value.trim(), key_set_url: $("lc-keys").value.trim(),
      unit_code: $("lc-unit").value || null
    };
    busy(button, true);
    api("POST", "/v1/admin/lti/platforms", body).then(function (platform) {
      $("lti-create").reset();
      showNotice("Đã đăng ký nền tảng " + quoted(platform.name) + ".");
      return loadPlatforms();
    }, showError).then(function () { busy(button, false); });
  });
}
function renderKeys(keys) {
  var body = $("key-table").tBodies[0];
  clear(body);
  if (!keys.length) body.appendChild(el("tr", {}, [el("td", { colspan: 8, className: "empty", text: "Chưa có khóa API nào." })]));
  keys.forEach(function (key) {
    var action = null;
    if (key.active) {
      action = el("button", { type: "button", className: "danger", "aria-label": "Thu hồi khóa " + key.name, text: "Thu hồi" });
      action.addEventListener("click", function () { revokeKey(key, action); });
    }
    body.appendChild(el("tr", { className: key.active ? "" : "inactive" }, [
      el("th", { scope: "row", text: key.name }), el("td", {}, [el("code", { text: key.prefix + "…" })]),
      el("td", { text: (key.scopes || []).map(function (s) { return (SCOPE_LABELS[s] || s) + " (" + s + ")"; }).join(", ") }),
      el("td", { text: key.unit ? unitName(key.unit) : "Mọi đơn vị" }),
      el("td", { text: fmtTime(key.created_at) }),
      el("td", { text: key.last_used_at ? fmtTime(key.last_used_at) : "Chưa dùng" }),
      el("td", { text: key.active ? "Đang hoạt động" : "Đã thu hồi (" + fmtTime(key.revoked_at) + ")" }),
      el("td", {}, [action ? el("div", { className: "actions" }, [action]) : T.none])
    ]));
  });
  labelCells($("key-table"));
}
function revokeKey(key, button) {
  clearMessages();
  confirmAction("Thu hồi khóa API?", "Khóa " + quoted(key.name) + " sẽ ngừng hoạt động ngay; các hệ thống đang dùng khóa này sẽ bị từ chối.", "Thu hồi")
    .then(function (yes) {
      if (!yes) return;
      busy(button, true);
      api("POST", "/v1/admin/api-keys/" + encodeURIComponent(key.id) + "/revoke").then(function () {
        showNotice("Đã thu hồi khóa API " + quoted(key.name) + ".");
        return loadKeys();
      }, function (error) { showError(error); busy(button, false); });
    });
}
function hideNewKey() {
  $("new-key-value").value = "";
  $("new-key").hidden = true;
  $("copy-status").textContent = "";
}
export function setUpKeys() {
  setUpPlatforms();
  $("key-create").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    var name = $("kc-name").value.trim();
    var scopes = Array.prototype.filter.call(document.querySelectorAll("#key-create input[name=scope]"), function (b) { return b.checked; })
      .map(function (b) { return b.value; });
    if (name.length < 2) { showError({ message: "Vui lòng nhập tên khóa (ít nhất 2 ký tự)." }); $("kc-name").focus(); return; }
    if (!scopes.length) { showError({ message: "Vui lòng chọn ít nhất một phạm vi cho khóa." }); return; }
    var button = $("key-create").querySelector("button[type=submit]");
    busy(button, true);
    api("POST", "/v1/admin/api-keys", { name: name, scopes: scopes, unit: $("kc-unit").value || null }).then(function (key) {
      $("key-create").reset();
      $("new-key-title").textContent = "Khóa API mới: " + key.name;
      $("new-key-value").value = key.key;
      $("copy-status").textContent = "";
      $("new-key").hidden = false;
      $("new-key-value").focus();
      $("new-key-value").select();
      showNotice("Đã tạo khóa API " + quoted(key.name) + ". Hãy sao chép khóa ngay: khóa sẽ không được hiển thị lại.");
      return loadKeys();
    }, showError).then(function () { busy(button, false); });
  });
  $("copy-key").addEventListener("click", function () {
    var input = $("new-key-value"), status = $("copy-status");
    function fallback() {
      input.focus();
      input.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      status.textContent = ok ? "Đã sao chép khóa." : "Không sao chép được tự động. Hãy chọn khóa và sao chép thủ công (Ctrl+C).";
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () { status.textContent = "Đã sao chép khóa."; }, fallback);
    } else {
      fallback();
    }
  });
  $("hide-key").addEventListener("click", function () { hideNewKey(); $("kc-name").focus(); });
}

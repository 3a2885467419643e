/* Trợ lý số — admin console, tab "Người dùng" (admins): accounts by name or phone, their role and unit, turning them
 * off and on (which ends their sessions), and the units. */
import {
  $, KIND_LABELS, PAGE_SIZE, ROLE_LABELS, T, api, busy, clearMessages, closeDialog, confirmAction, el, fmtTime, labelCells,
  num, openDialog, query, quoted, renderPager, showError, showNotice, state, unitName
} from "./admin-common.js";

const listed = { offset: 0, total: 0, items: [] };
const clear = (node) => node.replaceChildren();

export function loadUnits() {
  return api("GET", "/v1/admin/units").then(function (data) {
    state.units = data.items || [];
    state.unitNames = {};
    state.units.forEach(function (u) { state.unitNames[u.code] = u.name; });
    fillUnitSelects();
    renderUnits();
  });
}
function fillUnitSelects() {
  Array.prototype.forEach.call(document.querySelectorAll("select[data-units]"), function (select) {
    var keep = select.value, first = select.options[0];
    clear(select);
    select.appendChild(first);
    state.units.forEach(function (unit) {
      if (select.getAttribute("data-units") === "province" && unit.kind !== "province") return;
      select.appendChild(el("option", { value: unit.code, text: unit.name + " (" + unit.code + ")" }));
    });
    select.value = keep;
    if (select.value !== keep) select.value = "";
  });
}
function renderUnits() {
  var body = $("unit-table").tBodies[0];
  clear(body);
  if (!state.units.length) {
    body.appendChild(el("tr", {}, [el("td", { colspan: 4, className: "empty", text: "Chưa có đơn vị nào." })]));
    return;
  }
  state.units.forEach(function (unit) {
    body.appendChild(el("tr", {}, [
      el("td", {}, [el("code", { text: unit.code })]), el("td", { text: unit.name }),
      el("td", { text: KIND_LABELS[unit.kind] || unit.kind }), el("td", { text: unit.province ? unitName(unit.province) : T.none })
    ]));
  });
  labelCells($("unit-table"));
}

export function loadUsers() {
  var page = listed;
  var params = { q: $("us-q").value.trim(), role: $("us-role").value, unit: $("us-unit").value, active: $("us-active").value,
                 limit: PAGE_SIZE, offset: page.offset };
  $("user-summary").textContent = T.loading;
  return api("GET", "/v1/admin/users" + query(params)).then(function (data) {
    page.items = data.items || [];
    page.total = data.total || 0;
    renderUsers();
  }, function (error) { $("user-summary").textContent = ""; showError(error); });
}
function renderUsers() {
  var page = listed, body = $("user-table").tBodies[0];
  clear(body);
  $("user-summary").textContent = page.total ? "Tìm thấy " + num(page.total) + " người dùng." : "Không tìm thấy người dùng nào.";
  page.items.forEach(function (user) {
    var self = state.me && user.id === state.me.id;
    var actions = el("div", { className: "actions" });
    var edit = el("button", { type: "button", className: "secondary", "aria-label": "Sửa " + user.display_name, text: "Sửa" });
    edit.addEventListener("click", function () { openEdit(user); });
    actions.appendChild(edit);
    if (!self) {
      var toggle = user.active
        ? el("button", { type: "button", className: "danger", "aria-label": "Vô hiệu hóa " + user.display_name, text: "Vô hiệu hóa" })
        : el("button", { type: "button", "aria-label": "Kích hoạt lại " + user.display_name, text: "Kích hoạt lại" });
      toggle.addEventListener("click", function () { (user.active ? deactivate : reactivate)(user, toggle); });
      actions.appendChild(toggle);
    }
    body.appendChild(el("tr", { className: user.active ? "" : "inactive", "data-user-id": user.id }, [
      el("th", { scope: "row" }, [user.display_name, self ? el("span", { className: "hint", text: "(bạn)" }) : null]),
      el("td", { text: user.phone || T.none }),
      el("td", { text: ROLE_LABELS[user.role] || user.role }),
      el("td", { text: user.unit ? unitName(user.unit) : T.none }),
      el("td", { text: user.learner_id || T.none }),
      el("td", { text: user.active ? "Đang hoạt động" : "Đã vô hiệu hóa" + (user.deactivated_at ? " (" + fmtTime(user.deactivated_at) + ")" : "") }),
      el("td", { text: user.last_login_at ? fmtTime(user.last_login_at) : "Chưa đăng nhập" }),
      el("td", {}, [actions])
    ]));
  });
  labelCells($("user-table"));
  renderPager($("user-pager"), page, loadUsers);
}
function deactivate(user, button) {
  clearMessages();
  confirmAction("Vô hiệu hóa tài khoản?",
    "Tài khoản " + quoted(user.display_name) + " (" + (user.phone || "") + ") sẽ không đăng nhập được nữa và mọi phiên đăng nhập đang mở sẽ kết thúc ngay.",
    "Vô hiệu hóa").then(function (yes) {
    if (!yes) return;
    busy(button, true);
    api("POST", "/v1/admin/users/" + encodeURIComponent(user.id) + "/deactivate").then(function (result) {
      showNotice("Đã vô hiệu hóa tài khoản " + quoted(user.display_name) + ". Đã thu hồi " + num(result.sessions_revoked) + " phiên đăng nhập.");
      return loadUsers();
    }, function (error) { showError(error); busy(button, false); });
  });
}
function reactivate(user, button) {
  clearMessages();
  busy(button, true);
  api("POST", "/v1/admin/users/" + encodeURIComponent(user.id) + "/reactivate").then(function () {
    showNotice("Đã kích hoạt lại tài khoản " + quoted(user.display_name) + ".");
    return loadUsers();
  }, function (error) { showError(error); busy(button, false); });
}
var editing = null;
function openEdit(user) {
  editing = user;
  clearMessages();
  $("edit-error").textContent = "";
  $("edit-title").textContent = "Sửa người dùng: " + user.display_name;
  $("ed-name").value = user.display_name;
  $("ed-role").value = user.role;
  $("ed-unit").value = user.unit || "";
  openDialog($("edit-dialog"), $("ed-name"));
}
function fillRoleSelects() {
  ["us-role", "uc-role", "ed-role"].forEach(function (id) {
    var select = $(id);
    ["learner", "unit_admin", "admin"].forEach(function (role) {
      select.appendChild(el("option", { value: role, text: ROLE_LABELS[role] }));
    });
  });
}
export function setUpUsers() {
  fillRoleSelects();
  $("user-search").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    listed.offset = 0;
    loadUsers();
  });
  $("user-create").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    var name = $("uc-name").value.trim(), phone = $("uc-phone").value.trim(), learner = $("uc-learner").value.trim();
    var role = $("uc-role").value, unit = $("uc-unit").value;
    if (!name || !phone) { showError({ message: "Vui lòng nhập họ tên và số điện thoại." }); (name ? $("uc-phone") : $("uc-name")).focus(); return; }
    if (learner && !/^[A-Za-z0-9._:-]{1,64}$/.test(learner)) {
      showError({ message: "Mã học viên chỉ gồm chữ không dấu, chữ số và các dấu . _ : -" });
      $("uc-learner").focus();
      return;
    }
    if (role === "unit_admin" && !unit) { showError({ message: "Quản trị đơn vị phải thuộc một đơn vị." }); $("uc-unit").focus(); return; }
    var button = event.submitter || $("user-create").querySelector("button[type=submit]");
    busy(button, true);
    api("POST", "/v1/admin/users", { phone: phone, display_name: name, role: role, unit: unit || null, learner_id: learner || null })
      .then(function (user) {
        $("user-create").reset();
        showNotice("Đã tạo tài khoản " + quoted(user.display_name) + " (" + user.phone + ").");
        return loadUsers();
      }, showError).then(function () { busy(button, false); });
  });
  var dialog = $("edit-dialog");
  $("edit-cancel").addEventListener("click", function () { closeDialog(dialog, $("user-summary")); });
  dialog.addEventListener("cancel", function (event) { event.preventDefault(); closeDialog(dialog, $("user-summary")); });
  $("edit-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var user = editing, change = {};
    var name = $("ed-name").value.trim(), role = $("ed-role").value, unit = $("ed-unit").value;
    if (!name) { $("edit-error").textContent = "Vui lòng nhập họ tên."; $("ed-name").focus(); return; }
    if (name !== user.display_name) change.display_name = name;
    if (role !== user.role) change.role = role;
    if (unit !== (user.unit || "")) { if (unit) change.unit = unit; else change.clear_unit = true; }
    if (!Object.keys(change).length) { closeDialog(dialog, $("user-summary")); return; }
    api("PATCH", "/v1/admin/users/" + encodeURIComponent(user.id), change).then(function (updated) {
      closeDialog(dialog, $("user-summary"));
      showNotice("Đã lưu thay đổi của " + quoted(updated.display_name) + ".");
      return loadUsers();
    }, function (error) { $("edit-error").textContent = error.message; });
  });
  $("user-summary").tabIndex = -1;

  $("unit-create").addEventListener("submit", function (event) {
    event.preventDefault();
    clearMessages();
    var code = $("un-code").value.trim(), name = $("un-name").value.trim();
    if (!code || name.length < 2) { showError({ message: "Vui lòng nhập mã đơn vị và tên đơn vị." }); (code ? $("un-name") : $("un-code")).focus(); return; }
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) || code.length < 3) {
      showError({ message: "Mã đơn vị chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang, ví dụ xa-tan-phu." });
      $("un-code").focus();
      return;
    }
    var button = $("unit-create").querySelector("button[type=submit]");
    busy(button, true);
    api("POST", "/v1/admin/units", { code: code, name: name, kind: $("un-kind").value, province: $("un-province").value || null })
      .then(function (unit) {
        $("unit-create").reset();
        showNotice("Đã thêm đơn vị " + quoted(unit.name) + ".");
        return loadUnits();
      }, showError).then(function () { busy(button, false); });
  });
}

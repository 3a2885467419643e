/* Trợ lý số — admin console. Plain JS, no build step.
 * The session is in HttpOnly cookies: nothing is stored in the browser. Server data is only ever
 * written with textContent / attributes (never innerHTML). */
(function () {
  "use strict";

  // ---- labels ------------------------------------------------------------------------------------
  var T = {
    network: "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.",
    unknown: "Đã có lỗi xảy ra. Vui lòng thử lại.",
    loading: "Đang tải…",
    allSystem: "Toàn hệ thống",
    noUnit: "Không thuộc đơn vị",
    none: "—"
  };
  var ROLE_LABELS = { admin: "Quản trị hệ thống", unit_admin: "Quản trị đơn vị", learner: "Học viên" };
  var STATUS_LABELS = { pending: "Chờ xử lý", confirmed: "Chặn đúng", false_positive: "Cảnh báo nhầm", escalated: "Chuyển cấp trên" };
  var CATEGORY_LABELS = {
    personal_data: "Dữ liệu cá nhân", sensitive_personal_data: "Dữ liệu cá nhân nhạy cảm",
    state_secret: "Bí mật nhà nước", internal_document: "Tài liệu nội bộ",
    credential: "Mật khẩu, mã truy cập", prompt_injection: "Câu lệnh vượt quy tắc"
  };
  var SOURCE_LABELS = { chat: "Hỏi trợ lý", feedback: "Góp ý về câu trả lời" };
  var ACTION_LABELS = {
    login: "Đăng nhập", logout: "Đăng xuất", login_failed: "Đăng nhập không thành công",
    login_code_requested: "Yêu cầu mã đăng nhập", login_code_refused: "Từ chối gửi mã đăng nhập",
    login_code_undelivered: "Không gửi được mã đăng nhập", refresh_reused: "Phát hiện dùng lại mã làm mới phiên",
    flag_review: "Xử lý cảnh báo", allowlist_add: "Thêm vào danh sách cho phép", allowlist_remove: "Gỡ khỏi danh sách cho phép",
    user_create: "Tạo người dùng", user_update: "Cập nhật người dùng", user_deactivate: "Vô hiệu hóa tài khoản",
    user_reactivate: "Kích hoạt lại tài khoản", unit_create: "Thêm đơn vị", api_key_create: "Tạo khóa API",
    api_key_revoke: "Thu hồi khóa API", usage_export: "Tải báo cáo sử dụng", audit_export: "Xuất nhật ký",
    user_import: "Nhập danh sách người dùng"
  };
  var DETAIL_LABELS = {
    decision: "Quyết định", count: "Số lượng", ids: "Cảnh báo", reason: "Lý do", term: "Cụm từ", flags: "Cảnh báo",
    role: "Vai trò", changes: "Thay đổi", renamed: "Đổi tên", sessions_revoked: "Số phiên bị thu hồi",
    scopes: "Phạm vi", known_number: "Số đã đăng ký", created: "Đã tạo", updated: "Đã cập nhật", skipped: "Bỏ qua",
    unit: "Đơn vị"
  };
  var HINT_LABELS = {
    repeated_failure: "Gợi ý khi trả lời sai nhiều lần", seek_confusion: "Gợi ý khi tua lại bài giảng nhiều lần",
    idle_nudge: "Nhắc khi dừng học lâu", deadline_plan: "Kế hoạch hoàn thành trước hạn",
    chat_topic_link: "Gợi ý chuyên đề từ câu hỏi", next_topic: "Gợi ý chuyên đề tiếp theo",
    without_hint: "Không có gợi ý (để so sánh)"
  };
  var SCOPE_LABELS = { "events:write": "Gửi sự kiện học tập", "metrics:read": "Đọc số liệu giám sát" };
  var KIND_LABELS = { commune: "Xã, phường", province: "Tỉnh, thành phố" };
  var PAGE_SIZE = 20;

  // ---- small helpers -----------------------------------------------------------------------------
  var $ = function (id) { return document.getElementById(id); };
  var numberFormat = new Intl.NumberFormat("vi-VN");

  /** An element with attributes and children (strings become text nodes: never parsed as HTML). */
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : String(value));
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === "string" || typeof child === "number" ? document.createTextNode(String(child)) : child);
    });
    return node;
  }
  var SVG = "http://www.w3.org/2000/svg";
  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function num(value) { return numberFormat.format(value || 0); }
  function pct(share) {
    if (share === null || share === undefined) return T.none;
    return (share * 100).toLocaleString("vi-VN", { maximumFractionDigits: 1 }) + "%";
  }
  /** Server timestamps are UTC; SQLite hands them back without a zone. */
  function parseTime(value) {
    if (!value) return null;
    var text = String(value);
    if (!/(Z|[+-]\d\d:?\d\d)$/i.test(text)) text += "Z";
    var date = new Date(text);
    return isNaN(date.getTime()) ? null : date;
  }
  function fmtTime(value) {
    var date = parseTime(value);
    return date ? date.toLocaleString("vi-VN", { hour: "2-digit", minute: "2-digit", day: "2-digit", month: "2-digit", year: "numeric" }) : T.none;
  }
  function fmtDay(isoDay) {
    var parts = String(isoDay || "").split("-");
    return parts.length === 3 ? parts[2] + "/" + parts[1] + "/" + parts[0] : String(isoDay || "");
  }
  function localIsoDay(date) {
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }
  function query(params) {
    var search = new URLSearchParams();
    Object.keys(params).forEach(function (key) {
      var value = params[key];
      if (value !== null && value !== undefined && value !== "") search.set(key, String(value));
    });
    var text = search.toString();
    return text ? "?" + text : "";
  }
  function quoted(text) { return "“" + text + "”"; }

  // ---- messages ----------------------------------------------------------------------------------
  var alertBox = $("alert"), noticeBox = $("notice");
  function showError(error) {
    noticeBox.textContent = "";
    alertBox.textContent = (error && error.message) || T.unknown;
  }
  function showNotice(text) {
    alertBox.textContent = "";
    noticeBox.textContent = text;
  }
  function clearMessages() { alertBox.textContent = ""; noticeBox.textContent = ""; }

  // ---- API ---------------------------------------------------------------------------------------
  function ApiError(status, code, message) { this.status = status; this.code = code; this.message = message; }

  function send(method, path, body) {
    var init = { method: method, credentials: "same-origin", headers: { "Accept": "application/json" } };
    if (body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body);
    }
    return fetch(path, init);
  }

  var refreshing = null;
  /** One refresh at a time: concurrent 401s share it (a refresh token must never be used twice). */
  function refreshSession() {
    if (!refreshing) {
      refreshing = send("POST", "/v1/auth/refresh").then(function (r) { return r.ok; }, function () { return false; });
      refreshing.then(function () { refreshing = null; });
    }
    return refreshing;
  }

  var leaving = false;
  function toLogin() {
    if (!leaving) {
      leaving = true;
      window.location.assign("/login?next=/admin");
    }
    return new Promise(function () {});  // the page is going away
  }

  /** Calls the API; resolves the JSON body (null for 204); rejects with an ApiError carrying the Vietnamese message.
   * On 401 the session is refreshed once and the call retried; a second 401 sends the user to the login page. */
  function api(method, path, body) {
    return send(method, path, body).then(function (response) {
      if (response.status !== 401) return response;
      return refreshSession().then(function (ok) {
        if (!ok) return toLogin();
        return send(method, path, body).then(function (again) { return again.status === 401 ? toLogin() : again; });
      });
    }, function () {
      throw new ApiError(0, "network", T.network);
    }).then(function (response) {
      if (response.status === 204) return null;
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        if (response.ok) return data;
        throw new ApiError(response.status, (data && data.code) || "error", (data && typeof data.message === "string" && data.message) || T.unknown);
      });
    });
  }

  function busy(button, on) {
    if (!button) return;
    button.disabled = on;
    button.setAttribute("aria-busy", on ? "true" : "false");
  }

  // ---- state -------------------------------------------------------------------------------------
  var state = {
    me: null, isAdmin: false, units: [], unitNames: {},
    flags: { offset: 0, total: 0, items: [], selected: {} },
    users: { offset: 0, total: 0, items: [] },
    audit: { offset: 0, total: 0 },
    usage: null
  };
  function unitName(code) {
    if (!code) return T.none;
    return state.unitNames[code] ? state.unitNames[code] + " (" + code + ")" : code;
  }

  // ---- dialogs -----------------------------------------------------------------------------------
  function openDialog(dialog, focusTarget) {
    dialog.returnFocus = document.activeElement;
    dialog.showModal();
    if (focusTarget) focusTarget.focus();
  }
  function closeDialog(dialog, fallbackFocus) {
    if (dialog.open) dialog.close();
    var back = dialog.returnFocus;
    if (back && document.body.contains(back) && !back.disabled) back.focus();
    else if (fallbackFocus) fallbackFocus.focus();
  }

  /** A yes/no question in a modal dialog; resolves true when confirmed. */
  function confirmAction(title, text, okLabel) {
    var dialog = $("confirm-dialog");
    $("confirm-title").textContent = title;
    $("confirm-text").textContent = text;
    $("confirm-ok").textContent = okLabel;
    return new Promise(function (resolve) {
      function finish(answer) {
        $("confirm-ok").removeEventListener("click", yes);
        $("confirm-cancel").removeEventListener("click", no);
        dialog.removeEventListener("cancel", onCancel);
        closeDialog(dialog);
        resolve(answer);
      }
      function yes() { finish(true); }
      function no() { finish(false); }
      function onCancel(event) { event.preventDefault(); finish(false); }
      $("confirm-ok").addEventListener("click", yes);
      $("confirm-cancel").addEventListener("click", no);
      dialog.addEventListener("cancel", onCancel);
      openDialog(dialog, $("confirm-cancel"));
    });
  }

  /** A CSV link is a plain navigation, which cannot refresh an expired access token: check the session first. */
  function downloadWithSession(event) {
    var link = event.currentTarget;
    event.preventDefault();
    clearMessages();
    api("GET", "/v1/auth/me").then(function () { window.location.assign(link.getAttribute("href")); }, showError);
  }

  // ---- pagination --------------------------------------------------------------------------------
  function renderPager(nav, page, onMove) {
    var info = nav.querySelector("[data-page-info]");
    var prev = nav.querySelector("[data-page=prev]"), next = nav.querySelector("[data-page=next]");
    var from = page.total ? page.offset + 1 : 0, to = Math.min(page.offset + PAGE_SIZE, page.total);
    info.textContent = page.total ? "Hiển thị " + num(from) + "–" + num(to) + " trên tổng số " + num(page.total) : "";
    prev.disabled = page.offset <= 0;
    next.disabled = page.offset + PAGE_SIZE >= page.total;
    nav.hidden = page.total <= PAGE_SIZE;
    prev.onclick = function () { page.offset = Math.max(0, page.offset - PAGE_SIZE); onMove(); };
    next.onclick = function () { page.offset += PAGE_SIZE; onMove(); };
  }

  // ---- tabs --------------------------------------------------------------------------------------
  var loaders = {};
  function tabs() { return Array.prototype.slice.call(document.querySelectorAll("#tabs [role=tab]")); }
  function selectTab(tab, focus) {
    tabs().forEach(function (other) {
      var selected = other === tab;
      other.setAttribute("aria-selected", selected ? "true" : "false");
      other.tabIndex = selected ? 0 : -1;
      $(other.getAttribute("aria-controls")).hidden = !selected;
    });
    if (focus) tab.focus();
    clearMessages();
    if (loaders[tab.id]) loaders[tab.id]();
  }
  function setUpTabs() {
    var list = $("tabs");
    list.addEventListener("click", function (event) {
      var tab = event.target.closest("[role=tab]");
      if (tab) selectTab(tab, false);
    });
    list.addEventListener("keydown", function (event) {
      var all = tabs(), index = all.indexOf(document.activeElement), target = null;
      if (index < 0) return;
      if (event.key === "ArrowRight") target = all[(index + 1) % all.length];
      else if (event.key === "ArrowLeft") target = all[(index - 1 + all.length) % all.length];
      else if (event.key === "Home") target = all[0];
      else if (event.key === "End") target = all[all.length - 1];
      if (target) { event.preventDefault(); selectTab(target, true); }
    });
  }

  // ---- units (admins) ----------------------------------------------------------------------------
  function loadUnits() {
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
  }

  // ---- a. flags ----------------------------------------------------------------------------------
  function flagFilters() {
    return {
      status: $("f-status").value, category: $("f-category").value,
      unit: state.isAdmin ? $("f-unit").value : "", since: $("f-since").value, until: $("f-until").value
    };
  }
  function loadFlagCounts() {
    var unit = state.isAdmin ? $("f-unit").value : "";
    return api("GET", "/v1/admin/flags/counts" + query({ unit: unit })).then(function (counts) {
      $("flag-counts").textContent = ["pending", "confirmed", "false_positive", "escalated"].map(function (s) {
        return STATUS_LABELS[s] + ": " + num(counts[s]);
      }).join(" · ");
      var badge = $("pending-badge");
      clear(badge);
      if (counts.pending > 0) {
        badge.appendChild(el("span", { "aria-hidden": "true", text: num(counts.pending) }));
        badge.appendChild(el("span", { className: "sr-only", text: " (" + num(counts.pending) + " chờ xử lý)" }));
      }
      badge.hidden = !(counts.pending > 0);
    }, showError);
  }
  function loadFlags() {
    var page = state.flags, list = $("flag-list");
    var params = flagFilters();
    params.limit = PAGE_SIZE;
    params.offset = page.offset;
    list.setAttribute("aria-busy", "true");
    $("flag-summary").textContent = T.loading;
    loadFlagCounts();
    return api("GET", "/v1/admin/flags" + query(params)).then(function (data) {
      page.items = data.items || [];
      page.total = data.total || 0;
      if (page.offset > 0 && page.offset >= page.total) {  // the last page emptied (e.g. after a review)
        page.offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
        return loadFlags();
      }
      page.selected = {};
      renderFlags();
    }, function (error) {
      $("flag-summary").textContent = "";
      showError(error);
    }).then(function () { list.removeAttribute("aria-busy"); });
  }
  function renderFlags() {
    var page = state.flags, list = $("flag-list");
    clear(list);
    var status = STATUS_LABELS[$("f-status").value] || "";
    $("flag-summary").textContent = page.total
      ? "Có " + num(page.total) + " cảnh báo (" + status.toLowerCase() + ")."
      : "Không có cảnh báo nào phù hợp (" + status.toLowerCase() + ").";
    page.items.forEach(function (item) { list.appendChild(renderFlag(item)); });
    renderPager($("flag-pager"), page, loadFlags);
    updateBulk();
  }
  function renderFlag(item) {
    var titleId = "flag-" + item.id + "-title";
    var box = el("input", { type: "checkbox", value: item.id, "data-flag-check": "" });
    box.addEventListener("change", function () {
      if (box.checked) state.flags.selected[item.id] = item; else delete state.flags.selected[item.id];
      updateBulk();
    });
    var categories = (item.categories || []).map(function (c) { return CATEGORY_LABELS[c] || c; }).join(", ") || T.none;
    var recognizers = (item.recognizers || []).join(", ");
    var scores = (item.scores || []).map(function (s) { return s.toLocaleString("vi-VN"); }).join(", ");
    var meta = el("dl", { className: "meta" }, [
      el("dt", { text: "Thời gian" }), el("dd", { text: fmtTime(item.created_at) }),
      el("dt", { text: "Loại thông tin" }), el("dd", { text: categories }),
      el("dt", { text: "Đơn vị" }), el("dd", { text: item.unit ? unitName(item.unit) : "Không rõ đơn vị" }),
      el("dt", { text: "Nguồn" }), el("dd", { text: SOURCE_LABELS[item.source] || item.source || T.none }),
      el("dt", { text: "Bộ nhận diện" }), el("dd", { text: recognizers ? recognizers + (scores ? " (điểm " + scores + ")" : "") : T.none })
    ]);
    var reviewNote = null;
    if (item.review) {
      reviewNote = el("p", { className: "review-note", text: "Đã xử lý: " + (STATUS_LABELS[item.review.decision] || item.review.decision) +
        " lúc " + fmtTime(item.review.at) + (item.review.reason ? ". Lý do: " + item.review.reason : "") + "." });
    }
    var actions = el("div", { className: "actions" });
    ["confirmed", "false_positive", "escalated"].forEach(function (decision) {
      if (decision === item.status) return;
      var button = el("button", { type: "button", className: decision === "false_positive" ? "" : "secondary",
        "aria-describedby": titleId, text: STATUS_LABELS[decision] });
      button.addEventListener("click", function () { review([item], decision, button); });
      actions.appendChild(button);
    });
    return el("li", { className: "flag", "data-status": item.status, "data-flag-id": item.id }, [
      el("article", { "aria-labelledby": titleId }, [
        el("div", { className: "flag-head" }, [
          el("label", { className: "check" }, [box, el("span", { id: titleId, text: "Cảnh báo #" + item.id })]),
          el("span", { className: "status status-" + item.status, text: STATUS_LABELS[item.status] || item.status })
        ]),
        el("p", { className: "redacted" }, [el("span", { className: "sr-only", text: "Nội dung đã che: " }), item.redacted_text || ""]),
        meta, reviewNote, actions
      ])
    ]);
  }
  function selectedFlags() {
    return Object.keys(state.flags.selected).map(function (id) { return state.flags.selected[id]; });
  }
  function updateBulk() {
    var chosen = selectedFlags().length, shown = state.flags.items.length;
    $("flag-selected").textContent = chosen ? "Đã chọn " + num(chosen) + " cảnh báo" : "Chưa chọn cảnh báo nào";
    var all = $("flag-all");
    all.checked = shown > 0 && chosen === shown;
    all.indeterminate = chosen > 0 && chosen < shown;
    all.disabled = shown === 0;
    Array.prototype.forEach.call(document.querySelectorAll("[data-bulk]"), function (b) { b.disabled = chosen === 0; });
  }
  function review(items, decision, trigger) {
    clearMessages();
    if (decision === "false_positive") { openFalsePositive(items); return; }
    busy(trigger, true);
    submitReview({ ids: items.map(function (i) { return i.id; }), decision: decision }).then(null, showError)
      .then(function () { busy(trigger, false); });
  }
  function submitReview(body) {
    return api("POST", "/v1/admin/flags/review", body).then(function (result) {
      var text = "Đã cập nhật " + num(result.updated) + " cảnh báo: " + (STATUS_LABELS[result.decision] || result.decision) + ".";
      if (result.allowlisted && result.allowlisted.length) {
        text += " Đã thêm vào danh sách cho phép: " + result.allowlisted.map(quoted).join(", ") + ".";
      }
      showNotice(text);
      return loadFlags();
    });
  }
  var fpItems = [];
  function openFalsePositive(items) {
    fpItems = items;
    $("fp-what").textContent = items.length === 1 ? "Cảnh báo #" + items[0].id + ":" : num(items.length) + " cảnh báo đã chọn:";
    var texts = $("fp-texts");
    clear(texts);
    items.slice(0, 20).forEach(function (item) { texts.appendChild(el("li", { text: item.redacted_text || "" })); });
    if (items.length > 20) texts.appendChild(el("li", { text: "… và " + num(items.length - 20) + " cảnh báo khác" }));
    $("fp-error").textContent = "";
    $("fp-reason").value = "";
    $("fp-reason").removeAttribute("aria-invalid");
    var terms = $("fp-terms");  // admins only
    if (terms) { terms.value = ""; terms.removeAttribute("aria-invalid"); }
    openDialog($("fp-dialog"), $("fp-reason"));
  }
  function setUpFlags() {
    var categories = $("f-category");
    Object.keys(CATEGORY_LABELS).forEach(function (code) {
      categories.appendChild(el("option", { value: code, text: CATEGORY_LABELS[code] }));
    });
    $("flag-filters").addEventListener("submit", function (event) {
      event.preventDefault();
      clearMessages();
      state.flags.offset = 0;
      loadFlags();
    });
    $("flag-all").addEventListener("change", function () {
      var on = $("flag-all").checked;
      state.flags.selected = {};
      Array.prototype.forEach.call(document.querySelectorAll("[data-flag-check]"), function (box) { box.checked = on; });
      if (on) state.flags.items.forEach(function (item) { state.flags.selected[item.id] = item; });
      updateBulk();
    });
    Array.prototype.forEach.call(document.querySelectorAll("[data-bulk]"), function (button) {
      button.addEventListener("click", function () {
        var items = selectedFlags();
        if (items.length) review(items, button.getAttribute("data-bulk"), button);
      });
    });
    var dialog = $("fp-dialog");
    $("fp-cancel").addEventListener("click", function () { closeDialog(dialog, $("flag-summary")); });
    dialog.addEventListener("cancel", function (event) { event.preventDefault(); closeDialog(dialog, $("flag-summary")); });
    $("fp-form").addEventListener("submit", function (event) {
      event.preventDefault();
      var reason = $("fp-reason").value.trim(), error = $("fp-error");
      var termsInput = $("fp-terms");  // admins only
      var terms = termsInput ? termsInput.value.split(";").map(function (t) { return t.trim(); }).filter(Boolean) : [];
      $("fp-reason").removeAttribute("aria-invalid");
      if (termsInput) termsInput.removeAttribute("aria-invalid");
      if (!reason) {
        error.textContent = "Vui lòng ghi lý do khi đánh dấu là cảnh báo nhầm.";
        $("fp-reason").setAttribute("aria-invalid", "true");
        $("fp-reason").focus();
        return;
      }
      if (terms.length > 5) {
        error.textContent = "Mỗi lần thêm tối đa 5 cụm từ vào danh sách cho phép.";
        termsInput.setAttribute("aria-invalid", "true");
        termsInput.focus();
        return;
      }
      var submit = $("fp-submit");
      busy(submit, true);
      error.textContent = "";
      api("POST", "/v1/admin/flags/review", {
        ids: fpItems.map(function (i) { return i.id; }), decision: "false_positive", reason: reason, allow_terms: terms
      }).then(function (result) {
        closeDialog(dialog, $("flag-summary"));
        var text = "Đã cập nhật " + num(result.updated) + " cảnh báo: " + STATUS_LABELS.false_positive + ".";
        if (result.allowlisted && result.allowlisted.length) {
          text += " Đã thêm vào danh sách cho phép: " + result.allowlisted.map(quoted).join(", ") + ".";
          loadAllowlist();
        }
        showNotice(text);
        return loadFlags();
      }, function (failure) {
        error.textContent = failure.message;
        if (failure.code === "bad_allow_term" && termsInput) { termsInput.setAttribute("aria-invalid", "true"); termsInput.focus(); }
      }).then(function () { busy(submit, false); });
    });
    $("fp-reason").addEventListener("input", function () { $("fp-error").textContent = ""; $("fp-reason").removeAttribute("aria-invalid"); });
    $("flag-summary").tabIndex = -1;
  }

  // ---- b. usage ----------------------------------------------------------------------------------
  function loadUsage() {
    var params = { unit: state.isAdmin ? $("u-unit").value : "", since: $("u-since").value, until: $("u-until").value };
    $("usage-period").textContent = T.loading;
    updateReportLink();
    return api("GET", "/v1/admin/usage" + query(params)).then(function (data) {
      state.usage = data;
      renderUsage(data);
    }, function (error) {
      $("usage-period").textContent = "";
      showError(error);
    });
  }
  function bar(label, valueText, share, tone) {
    var width = Math.max(0, Math.min(1, share || 0)) * 100;
    return el("li", {}, [
      el("div", { className: "bar-label" }, [el("span", { text: label }), el("span", { text: valueText })]),
      el("div", { className: "bar" + (tone ? " " + tone : ""), "aria-hidden": "true" }, [el("span", { style: "width:" + width.toFixed(1) + "%" })])
    ]);
  }
  function ratio(part, whole) { return whole ? part / whole : 0; }
  function renderUsage(data) {
    var totals = data.totals, feedback = data.feedback, learners = data.learners;
    var scope = data.filter.unit ? "Đơn vị " + unitName(data.filter.unit) : T.allSystem;
    $("usage-period").textContent = "Số liệu từ " + fmtDay(data.filter.since) + " đến " + fmtDay(data.filter.until) + " – " + scope + "." +
      (data.generated_at ? " Cập nhật lúc " + fmtTime(data.generated_at) + "." : "");
    if (!$("u-since").value) $("u-since").value = data.filter.since;
    if (!$("u-until").value) $("u-until").value = data.filter.until;
    $("usage-body").hidden = false;

    var kpis = $("usage-kpis");
    clear(kpis);
    var rated = feedback.helpful + feedback.not_helpful;
    [
      ["Câu hỏi", num(totals.questions), null],
      ["Trả lời theo tài liệu", num(totals.answered), pct(ratio(totals.answered, totals.questions)) + " số câu hỏi"],
      ["Bị chặn", num(totals.blocked), pct(totals.blocked_share) + " số câu hỏi"],
      ["Ngoài phạm vi tài liệu", num(totals.not_covered), pct(totals.not_covered_share) + " số câu hỏi"],
      ["Phản hồi hữu ích", rated ? pct(feedback.helpful_share) : T.none, num(feedback.helpful) + "/" + num(rated) + " lượt đánh giá"],
      ["Học viên hoạt động", num(learners.active), "trên " + num(learners.total) + " học viên"]
    ].forEach(function (kpi) {
      kpis.appendChild(el("div", { className: "kpi" }, [
        el("dt", { text: kpi[0] }), el("dd", {}, [kpi[1], kpi[2] ? el("small", { text: kpi[2] }) : null])
      ]));
    });

    drawDaily();
    var rows = $("qpd-table").tBodies[0];
    clear(rows);
    data.questions_per_day.forEach(function (day) {
      rows.appendChild(el("tr", {}, [
        el("th", { scope: "row", text: fmtDay(day.date) }), el("td", { className: "num", text: num(day.questions) }),
        el("td", { className: "num", text: num(day.blocked) }), el("td", { className: "num", text: num(day.not_covered) })
      ]));
    });

    var blocked = $("blocked-bars");
    clear(blocked);
    if (!data.blocked_by_category.length) blocked.appendChild(el("li", { text: "Không có câu hỏi nào bị chặn trong kỳ." }));
    data.blocked_by_category.forEach(function (row) {
      blocked.appendChild(bar(CATEGORY_LABELS[row.category] || row.category,
        num(row.count) + " câu (" + pct(row.share) + " số câu bị chặn)", row.share, "red"));
    });

    var topics = $("top-topics");
    clear(topics);
    if (!data.top_topics.length) topics.appendChild(el("li", { text: "Chưa có câu trả lời nào trích dẫn tài liệu trong kỳ." }));
    data.top_topics.forEach(function (topic) {
      topics.appendChild(el("li", {}, [topic.title || topic.doc_id, " ", el("span", { className: "count", text: "– " + num(topic.count) + " câu trả lời" })]));
    });

    var quality = $("quality-bars");
    clear(quality);
    quality.appendChild(bar("Câu hỏi ngoài phạm vi tài liệu", pct(totals.not_covered_share) + " (" + num(totals.not_covered) + " câu)", totals.not_covered_share, "amber"));
    quality.appendChild(bar("Câu hỏi bị chặn", pct(totals.blocked_share) + " (" + num(totals.blocked) + " câu)", totals.blocked_share, "red"));
    quality.appendChild(bar("Phản hồi hữu ích", rated ? pct(feedback.helpful_share) + " (" + num(feedback.helpful) + "/" + num(rated) + ")" : "Chưa có đánh giá",
      feedback.helpful_share, "green"));

    var people = $("learner-bars");
    clear(people);
    var total = learners.total;
    people.appendChild(bar("Học viên hoạt động trong kỳ", num(learners.active) + "/" + num(total), ratio(learners.active, total)));
    people.appendChild(bar("Đã hoàn thành ít nhất một chuyên đề", num(learners.with_progress) + "/" + num(total), ratio(learners.with_progress, total)));
    people.appendChild(bar("Đúng tiến độ", num(learners.on_track) + "/" + num(total), ratio(learners.on_track, total), "amber"));
    people.appendChild(bar("Đủ điều kiện cấp chứng nhận", num(learners.eligible) + "/" + num(total), ratio(learners.eligible, total), "green"));
    people.appendChild(el("li", { text: "Số chuyên đề hoàn thành trung bình: " +
      Number(learners.average_completed_topics || 0).toLocaleString("vi-VN", { maximumFractionDigits: 2 }) }));

    var hints = $("hint-bars");
    clear(hints);
    var rules = Object.keys(data.hints || {}).filter(function (r) { return r !== "without_hint"; });
    if (data.hints && data.hints.without_hint) rules.push("without_hint");
    rules.forEach(function (rule) {
      var row = data.hints[rule];
      var text = row.next_attempt_right === null || row.next_attempt_right === undefined
        ? "Chưa có dữ liệu" : pct(row.next_attempt_right) + " đúng (" + num(row.attempts) + " lần làm lại)";
      hints.appendChild(bar(HINT_LABELS[rule] || rule, text, row.next_attempt_right, rule === "without_hint" ? "" : "green"));
    });

    var flags = $("usage-flags");
    clear(flags);
    var flagTotal = 0;
    Object.keys(data.flags).forEach(function (s) { flagTotal += data.flags[s]; });
    ["pending", "confirmed", "false_positive", "escalated"].forEach(function (s) {
      flags.appendChild(bar(STATUS_LABELS[s], num(data.flags[s]), ratio(data.flags[s], flagTotal), s === "confirmed" ? "red" : s === "false_positive" ? "green" : "amber"));
    });
  }
  function niceMax(value) {
    if (value <= 5) return 5;
    var power = Math.pow(10, Math.floor(Math.log10(value))), steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) if (steps[i] * power >= value) return steps[i] * power;
    return 10 * power;
  }
  /** Stacked bars per day (answered, not covered, blocked) as inline SVG; the table below is the text alternative. */
  function drawDaily() {
    var data = state.usage, box = $("qpd-chart");
    if (!data || $("panel-usage").hidden) return;
    var days = data.questions_per_day;
    clear(box);
    var width = Math.max(280, Math.floor(box.clientWidth || 600)), height = 220;
    var left = 40, right = 10, top = 10, bottom = 26, plotW = width - left - right, plotH = height - top - bottom;
    var most = 0, busiest = null, total = 0;
    days.forEach(function (d) { total += d.questions; if (d.questions > most) { most = d.questions; busiest = d; } });
    var max = niceMax(most);
    var svg = svgEl("svg", { viewBox: "0 0 " + width + " " + height, width: width, height: height, role: "img",
      "aria-labelledby": "qpd-svg-title qpd-svg-desc", focusable: "false" });
    svg.appendChild(svgEl("title", { id: "qpd-svg-title" }, "Biểu đồ số câu hỏi theo ngày"));
    svg.appendChild(svgEl("desc", { id: "qpd-svg-desc" }, "Tổng " + num(total) + " câu hỏi trong " + num(days.length) + " ngày" +
      (busiest ? "; nhiều nhất " + num(most) + " câu vào ngày " + fmtDay(busiest.date) : "") + ". Xem bảng số liệu bên dưới."));
    [0, max / 2, max].filter(function (tick) { return tick === Math.round(tick); }).forEach(function (tick) {
      var y = top + plotH - (tick / max) * plotH;
      svg.appendChild(svgEl("line", { x1: left, x2: width - right, y1: y, y2: y, stroke: "#d5dbe2", "stroke-width": 1 }));
      svg.appendChild(svgEl("text", { x: left - 6, y: y + 4, "text-anchor": "end" }, num(tick)));
    });
    var step = plotW / Math.max(1, days.length), barW = Math.max(1, step * 0.75);
    days.forEach(function (d, i) {
      var x = left + i * step + (step - barW) / 2, y = top + plotH;
      var group = svgEl("g", {});
      group.appendChild(svgEl("title", {}, fmtDay(d.date) + ": " + num(d.questions) + " câu hỏi, " + num(d.blocked) + " bị chặn, " +
        num(d.not_covered) + " ngoài phạm vi tài liệu"));
      var answered = Math.max(0, d.questions - d.blocked - d.not_covered);
      [[answered, "#0b5394"], [d.not_covered, "#e0a000"], [d.blocked, "#b3261e"]].forEach(function (part) {
        if (!part[0]) return;
        var h = (part[0] / max) * plotH;
        y -= h;
        group.appendChild(svgEl("rect", { x: x.toFixed(2), y: y.toFixed(2), width: barW.toFixed(2), height: h.toFixed(2), fill: part[1] }));
      });
      svg.appendChild(group);
    });
    var labels = days.length > 2 ? [0, Math.floor((days.length - 1) / 2), days.length - 1] : days.map(function (_, i) { return i; });
    labels.forEach(function (i, n) {
      var x = left + i * step + step / 2, anchor = n === 0 && labels.length > 1 ? "start" : n === labels.length - 1 && labels.length > 1 ? "end" : "middle";
      if (anchor === "start") x = left; else if (anchor === "end") x = width - right;
      svg.appendChild(svgEl("text", { x: x, y: height - 6, "text-anchor": anchor }, fmtDay(days[i].date).slice(0, 5)));
    });
    box.appendChild(svg);
  }
  function updateReportLink() {
    var month = $("report-month").value, link = $("report-link");
    var ok = /^\d{4}-(0[1-9]|1[0-2])$/.test(month);
    link.setAttribute("href", "/v1/admin/usage/report.csv" + query({ month: month, unit: state.isAdmin ? $("u-unit").value : "" }));
    link.setAttribute("aria-disabled", ok ? "false" : "true");
  }
  function setUpUsage() {
    var now = new Date();
    $("report-month").value = localIsoDay(now).slice(0, 7);
    $("usage-filters").addEventListener("submit", function (event) {
      event.preventDefault();
      clearMessages();
      loadUsage();
    });
    $("report-month").addEventListener("input", updateReportLink);
    $("report-month").addEventListener("change", updateReportLink);
    if (state.isAdmin) $("u-unit").addEventListener("change", updateReportLink);
    $("report-link").addEventListener("click", function (event) {
      updateReportLink();
      if ($("report-link").getAttribute("aria-disabled") === "true") {
        event.preventDefault();
        showError({ message: "Tháng phải có dạng YYYY-MM, ví dụ 2026-11." });
        $("report-month").focus();
        return;
      }
      downloadWithSession(event);
    });
    var pending = false;
    window.addEventListener("resize", function () {
      if (pending) return;
      pending = true;
      window.requestAnimationFrame(function () { pending = false; drawDaily(); });
    });
    updateReportLink();
  }

  // ---- c. users and units ------------------------------------------------------------------------
  function loadUsers() {
    var page = state.users;
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
    var page = state.users, body = $("user-table").tBodies[0];
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
  function setUpUsers() {
    fillRoleSelects();
    $("user-search").addEventListener("submit", function (event) {
      event.preventDefault();
      clearMessages();
      state.users.offset = 0;
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

  // ---- d. API keys -------------------------------------------------------------------------------
  function loadKeys() {
    return api("GET", "/v1/admin/api-keys").then(function (data) { renderKeys(data.items || []); }, showError);
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
  function setUpKeys() {
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

  // ---- e. audit log ------------------------------------------------------------------------------
  function auditFilters() {
    return { action: $("a-action").value, actor: $("a-actor").value.trim(), since: $("a-since").value, until: $("a-until").value };
  }
  function updateAuditExport() { $("audit-export").setAttribute("href", "/v1/admin/audit.csv" + query(auditFilters())); }
  function loadAudit() {
    var page = state.audit, params = auditFilters();
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
    var page = state.audit, body = $("audit-table").tBodies[0];
    clear(body);
    $("audit-summary").textContent = page.total ? "Có " + num(page.total) + " bản ghi." : "Không có bản ghi nào phù hợp.";
    items.forEach(function (entry) {
      var actor = entry.actor_id
        ? [state.me && entry.actor_id === state.me.id ? "Bạn" : (entry.actor_name || ROLE_LABELS[entry.actor_role] || entry.actor_role || ""),
           " (" + (ROLE_LABELS[entry.actor_role] || entry.actor_role || "") + ") ", el("code", { text: entry.actor_id })]
        : ["Người chưa đăng nhập"];
      body.appendChild(el("tr", { "data-action": entry.action }, [
        el("td", { text: fmtTime(entry.at) }),
        el("td", { text: ACTION_LABELS[entry.action] || entry.action }),
        el("td", {}, actor),
        el("td", { text: entry.target || T.none }),
        el("td", { text: entry.unit ? unitName(entry.unit) : T.none }),
        el("td", { className: "detail", text: detailText(entry.detail) || T.none }),
        el("td", { text: entry.ip || T.none })
      ]));
    });
    renderPager($("audit-pager"), page, loadAudit);
  }
  function setUpAudit() {
    var select = $("a-action");
    Object.keys(ACTION_LABELS).forEach(function (action) {
      select.appendChild(el("option", { value: action, text: ACTION_LABELS[action] }));
    });
    $("audit-filters").addEventListener("submit", function (event) {
      event.preventDefault();
      clearMessages();
      state.audit.offset = 0;
      loadAudit();
    });
    $("audit-filters").addEventListener("change", updateAuditExport);
    $("audit-export").addEventListener("click", function (event) { updateAuditExport(); downloadWithSession(event); });
    $("audit-filters").addEventListener("input", updateAuditExport);
  }

  // ---- start -------------------------------------------------------------------------------------
  function showUser(me) {
    $("who-name").textContent = me.display_name;
    $("who-role").textContent = ROLE_LABELS[me.role] || me.role;
    if (me.unit && me.unit_name) state.unitNames[me.unit] = me.unit_name;
    $("who-unit").textContent = me.unit ? "Đơn vị: " + unitName(me.unit) : me.role === "admin" ? T.allSystem : "";
    $("who-unit").hidden = !$("who-unit").textContent;
    $("who").hidden = false;
  }
  $("logout").addEventListener("click", function () {
    var button = $("logout");
    busy(button, true);
    send("POST", "/v1/auth/logout").then(null, function () { return null; }).then(function () {
      leaving = true;
      window.location.assign("/login");
    });
  });

  // ---- allowlist (admins) ------------------------------------------------------------------------
  function loadAllowlist() {
    if (!state.isAdmin) return Promise.resolve();
    return api("GET", "/v1/admin/allowlist").then(function (data) {
      var list = $("allowlist-terms");
      clear(list);
      if (!data.items.length) list.appendChild(el("li", { text: "Chưa có cụm từ nào." }));
      data.items.forEach(function (item) {
        var remove = el("button", { type: "button", "class": "secondary", "aria-label": "Gỡ " + quoted(item.term), text: "Gỡ" });
        remove.addEventListener("click", function () {
          busy(remove, true);
          api("POST", "/v1/admin/allowlist/remove", { term: item.term }).then(function () {
            showNotice("Đã gỡ " + quoted(item.term) + " khỏi danh sách cho phép.");
            return loadAllowlist();
          }, function (error) { busy(remove, false); showError(error); });
        });
        list.appendChild(el("li", {}, [el("span", { text: item.term }), " ", remove]));
      });
    }, showError);
  }

  function start() {
    api("GET", "/v1/auth/me").then(function (me) {
      state.me = me;
      state.isAdmin = me.role === "admin";
      $("loading").hidden = true;
      if (me.role !== "admin" && me.role !== "unit_admin") {
        showUser(me);
        $("denied").hidden = false;
        document.title = "Không có quyền quản trị – Trợ lý số";
        return;
      }
      if (!state.isAdmin) {
        Array.prototype.forEach.call(document.querySelectorAll("[data-admin-only]"), function (node) { node.remove(); });
      }
      setUpTabs();
      setUpFlags();
      setUpUsage();
      loaders["tab-flags"] = function () { loadFlags(); loadAllowlist(); };
      loaders["tab-usage"] = loadUsage;
      if (state.isAdmin) {
        setUpUsers();
        setUpKeys();
        setUpAudit();
        loaders["tab-users"] = function () { loadUsers(); loadUnits().then(null, showError); };
        loaders["tab-keys"] = loadKeys;
        loaders["tab-audit"] = loadAudit;
      }
      var ready = state.isAdmin ? loadUnits().then(null, showError) : Promise.resolve();
      return ready.then(function () {
        showUser(me);
        $("console").hidden = false;
        loadFlags();
        loadAllowlist();
      });
    }, function (error) {
      $("loading").hidden = true;
      showError(error);
    });
  }
  start();
})();

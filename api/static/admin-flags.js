/* Trợ lý số — admin console, tab "Cảnh báo": prompts the guardrail blocked (stored masked), their review, and the
 * allowlist of terms cleared as false positives. */
import {
  $, CATEGORY_LABELS, PAGE_SIZE, RECOGNIZER_LABELS, SOURCE_LABELS, STATUS_LABELS, T, api, busy, clearMessages,
  closeDialog, el, fmtTime, num, openDialog, pct, query, quoted, renderPager, showError, showNotice, state, unitName
} from "./admin-common.js";

const page = { offset: 0, total: 0, items: [], selected: {} };

function filters() {
  return { status: $("f-status").value, category: $("f-category").value, unit: state.isAdmin ? $("f-unit").value : "",
    since: $("f-since").value, until: $("f-until").value };
}

function loadCounts() {
  return api("GET", "/v1/admin/flags/counts" + query({ unit: state.isAdmin ? $("f-unit").value : "" })).then((counts) => {
    $("flag-counts").textContent = ["pending", "confirmed", "false_positive", "escalated"]
      .map((s) => STATUS_LABELS[s] + ": " + num(counts[s])).join(" · ");
    const badge = $("pending-badge");
    badge.replaceChildren();
    if (counts.pending > 0) {
      badge.append(el("span", { "aria-hidden": "true", text: num(counts.pending) }),
        el("span", { className: "sr-only", text: " (" + num(counts.pending) + " chờ xử lý)" }));
    }
    badge.hidden = !(counts.pending > 0);
  }, showError);
}

export function loadFlags() {
  const list = $("flag-list"), params = { ...filters(), limit: PAGE_SIZE, offset: page.offset };
  list.setAttribute("aria-busy", "true");
  $("flag-summary").textContent = T.loading;
  loadCounts();
  return api("GET", "/v1/admin/flags" + query(params)).then((data) => {
    page.items = data.items || [];
    page.total = data.total || 0;
    if (page.offset > 0 && page.offset >= page.total) {  // the last page emptied (e.g. after a review)
      page.offset = Math.max(0, Math.floor((page.total - 1) / PAGE_SIZE) * PAGE_SIZE);
      return loadFlags();
    }
    page.selected = {};
    render();
  }, (error) => { $("flag-summary").textContent = ""; showError(error); }).then(() => list.removeAttribute("aria-busy"));
}

function render() {
  const list = $("flag-list");
  list.replaceChildren(...page.items.map(renderFlag));
  const status = STATUS_LABELS[$("f-status").value];
  const which = status ? " (" + status.toLowerCase() + ")" : "";  // "all statuses" names none
  $("flag-summary").textContent = page.total ? "Có " + num(page.total) + " cảnh báo" + which + "." : "Không có cảnh báo nào phù hợp" + which + ".";
  renderPager($("flag-pager"), page, loadFlags);
  updateBulk();
}

/** What found it, as a reviewer reads it: "địa chỉ nhà, họ tên — độ tin cậy cao nhất 70%". */
function foundBy(item) {
  const names = (item.recognizers || []).map((r) => RECOGNIZER_LABELS[r] || r);
  if (!names.length) return T.none;
  const scores = item.scores || [];
  return names.join(", ") + (scores.length ? " — độ tin cậy cao nhất " + pct(Math.min(1, Math.max(...scores))) : "");
}

function renderFlag(item) {
  const titleId = "flag-" + item.id + "-title";
  const box = el("input", { type: "checkbox", value: item.id, "data-flag-check": "" });
  box.addEventListener("change", () => {
    if (box.checked) page.selected[item.id] = item; else delete page.selected[item.id];
    updateBulk();
  });
  const categories = (item.categories || []).map((c) => CATEGORY_LABELS[c] || c).join(", ") || T.none;
  const meta = el("dl", { className: "meta" },
    el("dt", { text: "Thời gian" }), el("dd", { text: fmtTime(item.created_at) }),
    el("dt", { text: "Loại thông tin" }), el("dd", { text: categories }),
    el("dt", { text: "Đơn vị" }), el("dd", { text: item.unit ? unitName(item.unit) : "Không rõ đơn vị" }),
    el("dt", { text: "Nguồn" }), el("dd", { text: SOURCE_LABELS[item.source] || item.source || T.none }),
    el("dt", { text: "Phát hiện" }), el("dd", { text: foundBy(item) }));
  const reviewNote = item.review && el("p", { className: "review-note", text: "Đã xử lý: " + (STATUS_LABELS[item.review.decision] || item.review.decision) +
    " lúc " + fmtTime(item.review.at) + (item.review.reason ? ". Lý do: " + item.review.reason : "") + "." });
  // The decisions look alike: nothing nudges the reviewer towards clearing a block.
  const actions = el("div", { className: "actions" }, ["confirmed", "false_positive", "escalated"].filter((d) => d !== item.status).map((decision) => {
    const button = el("button", { type: "button", className: "secondary", "aria-describedby": titleId, text: STATUS_LABELS[decision] });
    button.addEventListener("click", () => review([item], decision, button));
    return button;
  }));
  return el("li", { className: "flag", "data-status": item.status, "data-flag-id": item.id },
    el("article", { "aria-labelledby": titleId },
      el("div", { className: "flag-head" },
        el("label", { className: "check" }, box, el("span", { id: titleId, text: "Cảnh báo #" + item.id })),
        el("span", { className: "status status-" + item.status, text: STATUS_LABELS[item.status] || item.status })),
      el("p", { className: "redacted" }, el("span", { className: "sr-only", text: "Nội dung đã che: " }), item.redacted_text || ""),
      meta, reviewNote, actions));
}

const selected = () => Object.values(page.selected);
function updateBulk() {
  const chosen = selected().length, shown = page.items.length, all = $("flag-all");
  $("flag-selected").textContent = chosen ? "Đã chọn " + num(chosen) + " cảnh báo" : "Chưa chọn cảnh báo nào";
  all.checked = shown > 0 && chosen === shown;
  all.indeterminate = chosen > 0 && chosen < shown;
  all.disabled = shown === 0;
  document.querySelectorAll("[data-bulk]").forEach((b) => { b.disabled = chosen === 0; });
}

function reviewed(result) {
  let text = "Đã cập nhật " + num(result.updated) + " cảnh báo: " + (STATUS_LABELS[result.decision] || result.decision) + ".";
  if (result.allowlisted && result.allowlisted.length) {
    text += " Đã thêm vào danh sách cho phép: " + result.allowlisted.map(quoted).join(", ") + ".";
    loadAllowlist();
  }
  showNotice(text);
  return loadFlags();
}
function review(items, decision, trigger) {
  clearMessages();
  if (decision === "false_positive") { openFalsePositive(items); return; }
  busy(trigger, true);
  api("POST", "/v1/admin/flags/review", { ids: items.map((i) => i.id), decision }).then(reviewed)
    .then(null, showError).then(() => busy(trigger, false));
}

let fpItems = [];
function openFalsePositive(items) {
  fpItems = items;
  $("fp-what").textContent = items.length === 1 ? "Cảnh báo #" + items[0].id + ":" : num(items.length) + " cảnh báo đã chọn:";
  $("fp-texts").replaceChildren(...items.slice(0, 20).map((item) => el("li", { text: item.redacted_text || "" })),
    ...(items.length > 20 ? [el("li", { text: "… và " + num(items.length - 20) + " cảnh báo khác" })] : []));
  $("fp-error").textContent = "";
  $("fp-reason").value = "";
  $("fp-reason").removeAttribute("aria-invalid");
  const terms = $("fp-terms");  // admins only
  if (terms) { terms.value = ""; terms.removeAttribute("aria-invalid"); }
  openDialog($("fp-dialog"), $("fp-reason"));
}

function submitFalsePositive(event) {
  event.preventDefault();
  const reason = $("fp-reason").value.trim(), error = $("fp-error"), termsInput = $("fp-terms");
  const terms = termsInput ? termsInput.value.split(";").map((t) => t.trim()).filter(Boolean) : [];
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
  const submit = $("fp-submit");
  busy(submit, true);
  error.textContent = "";
  api("POST", "/v1/admin/flags/review", { ids: fpItems.map((i) => i.id), decision: "false_positive", reason, allow_terms: terms })
    .then((result) => { closeDialog($("fp-dialog"), $("flag-summary")); return reviewed(result); }, (failure) => {
      error.textContent = failure.message;
      if (failure.code === "bad_allow_term" && termsInput) { termsInput.setAttribute("aria-invalid", "true"); termsInput.focus(); }
    }).then(() => busy(submit, false));
}

export function loadAllowlist() {
  if (!state.isAdmin) return Promise.resolve();
  return api("GET", "/v1/admin/allowlist").then((data) => {
    const list = $("allowlist-terms");
    list.replaceChildren(...(data.items.length ? [] : [el("li", { text: "Chưa có cụm từ nào." })]));
    for (const item of data.items) {
      const remove = el("button", { type: "button", className: "secondary", "aria-label": "Gỡ " + quoted(item.term), text: "Gỡ" });
      remove.addEventListener("click", () => {
        busy(remove, true);
        api("POST", "/v1/admin/allowlist/remove", { term: item.term }).then(() => {
          showNotice("Đã gỡ " + quoted(item.term) + " khỏi danh sách cho phép.");
          return loadAllowlist();
        }, (error) => { busy(remove, false); showError(error); });
      });
      list.append(el("li", {}, el("span", { text: item.term }), " ", remove));
    }
  }, showError);
}

export function setUpFlags() {
  $("f-category").append(...Object.entries(CATEGORY_LABELS).map(([code, label]) => el("option", { value: code, text: label })));
  $("flag-filters").addEventListener("submit", (event) => { event.preventDefault(); clearMessages(); page.offset = 0; loadFlags(); });
  $("flag-all").addEventListener("change", () => {
    const on = $("flag-all").checked;
    page.selected = {};
    document.querySelectorAll("[data-flag-check]").forEach((box) => { box.checked = on; });
    if (on) page.items.forEach((item) => { page.selected[item.id] = item; });
    updateBulk();
  });
  document.querySelectorAll("[data-bulk]").forEach((button) => button.addEventListener("click", () => {
    const items = selected();
    if (items.length) review(items, button.getAttribute("data-bulk"), button);
  }));
  const dialog = $("fp-dialog");
  $("fp-cancel").addEventListener("click", () => closeDialog(dialog, $("flag-summary")));
  dialog.addEventListener("cancel", (event) => { event.preventDefault(); closeDialog(dialog, $("flag-summary")); });
  $("fp-form").addEventListener("submit", submitFalsePositive);
  $("fp-reason").addEventListener("input", () => { $("fp-error").textContent = ""; $("fp-reason").removeAttribute("aria-invalid"); });
  $("flag-summary").tabIndex = -1;
}

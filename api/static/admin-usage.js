/* Trợ lý số — admin console, tab "Sử dụng": questions, blocks, answers outside the documents, feedback, learners'
 * progress and the effect of hints, for a period and a unit; the monthly CSV report. */
import {
  $, CATEGORY_LABELS, STATUS_LABELS, T, api, clearMessages, downloadWithSession, el, fmtDay, fmtTime, localIsoDay, num,
  pct, query, showError, state, unitName
} from "./admin-common.js";

const HINT_LABELS = {
  repeated_failure: "Gợi ý khi trả lời sai nhiều lần", seek_confusion: "Gợi ý khi tua lại bài giảng nhiều lần",
  idle_nudge: "Nhắc khi dừng học lâu", deadline_plan: "Kế hoạch hoàn thành trước hạn",
  chat_topic_link: "Gợi ý chuyên đề từ câu hỏi", next_topic: "Gợi ý chuyên đề tiếp theo",
  without_hint: "Không có gợi ý (để so sánh)"
};
const shown = { usage: null };
const clear = (node) => node.replaceChildren();
const SVG = "http://www.w3.org/2000/svg";
function svgEl(tag, attrs, text) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs || {})) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export function loadUsage() {
  var params = { unit: state.isAdmin ? $("u-unit").value : "", since: $("u-since").value, until: $("u-until").value };
  $("usage-period").textContent = T.loading;
  updateReportLink();
  return api("GET", "/v1/admin/usage" + query(params)).then(function (data) {
    shown.usage = data;
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
export function drawDaily() {
  var data = shown.usage, box = $("qpd-chart");
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
export function setUpUsage() {
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

/* Trợ lý số — the demo lesson page: the lesson, its quiz, statements of what the learner does, and the coach's
 * hints, each shown next to what it is about (the quiz item failed, the lesson read). A native ES module. */
import { client } from "./api.js";
import { el, markdown } from "./dom.js";

const api = client("");
const topic = JSON.parse(document.getElementById("lesson-data").textContent).topic;
const T = {
  signIn: "Vui lòng đăng nhập bằng số điện thoại để học và lưu tiến độ. Bạn vẫn có thể đọc bài, nhưng kết quả sẽ không được ghi lại.",
  noLearner: "Tài khoản này không có hồ sơ học viên nên tiến độ học không được ghi lại.",
  unknown: "Chưa kiểm tra được tài khoản đăng nhập nên tiến độ học chưa được ghi lại. Vui lòng tải lại trang.",
  quiz: "Câu hỏi tự kiểm tra", answer: "Trả lời", right: "Đúng!", wrong: "Chưa đúng, thử lại nhé.",
  hint: "Gợi ý của huấn luyện viên số", more: "Xem thêm đoạn bài học", source: "Nguồn: ",
  helpful: "👍 Gợi ý này hữu ích", thanks: "Cảm ơn bạn!", dismiss: "Ẩn gợi ý này", dismissed: "Đã ẩn gợi ý.",
  signedInAs: "Đang đăng nhập: ", below: "Gợi ý mới hiện ngay dưới phần bài liên quan."
};
// Who is learning comes from the session, never from the address: until /v1/auth/me answers, statements wait in
// `pending`; without a learner they are dropped and nothing is sent.
let me = null, ready = false, pending = [];

document.getElementById("topic-title").textContent = topic.title;  // "Chuyên đề N: …", written once by the server

const RESENDS = 8;  // about ten minutes of back-off: a database restart, a busy server, a phone losing its signal
function send(statement, attempt = 0) {
  // The server sets the actor to the signed-in learner (and their unit). A statement the server could not store
  // (503, 429) or that never arrived (offline) is sent again after the wait it asks for, doubling up to a minute;
  // its id makes a resend that did arrive harmless (the server ignores a statement it already has).
  const later = (seconds) => {
    if (attempt < RESENDS) setTimeout(() => send(statement, attempt + 1), Math.min(60, seconds * 2 ** attempt) * 1000);
  };
  return api.json("/v1/me/events", statement).then((r) => {
    if (r.status === 401) signedOut();
    else if (r.status === 503 || r.status === 429) later(Number(r.headers.get("Retry-After")) || 5);
  }, () => later(5));
}
function emit(verb, object, result, context) {
  const statement = { id: crypto.randomUUID(), verb, object, result: result || {}, context: context || { topic: topic.id },
    timestamp: new Date().toISOString() };
  if (!ready) pending.push(statement);
  else if (me && me.learner_id) send(statement);
}

const article = document.getElementById("lesson");
for (const lesson of topic.lessons) {
  article.append(el("section", { class: "lesson", "data-lesson": lesson.id }, el("h2", {}, lesson.title), markdown(lesson.text)));
}
const quiz = el("section", { class: "quiz" }, el("h2", {}, T.quiz));
for (const item of topic.quiz) {
  const out = el("p", { class: "result", role: "status" });
  const form = el("form", { "data-item": item.id }, el("fieldset", {}, el("legend", {}, item.question),
    item.options.map((option, index) => el("label", { class: "option" }, el("input", { type: "radio", name: item.id, value: index }), option)),
    el("button", { type: "submit" }, T.answer), out));
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    const chosen = form.querySelector("input:checked");
    if (!chosen) return;
    const ok = Number(chosen.value) === item.answer;
    out.textContent = ok ? T.right : T.wrong;
    out.className = "result " + (ok ? "ok" : "wrong");
    emit("answered", { type: "quiz_item", id: item.id }, { success: ok, response: String(chosen.value) });
  });
  quiz.append(form);
}
article.append(quiz);
emit("launched", { type: "topic", id: topic.id });

// Reading: each lesson section seen counts as progress; leaving the tab pauses; two quiet minutes on a lesson are
// reported as idle (the coach may nudge with the key point).
const seen = {};
let lastActivity = Date.now(), idleSent = false;
const observer = new IntersectionObserver((entries) => {
  for (const entry of entries) {
    const id = entry.target.getAttribute("data-lesson");
    if (entry.isIntersecting && !seen[id]) {
      seen[id] = true;
      emit("progressed", { type: "lesson", id }, { score: Object.keys(seen).length / topic.lessons.length }, { topic: topic.id, lesson: id });
    }
  }
}, { threshold: 0.5 });
article.querySelectorAll("section.lesson").forEach((node) => observer.observe(node));
const currentLesson = () => Object.keys(seen).pop() || topic.lessons[0].id;
for (const name of ["keydown", "pointerdown", "scroll"]) {
  window.addEventListener(name, () => { lastActivity = Date.now(); idleSent = false; }, { passive: true });
}
setInterval(() => {
  const quiet = (Date.now() - lastActivity) / 1000;
  if (!idleSent && quiet >= 120) {
    idleSent = true;
    emit("idle", { type: "lesson", id: currentLesson() }, { duration: "PT" + Math.round(quiet) + "S" }, { topic: topic.id, lesson: currentLesson() });
  }
}, 15000);
document.addEventListener("visibilitychange", () => {
  emit(document.hidden ? "paused" : "resumed", { type: "lesson", id: currentLesson() }, {}, { topic: topic.id, lesson: currentLesson() });
});

const sidebar = document.getElementById("hint-box");
const announcer = document.getElementById("hint-announcer");  // a live region that reads the hint's words only
const hintsOff = document.getElementById("hints-off");
let current = null, stream = null, streamFailures = 0, lastHintId = "";

/** Where a hint belongs: under the quiz item it is about, under the lesson it is about, else in the sidebar. */
function anchorOf(hint) {
  const [rule, ...rest] = hint.id.split(":");
  const about = rest.join(":");
  if (rule === "repeated_failure") return article.querySelector('form[data-item="' + CSS.escape(about) + '"]');
  if (rule === "seek_confusion" || rule === "idle_nudge") return article.querySelector('section[data-lesson="' + CSS.escape(about) + '"]');
  return null;
}

function removeHint(note) {
  document.querySelectorAll(".hint").forEach((node) => node.remove());
  sidebar.replaceChildren(el("p", { id: "no-hint" }, note));
}

function showHint(hint) {
  if (!hint || (current && current.id === hint.id)) return;
  current = hint;
  document.querySelectorAll(".hint").forEach((node) => node.remove());
  const source = hint.source;
  const helpful = el("button", { type: "button", class: "secondary", "aria-pressed": "false" }, T.helpful);
  helpful.addEventListener("click", () => {
    emit("hint-helpful", { type: "hint", id: hint.id });
    helpful.setAttribute("aria-pressed", "true"); helpful.disabled = true; helpful.textContent = T.thanks;
  });
  const dismiss = el("button", { type: "button", class: "secondary" }, T.dismiss);
  dismiss.addEventListener("click", () => { emit("hint-dismissed", { type: "hint", id: hint.id }); removeHint(T.dismissed); });
  const card = el("section", { class: "hint", "data-hint": hint.id, "aria-label": T.hint },
    el("p", { class: "hint-text" }, hint.text),
    source && el("blockquote", {}, source.excerpt || source.passage),
    source && source.excerpt && el("details", {}, el("summary", {}, T.more), el("div", { class: "passage" }, markdown(source.passage))),
    source && el("p", { class: "source" }, T.source + source.title + " › " + source.section),
    el("div", { class: "hint-actions" }, helpful, dismiss));
  const anchor = anchorOf(hint);
  if (anchor) {
    anchor.after(card);
    sidebar.replaceChildren(el("p", { id: "no-hint" }, T.below));
    card.scrollIntoView({ block: "nearest" });  // the whole card on screen, above the chat button
  } else {
    sidebar.replaceChildren(card);
  }
  announcer.textContent = hint.text;
  emit("hint-shown", { type: "hint", id: hint.id });
}

const hintsUrl = () => "/v1/learners/" + encodeURIComponent(me.learner_id);
// The server pushes hints with an id; the browser sends the last one back when it reconnects by itself
// (Last-Event-ID), and the page does when it reopens the stream after renewing the session (?after=).
function renewAndReopen() { api.refresh().then((ok) => { if (ok && me) openStream(); else signedOut(); }); }
function openStream() {
  if (stream) stream.close();
  stream = new EventSource(hintsUrl() + "/hints/stream" + (lastHintId ? "?after=" + encodeURIComponent(lastHintId) : ""));
  stream.addEventListener("open", () => { streamFailures = 0; });
  stream.addEventListener("hint", (e) => { if (e.lastEventId) lastHintId = e.lastEventId; showHint(JSON.parse(e.data)); });
  stream.addEventListener("session-ended", () => { stream.close(); renewAndReopen(); });
  stream.addEventListener("error", () => {
    // The browser reconnects by itself after the server closes the stream, but gives up on an error status (an
    // expired access cookie): renew the session and open it again, a few times at most.
    if (stream.readyState !== EventSource.CLOSED || !me || streamFailures++ >= 3) return;
    renewAndReopen();
  });
}
hintsOff.addEventListener("change", (e) => {
  if (!me || !me.learner_id) return;
  api.call(hintsUrl() + "/preferences", {
    method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ hints_enabled: !e.target.checked })
  }).then((r) => { if (r.status === 401) signedOut(); });
});

function notice(text, withLink) {
  document.getElementById("signin-text").textContent = text;
  const link = document.getElementById("signin-link");
  link.href = "/login?next=" + encodeURIComponent(location.pathname).replace(/%2F/g, "/");
  link.hidden = !withLink;
  document.getElementById("signin").hidden = false;
}
function signedIn(user) {
  me = user; ready = true;
  const who = document.getElementById("who");
  who.textContent = T.signedInAs + user.display_name;
  who.hidden = false;
  const queued = pending; pending = [];
  if (!user.learner_id) { notice(T.noLearner, false); return; }
  queued.forEach(send);
  hintsOff.disabled = false;
  openStream();
}
function signedOut() {
  if (ready && !me) return;
  me = null; ready = true; pending = [];
  if (stream) stream.close();
  hintsOff.disabled = true;
  document.getElementById("who").hidden = true;
  notice(T.signIn, true);
}
function unknown() { ready = true; pending = []; notice(T.unknown, false); }
api.call("/v1/auth/me").then((r) => {
  if (r.ok) return r.json().then(signedIn);
  if (r.status === 401) signedOut(); else unknown();
}).catch(unknown);
// Signing out in the chat widget ends the learning session here as well.
document.addEventListener("trolyso:session", (e) => { if (e.detail === null && me) signedOut(); });

/* Trợ lý số — chat widget, a native ES module. Embed with:
 *   <script type="module" src="https://…/widget.js" data-coach-url="https://…"></script>
 * Keeps nothing in browser storage: the conversation id lives in memory only.
 * Questions need a signed-in user: the session is an HttpOnly cookie of the coach's origin, sent with
 * credentials "include" (the coach must list the portal's origin in its CORS settings). */
import { client } from "./static/api.js";
import { el, markdown, trapFocus } from "./static/dom.js";

const script = document.querySelector('script[type="module"][src$="widget.js"]');
const api = client((script && script.getAttribute("data-coach-url")) || new URL(import.meta.url).origin);
const T = {
  open: "Hỏi trợ lý số", title: "Trợ lý số", close: "Đóng", reset: "Cuộc hội thoại mới",
  label: "Câu hỏi của bạn", placeholder: "Nhập câu hỏi, ví dụ: làm giấy khai sinh cần gì?", send: "Gửi",
  welcome: "Xin chào! Tôi trả lời dựa trên tài liệu thủ tục và bài học đã được kiểm duyệt, có trích dẫn nguồn. Không nhập họ tên, số CCCD, số điện thoại hay tài liệu mật.",
  sources: "Nguồn trích dẫn", helpful: "Hữu ích", notHelpful: "Chưa hữu ích", thanks: "Cảm ơn bạn đã đánh giá.",
  rate: "Đánh giá câu trả lời", blocked: "Đã chặn", sendRedacted: "Gửi bản đã che",
  redactedHint: "Bản đã che các giá trị đang ở ô nhập bên dưới: bạn có thể sửa trước khi gửi.",
  error: "Không kết nối được với trợ lý. Vui lòng thử lại.", basis: "Căn cứ", you: "Bạn", bot: "Trợ lý",
  thinking: "Đang tìm trong tài liệu…", source: "Mở nguồn ", signIn: "Vui lòng đăng nhập bằng số điện thoại để hỏi trợ lý.",
  signInLink: "Đăng nhập", signedInAs: "Đang đăng nhập: ", signedOut: "Chưa đăng nhập.", signOut: "Đăng xuất",
  signOutFailed: "Chưa đăng xuất được. Vui lòng thử lại."
};
const PHONE = window.matchMedia("(max-width:480px)");  // the panel is full screen, hence modal
const css = [
  /* The host page's own CSS must not leak in: reset what pages commonly style. */
  ".tls-root *,.tls-root *::before,.tls-root *::after{box-sizing:border-box}",
  ".tls-root{--tls-blue:#0b5394;--tls-red:#b3261e;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f1f1f}",
  ".tls-launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;background:var(--tls-blue);color:#fff;border:0;border-radius:28px;padding:12px 18px;min-height:48px;font-size:15px;box-shadow:0 4px 12px rgba(0,0,0,.25);cursor:pointer}",
  ".tls-launch.tls-inline{position:static;box-shadow:none;border:2px solid #fff;min-height:44px;padding:8px 14px}",
  ".tls-root :focus-visible{outline:3px solid #f9ab00;outline-offset:2px}",
  ".tls-panel{margin:0;padding:0;position:fixed;right:16px;bottom:16px;z-index:2147483001;width:min(400px,calc(100vw - 16px));height:min(640px,calc(100dvh - 32px));background:#fff;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}",
  "@media (max-width:480px){.tls-panel{right:0;bottom:0;width:100vw;height:100dvh;border-radius:0}}",
  ".tls-head{display:flex;align-items:center;gap:8px;background:var(--tls-blue);color:#fff;padding:8px 12px}",
  ".tls-head h2{flex:1;margin:0;padding:0;font-size:16px;color:#fff;background:none}",
  ".tls-head button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);border-radius:6px;min-height:44px;min-width:44px;padding:4px 8px;font-size:13px;cursor:pointer}",
  ".tls-log{position:relative;flex:1;overflow-y:auto;padding:12px;background:#f5f7fa}",
  ".tls-msg{margin:0 0 10px;padding:8px 10px;border-radius:10px;max-width:92%;overflow-wrap:anywhere}",
  ".tls-user{margin-left:auto;background:#dbe8f6;white-space:pre-wrap}",
  ".tls-bot{background:#fff;border:1px solid #dde3ea}",
  ".tls-msg p{margin:0 0 6px}.tls-msg ul,.tls-msg ol{margin:0 0 6px;padding-left:20px}",
  ".tls-alert{background:#fdecea;border:1px solid var(--tls-red)}",
  ".tls-alert strong{color:var(--tls-red)}",
  ".tls-ref{font:inherit;font-size:13px;color:var(--tls-blue);background:#e8eef5;border:1px solid #b7c7da;border-radius:6px;min-width:28px;min-height:26px;padding:0 4px;margin:0 1px;cursor:pointer}",
  ".tls-cites{margin:6px 0 0;padding:0;list-style:none;font-size:13px}",
  ".tls-cites summary{cursor:pointer;color:var(--tls-blue);padding:6px 0;min-height:32px}",
  ".tls-cites .tls-passage{margin:4px 0 8px 12px}",
  ".tls-fb{display:flex;flex-wrap:wrap;gap:6px;margin-top:6px}",
  ".tls-fb button,.tls-who button{border:1px solid #6b7a8c;background:#fff;color:#1f1f1f;border-radius:6px;min-height:44px;padding:4px 10px;font-size:13px;cursor:pointer}",
  ".tls-fb button[aria-pressed=true]{background:#dbe8f6;border-color:var(--tls-blue)}",
  ".tls-redact{display:block;width:100%;margin-top:8px;min-height:44px;background:var(--tls-blue);color:#fff;border:0;border-radius:8px;font-size:15px;font-weight:600;cursor:pointer}",
  ".tls-form{display:flex;gap:8px;padding:10px;border-top:1px solid #dde3ea}",
  ".tls-form textarea{flex:1;resize:none;min-height:44px;max-height:120px;padding:8px;border:1px solid #6b7a8c;border-radius:8px;font:inherit}",
  ".tls-form button{background:var(--tls-blue);color:#fff;border:0;border-radius:8px;min-height:44px;padding:0 16px;font-size:15px;cursor:pointer}",
  ".tls-who{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:4px 12px;font-size:13px;background:#e8eef5;border-bottom:1px solid #dde3ea}",
  ".tls-who span{flex:1;min-width:0;overflow-wrap:anywhere}",
  ".tls-root a{color:var(--tls-blue);font-weight:600}.tls-login{display:inline-block;margin-top:6px;padding:10px 0}",
  ".tls-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}",
  ".tls-root [hidden]{display:none !important}"
].join("\n");

let conversationId = null, busy = false;
let sessionUser;  // undefined: not known yet; null: signed out; else {display_name, …} from /v1/auth/me
const SIGN_IN = {};  // thrown when the user has to sign in first

const launch = el("button", { class: "tls-launch", type: "button", "aria-haspopup": "dialog", "aria-expanded": "false", onclick: openPanel }, T.open);
const close = el("button", { type: "button", "aria-label": T.close, onclick: closePanel }, "✕");
const reset = el("button", { type: "button", onclick: () => { conversationId = null; welcome(); input.focus(); } }, T.reset);
const userBar = el("div", { class: "tls-who", hidden: true });
const log = el("div", { class: "tls-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0", "aria-label": T.title });
const input = el("textarea", { id: "tls-input", rows: "2", maxlength: "2000", placeholder: T.placeholder, autocomplete: "off", onkeydown: submitOnEnter });
const send = el("button", { type: "submit" }, T.send);
const form = el("form", { class: "tls-form", onsubmit: (e) => { e.preventDefault(); const q = input.value; input.value = ""; ask(q); } },
  el("label", { for: "tls-input", class: "tls-sr" }, T.label), input, send);
const panel = el("div", { class: "tls-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "tls-title", hidden: true },
  el("div", { class: "tls-head" }, el("h2", { id: "tls-title" }, T.title), reset, close), userBar, log, form);
const root = el("div", { class: "tls-root" }, el("style", {}, css), launch, panel);
panel.addEventListener("keydown", (e) => { if (e.key === "Escape") closePanel(); });
trapFocus(panel, () => PHONE.matches);
PHONE.addEventListener("change", () => panel.setAttribute("aria-modal", String(PHONE.matches)));

function submitOnEnter(e) {
  if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit(); }
}

function loginUrl() {
  // Back to this page after signing in; the login page only follows paths of its own origin.
  if (new URL(api.base + "/", location.href).origin !== location.origin) return api.base + "/login";
  return api.base + "/login?next=" + encodeURIComponent(location.pathname + location.search).replace(/%2F/g, "/");
}

function showUser(user) {
  sessionUser = user;
  userBar.replaceChildren(el("span", {}, user ? T.signedInAs + user.display_name : T.signedOut),
    user ? el("button", { type: "button", onclick: signOut }, T.signOut) : el("a", { href: loginUrl() }, T.signInLink));
  userBar.hidden = false;
  document.dispatchEvent(new CustomEvent("trolyso:session", { detail: user }));
}

function loadUser() {
  api.call("/v1/auth/me").then((r) => {
    if (r.status === 401) showUser(null);
    else if (r.ok) return r.json().then(showUser);
  }).catch(() => { /* the bar stays as it was; asking still works or explains */ });
}

function signOut() {
  // The server ends the session of the access cookie it receives, so renew an expired one first (via /me):
  // otherwise only the cookies would go and the session would stay usable.
  api.call("/v1/auth/me").catch(() => {}).then(() => fetch(api.base + "/v1/auth/logout", { method: "POST", credentials: "include" }))
    .then((r) => {
      if (!r.ok) throw new Error(T.signOutFailed);
      conversationId = null; welcome(); showUser(null); input.focus();
    }).catch(() => { bubble("tls-bot", T.signOutFailed).className = "tls-msg tls-alert"; });
}

function bubble(kind, text) {
  const body = el("div", { class: "tls-text" }, text || "");
  const node = el("div", { class: "tls-msg " + kind }, el("span", { class: "tls-sr" }, (kind === "tls-user" ? T.you : T.bot) + ": "), body);
  log.append(node);
  return node;
}

/** The question at the top of the panel, its answer below it: the user reads the answer from its start. */
function showFromQuestion(asked) {
  log.scrollTop = Math.max(0, asked.offsetTop - 8);
}

function welcome() { log.replaceChildren(); bubble("tls-bot", T.welcome); }

function openPanel() {
  panel.hidden = false; launch.hidden = true; launch.setAttribute("aria-expanded", "true");
  panel.setAttribute("aria-modal", String(PHONE.matches));
  if (!log.childNodes.length) welcome();
  if (sessionUser === undefined) loadUser();
  input.focus();
}
function closePanel() { panel.hidden = true; launch.hidden = false; launch.setAttribute("aria-expanded", "false"); launch.focus(); }

function signInPrompt(node) {
  node.className = "tls-msg tls-alert";
  node.setAttribute("role", "alert");
  node.querySelector(".tls-text").replaceChildren(T.signIn, el("div", {}, el("a", { href: loginUrl(), class: "tls-login" }, T.signInLink)));
  if (sessionUser !== null) showUser(null);
}

/** A [n] marker as a button that opens source n of the same answer. */
function citeButton(answer) {
  return (n) => el("button", { type: "button", class: "tls-ref", "aria-label": T.source + n, onclick: () => openSource(answer, n) }, "[" + n + "]");
}

function openSource(answer, n) {
  const details = answer.querySelector('.tls-cites details[data-number="' + n + '"]');
  if (!details) return;
  details.open = true;
  details.scrollIntoView({ block: "nearest" });
  details.querySelector("summary").focus();
}

function renderCitations(node, citations) {
  if (!citations.length) return;
  node.append(el("ol", { class: "tls-cites", "aria-label": T.sources }, citations.map((c) => el("li", {},
    el("details", { "data-number": c.number },
      el("summary", {}, "[" + c.number + "] " + c.title + " › " + c.section),
      el("div", { class: "tls-passage" }, markdown(c.passage)),
      el("p", {}, T.basis + ": " + ((c.legal_names && c.legal_names.length ? c.legal_names : c.legal_basis).join("; ") || "—") + " — " + c.status))))));
}

function renderFeedback(node, messageId) {
  const box = el("div", { class: "tls-fb", role: "group", "aria-label": T.rate });
  [[true, "👍 " + T.helpful], [false, "👎 " + T.notHelpful]].forEach(([helpful, label]) => {
    const b = el("button", { type: "button", "aria-pressed": "false" }, label);
    b.addEventListener("click", () => {
      api.json("/v1/messages/" + messageId + "/feedback", { helpful }).then((r) => {
        if (r.status === 401) return signInPrompt(bubble("tls-bot", ""));
        if (!r.ok) return;
        box.querySelectorAll("button").forEach((x) => x.setAttribute("aria-pressed", "false"));
        b.setAttribute("aria-pressed", "true");
        (box.querySelector(".tls-thanks") || box.appendChild(el("span", { class: "tls-thanks", role: "status" }))).textContent = T.thanks;
      });
    });
    box.append(b);
  });
  node.append(box);
}

function renderBlocked(node, data, asked) {
  // The question stays on screen only in its masked form, and in the input, editable, to send instead.
  if (asked && data.redacted_question) asked.querySelector(".tls-text").textContent = data.redacted_question;
  node.className = "tls-msg tls-alert";
  node.setAttribute("role", "alert");
  node.querySelector(".tls-text").replaceChildren(el("strong", {}, T.blocked + ". "), data.message);
  if (!data.redacted_question) return;
  input.value = data.redacted_question;
  node.append(el("p", {}, T.redactedHint),
    el("button", { type: "button", class: "tls-redact", onclick: () => form.requestSubmit() }, T.sendRedacted));
}

function parseEvents(buffer, onEvent) {
  const parts = buffer.split("\n\n");
  for (const part of parts.slice(0, -1)) {
    let name = "message", data = "";
    for (const line of part.split("\n")) {
      if (line.startsWith("event: ")) name = line.slice(7);
      else if (line.startsWith("data: ")) data += line.slice(6);
    }
    onEvent(name, data ? JSON.parse(data) : null);
  }
  return parts[parts.length - 1];
}

function ask(question) {
  if (busy || !question.trim()) return;
  busy = true; send.disabled = true;
  const asked = bubble("tls-user", question);
  const answer = bubble("tls-bot", T.thinking);
  answer.setAttribute("aria-busy", "true");
  showFromQuestion(asked);
  const text = answer.querySelector(".tls-text");
  let raw = "", messageId = null, blocked = false;
  api.json("/v1/chat/stream", { question, conversation_id: conversationId }).then((response) => {
    if (!response.ok) {
      return response.json().then(null, () => ({})).then((e) => {
        // Signing in again does not help a disabled account: its own message says whom to ask.
        if (response.status === 401 && e.code !== "account_disabled") throw SIGN_IN;
        throw new Error(e.message || T.error);
      });
    }
    if (sessionUser === null) loadUser();  // signed in meanwhile (another tab): refresh the bar
    const reader = response.body.getReader(), decoder = new TextDecoder();
    let buffer = "";
    const pump = () => reader.read().then((chunk) => {
      if (chunk.done) return;
      buffer = parseEvents(buffer + decoder.decode(chunk.value, { stream: true }), (name, data) => {
        if (name === "meta") { conversationId = data.conversation_id; messageId = data.message_id; }
        else if (name === "blocked") { blocked = true; renderBlocked(answer, data, asked); }
        else if (name === "token" && !blocked) { raw += data.text; text.replaceChildren(markdown(raw, citeButton(answer))); }
        else if (name === "citations") renderCitations(answer, data);
        else if (name === "done" && !blocked && messageId) renderFeedback(answer, messageId);
      });
      return pump();
    });
    return pump();
  }).catch((error) => {
    if (error === SIGN_IN) return signInPrompt(answer);
    text.textContent = error && error.message ? error.message : T.error;
    answer.className = "tls-msg tls-alert";
  }).then(() => {
    answer.removeAttribute("aria-busy"); busy = false; send.disabled = false;
    showFromQuestion(asked);
    input.focus();
  });
}

// A page can give the button a place of its own (an element with data-trolyso-launcher, e.g. in its header), so
// that a floating button never covers its content; otherwise the button floats at the bottom right.
function mount() {
  document.body.append(root);
  const slot = document.querySelector("[data-trolyso-launcher]");
  if (slot) { launch.classList.add("tls-inline"); slot.append(el("span", { class: "tls-root" }, launch)); }
}
if (document.body) mount();
else document.addEventListener("DOMContentLoaded", mount);

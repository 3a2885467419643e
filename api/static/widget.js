/* Trợ lý số — chat widget. Embed with:
 *   <script src="https://…/widget.js" data-coach-url="https://…"></script>
 * Keeps nothing in browser storage: the conversation id lives in memory only.
 * Questions need a signed-in user: the session is an HttpOnly cookie of the coach's origin, sent with
 * credentials "include" (the coach must list the portal's origin in its CORS settings). */
(function () {
  "use strict";
  var script = document.currentScript;
  var base = (script && script.getAttribute("data-coach-url")) || (script ? new URL(script.src).origin : "");
  base = base.replace(/\/$/, "");
  var T = {
    open: "Hỏi trợ lý số", title: "Trợ lý số", close: "Đóng", reset: "Cuộc hội thoại mới",
    label: "Câu hỏi của bạn", placeholder: "Nhập câu hỏi, ví dụ: làm giấy khai sinh cần gì?", send: "Gửi",
    welcome: "Xin chào! Tôi trả lời dựa trên tài liệu thủ tục và bài học đã được kiểm duyệt, có trích dẫn nguồn. Không nhập họ tên, số CCCD, số điện thoại hay tài liệu mật.",
    sources: "Nguồn trích dẫn", helpful: "Hữu ích", notHelpful: "Chưa hữu ích", thanks: "Cảm ơn bạn đã đánh giá.",
    blocked: "Đã chặn", sendRedacted: "Gửi bản đã che thông tin", error: "Không kết nối được với trợ lý. Vui lòng thử lại.",
    basis: "Căn cứ", you: "Bạn", bot: "Trợ lý", thinking: "Đang tìm trong tài liệu…",
    signIn: "Vui lòng đăng nhập bằng số điện thoại để hỏi trợ lý.", signInLink: "Đăng nhập",
    signedInAs: "Đang đăng nhập: ", signedOut: "Chưa đăng nhập.", signOut: "Đăng xuất",
    signOutFailed: "Chưa đăng xuất được. Vui lòng thử lại."
  };
  var css = [
    /* The host page's own CSS must not leak in: reset what pages commonly style. */
    ".tls-root *,.tls-root *::before,.tls-root *::after{box-sizing:border-box}",
    ".tls-root{--tls-blue:#0b5394;--tls-red:#b3261e;font:15px/1.5 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1f1f1f}",
    ".tls-launch{position:fixed;right:16px;bottom:16px;z-index:2147483000;background:var(--tls-blue);color:#fff;border:0;border-radius:28px;padding:12px 18px;font-size:15px;box-shadow:0 4px 12px rgba(0,0,0,.25);cursor:pointer}",
    ".tls-launch:focus-visible,.tls-root button:focus-visible,.tls-root textarea:focus-visible,.tls-root summary:focus-visible{outline:3px solid #f9ab00;outline-offset:2px}",
    ".tls-panel{box-sizing:border-box;margin:0;padding:0;position:fixed;right:16px;bottom:16px;z-index:2147483001;width:min(400px,calc(100vw - 16px));height:min(640px,calc(100dvh - 32px));background:#fff;border-radius:12px;box-shadow:0 8px 28px rgba(0,0,0,.3);display:flex;flex-direction:column;overflow:hidden}",
    "@media (max-width:480px){.tls-panel{right:0;bottom:0;width:100vw;height:100dvh;border-radius:0}}",
    ".tls-head{display:flex;align-items:center;gap:8px;background:var(--tls-blue);color:#fff;padding:10px 12px}",
    ".tls-head h2{flex:1;margin:0;padding:0;font-size:16px;color:#fff;background:none}",
    ".tls-head button{background:transparent;color:#fff;border:1px solid rgba(255,255,255,.6);border-radius:6px;padding:4px 8px;font-size:13px;cursor:pointer}",
    ".tls-log{flex:1;overflow-y:auto;padding:12px;background:#f5f7fa}",
    ".tls-msg{margin:0 0 10px;padding:8px 10px;border-radius:10px;max-width:92%;white-space:pre-wrap;word-wrap:break-word}",
    ".tls-user{margin-left:auto;background:#dbe8f6}",
    ".tls-bot{background:#fff;border:1px solid #dde3ea}",
    ".tls-alert{background:#fdecea;border:1px solid var(--tls-red)}",
    ".tls-alert strong{color:var(--tls-red)}",
    ".tls-cites{margin:6px 0 0;padding:0;list-style:none;font-size:13px}",
    ".tls-cites summary{cursor:pointer;color:var(--tls-blue)}",
    ".tls-cites p{margin:4px 0 8px 12px;white-space:pre-wrap}",
    ".tls-fb{display:flex;gap:6px;margin-top:6px}",
    ".tls-fb button,.tls-redact{border:1px solid #9aa7b5;background:#fff;border-radius:6px;padding:4px 8px;font-size:13px;cursor:pointer}",
    ".tls-fb button[aria-pressed=true]{background:#dbe8f6;border-color:var(--tls-blue)}",
    ".tls-redact{margin-top:6px;border-color:var(--tls-red);color:var(--tls-red)}",
    ".tls-form{display:flex;gap:8px;padding:10px;border-top:1px solid #dde3ea}",
    ".tls-form textarea{flex:1;resize:none;min-height:44px;max-height:120px;padding:8px;border:1px solid #9aa7b5;border-radius:8px;font:inherit}",
    ".tls-form button{background:var(--tls-blue);color:#fff;border:0;border-radius:8px;padding:0 16px;font-size:15px;cursor:pointer}",
    ".tls-who{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;padding:6px 12px;font-size:13px;background:#e8eef5;border-bottom:1px solid #dde3ea}",
    ".tls-who span{flex:1;min-width:0;overflow-wrap:anywhere}",
    ".tls-who button{border:1px solid #9aa7b5;background:#fff;border-radius:6px;padding:2px 8px;font-size:13px;cursor:pointer}",
    ".tls-root a{color:var(--tls-blue);font-weight:600}",
    ".tls-login{display:inline-block;margin-top:6px}",
    ".tls-sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}",
    ".tls-root [hidden]{display:none !important}"
  ].join("\n");

  var conversationId = null;
  var busy = false;
  var sessionUser;  // undefined: not known yet; null: signed out; else {display_name, …} from /v1/auth/me
  var SIGN_IN = {};  // thrown when the user has to sign in first

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) node.textContent = text;
    return node;
  }

  var root = el("div", { "class": "tls-root" });
  var style = el("style"); style.textContent = css; root.appendChild(style);
  var launch = el("button", { "class": "tls-launch", type: "button", "aria-haspopup": "dialog", "aria-expanded": "false" }, T.open);
  var panel = el("div", { "class": "tls-panel", role: "dialog", "aria-modal": "false", "aria-labelledby": "tls-title", hidden: "" });
  var head = el("div", { "class": "tls-head" });
  head.appendChild(el("h2", { id: "tls-title" }, T.title));
  var reset = el("button", { type: "button" }, T.reset);
  var close = el("button", { type: "button", "aria-label": T.close }, "✕");
  head.appendChild(reset); head.appendChild(close);
  var userBar = el("div", { "class": "tls-who", hidden: "" });
  var log = el("div", { "class": "tls-log", role: "log", "aria-live": "polite", "aria-relevant": "additions", tabindex: "0" });
  var form = el("form", { "class": "tls-form" });
  var label = el("label", { "for": "tls-input", "class": "tls-sr" }, T.label);
  var input = el("textarea", { id: "tls-input", rows: "2", maxlength: "2000", placeholder: T.placeholder, autocomplete: "off" });
  var send = el("button", { type: "submit" }, T.send);
  form.appendChild(label); form.appendChild(input); form.appendChild(send);
  panel.appendChild(head); panel.appendChild(userBar); panel.appendChild(log); panel.appendChild(form);
  root.appendChild(launch); root.appendChild(panel);

  // Every call carries the session cookie. When the access cookie has expired, the refresh cookie renews it
  // once. Scripts on one page share a renewal in flight: a refresh token sent twice ends the whole session.
  function refreshSession() {
    var url = new URL(base + "/v1/auth/refresh", location.href).href;
    var flights = window.__troLySoRefresh || (window.__troLySoRefresh = {});
    if (!flights[url]) {
      flights[url] = fetch(url, { method: "POST", credentials: "include" })
        .then(function (r) { return r.ok || r.status === 409; }, function () { return false; })
        .then(function (ok) { delete flights[url]; return ok; });
    }
    return flights[url];
  }

  function call(path, init) {
    init = Object.assign({ credentials: "include" }, init || {});
    return fetch(base + path, init).then(function (response) {
      if (response.status !== 401) return response;
      return refreshSession().then(function (ok) { return ok ? fetch(base + path, init) : response; });
    });
  }

  function loginUrl() {
    // Back to this page after signing in; the login page only follows paths of its own origin.
    if (new URL(base + "/", location.href).origin !== location.origin) return base + "/login";
    return base + "/login?next=" + encodeURIComponent(location.pathname + location.search).replace(/%2F/g, "/");
  }

  function showUser(user) {
    sessionUser = user;
    userBar.textContent = "";
    userBar.hidden = false;
    userBar.appendChild(el("span", {}, user ? T.signedInAs + user.display_name : T.signedOut));
    if (user) {
      var out = el("button", { type: "button" }, T.signOut);
      out.addEventListener("click", signOut);
      userBar.appendChild(out);
    } else {
      userBar.appendChild(el("a", { href: loginUrl() }, T.signInLink));
    }
    document.dispatchEvent(new CustomEvent("trolyso:session", { detail: user }));
  }

  function loadUser() {
    call("/v1/auth/me").then(function (r) {
      if (r.status === 401) showUser(null);
      else if (r.ok) return r.json().then(showUser);
    }).catch(function () { /* the bar stays as it was; asking still works or explains */ });
  }

  function signOut() {
    // The server ends the session of the access cookie it receives, so renew an expired one first (via /me):
    // otherwise only the cookies would go and the session would stay usable.
    call("/v1/auth/me").catch(function () {}).then(function () {
      return fetch(base + "/v1/auth/logout", { method: "POST", credentials: "include" });
    }).then(function (r) {
      if (!r.ok) throw new Error(T.signOutFailed);
      conversationId = null; welcome(); showUser(null); input.focus();
    }).catch(function () { bubble("tls-bot", T.signOutFailed).className = "tls-msg tls-alert"; });
  }

  function signInPrompt(node) {
    node.className = "tls-msg tls-alert";
    node.setAttribute("role", "alert");
    node.querySelector(".tls-text").textContent = T.signIn;
    var line = el("div");
    line.appendChild(el("a", { href: loginUrl(), "class": "tls-login" }, T.signInLink));
    node.appendChild(line);
    if (sessionUser !== null) showUser(null);
  }

  function bubble(kind, text) {
    var node = el("div", { "class": "tls-msg " + kind });
    var who = el("span", { "class": "tls-sr" }, (kind === "tls-user" ? T.you : T.bot) + ": ");
    node.appendChild(who);
    var body = el("span", { "class": "tls-text" }, text || "");
    node.appendChild(body);
    log.appendChild(node);
    log.scrollTop = log.scrollHeight;
    return node;
  }

  function welcome() { log.textContent = ""; bubble("tls-bot", T.welcome); }

  function openPanel() {
    panel.hidden = false; launch.hidden = true; launch.setAttribute("aria-expanded", "true");
    if (!log.childNodes.length) welcome();
    if (sessionUser === undefined) loadUser();
    input.focus();
  }
  function closePanel() { panel.hidden = true; launch.hidden = false; launch.setAttribute("aria-expanded", "false"); launch.focus(); }

  function renderCitations(node, citations) {
    if (!citations.length) return;
    var list = el("ol", { "class": "tls-cites", "aria-label": T.sources });
    citations.forEach(function (c) {
      var item = el("li");
      var details = el("details");
      details.appendChild(el("summary", {}, "[" + c.number + "] " + c.title + " › " + c.section));
      details.appendChild(el("p", {}, c.passage));
      details.appendChild(el("p", {}, T.basis + ": " + (c.legal_basis.join("; ") || "—") + " — " + c.status));
      item.appendChild(details); list.appendChild(item);
    });
    node.appendChild(list);
  }

  function renderFeedback(node, messageId) {
    var box = el("div", { "class": "tls-fb", role: "group", "aria-label": "Đánh giá câu trả lời" });
    [[true, "👍 " + T.helpful], [false, "👎 " + T.notHelpful]].forEach(function (pair) {
      var b = el("button", { type: "button", "aria-pressed": "false" }, pair[1]);
      b.addEventListener("click", function () {
        call("/v1/messages/" + messageId + "/feedback", {
          method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ helpful: pair[0] })
        }).then(function (r) {
          if (r.status === 401) return signInPrompt(bubble("tls-bot", ""));
          if (!r.ok) return;
          box.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
          b.setAttribute("aria-pressed", "true");
          var note = box.querySelector(".tls-thanks") || box.appendChild(el("span", { "class": "tls-thanks", role: "status" }));
          note.textContent = T.thanks;
        });
      });
      box.appendChild(b);
    });
    node.appendChild(box);
  }

  function renderBlocked(node, data, asked) {
    // The question stays on screen only in its masked form.
    if (asked && data.redacted_question) asked.querySelector(".tls-text").textContent = data.redacted_question;
    node.className = "tls-msg tls-alert";
    node.setAttribute("role", "alert");
    node.querySelector(".tls-text").textContent = "";
    node.insertBefore(el("strong", {}, T.blocked + ". "), node.querySelector(".tls-text"));
    node.querySelector(".tls-text").textContent = data.message;
    if (data.redacted_question) {
      var btn = el("button", { type: "button", "class": "tls-redact" }, T.sendRedacted + ": “" + data.redacted_question + "”");
      btn.addEventListener("click", function () { btn.disabled = true; ask(data.redacted_question); });
      node.appendChild(btn);
    }
  }

  function parseEvents(buffer, onEvent) {
    var parts = buffer.split("\n\n");
    for (var i = 0; i < parts.length - 1; i++) {
      var lines = parts[i].split("\n"), name = "message", data = "";
      lines.forEach(function (line) {
        if (line.indexOf("event: ") === 0) name = line.slice(7);
        else if (line.indexOf("data: ") === 0) data += line.slice(6);
      });
      onEvent(name, data ? JSON.parse(data) : null);
    }
    return parts[parts.length - 1];
  }

  function ask(question) {
    if (busy || !question.trim()) return;
    busy = true; send.disabled = true;
    var asked = bubble("tls-user", question);
    var answer = bubble("tls-bot", T.thinking);
    answer.setAttribute("aria-busy", "true");
    var text = answer.querySelector(".tls-text");
    var started = false, messageId = null, blocked = false;
    call("/v1/chat/stream", {
      method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ question: question, conversation_id: conversationId })
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(null, function () { return {}; }).then(function (e) {
          // Signing in again does not help a disabled account: its own message says whom to ask.
          if (response.status === 401 && e.code !== "account_disabled") throw SIGN_IN;
          throw new Error(e.message || T.error);
        });
      }
      if (sessionUser === null) loadUser();  // signed in meanwhile (another tab): refresh the bar
      var reader = response.body.getReader(), decoder = new TextDecoder(), buffer = "";
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) return;
          buffer = parseEvents(buffer + decoder.decode(chunk.value, { stream: true }), function (name, data) {
            if (name === "meta") { conversationId = data.conversation_id; messageId = data.message_id; }
            else if (name === "blocked") { blocked = true; renderBlocked(answer, data, asked); }
            else if (name === "token" && !blocked) { if (!started) { text.textContent = ""; started = true; } text.textContent += data.text; }
            else if (name === "citations") renderCitations(answer, data);
            else if (name === "done" && !blocked && messageId) renderFeedback(answer, messageId);
            log.scrollTop = log.scrollHeight;
          });
          return pump();
        });
      }
      return pump();
    }).catch(function (error) {
      if (error === SIGN_IN) return signInPrompt(answer);
      text.textContent = error && error.message ? error.message : T.error;
      answer.className = "tls-msg tls-alert";
    }).then(function () {
      answer.removeAttribute("aria-busy"); busy = false; send.disabled = false; input.focus();
    });
  }

  launch.addEventListener("click", openPanel);
  close.addEventListener("click", closePanel);
  reset.addEventListener("click", function () { conversationId = null; welcome(); input.focus(); });
  panel.addEventListener("keydown", function (e) { if (e.key === "Escape") closePanel(); });
  form.addEventListener("submit", function (e) { e.preventDefault(); var q = input.value; input.value = ""; ask(q); });
  input.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) { e.preventDefault(); form.requestSubmit ? form.requestSubmit() : form.dispatchEvent(new Event("submit")); }
  });

  function mount() { document.body.appendChild(root); }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();

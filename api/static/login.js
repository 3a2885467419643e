/* Trợ lý số — login with a phone number and a one-time code.
 * The session lives in HttpOnly cookies set by the server: nothing is kept in browser storage. */
(function () {
  "use strict";
  var T = {
    network: "Không kết nối được với máy chủ. Vui lòng kiểm tra mạng và thử lại.",
    unknown: "Đã có lỗi xảy ra. Vui lòng thử lại.",
    phoneEmpty: "Vui lòng nhập số điện thoại.",
    codeFormat: "Mã xác thực gồm 6 chữ số.",
    sending: "Đang gửi mã…",
    verifying: "Đang kiểm tra mã…",
    signedIn: "Đăng nhập thành công. Đang chuyển trang…"
  };
  var $ = function (id) { return document.getElementById(id); };
  var phoneForm = $("phone-form"), codeForm = $("code-form");
  var phoneInput = $("phone"), codeInput = $("code");
  var errorBox = $("error"), statusBox = $("status");
  var busy = false;

  function showError(text, field) {
    statusBox.textContent = "";
    errorBox.textContent = text;
    [phoneInput, codeInput].forEach(function (input) { input.removeAttribute("aria-invalid"); });
    if (field) { field.setAttribute("aria-invalid", "true"); field.focus(); }
  }
  function showStatus(text) { errorBox.textContent = ""; statusBox.textContent = text; }

  /** POST JSON; resolves {ok, status, body} (body parsed when JSON), rejects on network failure only. */
  function post(url, data) {
    return fetch(url, {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(data)
    }).then(function (response) {
      return response.text().then(function (text) {
        var body = null;
        try { body = text ? JSON.parse(text) : null; } catch (e) { body = null; }
        return { ok: response.ok, status: response.status, body: body };
      });
    });
  }
  function messageOf(result) { return (result.body && typeof result.body.message === "string" && result.body.message) || T.unknown; }

  /** The ?next= target when it is a path on this site ("/…" but not "//…" nor "/\…"), else null. */
  function safeNext() {
    var next = new URLSearchParams(window.location.search).get("next");
    if (!next || next.charAt(0) !== "/" || next.charAt(1) === "/" || next.charAt(1) === "\\") return null;
    if (/[\\\u0000-\u001f\u007f\s]/.test(next)) return null;
    try {
      var url = new URL(next, window.location.origin);
      return url.origin === window.location.origin ? url.pathname + url.search + url.hash : null;
    } catch (e) { return null; }
  }

  function setBusy(on, button) {
    busy = on;
    button.disabled = on;
    button.setAttribute("aria-busy", on ? "true" : "false");
  }

  function requestCode(button) {
    var phone = phoneInput.value.trim();
    if (!phone) { showError(T.phoneEmpty, phoneInput); return; }
    setBusy(true, button);
    showStatus(T.sending);
    post("/v1/auth/code", { phone: phone }).then(function (result) {
      if (result.status === 202) {
        $("phone-shown").textContent = phone;
        phoneForm.hidden = true;
        codeForm.hidden = false;
        showStatus((result.body && result.body.message) || "");
        codeInput.value = "";
        codeInput.focus();
      } else {
        var onCodeStep = !codeForm.hidden;
        showError(messageOf(result), result.body && result.body.code === "bad_phone" && !onCodeStep ? phoneInput : null);
      }
    }, function () { showError(T.network); }).then(function () { setBusy(false, button); });
  }

  phoneForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (!busy) requestCode($("send-code"));
  });

  $("resend").addEventListener("click", function () {
    if (!busy) requestCode($("resend"));
  });

  $("change-phone").addEventListener("click", function () {
    codeForm.hidden = true;
    phoneForm.hidden = false;
    errorBox.textContent = "";
    statusBox.textContent = "";
    phoneInput.focus();
  });

  codeInput.addEventListener("input", function () {
    var digits = codeInput.value.replace(/\D/g, "").slice(0, 6);
    if (digits !== codeInput.value) codeInput.value = digits;
  });

  codeForm.addEventListener("submit", function (event) {
    event.preventDefault();
    if (busy) return;
    var code = codeInput.value.trim();
    if (!/^\d{6}$/.test(code)) { showError(T.codeFormat, codeInput); return; }
    var button = $("verify");
    setBusy(true, button);
    showStatus(T.verifying);
    post("/v1/auth/verify", { phone: phoneInput.value.trim(), code: code, client: "browser" }).then(function (result) {
      if (result.ok && result.body && result.body.user) {
        showStatus(T.signedIn);
        var role = result.body.user.role;
        var fallback = role === "admin" || role === "unit_admin" ? "/admin" : "/";
        window.location.assign(safeNext() || fallback);
        return;  // stay busy while the next page loads
      }
      codeInput.value = "";
      showError(messageOf(result), codeInput);
      setBusy(false, button);
    }, function () { showError(T.network); setBusy(false, button); });
  });

  phoneInput.focus();
})();

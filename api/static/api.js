/* Trợ lý số — calls to the coach's API with the session cookie, renewing an expired access cookie once.
 * Every script of a page shares one renewal in flight (window.__troLySoRefresh, also read by the pages' inline
 * scripts): a refresh token sent twice ends the whole session. */

function flights() {
  return window.__troLySoRefresh || (window.__troLySoRefresh = {});
}

/** Renews the access cookie with the refresh cookie; resolves to whether the session is usable. */
export function refreshSession(base) {
  const url = new URL(base + "/v1/auth/refresh", location.href).href;
  const inFlight = flights();
  if (!inFlight[url]) {
    inFlight[url] = fetch(url, { method: "POST", credentials: "include" })
      .then((r) => r.ok || r.status === 409, () => false)
      .then((ok) => { delete inFlight[url]; return ok; });
  }
  return inFlight[url];
}

/** A client of the coach at ``base`` ("" for the page's own origin). */
export function client(base) {
  base = (base || "").replace(/\/$/, "");
  function call(path, init) {
    const options = Object.assign({ credentials: "include" }, init || {});
    return fetch(base + path, options).then((response) => {
      if (response.status !== 401) return response;
      return refreshSession(base).then((ok) => (ok ? fetch(base + path, options) : response));
    });
  }
  function json(path, body, init) {
    return call(path, Object.assign({
      method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body),
    }, init || {}));
  }
  return { base, call, json, refresh: () => refreshSession(base) };
}

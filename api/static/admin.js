/* Trợ lý số — admin console: the signed-in reviewer, the tabs, and which of them this role may open.
 * Native ES modules, no build step; one module per tab (admin-flags, -usage, -users, -keys, -audit). */
import { $, ROLE_LABELS, T, api, busy, clearMessages, send, showError, state, toLogin, unitName } from "./admin-common.js";
import { loadAudit, setUpAudit } from "./admin-audit.js";
import { loadAllowlist, loadFlags, setUpFlags } from "./admin-flags.js";
import { loadKeys, setUpKeys } from "./admin-keys.js";
import { loadUsage, setUpUsage } from "./admin-usage.js";
import { loadUnits, loadUsers, setUpUsers } from "./admin-users.js";

const loaders = {};
const tabs = () => [...document.querySelectorAll("#tabs [role=tab]")];

function selectTab(tab, focus) {
  for (const other of tabs()) {
    const selected = other === tab;
    other.setAttribute("aria-selected", selected ? "true" : "false");
    other.tabIndex = selected ? 0 : -1;
    $(other.getAttribute("aria-controls")).hidden = !selected;
  }
  if (focus) tab.focus();
  tab.scrollIntoView({ block: "nearest", inline: "nearest" });
  clearMessages();
  if (loaders[tab.id]) loaders[tab.id]();
}

function setUpTabs() {
  const list = $("tabs");
  list.addEventListener("click", (event) => {
    const tab = event.target.closest("[role=tab]");
    if (tab) selectTab(tab, false);
  });
  list.addEventListener("keydown", (event) => {
    const all = tabs(), index = all.indexOf(document.activeElement);
    if (index < 0) return;
    const target = { ArrowRight: all[(index + 1) % all.length], ArrowLeft: all[(index - 1 + all.length) % all.length],
      Home: all[0], End: all[all.length - 1] }[event.key];
    if (target) { event.preventDefault(); selectTab(target, true); }
  });
}

function showUser(me) {
  $("who-name").textContent = me.display_name;
  $("who-role").textContent = ROLE_LABELS[me.role] || me.role;
  if (me.unit && me.unit_name) state.unitNames[me.unit] = me.unit_name;
  $("who-unit").textContent = me.unit ? "Đơn vị: " + unitName(me.unit) : me.role === "admin" ? T.allSystem : "";
  $("who-unit").hidden = !$("who-unit").textContent;
  $("who").hidden = false;
}

$("logout").addEventListener("click", () => {
  busy($("logout"), true);
  send("POST", "/v1/auth/logout").then(null, () => null).then(() => toLogin("/login"));
});

function start() {
  api("GET", "/v1/auth/me").then((me) => {
    state.me = me;
    state.isAdmin = me.role === "admin";
    $("loading").hidden = true;
    if (me.role !== "admin" && me.role !== "unit_admin") {
      showUser(me);
      $("denied").hidden = false;
      document.title = "Không có quyền quản trị – Trợ lý số";
      return;
    }
    if (!state.isAdmin) document.querySelectorAll("[data-admin-only]").forEach((node) => node.remove());
    setUpTabs();
    setUpFlags();
    setUpUsage();
    loaders["tab-flags"] = () => { loadFlags(); loadAllowlist(); };
    loaders["tab-usage"] = loadUsage;
    if (state.isAdmin) {
      setUpUsers();
      setUpKeys();
      setUpAudit();
      loaders["tab-users"] = () => { loadUsers(); loadUnits().then(null, showError); };
      loaders["tab-keys"] = loadKeys;
      loaders["tab-audit"] = loadAudit;
    }
    const ready = state.isAdmin ? loadUnits().then(null, showError) : Promise.resolve();
    return ready.then(() => {
      showUser(me);
      $("console").hidden = false;
      loadFlags();
      loadAllowlist();
    });
  }, (error) => { $("loading").hidden = true; showError(error); });
}
start();

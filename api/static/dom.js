/* Trợ lý số — building the page's DOM: one element builder and a safe Markdown renderer.
 * Nothing here ever assigns HTML: text from answers, passages and users becomes text nodes, so a passage
 * containing "<script>" is shown as those characters. */

/** An element with attributes (``on*`` functions become listeners, ``text`` its text, ``className`` or ``class`` its
 * classes) and children (nodes, strings or arrays of them). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (typeof value === "function" && name.startsWith("on")) node.addEventListener(name.slice(2), value);
    else if (name === "text") node.textContent = String(value);
    else node.setAttribute(name === "className" ? "class" : name, value === true ? "" : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

const INLINE = /(\*\*[^*\n]+\*\*|\[\d{1,2}\])/;

/** Inline text: **bold** and, when ``cite`` is given, [n] markers as whatever ``cite(n)`` builds. */
export function inline(text, cite) {
  const parts = [];
  for (const piece of text.split(INLINE)) {
    if (!piece) continue;
    if (piece.startsWith("**") && piece.endsWith("**") && piece.length > 4) parts.push(el("strong", {}, piece.slice(2, -2)));
    else if (cite && /^\[\d{1,2}\]$/.test(piece)) parts.push(cite(Number(piece.slice(1, -1))) || piece);
    else parts.push(piece);
  }
  return parts;
}

/** A fragment of paragraphs and lists from the small Markdown the answers and passages use:
 * lines, "- " or "1. " items, **bold**, [n] citation markers (see ``inline``). */
export function markdown(text, cite) {
  const fragment = document.createDocumentFragment();
  let list = null;
  for (const raw of String(text || "").split("\n")) {
    const line = raw.trimEnd();
    const item = /^\s*(?:[-•*]|\d+[.)])\s+(.*)$/.exec(line);
    if (item) {
      if (!list) list = fragment.appendChild(el(/^\s*\d/.test(line) ? "ol" : "ul"));
      list.append(el("li", {}, inline(item[1], cite)));
      continue;
    }
    list = null;
    if (line.trim()) fragment.append(el("p", {}, inline(line.replace(/^#+\s*/, ""), cite)));
  }
  return fragment;
}

/** Keeps Tab and Shift+Tab inside ``container`` while ``active()`` says so (a full-screen dialog). */
export function trapFocus(container, active) {
  container.addEventListener("keydown", (event) => {
    if (event.key !== "Tab" || !active()) return;
    const focusable = [...container.querySelectorAll("button, [href], textarea, input, select, summary, [tabindex]")]
      .filter((node) => !node.disabled && node.tabIndex >= 0 && node.getClientRects().length);
    if (!focusable.length) return;
    const first = focusable[0], last = focusable[focusable.length - 1];
    const inside = container.contains(document.activeElement);
    if (event.shiftKey && (document.activeElement === first || !inside)) { event.preventDefault(); last.focus(); }
    else if (!event.shiftKey && (document.activeElement === last || !inside)) { event.preventDefault(); first.focus(); }
  });
}

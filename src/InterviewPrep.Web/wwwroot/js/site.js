// Progressive enhancements only: every page works without this file.
(function () {
  "use strict";

  // Theme toggle: remembered in localStorage, otherwise the system preference.
  var toggle = document.querySelector("[data-theme-toggle]");
  var media = window.matchMedia("(prefers-color-scheme: dark)");
  function currentTheme() {
    return document.documentElement.dataset.theme || (media.matches ? "dark" : "light");
  }
  function label() {
    var next = currentTheme() === "dark" ? "light" : "dark";
    toggle.setAttribute("aria-label", "Switch to " + next + " theme");
    toggle.setAttribute("title", "Switch to " + next + " theme");
  }
  if (toggle) {
    toggle.hidden = false;
    label();
    toggle.addEventListener("click", function () {
      var next = currentTheme() === "dark" ? "light" : "dark";
      document.documentElement.dataset.theme = next;
      try { localStorage.setItem("theme", next); } catch (e) { /* not remembered */ }
      label();
    });
    media.addEventListener("change", label);
  }

  // Math: Markdig leaves \( \) and \[ \] inside .math elements; KaTeX typesets them.
  function typesetMath() {
    if (!window.katex) return;
    document.querySelectorAll(".prose .math").forEach(function (el) {
      var display = el.tagName === "DIV";
      var tex = el.textContent.trim();
      if (display && tex.startsWith("\\[") && tex.endsWith("\\]")) tex = tex.slice(2, -2);
      if (!display && tex.startsWith("\\(") && tex.endsWith("\\)")) tex = tex.slice(2, -2);
      try {
        window.katex.render(tex, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
      } catch (e) {
        el.classList.add("math-error");
      }
    });
  }

  // Code: highlight.js reads the language- class Markdig puts on each fenced block.
  function highlightCode() {
    if (!window.hljs) return;
    window.hljs.configure({ ignoreUnescapedHTML: true });
    document.querySelectorAll(".prose pre code").forEach(function (el) { window.hljs.highlightElement(el); });
  }

  typesetMath();
  highlightCode();

  // "/" focuses the search box, as on most sites with one.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    var search = document.querySelector("input[type=search]");
    if (search) { e.preventDefault(); search.focus(); }
  });
})();

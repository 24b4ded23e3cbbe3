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

  // Time zone: a new account starts in the browser's own zone rather than UTC (the form is first shown with UTC).
  var zoneSelect = document.querySelector("select[data-guess-time-zone]");
  if (zoneSelect && window.Intl && Intl.DateTimeFormat) {
    try {
      var guessed = Intl.DateTimeFormat().resolvedOptions().timeZone;
      var option = guessed && Array.prototype.find.call(zoneSelect.options, function (o) { return o.value === guessed; });
      if (option && zoneSelect.value === "UTC") {
        zoneSelect.value = guessed;
        var hint = document.querySelector("[data-zone-hint]");
        if (hint) hint.textContent = "Guessed from this browser. Interview times are entered and shown in this zone.";
      }
    } catch (e) { /* the list stays as it is */ }
  }

  // Math: Markdig leaves \( \) and \[ \] inside .math elements; KaTeX typesets them. Punctuation written against a
  // short inline formula stays on its line: "set, R(f). A small gap" broke before the full stop.
  function typesetMath(scope) {
    if (!window.katex) return;
    scope.querySelectorAll(".prose .math").forEach(function (el) {
      var display = el.tagName === "DIV";
      var tex = el.textContent.trim();
      if (display && tex.startsWith("\\[") && tex.endsWith("\\]")) tex = tex.slice(2, -2);
      if (!display && tex.startsWith("\\(") && tex.endsWith("\\)")) tex = tex.slice(2, -2);
      try {
        window.katex.render(tex, el, { displayMode: display, throwOnError: false, output: "htmlAndMathml" });
      } catch (e) {
        el.classList.add("math-error");
      }
      if (!display && tex.length <= 40) keepPunctuationWith(el);
    });
  }

  function keepPunctuationWith(el) {
    var before = el.previousSibling, after = el.nextSibling;
    var opening = before && before.nodeType === 3 ? /[(\[“‘]+$/.exec(before.nodeValue) : null;
    var closing = after && after.nodeType === 3 ? /^[.,;:!?)\]”’…]+/.exec(after.nodeValue) : null;
    if (!opening && !closing) return;
    var run = document.createElement("span");
    run.className = "math-run";
    el.parentNode.insertBefore(run, el);
    if (opening) {
      before.nodeValue = before.nodeValue.slice(0, -opening[0].length);
      run.appendChild(document.createTextNode(opening[0]));
    }
    run.appendChild(el);
    if (closing) {
      after.nodeValue = after.nodeValue.slice(closing[0].length);
      run.appendChild(document.createTextNode(closing[0]));
    }
  }

  // Code: highlight.js reads the language- class Markdig puts on each fenced block.
  function highlightCode(scope) {
    if (!window.hljs) return;
    window.hljs.configure({ ignoreUnescapedHTML: true });
    scope.querySelectorAll(".prose pre code").forEach(function (el) { window.hljs.highlightElement(el); });
  }

  // Also used by flashcards.js for a card that comes in by fetch.
  window.InterviewPrep = {
    typeset: function (scope) {
      typesetMath(scope);
      highlightCode(scope);
    }
  };

  window.InterviewPrep.typeset(document);

  // "/" focuses the search box, as on most sites with one.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey) return;
    var tag = (document.activeElement && document.activeElement.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") return;
    var search = document.querySelector("input[type=search]");
    if (search) { e.preventDefault(); search.focus(); }
  });
})();

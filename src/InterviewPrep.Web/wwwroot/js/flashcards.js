// Flashcard review: keyboard shortcuts, and flips and next cards without a page load.
// The review page works without this file: every action is a plain link or form.
(function () {
  "use strict";

  var root = document.querySelector("[data-review]");
  if (!root || !window.fetch || !window.FormData) return;

  var FRAGMENT = { "X-Flashcards-Fragment": "1" };
  var busy = false;
  var shownAt = Date.now();

  // Math and code in a card that came in by fetch: the same typesetting site.js does on load.
  function typeset(scope) {
    if (window.InterviewPrep) window.InterviewPrep.typeset(scope);
  }

  function back() { return root.querySelector("[data-back]"); }
  function revealed() { var b = back(); return !!b && !b.hidden; }
  function isCram() { return !!root.querySelector(".cram-nav") || root.dataset.cram === "1"; }

  function reveal() {
    var b = back();
    if (!b || !b.hidden) return false;
    b.hidden = false;
    root.querySelectorAll("[data-back-only]").forEach(function (el) { el.hidden = false; });
    var link = root.querySelector("[data-reveal]");
    if (link && link.parentElement) link.parentElement.hidden = true;
    var card = root.querySelector("[data-card]");
    if (card) card.classList.add("is-revealed");
    b.focus({ preventScroll: true });
    b.scrollIntoView({ block: "nearest" });
    return true;
  }

  function swap(html, url) {
    root.innerHTML = html;
    shownAt = Date.now();
    typeset(root);
    var focus = root.querySelector("[data-card-focus]");
    if (focus) focus.focus();
    window.scrollTo(0, 0);
    if (url) window.history.replaceState(null, "", url);
  }

  function reviewUrl() {
    return "/flashcards/review?deck=" + encodeURIComponent(root.dataset.deck || "all");
  }

  // A cram step or "start again": the next card's fragment, same origin.
  function load(url) {
    if (busy) return;
    busy = true;
    fetch(url, { headers: FRAGMENT, credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      })
      .then(function (html) { swap(html, url); })
      .catch(function () { window.location.href = url; })
      .finally(function () { busy = false; });
  }

  // A grade, undo, bury, suspend or reset: the form as the browser would post it (antiforgery token included).
  function post(form, submitter) {
    if (busy) return;
    busy = true;
    var data = new FormData(form);
    if (submitter && submitter.name) data.append(submitter.name, submitter.value);
    if (form.querySelector("[data-duration]")) data.set("durationMs", String(Date.now() - shownAt));
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    fetch(form.action, { method: "POST", body: data, headers: FRAGMENT, credentials: "same-origin" })
      .then(function (r) {
        return r.text().then(function (text) {
          if (!r.ok && r.status !== 400) throw new Error("HTTP " + r.status);
          return text;
        });
      })
      .then(function (html) { swap(html, reviewUrl()); })
      .catch(function () { window.location.href = reviewUrl(); })
      .finally(function () { busy = false; });
  }

  root.addEventListener("click", function (e) {
    var a = e.target.closest("a");
    if (!a || !root.contains(a) || e.ctrlKey || e.metaKey || e.shiftKey || e.button !== 0) return;
    if (a.hasAttribute("data-reveal")) {
      e.preventDefault();
      reveal();
    } else if (a.hasAttribute("data-review-link")) {
      e.preventDefault();
      load(a.href);
    }
  });

  root.addEventListener("submit", function (e) {
    var form = e.target;
    if (form.hasAttribute("data-full-post")) return;
    e.preventDefault();
    post(form, e.submitter);
  });

  function click(selector) {
    var el = root.querySelector(selector);
    if (el && !el.disabled && !el.closest("[hidden]")) {
      el.click();
      return true;
    }
    return false;
  }

  document.addEventListener("keydown", function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || e.repeat) return;
    var t = e.target;
    var tag = (t && t.tagName) || "";
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (t && t.isContentEditable)) return;
    var key = e.key;
    var handled = false;

    if (key === " " || key === "Spacebar") {
      // Space on a focused button or disclosure keeps its own meaning.
      if (tag === "BUTTON" || tag === "SUMMARY") return;
      handled = revealed() ? (isCram() && click("[data-next]")) : reveal();
    } else if (key >= "1" && key <= "4") {
      if (revealed()) handled = isCram() ? click("[data-next]") : click('[data-grade="' + key + '"]');
    } else if (key === "u" || key === "U") {
      var undo = root.querySelector("[data-undo-form]");
      if (undo) {
        if (undo.requestSubmit) undo.requestSubmit(); else post(undo, null);
        handled = true;
      }
    } else if (key === "e" || key === "E") {
      var open = root.querySelector("[data-open-question]");
      if (open) {
        window.location.href = open.href;
        handled = true;
      }
    } else if (key === "ArrowRight" && isCram()) {
      handled = click("[data-next]");
    } else if (key === "ArrowLeft" && isCram()) {
      handled = click('.cram-nav a:not([data-next])');
    }
    if (handled) e.preventDefault();
  });
})();

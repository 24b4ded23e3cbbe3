// An interview's prep checklist: ticking, removing and adding items without a page load, the confirmation written
// where the action happened. The checklist works without this file: every action is a plain form.
(function () {
  "use strict";

  if (!window.fetch || !window.FormData || !document.querySelector("[data-checklist]")) return;

  var FRAGMENT = { "X-Interview-Fragment": "1" };

  // One polite live region outside the checklist, so that a screen reader hears each confirmation once the
  // checklist is swapped (a region replaced with its content is not announced).
  var announcer = document.createElement("div");
  announcer.className = "visually-hidden";
  announcer.setAttribute("role", "status");
  document.body.appendChild(announcer);

  // Where focus goes back to in the new checklist: the same tick box, or the same form's field.
  function focusKey(form, submitter) {
    var item = submitter && submitter.getAttribute("data-item");
    if (item) return "[data-item='" + item + "']";
    var field = form.querySelector("input[name=Text], select");
    return field && field.id ? "#" + field.id : null;
  }

  // Posts go one after another: a form sent while another is on its way is sent after it, with what it held when sent.
  var queue = Promise.resolve();

  function post(form, submitter) {
    var key = focusKey(form, submitter);
    var data = new FormData(form);
    var action = form.action;
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    queue = queue.then(function () {
      return fetch(action, { method: "POST", body: data, headers: FRAGMENT, credentials: "same-origin" })
        .then(function (r) {
          if (!r.ok) throw new Error("HTTP " + r.status);
          return r.text();
        })
        .then(function (html) { swap(html, key, action); })
        .catch(function () { window.location.reload(); });
    });
  }

  // Puts the answer's checklist in place of the page's, keeping what is being typed in the forms that were not sent.
  function swap(html, key, sentAction) {
    var section = document.querySelector("[data-checklist]");
    var holder = document.createElement("div");
    holder.innerHTML = html;
    var fresh = holder.querySelector("[data-checklist]");
    if (!section || !fresh) throw new Error("no checklist");
    section.querySelectorAll("input[id]").forEach(function (input) {
      var twin = fresh.querySelector("#" + input.id);
      if (twin && input.form && input.form.action !== sentAction && input.value && !twin.value) twin.value = input.value;
    });
    section.replaceWith(fresh);
    var target = (key && fresh.querySelector(key)) || fresh.querySelector("h2");
    if (target) {
      if (target.tagName === "H2") target.setAttribute("tabindex", "-1");
      target.focus({ preventScroll: true });
    }
    var status = fresh.querySelector("[data-checklist-status]");
    var error = fresh.querySelector(".field-error:not(:empty)");
    announcer.textContent = (error || status || { textContent: "" }).textContent;
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.closest("[data-checklist]")) return;
    event.preventDefault();
    post(form, event.submitter);
  });
})();

// An interview's prep checklist: ticking, removing and adding items without a page load, the confirmation written
// where the action happened. The checklist works without this file: every action is a plain form.
(function () {
  "use strict";

  if (!window.fetch || !window.FormData || !document.querySelector("[data-checklist]")) return;

  var FRAGMENT = { "X-Interview-Fragment": "1" };
  var busy = false;

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

  function post(form, submitter) {
    if (busy) return;
    busy = true;
    var key = focusKey(form, submitter);
    var section = form.closest("[data-checklist]");
    form.querySelectorAll("button").forEach(function (b) { b.disabled = true; });
    fetch(form.action, { method: "POST", body: new FormData(form), headers: FRAGMENT, credentials: "same-origin" })
      .then(function (r) {
        if (!r.ok) throw new Error("HTTP " + r.status);
        return r.text();
      })
      .then(function (html) {
        var holder = document.createElement("div");
        holder.innerHTML = html;
        var fresh = holder.querySelector("[data-checklist]");
        if (!fresh) throw new Error("no checklist in the answer");
        section.replaceWith(fresh);
        var target = (key && fresh.querySelector(key)) || fresh.querySelector("h2");
        if (target) {
          if (target.tagName === "H2") target.setAttribute("tabindex", "-1");
          target.focus({ preventScroll: true });
        }
        var status = fresh.querySelector("[data-checklist-status]");
        var error = fresh.querySelector(".field-error:not(:empty)");
        announcer.textContent = (error || status || { textContent: "" }).textContent;
      })
      .catch(function () { window.location.reload(); })
      .finally(function () { busy = false; });
  }

  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.closest("[data-checklist]")) return;
    event.preventDefault();
    post(form, event.submitter);
  });
})();

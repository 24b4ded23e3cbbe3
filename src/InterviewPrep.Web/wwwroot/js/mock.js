// Mock round: the clocks tick, and the typed answer is saved on the server as it is typed and when the field is left.
// The page works without this file: the server measures the time, and submitting the answer sends the text.
(function () {
  "use strict";

  function format(seconds) {
    var abs = Math.abs(seconds);
    var s = abs % 60;
    return (seconds < 0 ? "-" : "") + Math.floor(abs / 60) + ":" + (s < 10 ? "0" : "") + s;
  }

  var clocks = Array.prototype.slice.call(document.querySelectorAll("[data-countdown]"));
  if (clocks.length) {
    var start = Date.now();
    var initial = clocks.map(function (c) { return parseInt(c.getAttribute("data-countdown"), 10) || 0; });
    window.setInterval(function () {
      var gone = Math.floor((Date.now() - start) / 1000);
      clocks.forEach(function (clock, i) {
        var left = initial[i] - gone;
        clock.textContent = format(left);
        if (left < 0 && !clock.classList.contains("is-over")) {
          clock.classList.add("is-over");
          var note = clock.parentElement && clock.parentElement.querySelector(".mock-clock-note");
          if (note) note.textContent = clock.getAttribute("data-over-note") || "over time";
        }
      });
    }, 1000);
  }

  var form = document.querySelector("[data-answer-form]");
  var box = form && form.querySelector("[data-draft-url]");
  if (!box || !window.fetch || !window.FormData) return;
  var status = form.querySelector("[data-draft-status]");
  var saved = box.value;
  var timer = null;
  var inFlight = false;

  function say(text) { if (status) status.textContent = text; }

  function save(keepalive) {
    window.clearTimeout(timer);
    if (box.value === saved || inFlight) return;
    var body = new FormData(form);
    body.set("Text", box.value);
    var text = box.value;
    inFlight = true;
    fetch(box.getAttribute("data-draft-url"), { method: "POST", body: body, credentials: "same-origin", keepalive: !!keepalive })
      .then(function (r) {
        if (r.status === 204) { saved = text; say("Draft saved."); }
        else if (r.status === 409) { say("This answer was already submitted, in another tab perhaps. Reload to go on."); }
        else if (r.status === 413) { say("The answer is too long to save; shorten it."); }
        else { say("The draft could not be saved just now; it is still here, and submitting sends it."); }
      })
      .catch(function () { say("Offline: the draft is not saved yet; it is still here, and submitting sends it."); })
      .then(function () { inFlight = false; if (box.value !== saved && !keepalive) timer = window.setTimeout(save, 1500); });
  }

  box.addEventListener("input", function () {
    window.clearTimeout(timer);
    say("Saving as you type…");
    timer = window.setTimeout(save, 1500);
  });
  box.addEventListener("blur", function () { save(false); });
  window.addEventListener("pagehide", function () { save(true); });
  document.addEventListener("visibilitychange", function () { if (document.visibilityState === "hidden") save(true); });
  form.addEventListener("submit", function () { window.clearTimeout(timer); });
})();

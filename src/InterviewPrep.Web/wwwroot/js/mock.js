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

// Recording a spoken answer: the page's own recorder puts what it records into the answer form's file field, so
// submitting the form sends it; without MediaRecorder (or a microphone) the file field stays for an audio file.
(function () {
  "use strict";

  var field = document.querySelector("[data-recorder]");
  var input = field && field.querySelector("input[type=file]");
  if (!input || !window.MediaRecorder || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia || !window.DataTransfer) return;

  var controls = document.createElement("div");
  controls.className = "recorder";
  controls.innerHTML =
    '<button type="button" class="button" data-record>Record</button>' +
    '<span class="recorder-status" role="status" aria-live="polite"></span>' +
    '<audio controls hidden></audio>';
  input.insertAdjacentElement("beforebegin", controls);
  input.hidden = true;
  // The label names the file field, which the recorder now stands in for: it becomes the recorder's title.
  var title = null;
  var label = field.querySelector("label");
  if (label) {
    title = document.createElement("span");
    title.className = "field-label";
    title.id = "recorder-title";
    title.textContent = "Or record your answer";
    label.replaceWith(title);
    controls.setAttribute("role", "group");
    controls.setAttribute("aria-labelledby", "recorder-title");
  }

  var button = controls.querySelector("[data-record]");
  var status = controls.querySelector(".recorder-status");
  var player = controls.querySelector("audio");
  var recorder = null;
  var started = 0;
  var ticker = null;
  var chunks = [];

  function seconds() { return Math.floor((Date.now() - started) / 1000); }
  function clock(s) { return Math.floor(s / 60) + ":" + (s % 60 < 10 ? "0" : "") + (s % 60); }

  function stop() {
    if (recorder && recorder.state !== "inactive") recorder.stop();
  }

  button.addEventListener("click", function () {
    if (recorder && recorder.state === "recording") { stop(); return; }
    navigator.mediaDevices.getUserMedia({ audio: true }).then(function (stream) {
      chunks = [];
      var type = MediaRecorder.isTypeSupported("audio/webm;codecs=opus") ? "audio/webm;codecs=opus" : "";
      recorder = new MediaRecorder(stream, type ? { mimeType: type, audioBitsPerSecond: 32000 } : { audioBitsPerSecond: 32000 });
      recorder.addEventListener("dataavailable", function (e) { if (e.data && e.data.size) chunks.push(e.data); });
      recorder.addEventListener("stop", function () {
        window.clearInterval(ticker);
        stream.getTracks().forEach(function (t) { t.stop(); });
        var mime = (recorder.mimeType || "audio/webm").split(";")[0];
        var blob = new Blob(chunks, { type: mime });
        var file = new File([blob], "answer." + (mime.indexOf("ogg") >= 0 ? "ogg" : mime.indexOf("mp4") >= 0 ? "m4a" : "webm"), { type: mime });
        var transfer = new DataTransfer();
        transfer.items.add(file);
        input.files = transfer.files;
        player.src = URL.createObjectURL(blob);
        player.hidden = false;
        button.textContent = "Record again";
        status.textContent = "Recorded " + clock(seconds()) + ". It is sent with the answer when you submit.";
      });
      recorder.start(1000);
      started = Date.now();
      button.textContent = "Stop";
      status.textContent = "Recording… 0:00";
      ticker = window.setInterval(function () { status.textContent = "Recording… " + clock(seconds()); }, 1000);
    }).catch(function () {
      status.textContent = "The microphone is not available. You can choose an audio file instead, or answer out loud.";
      input.hidden = false;
      if (title) {
        var again = document.createElement("label");
        again.htmlFor = input.id;
        again.textContent = "Choose an audio file";
        input.insertAdjacentElement("beforebegin", again);
      }
    });
  });

  var form = input.form;
  if (form) form.addEventListener("submit", stop);
})();

// Runs before the page paints: apply the theme the user chose last time, if any (else the system's).
(function () {
  try {
    var saved = localStorage.getItem("theme");
    if (saved === "light" || saved === "dark") document.documentElement.dataset.theme = saved;
  } catch (e) { /* storage blocked: follow the system */ }
})();

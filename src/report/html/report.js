// Filters only: every claim is in the page without this script. Query parameters
// (?verdict=conflict&source=s0&language=id&q=words) set the filters on load.
(function () {
  "use strict";
  var box = document.getElementById("filters");
  var verdict = document.getElementById("f-verdict");
  var source = document.getElementById("f-source");
  var language = document.getElementById("f-language");
  var text = document.getElementById("f-text");
  var status = document.getElementById("f-status");
  // Claims and matrix rows come in the same order: row i is claim i.
  var claims = document.querySelectorAll("article.claim");
  var rows = document.querySelectorAll("tr.claim-row");

  function has(list, word) {
    return (" " + list + " ").indexOf(" " + word + " ") >= 0;
  }

  function apply() {
    var v = verdict.value, s = source.value, l = language.value;
    var q = text.value.trim().toLowerCase();
    var shown = 0;
    Array.prototype.forEach.call(claims, function (el, i) {
      var ok = (!v || el.getAttribute("data-verdict") === v) &&
        (!s || has(el.getAttribute("data-sources"), s)) &&
        (!l || has(el.getAttribute("data-languages"), l)) &&
        (!q || el.textContent.toLowerCase().indexOf(q) >= 0);
      el.hidden = !ok;
      if (rows[i]) { rows[i].hidden = !ok; }
      if (ok) { shown += 1; }
    });
    status.textContent = "Showing " + shown + " of " + claims.length + " claims.";
  }

  var params = new URLSearchParams(window.location.search);
  verdict.value = params.get("verdict") || "";
  source.value = params.get("source") || "";
  language.value = params.get("language") || "";
  text.value = params.get("q") || "";
  [verdict, source, language].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  box.querySelector("form").addEventListener("reset", function () { setTimeout(apply, 0); });
  box.hidden = false;
  apply();

  // Print every claim open.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details").forEach(function (d) { d.open = true; });
  });
})();

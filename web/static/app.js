/* Progressive enhancement only: every page works without this file.
   Document page: previous/next hit links follow the hit in the address (#hit-N), and the keys
   n / p move between hits. */
(function () {
  "use strict";
  var nav = document.getElementById("hit-nav");
  if (!nav) { return; }
  var hits = (nav.getAttribute("data-hits") || "").split(" ").filter(Boolean);
  var prev = document.getElementById("prev-hit");
  var next = document.getElementById("next-hit");
  var count = nav.querySelector(".hit-count");
  var total = count ? count.textContent : "";
  if (!hits.length || !prev || !next) { return; }

  function currentIndex() {
    var match = /^#hit-(\d+)$/.exec(window.location.hash);
    return match ? hits.indexOf(match[1]) : -1;
  }

  function update() {
    var i = currentIndex();
    var before = i < 0 ? hits.length - 1 : (i - 1 + hits.length) % hits.length;
    var after = i < 0 ? 0 : (i + 1) % hits.length;
    prev.setAttribute("href", "#hit-" + hits[before]);
    next.setAttribute("href", "#hit-" + hits[after]);
    if (count) { count.textContent = i < 0 ? total : "hit " + (i + 1) + " of " + hits.length; }
  }

  window.addEventListener("hashchange", update);
  document.addEventListener("keydown", function (event) {
    var tag = (event.target && event.target.tagName) || "";
    if (event.ctrlKey || event.metaKey || event.altKey || tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT") { return; }
    if (event.key === "n") { window.location.hash = next.getAttribute("href"); }
    if (event.key === "p") { window.location.hash = prev.getAttribute("href"); }
  });
  update();
}());

/* Search form: leave empty fields and untouched defaults out of the address, so the URL of a
   search stays short enough to read and share (the server fills in the same defaults). */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  if (!form) { return; }
  form.addEventListener("submit", function () {
    var fields = form.querySelectorAll("input[name], select[name]");
    for (var i = 0; i < fields.length; i++) {
      var field = fields[i];
      var fallback = field.getAttribute("data-default");
      if (field.type === "checkbox") { continue; }
      if (field.value === "" || (fallback !== null && field.value === fallback)) { field.disabled = true; }
    }
    window.setTimeout(function () {
      for (var j = 0; j < fields.length; j++) { fields[j].disabled = false; }
    }, 0);
  });
}());

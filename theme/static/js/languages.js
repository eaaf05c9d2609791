// openletter: a box that narrows a long list of languages (the language menu, the chooser) as the
// reader types a language's own name, its English name or its code. Without this script the box
// stays hidden and the list, grouped by script under headings, is searched with find-in-page.
(function () {
  "use strict";
  // Case and accents do not matter: "francais" finds Français, "CESTINA" finds Čeština.
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  }
  function setUp(filter) {
    var scope = filter.parentNode, input = filter.querySelector("input");
    var none = scope.querySelector(".language-none");
    var items = Array.prototype.slice.call(scope.querySelectorAll(".language-group li"));
    var keys = items.map(function (item) {
      var link = item.querySelector("a");
      return fold([item.textContent, link.getAttribute("data-english"), link.getAttribute("hreflang")].join(" "));
    });
    filter.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim()), shown = 0;
      items.forEach(function (item, index) {
        var match = !wanted || keys[index].indexOf(wanted) !== -1;
        item.hidden = !match;
        if (match) shown++;
      });
      Array.prototype.forEach.call(scope.querySelectorAll(".language-group"), function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      none.hidden = shown !== 0;
    });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var first = scope.querySelector(".language-group li:not([hidden]) a");
      if (first) { event.preventDefault(); first.click(); }
    });
    var menu = filter.closest("details");
    if (menu) menu.addEventListener("toggle", function () { if (menu.open) input.focus(); });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".language-filter"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

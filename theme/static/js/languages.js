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
    var scope = filter.parentNode, input = document.createElement("input");
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    var none = scope.querySelector(".language-none");
    var items = Array.prototype.slice.call(scope.querySelectorAll(".language-group li"));
    // Each item's words: its own name, its English name, its code; matches rank exact word, then
    // word start, then anywhere ("am" is Amharic's code before it is part of "Vietnamese").
    var words = items.map(function (item) {
      var link = item.querySelector("a");
      return fold([item.textContent, link.getAttribute("data-english"), link.getAttribute("hreflang")].join(" "))
        .split(/[\s(),]+/).filter(Boolean);
    });
    function rank(index, wanted) {
      var best = 3;
      words[index].forEach(function (word) {
        if (word === wanted) best = 0;
        else if (best > 1 && word.indexOf(wanted) === 0) best = 1;
        else if (best > 2 && word.indexOf(wanted) !== -1) best = 2;
      });
      if (best === 3 && words[index].join(" ").indexOf(wanted) !== -1) best = 2;
      return best;
    }
    var best = null;
    filter.hidden = false;
    input.addEventListener("input", function () {
      var wanted = fold(input.value.trim()), shown = 0, top = 3;
      if (best) best.classList.remove("language-best");
      best = null;
      items.forEach(function (item, index) {
        var score = wanted ? rank(index, wanted) : 3;
        var match = !wanted || score < 3;
        item.hidden = !match;
        if (match) shown++;
        if (wanted && score < top) { top = score; best = item; }
      });
      if (best) best.classList.add("language-best");
      Array.prototype.forEach.call(scope.querySelectorAll(".language-group"), function (group) {
        group.hidden = !group.querySelector("li:not([hidden])");
      });
      none.hidden = shown !== 0;
    });
    input.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !best) return;
      event.preventDefault();
      best.querySelector("a").click();
    });
    // The box joins a closed menu only when it opens: Chromium lays out the text around a page's
    // inputs (for autofill) and would fetch the faces of every language name in the menu.
    var menu = filter.closest("details"), label = filter.querySelector("label");
    if (!menu) label.appendChild(input);
    else menu.addEventListener("toggle", function () {
      if (!menu.open) return;
      if (!input.parentNode) label.appendChild(input);
      input.focus();
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".language-filter"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

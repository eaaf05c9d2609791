// openletter: the search box of the lists of signatories. The first time the reader types, it
// fetches the site's one index (signatures/index.json, same origin: [name, affiliation, role,
// country] per signer) and shows the signers whose name, affiliation or role holds every word
// typed, case and accents aside, in the page's collation (Intl.Collator). Without this script
// the box stays hidden and the pages, by name and by country, are read and paged as they are.
(function () {
  "use strict";
  var MOST = 100; // matches shown at once: a common first name should not lay out 10,000 items
  function fold(text) {
    return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase();
  }
  function setUp(box) {
    var scope = box.parentNode, input = document.createElement("input");
    var none = scope.querySelector(".signer-none"), results = scope.querySelector(".signer-results");
    var pages = scope.querySelector(".signer-pages"), countries = scope.querySelector(".countries");
    var lang = document.documentElement.lang, collator = new Intl.Collator(lang);
    var regions = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([lang], { type: "region" }) : null;
    var index = null, loading = null;
    input.type = "search";
    input.autocomplete = "off";
    input.spellcheck = false;
    box.querySelector("label").appendChild(input);
    box.hidden = false;
    function load() {
      if (!loading) {
        loading = fetch(box.getAttribute("data-index"), { credentials: "same-origin" })
          .then(function (response) { return response.json(); })
          .then(function (rows) {
            index = rows.map(function (row) {
              return { row: row, text: fold([row[0], row[1] || "", row[2] || ""].join(" ")) };
            });
          });
      }
      return loading;
    }
    function item(row) {
      var li = document.createElement("li"), name = document.createElement("span");
      name.className = "signer-name";
      name.dir = "auto";
      name.textContent = row[0];
      li.appendChild(name);
      var details = [row[2], row[1]].filter(Boolean).join(", ");
      if (details) {
        var span = document.createElement("span");
        span.className = "details";
        span.dir = "auto";
        span.textContent = details;
        li.appendChild(document.createTextNode(" "));
        li.appendChild(span);
      }
      if (row[3]) {
        var country = document.createElement("span");
        country.className = "country";
        country.textContent = regions ? regions.of(row[3]) : row[3];
        li.appendChild(document.createTextNode(" "));
        li.appendChild(country);
      }
      return li;
    }
    function show() {
      var words = fold(input.value.trim()).split(/\s+/).filter(Boolean);
      var searching = words.length > 0;
      pages.hidden = searching;
      if (countries) countries.hidden = searching;
      results.hidden = !searching;
      results.textContent = "";
      if (!searching) { none.hidden = true; return; }
      var found = index.filter(function (entry) {
        return words.every(function (word) { return entry.text.indexOf(word) !== -1; });
      });
      found.sort(function (a, b) { return collator.compare(a.row[0], b.row[0]); });
      found.slice(0, MOST).forEach(function (entry) { results.appendChild(item(entry.row)); });
      none.hidden = found.length !== 0;
    }
    input.addEventListener("input", function () {
      load().then(show);
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".signer-search"), setUp);
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

// openletter: the search box of the lists of signatories. The first time the reader types a word,
// it fetches the index file of that word's first letter (signatures/index/NN.json, same origin:
// [position, id, name, affiliation, role, country] per signer; openletter/signatures/search.py) and
// the page's language's places (which by-name page lists each signer), and shows the signers whose
// name, affiliation or role has a word beginning with each word typed, case and accents aside
// (search-fold.js, as the build folds), in the page's collation (Intl.Collator), each linking to
// its row on its page. Without this script the box stays hidden and the pages, by name and by
// country, are read and paged as they are.
import { fold, matches, shard, suffixes, words as typedWords } from "./search-fold.js";

var MOST = 100; // matches shown at once: a common first name should not lay out 10,000 items

function json(url) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(url + ": " + response.status);
    return response.json();
  });
}

function setUp(box) {
  var scope = box.parentNode, input = document.createElement("input");
  var none = scope.querySelector(".signer-none"), results = scope.querySelector(".signer-results");
  var pages = scope.querySelector(".signer-pages"), countries = scope.querySelector(".countries");
  var lang = document.documentElement.lang, collator = new Intl.Collator(lang);
  var regions = typeof Intl.DisplayNames === "function" ? new Intl.DisplayNames([lang], { type: "region" }) : null;
  var site = box.getAttribute("data-site"), shards = {}, places = null;
  input.type = "search";
  input.autocomplete = "off";
  input.spellcheck = false;
  box.querySelector("label").appendChild(input);
  box.hidden = false;
  function load(number) {
    if (!shards[number]) {
      shards[number] = json(box.getAttribute("data-index") + (number < 10 ? "0" : "") + number + ".json").then(function (rows) {
        return rows.map(function (row) {
          return { row: row, at: suffixes(fold([row[2], row[3] || "", row[4] || ""].join(" "))) };
        });
      });
    }
    places = places || json(box.getAttribute("data-places"));
    return Promise.all([shards[number], places]);
  }
  function item(row, where) {
    var li = document.createElement("li"), name = document.createElement("a");
    name.className = "signer-name";
    name.dir = "auto";
    name.textContent = row[2];
    name.href = site + where.pages[where.places[row[0]]] + "#s-" + row[1];
    li.appendChild(name);
    var details = [row[4], row[3]].filter(Boolean).join(", ");
    if (details) {
      var span = document.createElement("span");
      span.className = "details";
      span.dir = "auto";
      span.textContent = details;
      li.appendChild(document.createTextNode(" "));
      li.appendChild(span);
    }
    if (row[5]) {
      var country = document.createElement("span");
      country.className = "country";
      country.textContent = regions ? regions.of(row[5]) : row[5];
      li.appendChild(document.createTextNode(" "));
      li.appendChild(country);
    }
    return li;
  }
  function show(words, entries, where) {
    if (typedWords(input.value).join(" ") !== words.join(" ")) return; // typed on meanwhile
    results.textContent = "";
    var found = entries.filter(function (entry) { return matches(entry.at, words); });
    found.sort(function (a, b) { return collator.compare(a.row[2], b.row[2]); });
    found.slice(0, MOST).forEach(function (entry) { results.appendChild(item(entry.row, where)); });
    none.hidden = found.length !== 0;
  }
  input.addEventListener("input", function () {
    var words = typedWords(input.value);
    var searching = words.length > 0;
    pages.hidden = searching;
    if (countries) countries.hidden = searching;
    results.hidden = !searching;
    if (!searching) { results.textContent = ""; none.hidden = true; return; }
    load(shard(words[0])).then(function (loaded) { show(words, loaded[0], loaded[1]); });
  });
}

Array.prototype.forEach.call(document.querySelectorAll(".signer-search"), setUp);

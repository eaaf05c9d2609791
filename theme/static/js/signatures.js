// openletter: the search box of the lists of signatories. Once the reader has typed two letters of
// a word (one Han or kana character), it fetches the index file of that word's key
// (signatures/index/NNN.json, same origin: [position, id, name, affiliation, role, country] per
// signer; openletter/signatures/search.py) and shows the signers whose name, affiliation or role
// has a word beginning with each word typed, case and accents aside (search-fold.js, as the build
// folds), in the page's collation (Intl.Collator), each linking to its row on the page that lists
// it (from the page's language's places, signatures/places/NNN.json: the blocks of the results
// shown). Without this script the box stays hidden and the pages, by name and by country, are read
// and paged as they are.
import { fold, key, matches, shard, suffixes, words as typedWords } from "./search-fold.js";

var BLOCK = 2048; // signers a file of places holds (search.py's PLACES_BLOCK)

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
  var site = box.getAttribute("data-site"), shards = {}, places = {};
  input.type = "search";
  input.autocomplete = "off";
  input.spellcheck = false;
  box.querySelector("label").appendChild(input);
  box.hidden = false;
  function three(number) { return ("00" + number).slice(-3) + ".json"; }
  function load(number) {
    if (!shards[number]) {
      shards[number] = json(box.getAttribute("data-index") + three(number)).then(function (rows) {
        return rows.map(function (row) {
          return { row: row, at: suffixes(fold([row[2], row[3] || "", row[4] || ""].join(" "))) };
        });
      });
    }
    return shards[number];
  }
  function place(position) {
    var block = Math.floor(position / BLOCK);
    if (!places[block]) places[block] = json(box.getAttribute("data-places") + three(block));
    return places[block].then(function (found) { return found.pages[found.places[position % BLOCK]]; });
  }
  function item(row, url) {
    var li = document.createElement("li"), name = document.createElement("a");
    name.className = "signer-name";
    name.dir = "auto";
    name.textContent = row[2];
    name.href = site + url + "#s-" + row[1];
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
  function current(words) { return typedWords(input.value).join(" ") === words.join(" "); }
  function show(words, entries) {
    if (!current(words)) return; // typed on meanwhile
    var found = entries.filter(function (entry) { return matches(entry.at, words); });
    found.sort(function (a, b) { return collator.compare(a.row[2], b.row[2]); });
    found = found.slice(0, MOST);
    Promise.all(found.map(function (entry) { return place(entry.row[0]); })).then(function (urls) {
      if (!current(words)) return;
      results.textContent = "";
      found.forEach(function (entry, i) { results.appendChild(item(entry.row, urls[i])); });
      none.hidden = found.length !== 0;
    });
  }
  input.addEventListener("input", function () {
    var words = typedWords(input.value);
    var keyed = words.map(key).filter(Boolean); // a word with two letters, or a Han or kana character
    var searching = keyed.length > 0;
    pages.hidden = searching;
    if (countries) countries.hidden = searching;
    results.hidden = !searching;
    if (!searching) { results.textContent = ""; none.hidden = true; return; }
    load(shard(keyed[0])).then(function (entries) { show(words, entries); });
  });
}

Array.prototype.forEach.call(document.querySelectorAll(".signer-search"), setUp);

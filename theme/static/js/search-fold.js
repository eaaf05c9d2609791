// openletter: how the search of the signatories compares text, the same as the build's
// (openletter/signatures/folding.py, which shards the index): NFKD, marks removed, lower case, the
// letters that do not decompose folded as typed; a typed word begins at a word or, in Han and
// kana, at any character; the index file of a word is its key's: its first two letters, or its
// first character in Han and kana.

var LETTERS = {
  "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ß": "ss", "æ": "ae",
  "œ": "oe", "þ": "th", "ŋ": "n", "ĸ": "k", "ſ": "s", "ς": "σ"
};
var SPECIAL = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");
// The same ranges as folding.py's UNSPACED.
var UNSPACED = /[\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FFFF}]/u;
var WORDY = /[\p{L}\p{N}]/u;
export var SHARDS = 256;

export function fold(text) {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(SPECIAL, function (c) { return LETTERS[c]; });
}

// Where in a folded text a typed word may begin (indexes of characters, not of UTF-16 units).
export function starts(folded) {
  var chars = Array.from(folded), found = [];
  chars.forEach(function (char, i) {
    if (WORDY.test(char) && (i === 0 || !WORDY.test(chars[i - 1]) || UNSPACED.test(char))) found.push(i);
  });
  return found;
}

// What picks the index file of a word (folded): its first character in Han and kana, else its
// first two letters; "" when it has too few.
export function key(word) {
  var chars = Array.from(word);
  if (chars.length && UNSPACED.test(chars[0])) return chars[0];
  return chars.length >= 2 && WORDY.test(chars[1]) && !UNSPACED.test(chars[1]) ? chars[0] + chars[1] : "";
}

export function shard(found) {
  var codes = Array.from(found).map(function (c) { return c.codePointAt(0); });
  return (codes[0] * 31 + (codes.length > 1 ? codes[1] : 0)) % SHARDS;
}

// Every index file a signer with the folded text ``folded`` is in.
export function shards(folded) {
  var chars = Array.from(folded), found = {};
  starts(folded).forEach(function (i) {
    var k = key(chars.slice(i, i + 2).join(""));
    if (k) found[shard(k)] = true;
  });
  return Object.keys(found).map(Number).sort(function (a, b) { return a - b; });
}

// The words typed in ``query``, folded (what is not a letter or digit separates them).
export function words(query) {
  return fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

// A folded text from each place a typed word may begin: what ``matches`` compares.
export function suffixes(folded) {
  var chars = Array.from(folded);
  return starts(folded).map(function (i) { return chars.slice(i).join(""); });
}

// Whether every typed word begins where a word of the text (its ``suffixes``) may.
export function matches(suffixList, typed) {
  return typed.every(function (word) { return suffixList.some(function (rest) { return rest.startsWith(word); }); });
}

// openletter: how the search of the signatories compares text, the same as the build's
// (openletter/signatures/folding.py, which shards the index): NFKD, marks removed, lower case, the
// letters that do not decompose folded as typed; a typed word begins at a word or, in Han and
// kana, at any character; the index file of a word is its first character's.

var LETTERS = {
  "ł": "l", "ø": "o", "đ": "d", "ð": "d", "ħ": "h", "ŧ": "t", "ı": "i", "ß": "ss", "æ": "ae",
  "œ": "oe", "þ": "th", "ŋ": "n", "ĸ": "k", "ſ": "s", "ς": "σ"
};
var SPECIAL = new RegExp("[" + Object.keys(LETTERS).join("") + "]", "g");
// The same ranges as folding.py's UNSPACED.
var UNSPACED = /[\u3040-\u30FF\u31F0-\u31FF\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\u{20000}-\u{2FFFF}]/u;
var WORDY = /[\p{L}\p{N}]/u;
export var SHARDS = 32;

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

export function shard(char) {
  return char.codePointAt(0) % SHARDS;
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

// openletter: review and suggest on /<lang>/review/ (progressive enhancement; the page works without it).
// Per message: a "reviewed" check box, a corrected translation, a comment. Work in progress is kept in
// localStorage per language and catalog version; "Prepare" writes one suggestion file per catalog, the PO
// file openletter.suggestions.make_suggestion writes (openletter apply reads it), and links that send it:
// the forge's new-issue and new-file pages and mailto:, from the URL templates openletter.forges made.
// Every text from the page (translations, words) is set as text, never parsed as HTML.
import { element, words as pageWords } from "./page-words.js";

(function () {
  "use strict";
  var panel = document.getElementById("suggestions");
  if (!panel) return;
  var data = panel.dataset;
  var KEY = "openletter.review." + data.language + "." + data.version;
  var LANG = document.documentElement.lang, DIR = document.documentElement.dir;
  var numbers = window.Intl ? new Intl.NumberFormat(LANG) : { format: String };
  var units = [], urls = [];

  function words(name, values) { return pageWords(data, name, values); }
  function load() {
    try { return JSON.parse(window.localStorage.getItem(KEY)) || {}; } catch (e) { return {}; }
  }
  function save() {
    var kept = { name: nameInput.value, units: {} };
    units.forEach(function (unit) {
      var work = unit.work();
      if (work.r || work.c || work.t) kept.units[unit.id] = work;
    });
    try { window.localStorage.setItem(KEY, JSON.stringify(kept)); } catch (e) { /* private mode: kept until the page closes */ }
  }

  // -- one message -----------------------------------------------------------------------------
  function Unit(item, section, kept) {
    var entry = JSON.parse(item.dataset.unit), id = item.id, self = this;
    this.id = id;
    this.entry = entry;
    this.section = section;
    var box = element("fieldset", { "class": "your-review" });
    box.appendChild(element("legend", {}, words("YourReview")));
    if (entry.reviewable) {
      this.check = element("input", { type: "checkbox", id: id + "-reviewed" });
      var line = element("p", { "class": "reviewed-box" });
      line.appendChild(this.check);
      line.appendChild(element("label", { "for": id + "-reviewed" }, " " + words("Reviewed")));
      box.appendChild(line);
    }
    this.texts = entry.msgstr.map(function (current, form) {
      var label = words("Suggestion") + (entry.msgstr.length > 1 ? " (" + numbers.format(form + 1) + ")" : "");
      var area = element("textarea", { id: id + "-text-" + form, lang: LANG, dir: DIR, rows: "3" });
      area.value = current;
      box.appendChild(element("label", { "for": area.id }, label));
      box.appendChild(area);
      return area;
    });
    this.comment = element("textarea", { id: id + "-comment", rows: "2" });
    box.appendChild(element("label", { "for": this.comment.id }, words("Comment")));
    box.appendChild(this.comment);
    item.appendChild(box);
    this.restore(kept);
    box.addEventListener("input", function () { save(); counts(); });
    box.addEventListener("change", function () { save(); counts(); });
  }
  Unit.prototype.restore = function (kept) {
    var entry = this.entry;
    if (this.check) this.check.checked = !!(kept && kept.r);
    this.texts.forEach(function (area, form) { area.value = kept && kept.t ? kept.t[form] || "" : entry.msgstr[form]; });
    this.comment.value = kept && kept.c || "";
  };
  Unit.prototype.values = function () { return this.texts.map(function (area) { return area.value; }); };
  // A correction: different from the catalog, and no form left empty (apply never removes a translation).
  Unit.prototype.corrected = function () {
    var values = this.values(), entry = this.entry;
    return values.some(function (value, form) { return value !== entry.msgstr[form]; }) && values.every(Boolean);
  };
  Unit.prototype.reviewed = function () { return !!(this.check && this.check.checked) && !this.corrected(); };
  Unit.prototype.work = function () {
    return { r: !!(this.check && this.check.checked), t: this.corrected() ? this.values() : null, c: this.comment.value };
  };

  // -- the suggestion file: what make_suggestion writes, for one catalog -------------------------
  var ESCAPES = { "\\": "\\\\", "\"": "\\\"", "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v" };
  function quoted(text) {
    return "\"" + text.replace(/[\\"\x07\b\f\n\r\t\v]/g, function (c) { return ESCAPES[c]; }) + "\"";
  }
  function field(keyword, text) {
    var pieces = text.match(/[^\n]*\n|[^\n]+$/g) || [""];
    if (pieces.length === 1) return keyword + " " + quoted(text) + "\n";
    return keyword + " \"\"\n" + pieces.map(function (piece) { return quoted(piece) + "\n"; }).join("");
  }
  function oneLine(text) { return text.replace(/[\x00-\x1f\x7f-\x9f]+/g, " ").trim(); }
  function suggestionFile(section, chosen, name) {
    var header = "Content-Type: text/plain; charset=UTF-8\nLanguage: " + section.dataset.language +
      "\nX-Suggestion-For: " + section.dataset.domain + "\n" + (name ? "X-Suggested-By: " + name + "\n" : "");
    var out = [field("msgid", "") + field("msgstr", header)];
    chosen.slice().sort(function (a, b) { return a.entry.line - b.entry.line; }).forEach(function (unit) {
      var entry = unit.entry, text = "# based-on: " + entry.digest + "\n";
      var values = unit.corrected() ? unit.values() : entry.msgstr;
      if (unit.reviewed()) text += "# reviewed: " + entry.digest + "\n";
      if (entry.msgctxt !== null) text += field("msgctxt", entry.msgctxt);
      text += field("msgid", entry.msgid);
      if (entry.plural !== null) {
        text += field("msgid_plural", entry.plural);
        values.forEach(function (value, form) { text += field("msgstr[" + form + "]", value); });
      } else {
        text += field("msgstr", values[0]);
      }
      out.push(text);
    });
    return out.join("\n");
  }

  // -- sending -------------------------------------------------------------------------------------
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return encodeURIComponent(values[key]); });
  }
  function fence(text) {
    var longest = Math.max.apply(null, (text.match(/`+/g) || [""]).map(function (run) { return run.length; }).concat([2]));
    return new Array(longest + 2).join("`");
  }
  // The message goes to the project's maintainers, in the language of the source (English).
  function message(files, reviewed, corrected) {
    var title = "Review of the " + data.language + " translation: " + reviewed + " reviewed, " + corrected + " corrected";
    var lines = ["Made on " + location.href.split("#")[0] + "; apply each suggestion file with: openletter apply <file>", ""];
    units.forEach(function (unit) {
      var what = unit.corrected() ? "corrected" : unit.reviewed() ? "reviewed" : unit.comment.value.trim() ? "comment" : "";
      if (!what) return;
      var where = unit.section.dataset.path + " line " + unit.entry.line + ": " + what;
      lines.push("- " + where + (unit.comment.value.trim() ? ": " + oneLine(unit.comment.value) : ""));
    });
    var body = lines.join("\n"), withFiles = body;
    files.forEach(function (file) {
      var marks = fence(file.text);
      withFiles += "\n\n" + file.name + ":\n\n" + marks + "po\n" + file.text + marks;
    });
    var attach = body + "\n\nAttached: " + files.map(function (file) { return file.name; }).join(", ");
    return { title: title, full: withFiles, short: attach };
  }

  var nameInput, countLine, output;
  function counts() {
    var reviewed = 0, corrected = 0;
    units.forEach(function (unit) { if (unit.corrected()) corrected++; else if (unit.reviewed()) reviewed++; });
    countLine.textContent = words("Counts", { reviewed: numbers.format(reviewed), corrected: numbers.format(corrected) });
    return [reviewed, corrected];
  }
  function link(href, text, attributes) {
    var item = element("li"), anchor = element("a", Object.assign({ href: href }, attributes || {}), text);
    item.appendChild(anchor);
    return item;
  }
  function prepare() {
    urls.forEach(function (url) { URL.revokeObjectURL(url); });
    urls = [];
    output.textContent = "";
    var name = oneLine(nameInput.value), files = [], total = counts();
    Array.prototype.forEach.call(document.querySelectorAll("section.review[data-domain]"), function (section) {
      var chosen = units.filter(function (unit) { return unit.section === section && (unit.corrected() || unit.reviewed()); });
      if (chosen.length) files.push({ name: section.dataset.file, text: suggestionFile(section, chosen, name), section: section });
    });
    if (!files.length) {
      output.appendChild(element("p", {}, words("Nothing")));
      return;
    }
    var list = element("ul", { "class": "send" }), tooLong = false;
    files.forEach(function (file) {
      var url = URL.createObjectURL(new Blob([file.text], { type: "text/x-gettext-translation;charset=utf-8" }));
      urls.push(url);
      list.appendChild(link(url, words("Download", { file: file.name }), { download: file.name, "class": "download" }));
      var template = file.section.dataset.newFile;
      if (template) {
        var proposed = fill(template, { value: file.text });
        if (proposed.length <= +data.forgeLimit) list.appendChild(link(proposed, words("NewFile", { forge: data.forge }), { "class": "new-file" }));
        else tooLong = true;
      }
    });
    var text = message(files, total[0], total[1]);
    [["issue", data.issue, +data.forgeLimit, words("Issue", { forge: data.forge })], ["mail", data.mail, +data.mailLimit, words("Mail")]].forEach(function (channel) {
      if (!channel[1]) return;
      var href = fill(channel[1], { title: text.title, body: text.full });
      if (href.length > channel[2]) {
        tooLong = true;
        href = fill(channel[1], { title: text.title, body: text.short });
      }
      list.appendChild(link(href, channel[3], { "class": channel[0] }));
    });
    output.appendChild(list);
    if (tooLong) output.appendChild(element("p", { "class": "too-long" }, words("TooLong")));
    var box = element("textarea", { id: "suggestions-message", readonly: "", rows: "6", lang: "en", dir: "ltr" });
    box.value = text.title + "\n\n" + text.short;
    output.appendChild(element("label", { "for": box.id }, words("Message")));
    output.appendChild(box);
  }
  function clear() {
    try { window.localStorage.removeItem(KEY); } catch (e) { /* nothing kept */ }
    units.forEach(function (unit) { unit.restore(null); });
    nameInput.value = "";
    counts();
    output.textContent = "";
    output.appendChild(element("p", {}, words("Cleared")));
  }

  function init() {
    var kept = load(), saved = kept.units || {};
    Array.prototype.forEach.call(document.querySelectorAll("section.review[data-domain]"), function (section) {
      Array.prototype.forEach.call(section.querySelectorAll("li.unit[data-unit]"), function (item) {
        units.push(new Unit(item, section, saved[item.id]));
      });
    });
    if (!units.length) return;
    panel.appendChild(element("h2", { id: "suggestions-heading" }, words("Send")));
    panel.appendChild(element("p", {}, words("Kept")));
    countLine = element("p", { "class": "counts", role: "status" });
    panel.appendChild(countLine);
    var nameLine = element("p");
    nameInput = element("input", { type: "text", id: "reviewer-name", autocomplete: "name", maxlength: "200" });
    nameInput.value = kept.name || "";
    nameInput.addEventListener("input", save);
    nameLine.appendChild(element("label", { "for": nameInput.id }, words("Name")));
    nameLine.appendChild(nameInput);
    panel.appendChild(nameLine);
    var buttons = element("p", { "class": "buttons" });
    var go = element("button", { type: "button", id: "prepare-suggestion" }, words("Prepare"));
    var forget = element("button", { type: "button", id: "clear-review" }, words("Clear"));
    go.addEventListener("click", prepare);
    forget.addEventListener("click", clear);
    buttons.appendChild(go);
    buttons.appendChild(document.createTextNode(" "));
    buttons.appendChild(forget);
    panel.appendChild(buttons);
    output = element("div", { "class": "prepared", "aria-live": "polite" });
    panel.appendChild(output);
    panel.hidden = false;
    counts();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

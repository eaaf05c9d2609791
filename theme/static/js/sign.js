// openletter: the sign form on /<lang>/sign/ (progressive enhancement; the page says how to sign without it).
// It writes the signer's record exactly as openletter.signatures.writing.record_text does (TOML, the schema's
// order, NFC text), names its file by openletter.signatures.naming's rule (eight random base32 characters from
// crypto.getRandomValues), refuses what `openletter check` refuses where a browser can tell, and opens the
// forge's prefilled new-file or new-issue page or an e-mail, from the URL templates openletter.forges made.
// Nothing is sent by this page. Every text from the page is set as text, never parsed as HTML.
import { element, words as pageWords } from "./page-words.js";

(function () {
  "use strict";
  var panel = document.getElementById("sign-form");
  if (!panel || !window.crypto || !String.prototype.normalize) return;
  var data = panel.dataset;
  var LANG = document.documentElement.lang;
  var MAX = Number(data.max);

  function words(name, values) { return pageWords(data, name, values); }
  function listed(id) {
    return Array.prototype.map.call(document.querySelectorAll("#" + id + " li"), function (item) {
      return { code: item.dataset.code, name: item.textContent };
    });
  }

  // -- the record: openletter.signatures.writing ---------------------------------------------------
  function tomlString(value) {
    return "\"" + value.replace(/["\\\x00-\x1f\x7f]/g, function (c) {
      return c === "\"" || c === "\\" ? "\\" + c : "\\u" + ("000" + c.charCodeAt(0).toString(16).toUpperCase()).slice(-4);
    }) + "\"";
  }
  var KEYS = ["name", "affiliation", "role", "country", "language"];
  function recordText(values) {
    var lines = KEYS.filter(function (key) { return values[key]; }).map(function (key) { return key + " = " + tomlString(values[key]); });
    lines.push("date = " + values.date);
    return lines.join("\n") + "\n";
  }
  function recordId() {
    var alphabet = data.alphabet, bytes = new Uint8Array(Number(data.idLength)), id = "";
    window.crypto.getRandomValues(bytes);
    for (var i = 0; i < bytes.length; i++) id += alphabet[bytes[i] % alphabet.length];  // 256 = 8 x 32: unbiased
    return id;
  }
  function today() { return new Date().toISOString().slice(0, 10); }  // UTC, as the checker's rule allows

  // -- what openletter.signatures.text refuses, as far as a browser can tell ------------------------
  var JOINERS = /[\u200c\u200d]/;
  var INVISIBLE = /[\p{Cc}\p{Zl}\p{Zp}\p{Cf}\p{Co}\p{Cn}\p{Cs}\u115f\u1160\u3164\uffa0\u2800]/u;
  var LETTER = /[\p{L}\p{M}]/u;
  var MARKUP = /[<>]|&(?:[A-Za-z][A-Za-z0-9]*|#[0-9]+|#[xX][0-9A-Fa-f]+);/;
  var EMAIL = /[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+/;
  var URL_LIKE = /\b[A-Za-z][A-Za-z0-9+.-]*:\/\/|\bmailto:|\bwww\./i;
  function invisible(value) {
    var chars = Array.from(value);
    return chars.some(function (c, i) {
      if (JOINERS.test(c)) return !(LETTER.test(chars[i - 1] || "") && LETTER.test(chars[i + 1] || ""));
      return INVISIBLE.test(c);
    });
  }
  function problem(value, required) {
    if (!value) return required ? words("Empty") : "";
    if (Array.from(value).length > MAX) return words("TooLong", { count: new Intl.NumberFormat(LANG).format(MAX) });
    if (invisible(value)) return words("Invisible");
    if (MARKUP.test(value)) return words("Markup");
    if (EMAIL.test(value) || URL_LIKE.test(value)) return words("Address");
    return "";
  }

  // -- the form ------------------------------------------------------------------------------------
  var form = element("form", { novalidate: "" });
  var fields = {};
  function row(key, control) {
    var wrap = element("p", { "class": "sign-field" });
    control.id = "sign-" + key;
    wrap.appendChild(element("label", { "for": control.id }, words(key.charAt(0).toUpperCase() + key.slice(1))));
    wrap.appendChild(control);
    var error = element("span", { id: control.id + "-error", "class": "sign-error" });
    wrap.appendChild(error);
    form.appendChild(wrap);
    fields[key] = { control: control, error: error };
  }
  ["name", "affiliation", "role"].forEach(function (key) {
    row(key, element("input", { type: "text", maxlength: String(MAX * 2), autocomplete: key === "name" ? "name" : key === "affiliation" ? "organization" : "organization-title" }));
  });
  fields.name.control.setAttribute("aria-required", "true");
  var country = element("select", {});
  country.appendChild(element("option", { value: "" }, "—"));
  var collator = new Intl.Collator(LANG);
  listed("sign-countries").sort(function (a, b) { return collator.compare(a.name, b.name); }).forEach(function (item) {
    country.appendChild(element("option", { value: item.code }, item.name));
  });
  row("country", country);
  var language = element("select", {});
  listed("sign-languages").forEach(function (item) {
    language.appendChild(element("option", { value: item.code }, item.name));
  });
  language.value = data.language;
  row("language", language);
  row("date", element("input", { type: "text", readonly: "", dir: "ltr", value: today() }));
  form.appendChild(element("p", {})).appendChild(element("button", { type: "submit" }, words("Prepare")));
  var result = element("div", { "class": "sign-result" });
  panel.appendChild(form);
  panel.appendChild(result);
  panel.hidden = false;

  function value(key) { return fields[key].control.value.normalize("NFC").trim(); }
  function check() {
    var first = null;
    ["name", "affiliation", "role"].forEach(function (key) {
      var field = fields[key], message = problem(value(key), key === "name");
      field.error.textContent = message;
      if (message) {
        field.control.setAttribute("aria-invalid", "true");
        field.control.setAttribute("aria-describedby", field.error.id);
        first = first || field.control;
      } else {
        field.control.removeAttribute("aria-invalid");
        field.control.removeAttribute("aria-describedby");
      }
    });
    return first;
  }

  // -- sending: the forge's pages and e-mail, from openletter.forges' templates ---------------------
  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) { return encodeURIComponent(values[key]); });
  }
  function link(url, limit, text) {
    if (!url || url.length > limit) return null;
    var item = element("li", {});
    item.appendChild(element("a", { href: url }, text));
    return item;
  }
  // The message goes to the project's maintainers, in the language of the source (English).
  function message(values, path, text) {
    return {
      title: "Signature: " + values.name,
      body: "Please add this signature as " + path + " (made on " + location.href.split("#")[0] + "):\n\n```toml\n" + text + "```\n",
    };
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var invalid = check();
    if (invalid) { invalid.focus(); return; }
    var values = { name: value("name"), affiliation: value("affiliation"), role: value("role"),
                   country: country.value, language: language.value, date: fields.date.control.value };
    var text = recordText(values);
    var below = values.date.slice(0, 4) + "/" + values.date + "-" + recordId() + ".toml";
    var path = "signatures/" + below, mail = message(values, path, text);
    var forgeLimit = Number(data.forgeLimit), mailLimit = Number(data.mailLimit);
    result.textContent = "";
    var heading = element("h3", { tabindex: "-1", id: "sign-ready" }, words("Ready"));
    result.appendChild(heading);
    result.appendChild(element("p", { "class": "sign-path", dir: "ltr" })).appendChild(element("code", {}, path));
    result.appendChild(element("pre", { "class": "record", dir: "ltr", id: "sign-record" }, text));
    var links = element("ul", { "class": "sign-links" });
    [
      link(data.newFile && fill(data.newFile, { path: below, value: text }), forgeLimit, words("NewFile", { forge: data.forge })),
      link(data.issue && fill(data.issue, mail), forgeLimit, words("Issue", { forge: data.forge })),
      link(data.mail && fill(data.mail, mail), mailLimit, words("Mail")),
    ].forEach(function (item) { if (item) links.appendChild(item); });
    if (data.repository && !data.newFile) {  // GitLab: a new file cannot be filled in from a link
      var by = element("li", {}, words("ByHand", { path: path, forge: data.forge }) + " ");
      by.appendChild(element("a", { href: data.repository }, data.forge));
      links.appendChild(by);
    }
    result.appendChild(links);
    heading.focus();
  });
})();

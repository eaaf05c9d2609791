// openletter: when the reader's browser prefers another published language, say so - once,
// in THAT language (its words are in theme/js/notices.js, shared by every page) - and link to it. Never redirects; an explicit choice in the language menu is
// remembered and the notice stays away. Everything works without this script.
(function () {
  "use strict";
  var CHOICE = "openletter.language", DISMISSED = "openletter.notice-dismissed";
  // The notice's webfonts, cut for its words alone, are in theme/fonts/_notice-<tag>.css (openletter.fonts).
  var FONTS = document.currentScript ? new URL("../fonts/", document.currentScript.src) : null;
  function store(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode */ } }
  function read(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function base(tag) { return tag.toLowerCase().split("-")[0]; }
  // zh-CN/zh-SG read Simplified, zh-TW/zh-HK/zh-MO Traditional; otherwise match the whole tag, then the language.
  function candidates(preferred) {
    var tag = preferred.toLowerCase(), out = [tag];
    if (/^zh-(cn|sg|hans)/.test(tag)) out.push("zh-hans");
    if (/^zh-(tw|hk|mo|hant)/.test(tag)) out.push("zh-hant");
    out.push(base(tag));
    return out;
  }
  function match(preferred, links) {
    var wanted = candidates(preferred);
    for (var i = 0; i < wanted.length; i++) {
      for (var j = 0; j < links.length; j++) {
        var tag = links[j].getAttribute("hreflang").toLowerCase();
        if (tag === wanted[i] || (i === wanted.length - 1 && base(tag) === wanted[i])) return links[j];
      }
    }
    return null;
  }
  function show(link, page, words) {
    var box = document.createElement("div"), text = document.createElement("p");
    var go = document.createElement("a"), close = document.createElement("button");
    if (FONTS) {
      var fonts = document.createElement("link");
      fonts.rel = "stylesheet";
      fonts.href = new URL("_notice-" + link.getAttribute("hreflang") + ".css", FONTS).href;
      document.head.appendChild(fonts);
    }
    box.className = "language-notice";
    box.setAttribute("role", "note");
    box.lang = link.lang;
    box.dir = link.dir;
    text.textContent = words.notice + " ";
    go.href = link.href;
    go.hreflang = link.getAttribute("hreflang");
    go.textContent = words.read;
    go.addEventListener("click", function () { store(CHOICE, go.hreflang); });
    close.type = "button";
    close.textContent = words.dismiss;
    close.addEventListener("click", function () { store(DISMISSED, page); box.remove(); });
    text.appendChild(go);
    box.appendChild(text);
    box.appendChild(close);
    var anchor = document.querySelector("nav.languages") || document.querySelector("main");
    anchor.parentNode.insertBefore(box, anchor);
  }
  function init() {
    var links = Array.prototype.slice.call(document.querySelectorAll("nav.languages a[hreflang]"));
    var page = document.documentElement.lang;
    links.forEach(function (link) {
      link.addEventListener("click", function () { store(CHOICE, link.getAttribute("hreflang")); });
    });
    if (read(CHOICE) || read(DISMISSED) === page) return;
    var preferred = navigator.languages && navigator.languages.length ? navigator.languages : [navigator.language || ""];
    for (var i = 0; i < preferred.length; i++) {
      var link = match(preferred[i], links);
      if (!link) continue;
      var words = (window.openletterNotices || {})[link.getAttribute("hreflang")];
      if (words && link.getAttribute("hreflang").toLowerCase() !== page.toLowerCase()) show(link, page, words);
      return; // the most preferred published language decides; the page's own means no notice
    }
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

// openletter: what the sign page's and the review page's scripts share (ES module: same origin, so the
// pages' policy, script-src 'self', lets them import it). Every text is set as text, never parsed as HTML.

// The page's words for ``name`` (data-w<name> on ``data``, a dataset), %(key)s filled from ``values``.
export function words(data, name, values) {
  return (data["w" + name] || "").replace(/%\((\w+)\)s/g, function (all, key) { return values && key in values ? values[key] : all; });
}

// A new element with ``attributes`` and, if given, ``text`` as its text.
export function element(tag, attributes, text) {
  var node = document.createElement(tag);
  Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
  if (text !== undefined) node.textContent = text;
  return node;
}

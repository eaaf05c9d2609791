"""openletter.fonts.text: the fast page-text path equals the html.parser reference.

``page_text`` tokenizes a page with one regular expression and falls back to the reference
(``_reference_page_text``, an ``html.parser`` subclass) on markup its grammar does not know;
``_fast_page_text`` is the fast path alone, None where it falls back.  Wherever it answers, its
``PageText`` must equal the reference's, on real pages and on odd markup alike.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import shipped_copy
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from openletter.fonts import pages_from_site
from openletter.fonts.constants import DEFAULT_BOLD
from openletter.fonts.text import _fast_page_text, _reference_page_text, page_text


def reference(html: str, lang: str = "en", bold: tuple[str, ...] = DEFAULT_BOLD) -> object:
    """The reference's result, or the type and message of what it raised."""
    try:
        return _reference_page_text(html, lang, bold)
    except Exception as error:  # noqa: BLE001 - compared, not swallowed
        return (type(error), str(error))


def check(html: str, lang: str = "en", bold: tuple[str, ...] = DEFAULT_BOLD) -> bool:
    """Assert the fast path equals the reference where it answers, and ``page_text`` always does.

    Returns whether the fast path answered (False: the page went to the reference).
    """
    expected = reference(html, lang, bold)
    fast = _fast_page_text(html, lang, bold)
    if fast is not None:
        assert fast == expected, html
    try:
        assert page_text(html, lang, bold) == expected, html
    except Exception as error:  # noqa: BLE001
        assert (type(error), str(error)) == expected, html
    return fast is not None


@pytest.fixture(scope="module")
def pseudo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pseudo-locale's pages: the shipped project with one translation, built with the pseudo-locale."""
    from openletter.commands.build import build

    copy = shipped_copy(tmp_path_factory.mktemp("pseudo") / "site", ("de",))
    build(copy.config, copy.root / "output", pseudo=True)
    return copy.root / "output"


def test_fast_equals_reference_on_every_page_of_a_built_site(shipped_site: Path, pseudo_site: Path) -> None:
    """Every page of the shipped site (every script and kind of page) and the pseudo-locale's."""
    pages = pages_from_site(shipped_site)
    rel = {page.relative_to(shipped_site).as_posix() for page in pages}
    # letters, the chooser, every dashboard and review page
    assert {"index.html", "de/index.html", "translate/index.html", "de/translate/index.html", "de/review/index.html", "ar/index.html"} <= rel
    pseudo = {page: lang for page, lang in pages_from_site(pseudo_site).items() if page.relative_to(pseudo_site).parts[0] == "en-xa"}
    assert {page.relative_to(pseudo_site).as_posix() for page in pseudo} >= {"en-xa/index.html", "en-xa/translate/index.html"}
    pages.update(pseudo)
    for page, lang in pages.items():
        html = page.read_text(encoding="utf-8")
        fast = _fast_page_text(html, lang)
        assert fast is not None, f"{page}: the fast path fell back on a page the site builds"
        assert fast == _reference_page_text(html, lang), page
        assert fast.usage, page
    bold_more = (*DEFAULT_BOLD, "td", ".figure", "[lang]", "[dir=rtl]", "[href='../']")
    for page, lang in list(pages.items())[:20]:
        html = page.read_text(encoding="utf-8")
        assert _fast_page_text(html, lang, bold_more) == _reference_page_text(html, lang, bold_more), page


TRICKY = [
    # comments, doctype, entities
    "<!DOCTYPE html><html lang=fr><!-- <b>not shown</b> --><p>a&amp;b &lt;c&gt; &nbsp;&#233;&#x4e2d;</p>",
    "<!doctype html><p>x<!--a--  >y<!-- -- >z-->w</p>",
    "<p>&amp &ampx &notit; &notin; &#1; &#0; &#x110000; &l &#65</p>",
    "<p>a < b <3 <= c << d<</p><",
    "<p>x&",
    "<p>x&#",
    "<p title='&amp;&lt;'>&Eacute;</p><img alt='&eacute;t&eacute;'>",
    # raw text
    "<p>a<script>var s = '</p><b>nope</b>'; if (a<b) {}</script>b</p>",
    "<style>p::after { content: '</p>' }</style><p>c</p>",
    "<SCRIPT type=text/javascript>x</SCRIPT >y<script>z</script\n>w",
    "<script>never closed</p>",
    "<style/>shown<script/>also",
    "<\u017fcript>long s</\u017fcript>shown<script>x</\u017fcript>hidden<\u212ab>kelvin</\u212ab>",
    "<template><p>hidden<b>too</b></p></template><p>shown</p>",
    "<textarea>a<b>b</b></textarea><title>t<i>i</i></title>",
    # case, attribute quoting
    "<P CLASS=NAME>upper</P><B>bold</B><H1 Lang=DE>Kopf</H1><SPAN LANG=ja>日本</SPAN>",
    '<a title="x > y" href=../x/ class=name>link</a><a title=\'a"b\'>q</a>',
    "<a href=x/>not self-closing</a>after",
    '<a b="c"d=e>no space</a><a b=c=d>eq</a><a b==c>two</a><a b= >none</a>',
    "<a\nhref='x'\tclass=\"name\"\r\n>ws</a><a\x0bclass=name>vt</a><a\xa0class=name>nbsp</a>",
    "<a / class=name>slash</a><a class=name/ >slash2</a><a class=name />self</a>",
    "<a class=`x`>tick</a><a class=x<y>lt</a>",
    "<p lang>empty</p><p lang=''>e2</p><p lang='de_DE'>bad</p><p lang='x-very-long-subtag'>ok</p>",
    # nesting, void, stray end tags
    "<div lang=de><p lang=fr>fr<span>fr</span></p>de<p lang=''>de</p></div>en",
    "<b><i>x</b>y</i>z</b>w",
    "<br/><br>a</br>b<img src=x alt=shown><img alt=''><input placeholder='Type'>",
    "<div/>after-div<span/>after-span<li/>",
    "</p></div>stray<p>a</x>b</p >c</P\t>d",
    "<ol><li>a<li>b<ol><li>c</ol><li>d</ol><ul><li>e</ul><ol><span><li>f</span></ol>",
    "<head><title>Title</title><meta name=x content=y><link lang=de></head><body>b</body>",
    "<head><b>x</b><title lang=fr>T<b>B</b></title>h</head>",
    "<th>th</th><strong>s</strong><h6>h</h6><p class='a name b'>n</p><p class=names>no</p>",
    "<a aria-current=page>cur</a><a aria-current='page'>cur2</a><a aria-current>none</a><a ARIA-CURRENT=PAGE>up</a>",
    # markup the fast path leaves to the reference
    "<![CDATA[x<b>y]]>z",
    "<![if !IE]>x<![endif]>",
    "<?xml version='1.0'?><p>x</p>",
    "<!ELEMENT x><p>x</p>",
    "</ p>x</>y</ >z",
    "<p>x</p foo=bar>y",
    "<a href='unclosed>text",
    "<p>a<b",
    "<!-- unclosed <p>x</p>",
    "<my-element data-x=1>custom</my-element><x:y>ns</x:y><a xml:lang=de lang=fr>q</a>",
    "<p>\x00nul<a\x00b>x</a></p>",
    "\ufeff<p>bom</p>",
]


@pytest.mark.parametrize("html", TRICKY)
def test_fast_equals_reference_on_tricky_markup(html: str) -> None:
    check(html)
    check(html, "de", (*DEFAULT_BOLD, "p", ".a", "[title]", "[href=x]"))


def test_the_fast_path_answers_for_ordinary_markup_and_falls_back_on_the_rest() -> None:
    assert _fast_page_text(TRICKY[0], "en") is not None
    assert _fast_page_text("<p>a<script>x</p></script>b</p>", "en") is not None
    assert _fast_page_text('<a title="x > y" href=../x/>z</a>', "en") is not None
    for html in ("<![CDATA[x]]>", "<?pi?>", "</ p>", "<p>x</p foo>", "<a b='c'd>", "<p>a<b", "<!-- x", "<script>x"):
        assert _fast_page_text(html, "en") is None, html


def test_page_text_raises_what_the_reference_raises() -> None:
    with pytest.raises(AssertionError, match="unknown status keyword"):
        _reference_page_text("<![foo bar]>x", "en")
    with pytest.raises(AssertionError, match="unknown status keyword"):
        page_text("<![foo bar]>x", "en")


def test_bold_selectors_may_be_any_iterable() -> None:
    html = "<p class=name>x</p><![CDATA[y]]>"  # the fallback gets the selectors too
    assert page_text(html, "en", iter(DEFAULT_BOLD)) == _reference_page_text(html, "en")


# Hypothesis: pages stitched from pieces of markup, well-formed and not.

NAMES = ["p", "P", "b", "B", "span", "div", "a", "li", "ol", "OL", "ul", "h1", "th", "title", "head", "template",
         "br", "BR", "img", "input", "hr", "x-y", "textarea", "strong"]  # fmt: skip
ATTRIBUTE_NAMES = ["lang", "LANG", "class", "alt", "placeholder", "aria-current", "href", "title", "data-x", "xml:lang"]
VALUES = ["", "de", "fr-CA", "zh-Hant", "x_y", "name", "a name", "page", "PAGE", "&amp;é", "&lt;b&gt;", "a>b", "1 2",
          "Ω", "&#1;", "../x/"]  # fmt: skip
TEXTS = ["", "a", "é", " ", "\n\t", "\r\n", "\f", "&amp;", "&nbsp;", "&#x4e2d;", "&#1;", "&lt", "&l", "&", "x & y",
         "<", "< ", "<3", "日本", "\u202f", "\xa0", "--", ">", "'", '"']  # fmt: skip


@st.composite
def attribute(draw: st.DrawFn, strict: bool) -> str:
    name = draw(st.sampled_from(ATTRIBUTE_NAMES))
    value = draw(st.sampled_from(VALUES))
    if strict:
        quoting = draw(st.sampled_from(["none", "double", "single", "bare"]))
        if quoting == "bare" and (not value or any(c in value for c in " \"'=<>`")):
            quoting = "double"
    else:
        quoting = draw(st.sampled_from(["none", "double", "single", "bare", "spaced", "glued", "slash", "double-eq"]))
    space = " " if strict else draw(st.sampled_from([" ", "\n", "\t", "  ", "\x0b", "/", "\xa0"]))
    return space + {
        "none": name,
        "double": f'{name}="{value}"',
        "single": f"{name}='{value}'",
        "bare": f"{name}={value}",
        "spaced": f'{name} = "{value}"',
        "glued": f'{name}="{value}"x',
        "slash": f"{name}={value}/",
        "double-eq": f"{name}=={value}",
    }[quoting]


@st.composite
def piece(draw: st.DrawFn, strict: bool) -> str:
    kind = draw(st.sampled_from(["text", "text", "start", "start", "end", "end", "comment", "raw"] +
                                ([] if strict else ["odd", "odd"])))  # fmt: skip
    if kind == "text":  # a "<" then a letter is a tag's start: not in well-formed markup
        return "".join(draw(st.lists(st.sampled_from([t for t in TEXTS if t != "<"] if strict else TEXTS), max_size=4)))
    if kind == "start":
        name = draw(st.sampled_from(NAMES))
        attributes = "".join(draw(st.lists(attribute(strict), max_size=3)))
        close = draw(st.sampled_from([">", "/>", " >", " />"] + ([] if strict else ["", " / >", "\n>"])))
        return f"<{name}{attributes}{close}"
    if kind == "end":
        name = draw(st.sampled_from(NAMES))
        return draw(st.sampled_from([f"</{name}>", f"</{name} >", f"</{name.upper()}>"] +
                                    ([] if strict else [f"</ {name}>", f"</{name} x>", f"</{name}"])))  # fmt: skip
    if kind == "comment":
        return draw(st.sampled_from(["<!-- c -->", "<!---->", "<!-- <p>x</p> -- >", "<!DOCTYPE html>"] +
                                    ([] if strict else ["<!-- open", "<!-->", "<!x>"])))  # fmt: skip
    if kind == "raw":
        name = draw(st.sampled_from(["script", "style", "SCRIPT"]))
        body = draw(st.sampled_from(["", "x", "</p><b>y</b>", "a < b && c", "'</scr' + 'ipt>'"]))
        end = draw(st.sampled_from([f"</{name}>", f"</{name.lower()} >", f"</{name.upper()}\n>"]))
        return f"<{name}>{body}{end}"
    return draw(st.sampled_from(["<![CDATA[x]]>", "<?pi x?>", "<", "&", "</>", "<a", "<![if x]>", "<a b='c", "<3",
                                "</\u017fcript>", "<\u017ftyle>", "\u212a"]))


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece(strict=False), max_size=25), st.sampled_from(["en", "de", "ar"]))
@example(["<b>", "<script>", "</p>", "</script>", "x"], "en")
def test_fast_equals_reference_on_generated_markup(pieces: list[str], lang: str) -> None:
    check("".join(pieces), lang)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(piece(strict=True), max_size=25))
def test_the_fast_path_answers_for_generated_well_formed_markup(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert check(html), html

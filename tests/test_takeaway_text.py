"""The letter as plain text and Markdown (openletter.takeaway.plaintext), and the page it is read from."""

from __future__ import annotations

import html
import re
import unicodedata
from pathlib import Path

from openletter.takeaway.letter import read_letter
from openletter.takeaway.plaintext import WIDTH, columns, to_markdown, to_text, wrap

PAGE = """<!DOCTYPE html><html lang="de" dir="ltr"><head><title>x</title></head><body>
<nav><a href="../en/">English</a></nav>
<article class="letter">
<header><h1>Ein Brief</h1><p class="published">Veröffentlicht am <time datetime="2026-11-26">26. November 2026</time></p></header>
<div class="notice review" role="note"><p>Noch nicht geprüft.</p><p><a href="../en/">Original lesen</a></p></div>
<p id="untranslated-note" hidden>Noch nicht übersetzt.</p>
<p>Erster *Absatz* mit <em>Betonung</em> und <a href="https://example.org/x">einem Link</a>.</p>
<p lang="en" dir="ltr" class="untranslated">An English paragraph.</p>
<h2># Zweiter Teil</h2>
<ol><li>Eins</li><li>Zwei</li></ol>
</article>
<aside class="takeaway"><p>Herunterladen</p></aside>
</body></html>"""


def test_the_letter_is_read_from_the_article_without_what_is_hidden() -> None:
    letter = read_letter(PAGE, Path("de/index.html"))
    assert (letter.lang, letter.direction, letter.title) == ("de", "ltr", "Ein Brief")
    assert [block.text for block in letter.blocks] == [
        "Ein Brief", "Veröffentlicht am 26. November 2026", "Noch nicht geprüft.", "Original lesen",
        "Erster *Absatz* mit Betonung und einem Link.", "An English paragraph.", "# Zweiter Teil", "Eins", "Zwei",
    ]  # fmt: skip
    assert [block.marker for block in letter.blocks if block.kind == "item"] == ["1.", "2."]
    assert [block.lang for block in letter.blocks][5] == "en"


def test_plain_text_is_the_page_text_and_ends_with_its_address() -> None:
    text = to_text(read_letter(PAGE, Path("de/index.html")), "https://letter.example/de/")
    assert text.endswith("\nhttps://letter.example/de/\n")
    assert "Noch nicht übersetzt" not in text and "Herunterladen" not in text and "English</a>" not in text
    assert "1. Eins\n\n2. Zwei" in text


def test_markdown_keeps_emphasis_and_links_escapes_the_rest_and_quotes_the_notice() -> None:
    markdown = to_markdown(read_letter(PAGE, Path("de/index.html")), "https://letter.example/de/")
    assert markdown.startswith("# Ein Brief\n")
    assert "> Noch nicht geprüft.\n>\n> [Original lesen](https://letter.example/en/)\n" in markdown
    assert r"Erster \*Absatz\* mit *Betonung* und [einem Link](https://example.org/x)." in markdown.replace("\n", " ")
    assert "## \\# Zweiter Teil" in markdown
    assert markdown.endswith("<https://letter.example/de/>\n")


def test_lines_are_broken_at_spaces_only_and_fit_the_width() -> None:
    latin = "Calls to stop progress with any new technologies aren’t anything new. " * 5
    for line in wrap(latin):
        assert columns(line) <= WIDTH
    japanese = "「Pause AI」運動への異議：" + "新しい技術の進歩を止めようとする呼びかけは、今に始まったことではありません。" * 3
    thai = "การเรียกร้องให้หยุดความก้าวหน้าของเทคโนโลยีใหม่ไม่ใช่เรื่องใหม่ " * 4
    for text in (japanese, thai, latin):
        lines = wrap(text)
        assert " ".join(lines) == " ".join(text.split()), "a line was broken inside a word"
    assert wrap(japanese)[0].startswith("「Pause") and len(wrap(japanese)) == 2  # only at its one space
    assert columns("日本語") == 6 and columns("e\u0301") == 1


def _page_text(page: Path) -> str:
    """The visible text of a built page's letter: tags out, hidden paragraph out, white space folded."""
    article = re.search(r'<article class="letter">.*?</article>', page.read_text(encoding="utf-8"), re.DOTALL)
    assert article is not None
    visible = re.sub(r"<p [^>]*hidden[^>]*>.*?</p>", "", article[0], flags=re.DOTALL)
    inline = re.sub(r"</?(?:a|time|em|strong|code|span|b|i)\b[^>]*>", "", visible)  # no word break
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", inline)).split())


def test_every_language_has_its_text_and_markdown_equal_to_its_page(shipped_site: Path) -> None:
    pages = sorted(page for page in shipped_site.glob("*/index.html") if page.parent.name not in ("translate",))
    assert len(pages) == 51
    for page in pages:
        slug = page.parent.name
        text = (page.parent / f"letter.{slug}.txt").read_text(encoding="utf-8")
        *body, address = text.rstrip("\n").split("\n")
        assert address == f"/{slug}/"
        assert unicodedata.normalize("NFC", " ".join(" ".join(body).split())) == _page_text(page), slug
        markdown = (page.parent / f"letter.{slug}.md").read_text(encoding="utf-8")
        assert markdown.startswith("# ") and markdown.endswith(f"[/{slug}/](/{slug}/)\n"), slug
        assert f'href="letter.{slug}.txt"' in page.read_text(encoding="utf-8")

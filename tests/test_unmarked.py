"""English left on a pseudo-locale page: theme text nobody marked for translation."""

from __future__ import annotations

from pathlib import Path

from openletter.pages.unmarked import unmarked_text


def test_unmarked_text_finds_english_outside_the_brackets_with_its_line() -> None:
    html = (
        '<html lang="en-XA"><body>\n'
        "<p>‹Şõmé téxt ‹ñéštéd›› <code>invoke build</code></p>\n"
        '<p>Forgotten string</p>\n<p lang="de">Deutsch ist kein Fehler</p>\n'
        "<p>‹Çõdé <code>x</code> îñ thé mîddlé›, 42 ·</p>\n"
        "<p>‹Léft› then right</p>\n</body></html>"
    )
    found = unmarked_text(html, Path("en-xa/index.html"))
    assert [(item.line, item.text) for item in found] == [(3, "Forgotten string"), (6, "then right")]
    assert str(found[0]).startswith("en-xa/index.html:3: warning: unmarked:")


def test_unmarked_text_ignores_pages_in_other_languages() -> None:
    assert unmarked_text('<html lang="de"><body><p>English here</p></body></html>', Path("de/index.html")) == []

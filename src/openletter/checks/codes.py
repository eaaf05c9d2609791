"""What each finding's code means, in one line: one table for every code ``openletter check``
reports, read by the reports that name their rules (SARIF) and held to the README by a test."""

from __future__ import annotations

#: Code -> what it reports.  Catalogs first, then their folders, then signature records.
CODES: dict[str, str] = {
    # A catalog's structure (an error makes the whole catalog unusable).
    "syntax": "a line GNU gettext (or a TOML reader, for a signature record) would not read the same way",
    "encoding": "the file is not valid UTF-8",
    "bom": "the file starts with a UTF-8 byte order mark",
    "charset": "the catalog's Content-Type charset is not UTF-8",
    "duplicate": "the same thing twice: a message defined twice in a catalog, or one signer in two records",
    "domain": "a domain directive naming another catalog than the file's own",
    "header": "a required header field is missing or wrong",
    "language-header": "the Language header differs from the catalog's folder",
    "plural-forms": "Plural-Forms is broken, has the wrong count for the language, or an entry has another number of forms",
    "plural-rule": "Plural-Forms has the right count but groups numbers otherwise than CLDR",
    "control-char-file": "NUL or another control character in the file",
    "size": "the file is over its size cap",
    "missing": "a catalog the templates call for does not exist",
    "credits": "a name in X-Translator-Credits that cannot be shown",
    "review-state": "X-Review-State disagrees with the per-unit review marks, which the site follows",
    # A translation, compared with its source (an error keeps only that entry off the page).
    "links": "the translation's link targets differ from the source's",
    "images": "the translation's images differ from the source's",
    "markup": "emphasis, strong or code differ from the source's; in a signature record, markup in the text",
    "html": "raw HTML the source does not have",
    "placeholders": "placeholders such as %(name)s, or a format entry's directives (%d, {name}), differ from the source's",
    "newline": "a leading or trailing newline the source does not have",
    "control-char": "a control character in the text",
    "format": "a theme string whose translation cannot be used (placeholders or plural forms)",
    "whitespace": "leading or trailing spaces",
    "invisible": "bidirectional controls or zero-width characters outside a word",
    "stale": "a message no longer in the template",
    "line-ending": "CRLF line endings",
    # Folders of locale/.
    "locale-folder": "a folder under locale/ that is not a canonical CLDR code, or the source language's",
    "same-locale": "two folders name the same locale",
    # Signature records (signatures/README.md).
    "file-name": "a file under signatures/ not named signatures/<yyyy>/<yyyy-mm-dd>-<id>.toml",
    "file-date": "a record's file name and its date differ",
    "missing-key": "a record without a required key (name, language, date)",
    "unknown-key": "a key a record may not hold: nothing but the schema's keys is stored",
    "type": "a value of the wrong type (text, or a TOML date)",
    "empty": "an empty text",
    "too-long": "a text over 200 characters",
    "nfc": "a text not in Unicode NFC",
    "invisible-char": "an invisible or format character in a record's text",
    "email": "an e-mail address in a record: the records are public",
    "url": "a web address in a record",
    "language-code": "a language the site does not have",
    "country-code": "not an ISO 3166-1 country code",
    "future-date": "a date after today",
}

"""The letter to take away: each language's letter as a PDF per paper size, plain text, Markdown,
and a share card (the picture social networks show with a link to it).

Every file is made from the built, guarded page (:mod:`.letter`), so it says what the page says;
text and Markdown by :mod:`.plaintext`; the PDFs and cards are HTML documents (:mod:`.documents`)
set in webfonts cut for them alone and rendered by Chromium (:mod:`.chromium`, which says why not
WeasyPrint).  :mod:`.builder` makes them at the end of a run, through the build cache, and
fills the sizes into the page's links (:mod:`.files`, which names every file).  Text and Markdown
are made by every build; the PDFs and cards by builds with ``OPENLETTER_PDF`` (``invoke build
--pdf``, publish builds): a cold build renders ~100 PDFs and ~50 cards in ~35 s.
"""

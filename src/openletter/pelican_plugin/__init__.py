"""Pelican glue: one Pelican run builds every document in every language, and finishes its pages.

``PLUGINS = ["openletter.pelican_plugin"]`` in the settings is all it takes: ``pelican``,
``invoke build``, the preview and ``invoke publish`` then make the same site.  :func:`register`
connects these receivers once (blinker keeps one copy of each); all state lives on the run's
:class:`~openletter.pelican_plugin.run.Run`, kept in the run's settings.

* ``initialized``: the ``OPENLETTER_*`` settings are checked (:mod:`openletter.settings`).
* ``get_generators`` (the start of every run): the site is loaded and every catalog checked; the
  sign pages (:mod:`.sign_pages`) and the lists of signatories (:mod:`.signatories`) get their
  generators, and the translators' pages theirs unless ``OPENLETTER_TRANSLATOR_PAGES`` is off.
* ``readers_init``: content files are read through the site model (:mod:`.reader`).
* ``generator_init``: the theme's gettext, language lists and fragments (:mod:`.theme`).
* ``page_generator_finalized``: every translation of every document becomes a page.
* ``get_writer``: a writer that records the pages it writes; ``finalized``: they are guarded,
  get their webfonts, and the run's warnings are reported (:mod:`.finishing`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pelican import signals
from pelican.generators import Generator, PagesGenerator

from openletter.pelican_plugin.finishing import PageRecordingWriter, finish
from openletter.pelican_plugin.reader import LetterReader, add_translations
from openletter.pelican_plugin.run import Run, run_of
from openletter.pelican_plugin.sign_pages import SignPagesGenerator
from openletter.pelican_plugin.signatories import SignatoriesGenerator
from openletter.pelican_plugin.theme import install
from openletter.pelican_plugin.translator_pages import TranslatorPagesGenerator
from openletter.settings import options_of


def on_initialized(pelican: Any) -> None:
    options_of(pelican.settings)


def on_get_generators(pelican: Any) -> tuple[type[Generator], ...]:
    run = Run.start(pelican.settings)
    return (SignPagesGenerator, SignatoriesGenerator, *((TranslatorPagesGenerator,) if run.options.translator_pages else ()))


def on_readers_init(readers: Any) -> None:
    for extension in LetterReader.file_extensions:
        readers.reader_classes[extension] = LetterReader


def on_generator_init(generator: Generator) -> None:
    install(run_of(generator.settings), generator.env)


def on_page_generator_finalized(generator: PagesGenerator) -> None:
    add_translations(generator)


def on_get_writer(pelican: Any) -> type[PageRecordingWriter]:
    return PageRecordingWriter


def on_finalized(pelican: Any) -> None:
    finish(run_of(pelican.settings), Path(pelican.output_path))


def register() -> None:
    signals.initialized.connect(on_initialized)
    signals.get_generators.connect(on_get_generators)
    signals.readers_init.connect(on_readers_init)
    signals.generator_init.connect(on_generator_init)
    signals.page_generator_finalized.connect(on_page_generator_finalized)
    signals.get_writer.connect(on_get_writer)
    signals.finalized.connect(on_finalized)

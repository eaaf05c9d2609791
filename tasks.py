"""invoke tasks: each one line into the openletter package (``invoke --list``)."""

import shutil
import sys
from pathlib import Path

from invoke import Exit, task

ROOT = Path(__file__).parent
CONFIG = ROOT / "pelicanconf.py"
PUBLISH_CONFIG = ROOT / "publishconf.py"
OUTPUT = ROOT / "output"


def _done(status: int) -> None:
    if status:
        raise Exit(code=status)


@task
def extract(c):
    """Write locale/letter.pot and locale/theme.pot from content/ and the theme templates."""
    from openletter.commands import actions as commands

    _done(commands.extract(CONFIG))


@task
def update(c):
    """Merge the templates into every locale/<ll>/LC_MESSAGES/*.po (edited -> fuzzy, removed -> obsolete)."""
    from openletter.commands import actions as commands

    _done(commands.update(CONFIG))


@task(
    name="add-language",
    help={"code": "the language: a CLDR or BCP 47 code in any case, with - or _ (de, pt-BR, pt_BR, zh-Hans)"},
)
def add_language(c, code):
    """Create the catalogs of a new language (locale/<CLDR code>/), e.g. invoke add-language pt-BR."""
    from openletter.commands import actions as commands

    _done(commands.add_language(CONFIG, code))


@task
def clean(c):
    """Remove the generated site."""
    shutil.rmtree(OUTPUT, ignore_errors=True)


@task(help={"format": "text (default) or json"})
def check(c, format="text"):
    """Check every catalog: path:line: error|warning: code: message, then a summary."""
    from openletter.commands import actions as commands

    _done(commands.check(CONFIG, format))


@task(help={"format": "text (default), json or markdown"})
def stats(c, format="text"):
    """Per language and catalog: translated, fuzzy and untranslated units and words, review state."""
    from openletter.commands import actions as commands

    _done(commands.stats(CONFIG, format))


@task(
    help={
        "skip_broken": "build the other languages when a catalog is broken (its previous page stays)",
        "pseudo": "also build the pseudo-locale at /en-xa/ and report English it shows (never published)",
    }
)
def build(c, skip_broken=False, pseudo=False):
    """Build every language into output/ with one Pelican run (swapped in only on success)."""
    from openletter.commands import actions as commands

    _done(commands.build_site(CONFIG, OUTPUT, skip_broken=skip_broken or None, pseudo=pseudo))


@task(clean, build)
def rebuild(c):
    """clean, then build."""


@task
def regenerate(c):
    """Rebuild whenever content/, locale/ or theme/ change (Ctrl-C to stop)."""
    c.run(f"{sys.executable} -m pelican --autoreload -s {CONFIG} -o {OUTPUT}", pty=True)


@task
def serve(c, port=8000):
    """Serve output/ at http://localhost:PORT/."""
    c.run(f"{sys.executable} -m pelican --listen --port {int(port)} -o {OUTPUT}", pty=True)


@task
def livereload(c, port=8000):
    """Serve output/ and re-render a language within a second of saving its .po (then reload the page)."""
    from openletter.commands.preview import watch_and_serve

    watch_and_serve(CONFIG, OUTPUT, int(port))


@task(build, serve)
def reserve(c):
    """build, then serve."""


@task
def preview(c):
    """Build with publishconf.py (absolute URLs) into output/."""
    from openletter.commands import actions as commands

    _done(commands.build_site(PUBLISH_CONFIG, OUTPUT))


@task
def publish(c):
    """Build with publishconf.py (absolute URLs, every check) and deploy to OPENLETTER_DEPLOY."""
    from openletter.commands import actions as commands

    _done(commands.publish(PUBLISH_CONFIG, OUTPUT))

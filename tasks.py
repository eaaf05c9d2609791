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


@task(help={"format": "text (default), json, github (workflow annotations), gitlab (Code Quality report) or sarif (2.1.0)"})
def check(c, format="text"):
    """Check every catalog and signatures/ record: path:line: error|warning: code: message, then a summary."""
    from openletter.commands import actions as commands

    _done(commands.check(CONFIG, format))


@task(help={"format": "text (default), json or markdown"})
def stats(c, format="text"):
    """Per language and catalog: translated, fuzzy and untranslated units and words, review state."""
    from openletter.commands import actions as commands

    _done(commands.stats(CONFIG, format))


@task(help={"file": "the suggestion file (.po) to apply", "yes": "apply without asking"})
def apply(c, file, yes=False):
    """Apply a suggestion file to its catalog: checks, conflicts, a word diff per change, then asks and writes."""
    from openletter.commands import actions as commands

    _done(commands.apply(CONFIG, Path(file), yes=yes))


@task(
    help={
        "skip_broken": "build the other languages when a catalog is broken (its previous page stays)",
        "pseudo": "also build the pseudo-locale at /en-xa/ and report English it shows (never published)",
        "pdf": "also make each language's PDFs and share card (rendered by Chromium; publish builds always do)",
    }
)
def build(c, skip_broken=False, pseudo=False, pdf=False):
    """Build every language into output/ with one Pelican run (swapped in only on success)."""
    from openletter.commands import actions as commands

    _done(commands.build_site(CONFIG, OUTPUT, skip_broken=skip_broken or None, pseudo=pseudo, pdf=pdf))


@task(clean, build)
def rebuild(c):
    """clean, then build."""


@task
def regenerate(c):
    """Rebuild output/ whenever content/, locale/ or theme/ change, without serving it (Pelican's --autoreload; every page, every time)."""
    c.run(f"{sys.executable} -m pelican --autoreload -s {CONFIG} -o {OUTPUT}", pty=True)


@task
def serve(c, port=8000):
    """Serve output/ as it is at http://localhost:PORT/ (no rebuild, no reload: the built site, e.g. after invoke build)."""
    c.run(f"{sys.executable} -m pelican --listen --port {int(port)} -o {OUTPUT}", pty=True)


@task(aliases=["livereload", "reserve"], help={"port": "the port to serve on (default 8000)"})
def preview(c, port=8000):
    """Build, serve at http://127.0.0.1:PORT/, rebuild on every save (a .po: only its language's pages) and reload open pages."""
    from openletter.commands.preview import watch_and_serve

    watch_and_serve(CONFIG, OUTPUT, int(port))


@task(name="publish-build")
def publish_build(c):
    """Build with publishconf.py (absolute URLs, OPENLETTER_SITEURL) into output/, without deploying."""
    from openletter.commands import actions as commands

    _done(commands.build_site(PUBLISH_CONFIG, OUTPUT))


@task(
    help={
        "push": "push the branch to its remote (the default); --no-push only commits it here (an rsync target: builds only)",
        "remote": "the git remote to push to (default: the branch's upstream, else origin)",
        "allow_dirty": "publish uncommitted changes to content/, locale/, theme/ or the settings anyway (with a warning)",
    }
)
def publish(c, push=True, remote="", allow_dirty=False):
    """Build with publishconf.py (absolute URLs, every check) and deploy to OPENLETTER_DEPLOY.

    Set in the environment (publishconf.py reads them):
      OPENLETTER_SITEURL  the published site's absolute address, e.g. https://user.github.io/letter
                          or https://letter.example (a custom domain also gets its CNAME on gh-pages)
      OPENLETTER_DEPLOY   gh-pages | git:<branch> (committed, then pushed) | rsync:<destination>
    Refuses, publishing nothing, on uncommitted work, a missing setting or any error of the build.
    """
    from openletter.commands import actions as commands

    _done(commands.publish(PUBLISH_CONFIG, OUTPUT, push=push, remote=remote or None, allow_dirty=allow_dirty))

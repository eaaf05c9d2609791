"""Publishing settings: pelicanconf.py plus absolute URLs and a deploy target (invoke publish)."""

import os
import runpy
from pathlib import Path

# pelicanconf.py beside this file, read afresh (not via sys.path, which could find another copy).
globals().update({name: value for name, value in runpy.run_path(str(Path(__file__).with_name("pelicanconf.py"))).items() if name.isupper()})

SITEURL = os.environ.get("OPENLETTER_SITEURL", "")  # e.g. https://letter.example.org (no trailing slash)
RELATIVE_URLS = False
OPENLETTER_DEPLOY = os.environ.get("OPENLETTER_DEPLOY", "")  # "gh-pages", "git:<branch>" or "rsync:<destination>"
OPENLETTER_PDF = True  # each language's PDFs and share card (og:image), rendered by Chromium

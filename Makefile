# Two entry points that set up everything on a fresh Debian/Ubuntu machine:
#   make site   -> venv + dependencies, then `invoke build` into output/
#   make test   -> venv + test dependencies + GNU gettext and Chromium (apt), then the whole test suite
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: site test system-packages

# Webfonts (subset at build time), axe-core, the Nu HTML checker and CLDR's exemplar characters (test sites
# in 150 scripts) come from npm, pinned by package-lock.json.
node_modules/.package-lock.json: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test,bench]'
	$(VENV)/bin/python -m compileall -q src  # an editable install is not byte-compiled; builds import it each time
	touch $@

# msgcat/msgfmt are the tests' oracles (libunistring, which the catalog writer calls, comes with them);
# Debian's chromium-headless-shell (Chromium's engine without the desktop browser around it: half the
# CPU a page of the desktop build's headless mode costs) renders the PDFs and share cards (invoke build
# --pdf, invoke publish) and runs the
# browser tests; the Nu HTML checker needs a Java runtime; poppler-utils' pdftotext reads the PDFs' text
# back as readers copy it (it honours ActualText, which pypdf ignores: Devanagari vowel signs) and
# pdftoppm draws their pages.
system-packages:
	@command -v msgcat >/dev/null 2>&1 && command -v chromium-headless-shell >/dev/null 2>&1 && command -v java >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext chromium-headless-shell default-jre-headless poppler-utils; }

site: $(STAMP) node_modules/.package-lock.json
	$(VENV)/bin/invoke build

test: $(STAMP) node_modules/.package-lock.json system-packages
	$(VENV)/bin/pytest -n auto --dist loadgroup

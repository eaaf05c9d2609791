# Two entry points that set up everything on a fresh Debian/Ubuntu machine:
#   make site   -> venv + dependencies, then `invoke build` into output/
#   make test   -> venv + test dependencies + GNU gettext and Chromium (apt), then the whole test suite
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: site test system-packages

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -e '.[test,bench]'
	touch $@

# msgcat/msgfmt are the tests' oracles (libunistring, which the catalog writer calls, comes with them);
# the browser tests drive Debian's chromium.
system-packages:
	@command -v msgcat >/dev/null 2>&1 && command -v chromium >/dev/null 2>&1 || { \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq gettext chromium; }

site: $(STAMP)
	$(VENV)/bin/invoke build

test: $(STAMP) system-packages
	$(VENV)/bin/pytest

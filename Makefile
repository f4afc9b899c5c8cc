# Bidaya. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
# The address the demo is seeded for and served at (its badges name it): SITE_URL when set.
SITE_ADDRESS = $${SITE_URL:-http://$(HOST):$(PORT)}
# Debian packages the project needs: ffmpeg for video, gettext for translations,
# Chromium and Noto fonts for the browser tests, espeak-ng for the demo lessons' voice,
# FriBiDi for Pillow's right-to-left Arabic in badge images.
# Each entry is "file that proves it is there:package".
APT_NEEDS := /usr/bin/ffmpeg:ffmpeg /usr/bin/msgfmt:gettext /usr/bin/chromium:chromium \
	/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf:fonts-noto-core \
	/usr/bin/espeak-ng:espeak-ng npm:npm \
	/usr/lib/$(shell uname -m)-linux-gnu/libfribidi.so.0:libfribidi0 \
	/usr/bin/wrk:wrk
# The task worker for TASKS_BACKEND: the database backend's db_worker (all queues,
# including "media" for video transcodes) or, with TASKS_BACKEND=rq, an RQ worker.
WORKER = $(if $(filter rq,$(TASKS_BACKEND)),rqworker --job-class django_tasks_rq.Job default media,db_worker --queue-name '*')
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PO_FILES := $(wildcard locale/*/LC_MESSAGES/*.po)
MO_FILES := $(PO_FILES:.po=.mo)
MESSAGE_IGNORES := --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'var/*' --ignore 'tests/*' --ignore 'test-artifacts/*'


.PHONY: help run serve setup test test-fast lint format check bench messages system-deps clean css fonts

help: ## List the targets with one line each
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-12s\033[0m %s\n", $$1, $$2}'

run: setup ## Install what is missing, migrate, load demo content, serve on :8000 with a task worker
	@SITE_URL="$(SITE_ADDRESS)" $(MANAGE) seed_demo
	@$(MAKE) --no-print-directory serve

serve: ## Serve the site, a task worker and the periodic loops (publishing, heartbeat pruning, outcome questions, analytics)
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)  Ctrl-C stops all."
	@trap 'kill 0' INT TERM EXIT; \
	  export SITE_URL="$(SITE_ADDRESS)"; \
	  $(MANAGE) $(WORKER) & \
	  $(MANAGE) publish_scheduled_loop --interval 60 & \
	  $(MANAGE) prune_heartbeats --interval 3600 & \
	  $(MANAGE) ask_outcomes --interval 3600 & \
	  $(MANAGE) rollup_analytics --interval 900 & \
	  $(MANAGE) runserver $(HOST):$(PORT)

setup: system-deps $(VENV)/.installed node_modules/.installed $(MO_FILES) ## Install dependencies, compile translations, migrate
	@mkdir -p "$${BIDAYA_VAR_DIR:-var}"
	@$(MANAGE) createcachetable
	@$(MANAGE) migrate --no-input -v 0

test: setup ## Run the whole test suite (SQLite unless DATABASE_URL is set)
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed ## ruff lint and format check
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(VENV)/.installed ## Apply ruff's fixes and formatting
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

check: setup ## Django system checks and a migrations drift check
	$(MANAGE) check
	$(MANAGE) makemigrations --check --dry-run

bench: setup ## Run every benchmark in bench/ (prints ratios measured in one run)
	@for script in bench/*.py; do echo "== $$script"; $(PY) $$script || exit 1; done

messages: $(VENV)/.installed ## Refresh the ar/en/fr message catalogues from the code
	$(MANAGE) makemessages -l ar -l en -l fr --no-obsolete $(MESSAGE_IGNORES)

system-deps: ## Install the Debian packages that are missing (needs root or sudo)
	@missing=""; for need in $(APT_NEEDS); do \
	  file=$${need%%:*}; pkg=$${need##*:}; \
	  if [ "$${file#/}" = "$$file" ]; then command -v $$file >/dev/null 2>&1 || missing="$$missing $$pkg"; \
	  else [ -e "$$file" ] || missing="$$missing $$pkg"; fi; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi

# The site's one stylesheet: every page links only css/bidaya.css (one render-blocking
# request, cached for good under its hashed name). Edit the parts, then run `make css`;
# a test fails when the bundle and its parts differ.
CSS_PARTS := static/css/fonts.css static/css/site.css static/css/courses.css \
	static/css/learning.css static/css/review.css static/css/badges.css static/css/outcomes.css

css: ## Rebuild static/css/bidaya.css from its parts
	@{ echo "/* Built by \`make css\` from $(notdir $(CSS_PARTS)); edit those, not this file. */"; \
	  for part in $(CSS_PARTS); do echo "/* --- $$(basename $$part) */"; cat $$part; done; } > static/css/bidaya.css

# IBM Plex Sans Arabic (SIL OFL 1.1, no reserved font name) cut down to what the site
# writes: the Arabic letters of Arabic text and common loanwords (پ چ ڤ گ ی), its
# marks, digits and punctuation, and Latin with French accents. @fontsource's subsets
# also carry the Arabic supplements and presentation forms, which the site never uses.
# Hinting is dropped (as font services do for every platform but Windows): phones
# ignore TrueType hints, and they were a third of each file (measured: 18.0 -> 12.8 KB
# for Latin 400, 16.4 -> 12.1 KB for Arabic 400).
FONT_SOURCE := node_modules/@fontsource/ibm-plex-sans-arabic/files/ibm-plex-sans-arabic
FONT_ARABIC := U+060C,U+061B,U+061F,U+0621-063A,U+0640-0655,U+0660-066D,U+0670,U+067E,U+0686,U+06A4,U+06AF,U+06CC,U+06F0-06F9,U+200C-200F
FONT_LATIN := U+0020-007E,U+00A0-00FF,U+0152-0153,U+02BC,U+2010-2027,U+202F,U+2030-203A,U+2066-2069,U+20AC,U+2122,U+2212

fonts: $(VENV)/.installed ## Rebuild the subset web fonts in static/fonts/ (needs fonttools)
	@mkdir -p static/fonts
	@for weight in 400 700; do \
	  $(VENV)/bin/pyftsubset $(FONT_SOURCE)-arabic-$$weight-normal.woff2 --unicodes="$(FONT_ARABIC)" \
	    --layout-features='*' --no-hinting --flavor=woff2 --output-file=static/fonts/plex-arabic-$$weight.woff2; \
	  $(VENV)/bin/pyftsubset $(FONT_SOURCE)-latin-$$weight-normal.woff2 --unicodes="$(FONT_LATIN)" \
	    --layout-features='*' --no-hinting --flavor=woff2 --output-file=static/fonts/plex-latin-$$weight.woff2; \
	done

$(VENV)/.installed: requirements.lock pyproject.toml
	@test -x $(PY) || $(PYTHON_SYSTEM) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check -r requirements.lock
	@touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

locale/%.mo: locale/%.po
	msgfmt --check -o $@ $<

clean: ## Remove the virtualenv, node_modules and local data (var/)
	rm -rf $(VENV) node_modules var

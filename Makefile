# Bidaya. `make help` lists the targets.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON_SYSTEM ?= python3
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
HOST ?= 127.0.0.1
PORT ?= 8000
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


.PHONY: help run serve setup test test-fast lint format check bench messages system-deps clean

help: ## List the targets with one line each
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  \033[1m%-12s\033[0m %s\n", $$1, $$2}'

run: setup ## Install what is missing, migrate, load demo content, serve on :8000 with a task worker
	@$(MANAGE) seed_demo
	@$(MAKE) --no-print-directory serve

serve: ## Serve the site, a task worker and the periodic loops (publishing, heartbeat pruning, outcome questions, analytics)
	@echo "Serving http://$(HOST):$(PORT)/  (admin: http://$(HOST):$(PORT)/admin/)  Ctrl-C stops all."
	@trap 'kill 0' INT TERM EXIT; \
	  export SITE_URL="$${SITE_URL:-http://$(HOST):$(PORT)}"; \
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

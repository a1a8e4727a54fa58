# PanelPlan: the two commands are `make run` (plan the demo batch) and `make test`.
SWIFT ?= swift
DEMO ?= datasets/shenzhen-demo
OUT ?= out/shenzhen-demo

.PHONY: deps test-deps build run test lint bench screenshot clean

# Installs GLPK (Debian's libglpk-dev) when it is missing. Root is available on these machines.
deps:
	@if [ ! -f /usr/include/glpk.h ]; then \
		echo "installing libglpk-dev"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev; \
	fi

# What the export tests need: the icalendar parser (PyPI) and headless Chromium with CJK fonts.
test-deps: deps
	@python3 -c "import icalendar" 2>/dev/null || pip install -q icalendar
	@if ! command -v chromium >/dev/null; then \
		echo "installing chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	fi

build: deps
	$(SWIFT) build -c release --product panelplan

# The main job: check the demo batch, then plan it and write plan.json / plan.csv to $(OUT).
run: build
	.build/release/panelplan check $(DEMO)
	.build/release/panelplan plan $(DEMO) --out $(OUT) --db $(OUT)/panelplan.sqlite

# Every test: the checker's own tests, the Swift suites (which run the independent Python plan
# checker on every plan they produce and drive the built tool for the nightly job), and the
# export tests (strict iCalendar parsing, headless Chromium rendering).
test: test-deps lint
	python3 -m unittest discover -s Tests/checker -p 'test_*.py'
	$(SWIFT) build
	$(SWIFT) test
	PANELPLAN_BIN=$$($(SWIFT) build --show-bin-path)/panelplan \
		python3 -m unittest discover -s Tests/report -p 'test_*.py' -v

# Style: swift-format with the repository's .swift-format (4 spaces, 120 columns); 0 findings.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Package.swift

bench: build
	python3 Benchmarks/run_benchmarks.py

# The README's screenshot of the demo report.
screenshot: build test-deps
	rm -rf /tmp/panelplan-shot && mkdir -p /tmp/panelplan-shot
	cp -r $(DEMO) /tmp/panelplan-shot/batch
	.build/release/panelplan plan /tmp/panelplan-shot/batch --quiet --no-store
	.build/release/panelplan export /tmp/panelplan-shot/batch --plan /tmp/panelplan-shot/batch/plan.json --format html --out /tmp/panelplan-shot/export
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot=docs/report.png --window-size=1280,1400 file:///tmp/panelplan-shot/export/report.html

clean:
	rm -rf .build out

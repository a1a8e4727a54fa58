# PanelPlan: the two commands are `make run` (plan the demo batch) and `make test`.
SWIFT ?= swift
DEMO ?= datasets/shenzhen-demo
OUT ?= out/shenzhen-demo

.PHONY: deps test-deps build run test lint fuzz sanitize bench screenshot clean

# Installs GLPK (Debian's libglpk-dev), libcrypto's headers (libssl-dev, for SHA-256) and
# libxlsxwriter (libxlsxwriter-dev, for .xlsx) when they are missing. Root is available here.
deps:
	@if [ ! -f /usr/include/glpk.h ] || [ ! -f /usr/include/openssl/evp.h ] || [ ! -f /usr/include/xlsxwriter.h ]; then \
		echo "installing libglpk-dev libssl-dev libxlsxwriter-dev"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			libglpk-dev libssl-dev libxlsxwriter-dev; \
	fi

# What the export tests need: the icalendar parser and openpyxl (PyPI), headless Chromium with
# CJK fonts, and LibreOffice Calc without its GUI (to convert the workbook as an office would).
test-deps: deps
	@python3 -c "import icalendar" 2>/dev/null || pip install -q icalendar
	@python3 -c "import openpyxl" 2>/dev/null || pip install -q openpyxl
	@if ! command -v chromium >/dev/null; then \
		echo "installing chromium"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; \
	fi
	@if ! command -v soffice >/dev/null; then \
		echo "installing libreoffice-calc-nogui"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-calc-nogui; \
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
	PANELPLAN_BIN=$$($(SWIFT) build --show-bin-path)/panelplan \
		python3 -m unittest discover -s Tests/fuzz -p 'test_*.py' -v
	PANELPLAN_BIN=$$($(SWIFT) build --show-bin-path)/panelplan \
		python3 -m unittest discover -s Tests/nightly -p 'test_*.py' -v
	PANELPLAN_BIN=$$($(SWIFT) build --show-bin-path)/panelplan \
		python3 -m unittest discover -s Tests/whatif -p 'test_*.py' -v
	PANELPLAN_BIN=$$($(SWIFT) build --show-bin-path)/panelplan \
		python3 -m unittest discover -s Tests/draw -p 'test_*.py' -v
	$(MAKE) sanitize

# Style: swift-format with the repository's .swift-format (4 spaces, 120 columns); 0 findings.
lint:
	$(SWIFT) format lint --strict --recursive Sources Tests Fuzz Package.swift

# The fuzzers, for FUZZ_SECONDS: libFuzzer over every reader of outside bytes (Fuzz/, seeded by
# Tests/FuzzTests/corpus; new finds go to .build-fuzz/corpus), the in-process corpus mutations
# at a larger count, and the black-box fuzzer written apart from the code (Tests/fuzz).
FUZZ_SECONDS ?= 120
fuzz: deps
	PANELPLAN_FUZZ=1 $(SWIFT) build -c release --scratch-path .build-fuzz -Xswiftc -sanitize=fuzzer,address \
		-Xswiftc -Xclang-linker -Xswiftc -fuse-ld=lld --product FuzzLoader
	mkdir -p .build-fuzz/corpus
	.build-fuzz/release/FuzzLoader -max_total_time=$(FUZZ_SECONDS) -timeout=20 -rss_limit_mb=4096 \
		.build-fuzz/corpus Tests/FuzzTests/corpus
	PANELPLAN_FUZZ_ITERATIONS=400 $(SWIFT) test --filter FuzzTests
	$(SWIFT) build
	python3 Tests/fuzz/fuzz_batches.py --binary $$($(SWIFT) build --show-bin-path)/panelplan \
		--seeds examples/tiny datasets/shenzhen-demo --count 2000 --seed $$(date +%j) --out .build-fuzz/findings

# The GLPK binding and the planner's rule tests under AddressSanitizer and ThreadSanitizer.
sanitize: deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/Tests/sanitizers/lsan.supp $(SWIFT) test --sanitize address \
		--scratch-path .build-asan --filter 'GLPKTests|HardRuleTests|TOMLSubsetTests'
	$(SWIFT) test --sanitize thread --scratch-path .build-tsan --filter 'GLPKTests'

bench: build
	python3 Benchmarks/run_benchmarks.py
	python3 Benchmarks/recruiting_benchmark.py

# The README's screenshot of the demo report.
screenshot: build test-deps
	rm -rf /tmp/panelplan-shot && mkdir -p /tmp/panelplan-shot
	cp -r $(DEMO) /tmp/panelplan-shot/batch
	.build/release/panelplan plan /tmp/panelplan-shot/batch --quiet --no-store
	.build/release/panelplan export /tmp/panelplan-shot/batch --plan /tmp/panelplan-shot/batch/plan.json --format html --out /tmp/panelplan-shot/export
	chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --screenshot=docs/report.png --window-size=1280,1400 file:///tmp/panelplan-shot/export/report.html

clean:
	rm -rf .build .build-asan .build-tsan .build-fuzz out

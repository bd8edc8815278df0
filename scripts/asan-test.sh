#!/usr/bin/env bash
# Runs the whole test suite once under AddressSanitizer, in its own scratch path (.build-asan):
# every Swift and C module of gongshi and its dependencies is instrumented (libcmark and libqrencode, system
# libraries, are not). The `gongshi` binary that some tests run is the instrumented one too.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
# (gold warns once per ASan helper symbol that it cannot export it: harmless, and hundreds of lines.)
swift build --build-tests --sanitize=address --scratch-path .build-asan 2>&1 | { grep -v 'Cannot export local symbol' || true; }
# Crashes go to ASan's report, not Swift's backtracer. At exit LeakSanitizer checks each process (the test runner
# and every `gongshi` it starts); Tests/lsan.supp lists the few reports that are not gongshi's leaks.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
swift test --sanitize=address --skip-build --scratch-path .build-asan --disable-xctest

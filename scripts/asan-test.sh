#!/usr/bin/env bash
# Runs the test suite once under AddressSanitizer, in its own scratch path (.build-asan): every Swift and C module
# of gongshi (engine, preview, command line; not the studio, see below) and of their dependencies is instrumented
# (libcmark, libqrencode and libvips, system libraries, are not). The `gongshi` binary that some tests run is the
# instrumented one too.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-deps.sh
# Without the studio and its HTTP stack (Package.swift): swift-nio and Hummingbird are Swift packages with
# their own tests, and compiling them a third time (after the debug and fuzz builds) would cost CI most of its
# budget; the studio's own tests run in `make test`. Resolving without them would drop their pins from
# Package.resolved, so it is put back afterwards.
export GONGSHI_WITHOUT_STUDIO=1
if [ -f Package.resolved ]; then
  mkdir -p .build-asan
  cp Package.resolved .build-asan/Package.resolved.saved
  trap 'mv -f .build-asan/Package.resolved.saved Package.resolved' EXIT
fi
# (gold warns once per ASan helper symbol that it cannot export it: harmless, and hundreds of lines.)
swift build --build-tests --sanitize=address --scratch-path .build-asan 2>&1 | { grep -v 'Cannot export local symbol' || true; }
# Crashes go to ASan's report, not Swift's backtracer. At exit LeakSanitizer checks each process (the test runner
# and every `gongshi` it starts); Tests/lsan.supp lists the few reports that are not gongshi's leaks.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
swift test --sanitize=address --skip-build --scratch-path .build-asan --disable-xctest

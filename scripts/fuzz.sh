#!/usr/bin/env bash
# Fuzzes the per-file pipeline (front matter split, YAML, schema check, decoding, Markdown, assembly) with
# libFuzzer and AddressSanitizer, starting from the committed seed corpus Tests/Fuzz/corpus/.
# Usage: scripts/fuzz.sh [SECONDS [LIBFUZZER-FLAGS...]]   (default 60 seconds; later flags override earlier ones)
# A crashing, leaking, too slow or too memory-hungry input is saved under Tests/Fuzz/crashes/ and the script fails;
# replay one with `swift build --product GongshiFuzz && .build/debug/GongshiFuzz Tests/Fuzz/crashes/<file>`.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true

scripts/ensure-deps.sh
# Own scratch path: every module, Swift and C (libyaml inside Yams), is instrumented for coverage and ASan;
# GONGSHI_LIBFUZZER makes the target's `main` start libFuzzer's driver (see Sources/GongshiFuzz/FuzzEntry.swift).
build=(swift build --product GongshiFuzz -c debug --scratch-path .build-fuzz
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DGONGSHI_LIBFUZZER
  -Xswiftc -enable-experimental-feature -Xswiftc Extern
  -Xcc -fsanitize=fuzzer-no-link,address)
# (gold warns once per ASan helper symbol that it cannot export it: harmless, and hundreds of lines.)
"${build[@]}" 2>&1 | { grep -v 'Cannot export local symbol' || true; }
fuzzer="$("${build[@]}" --show-bin-path)/GongshiFuzz"

# libFuzzer writes new inputs into its first corpus directory: give it a copy so the committed seeds stay as they are.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp Tests/Fuzz/corpus/* "$work/"
mkdir -p Tests/Fuzz/crashes

# Crashes go to libFuzzer's handler (not Swift's backtracer); Tests/lsan.supp lists the leak reports that are not gongshi's.
export SWIFT_BACKTRACE=enable=no
export LSAN_OPTIONS="suppressions=$PWD/Tests/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"
status=0
"$fuzzer" "$work" -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix=Tests/Fuzz/crashes/ -print_final_stats=1 "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "模糊测试发现问题（退出码 $status），输入已保存在 Tests/Fuzz/crashes/：" >&2
  ls -t Tests/Fuzz/crashes/ | head -5 >&2
  exit 1
fi
echo "模糊测试 ${seconds} 秒，未发现问题。"

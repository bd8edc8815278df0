"""Fixtures for the browser tests: build the sample site, serve it on loopback, drive headless Chromium."""
import functools
import http.server
import os
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

REPO = pathlib.Path(__file__).resolve().parents[2]
ARTIFACTS = pathlib.Path(os.environ.get("GONGSHI_ARTIFACTS", REPO / "Tests" / "browser" / "artifacts"))
AS_OF = "2026-11-21"


def _binary():
    for candidate in (REPO / ".build" / "debug" / "gongshi", REPO / ".build" / "release" / "gongshi"):
        if candidate.exists():
            return candidate
    raise RuntimeError("gongshi is not built: run `swift build --product gongshi` (make test does)")


@pytest.fixture(scope="session")
def site_dir():
    work = pathlib.Path(tempfile.mkdtemp(prefix="gongshi-browser-"))
    out = work / "site"
    subprocess.run(
        [str(_binary()), "build", "--source", str(REPO), "--output", str(out), "--as-of", AS_OF,
         "--cache", str(work / "cache"), "--keep", "0"],
        check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    yield out
    shutil.rmtree(work, ignore_errors=True)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler = functools.partial(_QuietHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="session")
def driver():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars",
                 "--lang=zh-CN", "--force-device-scale-factor=1"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(shutil.which("chromedriver") or "/usr/bin/chromedriver")
    browser = webdriver.Chrome(options=options, service=service)
    browser.set_window_size(1280, 800)
    yield browser
    browser.quit()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS

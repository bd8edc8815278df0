"""Every HTML page of the built sample site: axe-core (WCAG 2.0/2.1 A and AA) in normal and 大字版 mode, and the Nu
HTML Checker (vnu.jar). The pages are found by walking the output folder, so a new page kind is checked without
editing this file."""
import fnmatch
import json
import shutil
import subprocess
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from conftest import REPO, axe_on_every_load, page_route, run_axe, vnu_jar, wait_for

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LARGE_PRINT_KEY = "gongshi-large-print"
SEARCH_QUERY = "党费"
GOLDEN_SITES = REPO / "Tests" / "GongshiKitTests" / "Fixtures" / "sites"

# Page kinds the sample site must produce, so that the walk is known to reach each of them.
EXPECTED_KINDS = {
    "home": "index.html",
    "404": "404.html",
    "search": "search/index.html",
    "site statistics": "stats/index.html",
    "statistics definitions": "stats/definitions/index.html",
    "organisation statistics": "branches/*/stats/index.html",
    "poster": "branches/*/print/index.html",
    "organisation": "branches/*/index.html",
    "promise letter": "promises/*/index.html",
    "promises of one organisation": "promises/by-branch/*/index.html",
    "disclosure": "disclosures/*/index.html",
    "disclosure category": "disclosures/category/*/index.html",
    "example": "examples/*/index.html",
    "page": "pages/*/index.html",
}


def test_the_walk_reaches_every_page_kind(site_pages, site_dir):
    missing = [kind for kind, pattern in EXPECTED_KINDS.items() if not fnmatch.filter(site_pages, pattern)]
    assert not missing, f"the sample site produced no page of kind {missing}"
    # every organisation with sub-organisations links its statistics page, and the walk holds each of them
    linked = set()
    for page in fnmatch.filter(site_pages, "branches/*/index.html"):
        branch = page.split("/")[1]
        if f'{branch}/stats/"' in (site_dir / page).read_text(encoding="utf-8"):
            linked.add(f"branches/{branch}/stats/index.html")
    assert linked and linked <= set(site_pages), sorted(linked - set(site_pages))


def _url(base_url, page):
    route = page_route(page)
    if page == "search/index.html":
        route += "?q=" + urllib.parse.quote(SEARCH_QUERY)
    return base_url + route


def _set_large_print(driver, base_url, on):
    driver.get(base_url)
    value = "'1'" if on else "'0'"
    driver.execute_script(f"localStorage.setItem('{LARGE_PRINT_KEY}', {value})")


# Wide tables scroll sideways only on narrow screens, so each mode is checked on a phone and on a desktop.
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}


@pytest.mark.parametrize("viewport", list(VIEWPORTS))
@pytest.mark.parametrize("mode", ["normal", "large-print"])
def test_no_serious_wcag_violations_on_any_page(driver, base_url, site_pages, mode, viewport):
    """axe with the WCAG 2.0/2.1 A and AA rules on every page; one browser session, axe injected once per load."""
    large = mode == "large-print"
    driver.set_window_size(*VIEWPORTS[viewport])
    _set_large_print(driver, base_url, large)
    problems, checked = [], 0
    try:
        with axe_on_every_load(driver):
            for page in site_pages:
                driver.get(_url(base_url, page))
                if page == "search/index.html":
                    wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results a"), timeout=5)
                in_large_print = driver.execute_script(
                    "return document.documentElement.classList.contains('large-print')"
                    " || !!document.querySelector('#large-print:checked')")
                assert in_large_print == large, f"{page}: 大字版 should be {'on' if large else 'off'}"
                results = run_axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
                assert "error" not in results, f"{page}: {results}"
                assert results["version"].startswith("4."), "axe-core 4 is required"
                checked += 1
                for violation in results["violations"]:
                    if violation.get("impact") in ("serious", "critical"):
                        targets = [node["target"] for node in violation["nodes"]][:3]
                        problems.append(f"{page}: {violation['id']} ({violation['impact']}): {violation['help']} — "
                                        f"{len(violation['nodes'])} nodes, e.g. {targets}")
    finally:
        _set_large_print(driver, base_url, False)
        driver.set_window_size(1280, 800)
    assert checked == len(site_pages)
    assert not problems, f"{len(problems)} serious or critical violations ({mode}, {viewport}):\n" + "\n".join(problems)


CONTROL_PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>对照</title></head>
<body><details><summary><h2>标题</h2><span>说明</span></summary><p>内容</p></details></body></html>
"""


def test_every_page_is_valid_html(site_dir, site_pages, tmp_path):
    """The Nu HTML Checker over every page in one JVM; a deliberately invalid control page proves it looked. The
    golden sites' expected pages (other content, other branches of the templates) are checked in the same run."""
    java = shutil.which("java")
    assert java, "the Nu HTML Checker needs Java (apt install default-jre-headless)"
    control = tmp_path / "control.html"
    control.write_text(CONTROL_PAGE, encoding="utf-8")
    golden = sorted(str(path) for path in GOLDEN_SITES.glob("*/expected/**/*.html"))
    assert golden, f"no golden pages under {GOLDEN_SITES}"
    files = [str(site_dir / page) for page in site_pages] + golden + [str(control)]
    run = subprocess.run([java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout", *files],
                         capture_output=True, text=True, timeout=600)
    messages = json.loads(run.stdout)["messages"]
    errors = [m for m in messages if m.get("type") in ("error", "non-document-error", "fatal")]
    from_control = [m for m in errors if m.get("url", "").endswith("/control.html")]
    assert from_control, f"the checker should reject the control page; it said: {run.stdout[:500]} {run.stderr[:500]}"
    site_errors = [m for m in errors if m not in from_control]
    roots = ("file:" + str(site_dir) + "/", "file:" + str(site_dir.resolve()) + "/", "file:" + str(REPO) + "/")
    where = lambda url: next((url[len(r):] for r in roots if url.startswith(r)), url)
    report = "\n".join(f"{where(m.get('url', '?'))}:{m.get('lastLine', '?')}: {m.get('message')}" for m in site_errors[:40])
    pages = {m.get("url") for m in site_errors}
    assert not site_errors, f"{len(site_errors)} errors on {len(pages)} of {len(files) - 1} pages:\n{report}"

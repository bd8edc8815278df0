"""践诺 timelines and the disclosure procedure record in a real browser: they render, read without colour, and fit
a 360 px phone (normal and 大字版). The golden fixture site (Tests/GongshiKitTests/Fixtures/sites/golden) has a
letter with a quantified item and a timeline and a 发展对象 notice with every step and a linked item; the sample
site's pages that have either are checked the same way."""
import functools
import http.server
import pathlib
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By

from conftest import AS_OF, REPO, _binary, _QuietHandler, run_axe

GOLDEN = REPO / "Tests" / "GongshiKitTests" / "Fixtures" / "sites" / "golden"
LETTER = "promises/lixiuying-2026/"
NOTICE = "disclosures/fazhan-2026-11/"
FOLLOWER = "disclosures/jieguo-2026-11/"
PHONE = (360, 740)
LARGE_PRINT_KEY = "gongshi-large-print"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


@pytest.fixture(scope="module")
def golden_url():
    """The golden fixture site, built with the repository's templates, served on loopback."""
    work = pathlib.Path(tempfile.mkdtemp(prefix="gongshi-golden-browser-"))
    out = work / "site"
    subprocess.run(
        [str(_binary()), "build", "--source", str(GOLDEN), "--output", str(out), "--as-of", AS_OF,
         "--templates", str(REPO / "templates"), "--cache", str(work / "cache"), "--keep", "0"],
        check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    handler_class = type("GoldenHandler", (_QuietHandler,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)


def _large_print(driver, url, on):
    driver.get(url)
    driver.execute_script(f"localStorage.setItem('{LARGE_PRINT_KEY}', '{1 if on else 0}')")


def _overflow(driver):
    """How far the page scrolls sideways (px), and the elements that stick out of the window; an element inside a
    box that clips or scrolls its content (a visually hidden table head, a wide table's own scroll box) cannot."""
    return driver.execute_script("""
        const width = document.documentElement.clientWidth;
        const clipped = e => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
            if (getComputedStyle(a).overflowX !== 'visible') return true; } return false; };
        const wide = [...document.querySelectorAll('main *')].filter(e => {
            if (clipped(e)) return false;
            const r = e.getBoundingClientRect();
            return r.width > 0 && (r.right > width + 1 || r.left < -1);
        }).slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right));
        return [document.documentElement.scrollWidth - width, wide];""")


@pytest.fixture
def phone(driver):
    driver.set_window_size(*PHONE)
    yield driver
    driver.set_window_size(1280, 800)


@pytest.mark.parametrize("mode", ["normal", "large-print"])
def test_timeline_and_target_bar_fit_a_phone(phone, golden_url, mode):
    _large_print(phone, golden_url, mode == "large-print")
    try:
        phone.get(golden_url + LETTER)
        entries = phone.find_elements(By.CSS_SELECTOR, "#item-3 ol.timeline > li")
        assert len(entries) == 3, "the quantified item has three records"
        dates = [li.find_element(By.TAG_NAME, "time").text for li in entries]
        assert dates == sorted(dates, reverse=True), f"newest first: {dates}"
        text = phone.find_element(By.CSS_SELECTOR, "#item-3 .target-text").text
        assert "已完成 32 / 40 人次（80%）" in text, text
        bar = phone.find_element(By.CSS_SELECTOR, "#item-3 svg.target-bar")
        track, done = bar.find_elements(By.TAG_NAME, "rect")
        assert bar.size["width"] > 100 and bar.size["height"] >= 15, bar.size
        ratio = done.size["width"] / track.size["width"]
        assert abs(ratio - 0.8) < 0.02, f"the filled part is 80 % of the track: {ratio}"
        assert phone.find_element(By.CSS_SELECTOR, "#item-2 .stale-mark").text == "久未更新"
        overflow, wide = _overflow(phone)
        assert overflow <= 0 and not wide, f"{mode}: the letter scrolls sideways by {overflow}px: {wide}"
    finally:
        _large_print(phone, golden_url, False)


def test_target_bar_reads_without_colour(driver, golden_url):
    """In greyscale the filled part and the track stay far apart: dark on white, with a border round the track."""
    driver.get(golden_url + LETTER)
    luminance = driver.execute_script("""
        const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).map(Number); return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255; };
        const [track, done] = document.querySelectorAll('#item-3 svg.target-bar rect');
        const t = getComputedStyle(track), d = getComputedStyle(done);
        return [lum(t.fill), lum(d.fill), parseFloat(t.strokeWidth), t.stroke];""")
    track, done, stroke, colour = luminance
    assert track - done > 0.7, f"grey levels {track:.2f} (track) and {done:.2f} (done) are too close"
    assert stroke >= 1 and colour != "none", "the track has a visible border"


@pytest.mark.parametrize("mode", ["normal", "large-print"])
@pytest.mark.parametrize("page", [NOTICE, FOLLOWER])
def test_procedure_record_fits_a_phone(phone, golden_url, page, mode):
    _large_print(phone, golden_url, mode == "large-print")
    try:
        phone.get(golden_url + page)
        steps = [h.text for h in phone.find_elements(By.CSS_SELECTOR, "ol.procedure > li .step-name")]
        assert steps[:4] == ["1. 提出", "2. 审核（含保密审查）", "3. 审批", "4. 发布"] or steps[:4] == ["提出", "审核（含保密审查）", "审批", "发布"], steps
        assert "公示期" in " ".join(steps) and "结果公开" in " ".join(steps), steps
        links = phone.find_elements(By.CSS_SELECTOR, "section[aria-labelledby='h-links'] a")
        assert links, "the linked item is linked"
        overflow, wide = _overflow(phone)
        assert overflow <= 0 and not wide, f"{page} ({mode}) scrolls sideways by {overflow}px: {wide}"
    finally:
        _large_print(phone, golden_url, False)


def test_procedure_record_names_the_approving_organisation_and_the_outcome(driver, golden_url):
    driver.get(golden_url + NOTICE)
    record = driver.find_element(By.CSS_SELECTOR, "ol.procedure").text
    assert "审批组织：中共示例街道工作委员会" in record, record
    assert "收到意见 0 条" in record and "公示期已结束" in record, record
    driver.get(golden_url + "disclosures/dangfei-2026-q3/")
    assert "结果待公开" in driver.find_element(By.CSS_SELECTOR, "ol.procedure").text


@pytest.mark.parametrize("page", [LETTER, NOTICE, FOLLOWER])
def test_new_sections_have_no_serious_wcag_violations(driver, golden_url, page):
    driver.get(golden_url + page)
    results = run_axe(driver, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert "error" not in results, results
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    assert not serious, [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in serious]


def test_sample_pages_with_a_timeline_or_a_procedure_record_fit_a_phone(phone, base_url, site_dir, site_pages):
    """Every page of the sample site that shows 践诺 records or a procedure record, on a 360 px phone."""
    pages = [p for p in site_pages
             if any(marker in (site_dir / p).read_text(encoding="utf-8") for marker in ('class="timeline"', 'class="procedure"'))]
    assert pages, "the sample site shows no 践诺 record and no procedure record"
    problems = []
    for page in pages:
        phone.get(base_url + (page[: -len("index.html")] if page.endswith("index.html") else page))
        overflow, wide = _overflow(phone)
        if overflow > 0 or wide:
            problems.append(f"{page}: {overflow}px {wide}")
    assert not problems, "\n".join(problems)

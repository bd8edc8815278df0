"""The sample site in a real browser: accessibility, search, 大字版, print poster, screenshots."""
import base64
import re
import shutil
import subprocess
import time
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from conftest import _site_base_url, run_axe, wait_for

PAGES = {
    "home": "",
    "branch": "branches/jinqiao-shequ/",
    "promises": "promises/",
    "promise": "promises/liufang-2026/",
    "disclosure": "disclosures/fazhan-duixiang-jinqiao-2026-11/",
    "stats": "stats/",
    "search": "search/?q=%E5%85%9A%E8%B4%B9",
    "poster": "branches/jinqiao-shequ/print/",
}


def clear_large_print(driver):
    driver.execute_script("try { localStorage.removeItem('gongshi-large-print') } catch (e) {}")


@pytest.mark.parametrize("name", ["home", "branch", "promise", "disclosure", "stats", "search"])
def test_no_serious_accessibility_violations(driver, base_url, name):
    """Key pages against every axe rule, best practices included (every page is checked against WCAG in
    test_every_page.py)."""
    driver.get(base_url + PAGES[name])
    if name == "search":
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results a"))
    results = run_axe(driver)
    assert "error" not in results, results
    assert results["version"].startswith("4."), "axe-core 4 is required"
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious)
    assert not serious, f"{name}: {report}"


@pytest.mark.parametrize("name", list(PAGES))
def test_content_security_policy_blocks_nothing_the_site_ships(driver, base_url, name):
    driver.get_log("browser")  # drop earlier entries
    driver.get(base_url + PAGES[name])
    if name == "search":
        wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results a"))
    policy = driver.find_element(By.CSS_SELECTOR, "meta[http-equiv='Content-Security-Policy']").get_attribute("content")
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    problems = [e["message"] for e in driver.get_log("browser") if e["level"] in ("SEVERE", "WARNING")]
    assert not problems, f"{name}: {problems}"


def test_search_finds_a_known_disclosure(driver, base_url):
    driver.get(base_url + PAGES["search"])
    links = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results a[href*='dangfei-jinqiao-2026-q1']"))
    assert links, "searching 党费 should list the 2026 Q1 party-dues disclosure"
    assert driver.find_elements(By.CSS_SELECTOR, "#search-results mark"), "matches are highlighted"
    # Nothing unpublished is ever found.
    driver.get(base_url + "search/?q=NEIBU")
    time.sleep(1.0)
    assert not driver.find_elements(By.CSS_SELECTOR, "#search-results a[href*='neibu']")


def test_search_finds_names_and_words_in_another_order(driver, base_url):
    """What residents type: a secretary's name (written only in her organisation's front matter), the name run
    together with 书记 or apart from it (ASCII or ideographic space), and words in another order."""
    cases = [
        ("王芳", "branches/shehui-zuzhi-lianhe/"),
        ("王芳书记", "branches/shehui-zuzhi-lianhe/"),
        ("王芳 书记", "branches/shehui-zuzhi-lianhe/"),
        ("书记\u3000王芳", "branches/shehui-zuzhi-lianhe/"),
        ("电梯加装", "promises/jinqiao-shequ-2026/"),
    ]
    for query, target in cases:
        driver.get(base_url + "search/?q=" + urllib.parse.quote(query))
        links = wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, f"#search-results a[href$='{target}']"))
        assert links, f"searching {query!r} should list {target}"
        marks = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "#search-results mark")]
        assert marks, f"{query!r}: matches are highlighted"
    # 「电梯加装」 marks the phrase as written, 加装电梯.
    assert "加装电梯" in marks, marks


def test_large_print_switch_enlarges_text_and_is_remembered(driver, base_url):
    driver.get(base_url)
    clear_large_print(driver)
    driver.get(base_url)
    body_text = lambda: float(driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('main p')).fontSize)"))
    root = lambda: float(driver.execute_script("return parseFloat(getComputedStyle(document.documentElement).fontSize)"))
    before, root_before = body_text(), root()
    assert before >= 18, f"base text must be at least 18px, got {before}"
    driver.find_element(By.CSS_SELECTOR, "label[for='large-print']").click()
    after = wait_for(lambda: body_text() if body_text() > before else 0, timeout=3)
    assert after and after >= before * 1.2, f"大字版 should enlarge text: {before} → {after}"
    large_root = root()
    driver.get(base_url + PAGES["stats"])
    assert wait_for(lambda: root() >= large_root * 0.99, timeout=3), "the choice is remembered on the next page"
    assert driver.find_element(By.ID, "large-print").is_selected()
    driver.find_element(By.CSS_SELECTOR, "label[for='large-print']").click()
    assert wait_for(lambda: abs(root() - root_before) < 0.5, timeout=3), "switching it off restores the normal size"
    clear_large_print(driver)


@pytest.mark.parametrize("name", ["home", "branch", "promise", "disclosure", "stats"])
def test_no_text_smaller_than_18px(driver, base_url, name):
    driver.get(base_url + PAGES[name])
    small = driver.execute_script("""
        const out = [];
        for (const el of document.body.querySelectorAll('*')) {
            if (el.closest('svg') || el.offsetParent === null) continue;
            const own = [...el.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
            const size = parseFloat(getComputedStyle(el).fontSize);
            if (own && size < 18) out.push(el.tagName + '.' + el.className + ' ' + size);
        }
        return out.slice(0, 10);""")
    assert not small, f"{name}: text below 18px: {small}"
    line_height = driver.execute_script("const s = getComputedStyle(document.querySelector('main p')); return parseFloat(s.lineHeight) / parseFloat(s.fontSize)")
    assert line_height >= 1.5


def test_keyboard_reaches_skip_link_first_and_focus_is_visible(driver, base_url):
    driver.get(base_url + PAGES["branch"])
    driver.find_element(By.TAG_NAME, "body").send_keys("\ue004")  # Tab
    active = driver.switch_to.active_element
    assert active.get_attribute("class") == "skip-link"
    outline = driver.execute_script("const s = getComputedStyle(document.activeElement); return s.outlineStyle + ' ' + s.outlineWidth")
    assert not outline.startswith("none"), outline


def test_wide_tables_scroll_with_the_keyboard_on_a_phone(driver, base_url):
    """On a phone the statistics tables are wider than the screen: Tab reaches each one (with a visible focus
    outline) and the arrow keys scroll it sideways."""
    driver.set_window_size(390, 844)
    try:
        driver.get(base_url + PAGES["stats"])
        wide = driver.execute_script(
            "return [...document.querySelectorAll('*')].filter(e => e.scrollWidth > e.clientWidth + 1"
            " && ['auto', 'scroll'].includes(getComputedStyle(e).overflowX)).length")
        assert wide >= 1, "the sample's statistics page should have a table wider than a phone"
        reached, body = 0, driver.find_element(By.TAG_NAME, "body")
        body.send_keys("\ue004")
        for _ in range(400):
            state = driver.execute_script("""
                const e = document.activeElement;
                if (!(e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'auto')) return null;
                const s = getComputedStyle(e);
                return [e.scrollLeft, s.outlineStyle, parseFloat(s.outlineWidth), e.tabIndex];""")
            if state:
                # Chromium focuses a scroll box by itself (tabIndex stays -1); other browsers need the page's tabindex
                assert state[3] >= 0, "the table itself is a tab stop (tabindex), in every browser"
                assert state[0] == 0 and state[1] != "none" and state[2] >= 2, f"visible focus outline: {state}"
                driver.switch_to.active_element.send_keys("\ue014\ue014\ue014")  # ArrowRight
                scrolled = wait_for(lambda: driver.execute_script("return document.activeElement.scrollLeft"), 2)
                assert scrolled > 0, "the arrow keys scroll a focused wide table"
                reached += 1
            if driver.execute_script("return document.activeElement === document.body") and reached:
                break
            driver.switch_to.active_element.send_keys("\ue004")
        assert reached == wide, f"Tab reached {reached} of the {wide} sideways-scrolling tables"
    finally:
        driver.set_window_size(1280, 800)


def test_poster_prints_on_a4_with_qr_codes(driver, base_url, artifacts):
    driver.get(base_url + PAGES["poster"])
    codes = driver.find_elements(By.CSS_SELECTOR, "figure.poster-qr svg path")
    assert len(codes) >= 3, "the poster has a QR code for the organisation and for each item"
    assert "数据截至" in driver.find_element(By.TAG_NAME, "main").text
    options = PrintOptions()
    options.page_width = 21.0
    options.page_height = 29.7
    pdf = base64.b64decode(driver.print_page(options))
    (artifacts / "poster.pdf").write_bytes(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages >= 1
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes, "the PDF declares its page size"
    for width, height in boxes:
        assert abs(float(width) - 595.3) < 2 and abs(float(height) - 841.9) < 2, f"A4 portrait expected, got {width}×{height}"


def test_poster_qr_codes_scan_as_the_browser_draws_them(driver, base_url, tmp_path):
    """Each code on the poster, screenshotted at its on-screen size (7rem) and read back with zbarimg, gives its
    page's absolute address: the organisation's page first, then every letter and disclosure."""
    zbarimg = shutil.which("zbarimg")
    assert zbarimg, "zbarimg is missing: run `make browser-deps` (Debian zbar-tools)"
    driver.get(base_url + PAGES["poster"])
    codes = driver.find_elements(By.CSS_SELECTOR, "figure.poster-qr svg")
    assert len(codes) >= 3
    site = _site_base_url().rstrip("/") + "/"
    decoded = []
    for i, code in enumerate(codes):
        png = tmp_path / f"code-{i}.png"
        png.write_bytes(code.screenshot_as_png)
        result = subprocess.run([zbarimg, "--quiet", "--raw", str(png)], capture_output=True, text=True)
        assert result.returncode == 0, f"code {i} on the poster does not scan"
        decoded.append(result.stdout.strip())
    assert decoded[0] == site + PAGES["poster"].removesuffix("print/"), decoded[0]
    assert all(url.startswith(site) and url.endswith("/") for url in decoded), decoded
    assert len(set(decoded)) == len(decoded), "every code points at its own page"


@pytest.mark.parametrize("name", list(PAGES))
def test_screenshots(driver, base_url, artifacts, name):
    for label, (width, height) in {"phone": (390, 844), "desktop": (1280, 800)}.items():
        driver.set_window_size(width, height)
        driver.get(base_url + PAGES[name])
        if name == "search":
            wait_for(lambda: driver.find_elements(By.CSS_SELECTOR, "#search-results a"))
        path = artifacts / f"{name}-{label}.png"
        assert driver.save_screenshot(str(path))
        assert path.stat().st_size > 5000
    driver.set_window_size(1280, 800)

"""生成 and 草稿预览 in headless Chromium: an approver presses 开始生成, waits for the report, and the studio's output
holds the built site; /build and a draft's preview have no serious axe violations at phone and desktop width."""
import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import run_axe
from studio_support import StudioProcess, log_in, serious

DRAFT = "content/examples/caogao-zaizhi-baodao.md"


@pytest.fixture(scope="module")
def studio():
    process = StudioProcess()
    yield process
    process.stop()


def test_approver_builds_and_sees_the_report(driver, studio):
    log_in(driver, studio, "jinqiao-shenpi")
    driver.find_element(By.LINK_TEXT, "生成").click()
    driver.find_element(By.XPATH, "//button[normalize-space()='开始生成']").click()
    WebDriverWait(driver, 120).until(lambda d: "上一次生成" in d.page_source)
    assert "已发布" in driver.page_source
    assert (studio.source / "output" / "index.html").exists()
    pages = list((studio.source / "output" / "examples").glob("*/index.html"))
    assert pages
    assert not any("CAOGAO-MARKER-2M6" in page.read_text() for page in pages)


def test_preview_shows_the_draft_in_the_site_frame(driver, studio):
    log_in(driver, studio, "jinqiao-shuji")
    driver.get(studio.url + "view/" + DRAFT)
    driver.find_element(By.LINK_TEXT, "预览").click()
    assert "预览：尚未发布（草稿）" in driver.page_source
    frame = driver.find_element(By.CSS_SELECTOR, "iframe.site-preview")
    driver.switch_to.frame(frame)
    try:
        assert "CAOGAO-MARKER-2M6" in driver.find_element(By.TAG_NAME, "body").text
        # The site's stylesheet loaded: the page is not in the browser's default serif font.
        assert driver.execute_script("return document.styleSheets.length > 0 && document.styleSheets[0].cssRules.length > 0")
    finally:
        driver.switch_to.default_content()


@pytest.mark.parametrize("width", [360, 1280])
def test_build_and_preview_have_no_serious_axe_violations(driver, studio, width):
    driver.set_window_size(width, 800)
    try:
        log_in(driver, studio, "jiedao-guanli")
        for route in ("build", "preview/" + DRAFT):
            driver.get(studio.url + route)
            assert serious(run_axe(driver)) == [], route
            if width == 360:
                assert driver.execute_script("return document.documentElement.scrollWidth") <= 360 + 1, route
    finally:
        driver.set_window_size(1280, 800)

"""The whole procedure through the studio's forms in headless Chromium: a secretary writes a promise letter with an
item and a 践诺 record, and a disclosure, and submits them; she cannot approve her own (no button, forged POST
refused); the reviewer reviews, the approver approves; a build publishes both and the public pages name the
accounts. Two windows editing one file: the second save is refused and the first is kept. axe on every form page
at phone and desktop width. Screenshots of the forms go to the artifacts folder (README 编辑平台 uses them)."""
import hashlib
import subprocess

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import run_axe
from studio_support import StudioProcess, binary, log_in, serious, wait_until_gone

LETTER = "content/promises/zhangli-2027.md"
DISCLOSURE = "content/disclosures/zhuti-dangri-2026-12.md"


@pytest.fixture(scope="module")
def studio():
    process = StudioProcess()
    yield process
    process.stop()


def fill(driver, name, value):
    element = driver.find_element(By.NAME, name)
    if element.tag_name == "select":
        Select(element).select_by_value(value)
    elif element.get_attribute("type") == "date":
        driver.execute_script("arguments[0].value = arguments[1]", element, value)
    else:
        element.clear()
        element.send_keys(value)


def press(driver, text):
    button = driver.find_element(By.XPATH, f"//button[normalize-space()='{text}']")
    button.click()
    wait_until_gone(driver, button)


def test_a_letter_and_a_disclosure_go_through_the_whole_procedure(driver, studio, artifacts):
    driver.set_window_size(1280, 900)
    log_in(driver, studio, "jinqiao-shuji")

    # 新建承诺书: one item; the form shows every field of the schema with Chinese labels.
    driver.get(studio.url + "new/promises")
    assert "承诺内容" in driver.page_source and "五个服务" in driver.page_source
    fill(driver, "id", "zhangli-2027")
    fill(driver, "branch", "jinqiao-shequ")
    fill(driver, "promiser", "张丽")
    fill(driver, "role", "在职党员")
    fill(driver, "items.0.text", "每月到居住小区报到服务一次，参加楼道清理")
    fill(driver, "items.0.service", "服务群众")
    fill(driver, "items.0.due", "2027-12-31")
    fill(driver, "items.0.status", "进行中")
    driver.find_element(By.NAME, "__body").send_keys("本人承诺：立足岗位、服务群众。")
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(artifacts / "studio-new-letter.png"))
    press(driver, "保存")
    assert "已保存" in driver.page_source, driver.page_source[:2000]
    text = (studio.source / LETTER).read_text(encoding="utf-8")
    assert "workflow: 草稿" in text and "promiser: 张丽" in text

    # 记一笔践诺: two fields on a phone.
    driver.set_window_size(360, 800)
    driver.find_element(By.PARTIAL_LINK_TEXT, "记一笔践诺").click()
    fill(driver, "text", "12月5日参加小区楼道清理，清运杂物两车。")
    driver.save_screenshot(str(artifacts / "studio-progress-phone.png"))
    press(driver, "保存这条践诺记录")
    driver.set_window_size(1280, 900)
    assert "清运杂物两车" in (studio.source / LETTER).read_text(encoding="utf-8")
    press(driver, "提交审核")
    assert "待审核" in driver.page_source

    # 新建党务公开事项, then 提交审核.
    driver.get(studio.url + "new/disclosures")
    fill(driver, "id", "zhuti-dangri-2026-12")
    fill(driver, "branch", "jinqiao-shequ")
    fill(driver, "title", "十二月主题党日活动安排")
    fill(driver, "category", "组织生活")
    fill(driver, "scope", "社会公开")
    driver.find_element(By.NAME, "__body").send_keys("12月10日上午9:00在党群服务站开展主题党日活动。")
    press(driver, "保存")
    assert "已保存" in driver.page_source
    press(driver, "提交审核")

    # The proposer has no 审核通过 button and a forged POST (with a valid CSRF token) is refused.
    driver.get(studio.url + "view/" + DISCLOSURE)
    assert not driver.find_elements(By.XPATH, "//button[normalize-space()='审核通过']")
    token = driver.find_element(By.NAME, "csrf").get_attribute("value")
    version = hashlib.sha256((studio.source / DISCLOSURE).read_bytes()).hexdigest()
    status = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "fetch('/action', {method: 'POST', headers: {'Content-Type': 'application/x-www-form-urlencoded'},"
        " body: new URLSearchParams({csrf: arguments[1], path: arguments[0], version: arguments[2], action: 'review'})})"
        ".then(r => done(r.status), e => done(String(e)));", DISCLOSURE, token, version)
    assert status == 403

    # 审核 (one step for the letter), 审核 then 审批 for the disclosure.
    log_in(driver, studio, "jinqiao-shenhe")
    for path in (LETTER, DISCLOSURE):
        driver.get(studio.url + "view/" + path)
        press(driver, "审核通过")
    log_in(driver, studio, "jinqiao-shenpi")
    driver.get(studio.url + "view/" + DISCLOSURE)
    press(driver, "审批通过")
    disclosure = (studio.source / DISCLOSURE).read_text(encoding="utf-8")
    assert "proposed: {by: 李红梅," in disclosure and "reviewed: {by: 王建国," in disclosure and "approved: {by: 张志强," in disclosure

    out = studio.work / "site"
    subprocess.run([str(binary()), "build", "--source", str(studio.source), "--output", str(out), "--cache", str(studio.work / "cache")],
                   check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    letter_page = (out / "promises" / "zhangli-2027" / "index.html").read_text(encoding="utf-8")
    assert "<dt>审核</dt><dd>王建国，" in letter_page and "清运杂物两车" in letter_page
    page = (out / "disclosures" / "zhuti-dangri-2026-12" / "index.html").read_text(encoding="utf-8")
    for name in ("李红梅", "王建国", "张志强"):
        assert name in page, name


def test_two_windows_editing_one_file_lose_nothing(driver, studio, artifacts):
    log_in(driver, studio, "jinqiao-shuji")
    path = "content/promises/liufang-2026.md"
    driver.get(studio.url + "edit/" + path)
    first = driver.current_window_handle
    driver.switch_to.new_window("tab")
    driver.get(studio.url + "edit/" + path)
    second = driver.current_window_handle
    driver.switch_to.window(first)
    fill(driver, "post", "书记接待岗")
    press(driver, "保存")
    driver.switch_to.window(second)
    fill(driver, "post", "另一个岗位")
    press(driver, "保存")
    assert "未保存" in driver.find_element(By.TAG_NAME, "h1").text
    assert "另一个岗位" in driver.page_source, "the refused edit is shown so it can be copied"
    driver.save_screenshot(str(artifacts / "studio-conflict.png"))
    driver.close()
    driver.switch_to.window(first)
    text = (studio.source / path).read_text(encoding="utf-8")
    assert "post: 书记接待岗" in text and "另一个岗位" not in text


def test_a_mistake_is_shown_at_its_field_and_nothing_is_written(driver, studio, artifacts):
    log_in(driver, studio, "jinqiao-shuji")
    driver.get(studio.url + "new/disclosures")
    fill(driver, "id", "meiyou-fanwei")
    fill(driver, "branch", "jinqiao-shequ")
    fill(driver, "title", "没有选公开范围")
    fill(driver, "category", "组织生活")
    press(driver, "保存")
    summary = driver.find_element(By.CSS_SELECTOR, ".summary")
    assert "未保存" in summary.text and "scope" in summary.text
    field = driver.find_element(By.ID, "f-scope").find_element(By.XPATH, "..")
    assert "缺少必填字段 scope" in field.text
    driver.execute_script("window.scrollTo(0, 0)")
    driver.save_screenshot(str(artifacts / "studio-error.png"))
    assert not (studio.source / "content/disclosures/meiyou-fanwei.md").exists()


@pytest.mark.parametrize("width", [360, 1280])
def test_form_pages_have_no_serious_axe_violations(driver, studio, width):
    driver.set_window_size(width, 800)
    try:
        log_in(driver, studio, "jinqiao-shuji")
        routes = ["new", "new/promises", "new/disclosures", "new/examples", "edit/content/promises/liufang-2026.md",
                  "progress/content/promises/liufang-2026.md?item=0", "edit/content/branches/jinqiao-shequ.md"]
        for route in routes:
            driver.get(studio.url + route)
            assert "没有权限" not in driver.page_source, route
            assert serious(run_axe(driver)) == [], route
            if width == 360:
                assert driver.execute_script("return document.documentElement.scrollWidth") <= 360 + 1, route
    finally:
        driver.set_window_size(1280, 800)

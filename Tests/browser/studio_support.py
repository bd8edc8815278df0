"""Starting `gongshi studio` on a copy of the sample site (a git repository) for the studio's browser tests."""
import pathlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request

REPO = pathlib.Path(__file__).resolve().parents[2]
SAMPLE_PASSWORD = "gongshi-sample"


def binary():
    for candidate in (REPO / ".build" / "debug" / "gongshi", REPO / ".build" / "release" / "gongshi"):
        if candidate.exists():
            return candidate
    raise RuntimeError("gongshi is not built: run `swift build --product gongshi` (make test does)")


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_sample(work):
    """site.yaml, content/, templates/ and the sample accounts.yaml in a fresh git repository."""
    source = work / "source"
    source.mkdir()
    for name in ("site.yaml", "accounts.yaml"):
        shutil.copy2(REPO / name, source / name)
    for name in ("content", "templates"):
        if (REPO / name).exists():
            shutil.copytree(REPO / name, source / name)
    git = ["git", "-C", str(source), "-c", "user.name=测试", "-c", "user.email=test@example.org"]
    subprocess.run(["git", "init", "-q", str(source)], check=True)
    subprocess.run(git + ["add", "-A"], check=True)
    subprocess.run(git + ["commit", "-qm", "示例站点"], check=True)
    return source


class StudioProcess:
    def __init__(self, extra=()):
        self.work = pathlib.Path(tempfile.mkdtemp(prefix="gongshi-studio-"))
        self.source = copy_sample(self.work)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        self.log = open(self.work / "studio.log", "w")
        self.process = subprocess.Popen(
            [str(binary()), "studio", "--source", str(self.source), "--port", str(self.port), *extra],
            stdout=self.log, stderr=subprocess.STDOUT, cwd=self.source)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("studio exited: " + (self.work / "studio.log").read_text())
            try:
                with urllib.request.urlopen(self.url + "healthz", timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("studio did not start: " + (self.work / "studio.log").read_text())

    def stop(self):
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self.log.close()
        shutil.rmtree(self.work, ignore_errors=True)


def log_in(driver, studio, login, password=SAMPLE_PASSWORD):
    """Signs in on the studio's login page and waits for the next page."""
    from selenium.webdriver.common.by import By

    driver.delete_all_cookies()
    driver.get(studio.url + "login")
    driver.find_element(By.ID, "login").send_keys(login)
    driver.find_element(By.ID, "password").send_keys(password)
    form = driver.find_element(By.CSS_SELECTOR, "form.login")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_until_gone(driver, form)


def serious(result):
    """The serious and critical violations of an axe result (id, impact, first targets)."""
    assert "error" not in result, result
    return [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]
            if v["impact"] in ("serious", "critical")]


def wait_until_gone(driver, element, timeout=10):
    """Waits until `element`'s page has been replaced (after a click that submits a form). While the new page
    loads, Chromium sometimes answers «Node with given id does not belong to the document» instead of a stale
    element: that means gone too (selenium's staleness_of lets it through as a WebDriverException)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait

    def gone(_):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, timeout).until(gone)


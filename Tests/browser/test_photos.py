"""Photos in a real browser: every image loads and has alt text, nothing overflows a 360 px phone (大字版 too), and
the pages with a gallery and with 践诺 thumbnails pass axe.

The site is the sample with photos added where the sample has none yet (an example's gallery and body image, a
disclosure, an organisation, a 践诺 entry, the logo). The photos are drawn and encoded as JPEG and PNG by the
browser's own canvas (no downloaded or hand-encoded image), then processed by gongshi like any others.
"""
import base64
import functools
import http.server
import json
import pathlib
import re
import shutil
import subprocess
import tempfile
import threading

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.print_page_options import PrintOptions

from conftest import AS_OF, REPO, _binary, _QuietHandler, _site_base_url, run_axe, vnu_jar, wait_for



def _newest_example():
    """The sample's newest example (the site lists them by date, newest first, then by id), so its first photo is on
    the home page's cards too; and its organisation, whose poster shows it."""
    examples = []
    for path in (REPO / "content" / "examples").rglob("*.md"):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^workflow:", text, re.M):
            continue  # a studio draft or submitted example is not published
        fields = dict(re.findall(r"^(id|date|branch): *(\S+)", text, re.M))
        examples.append((fields["date"], fields["id"], fields["branch"]))
    date, ident, branch = sorted(examples, key=lambda e: (e[0], [-ord(c) for c in e[1]]))[-1]
    return ident, branch


EXAMPLE, EXAMPLE_BRANCH = _newest_example()
DISCLOSURE = "fazhan-duixiang-jinqiao-2026-11"
BRANCH = "jinqiao-shequ"
LETTER = "liufang-2026"
PAGES = {
    "home": "",
    "examples": "examples/",
    "example": f"examples/{EXAMPLE}/",
    "disclosure": f"disclosures/{DISCLOSURE}/",
    "branch": f"branches/{BRANCH}/",
    "letter": f"promises/{LETTER}/",
    "poster": f"branches/{EXAMPLE_BRANCH}/print/",
}


def draw(driver, width, height, hue, kind):
    """A picture drawn on a canvas and encoded by Chromium: a gradient, a few shapes and a label."""
    url = driver.execute_script(
        """
        const [w, h, hue, kind] = arguments;
        const c = document.createElement('canvas');
        c.width = w; c.height = h;
        const g = c.getContext('2d');
        const grad = g.createLinearGradient(0, 0, w, h);
        grad.addColorStop(0, `hsl(${hue}, 60%, 70%)`);
        grad.addColorStop(1, `hsl(${(hue + 60) % 360}, 50%, 35%)`);
        g.fillStyle = grad; g.fillRect(0, 0, w, h);
        g.fillStyle = 'rgba(255,255,255,0.8)';
        for (let i = 0; i < 6; i++) g.fillRect(w * (0.1 + i * 0.14), h * 0.55, w * 0.1, h * 0.3);
        g.fillStyle = '#222'; g.font = `${Math.round(h / 8)}px sans-serif`; g.fillText('gongshi ' + hue, w * 0.08, h * 0.3);
        return c.toDataURL(kind === 'png' ? 'image/png' : 'image/jpeg', 0.85);""",
        width, height, hue, kind)
    return base64.b64decode(url.split(",", 1)[1])


def with_front_matter(text, lines):
    """`text` with `lines` added at the end of its front matter."""
    head, sep, rest = text.partition("\n---\n")
    return head + "\n" + "\n".join(lines) + sep + rest


def add_images(source, driver):
    """Photos on the sample's records that have none (a record the sample already illustrates is left as it is)."""
    content = source / "content"

    def record(kind, ident):
        return next(p for p in (content / kind).rglob("*.md") if re.search(rf"^id: {re.escape(ident)}$", p.read_text(encoding="utf-8"), re.M))

    def photo(path, name, width, height, hue, kind="jpeg"):
        target = path.parent / "照片" / name
        target.parent.mkdir(exist_ok=True)
        target.write_bytes(draw(driver, width, height, hue, kind))
        return f"照片/{name}"

    example = record("examples", EXAMPLE)
    text = example.read_text(encoding="utf-8")
    if not re.search(r"^images:", text, re.M):
        first = photo(example, "browser-visit.jpg", 1600, 1200, 20)
        second = photo(example, "browser-desk.png", 900, 600, 200, "png")
        text = with_front_matter(text, ["images:", f"  - {{file: {first}, caption: 入户走访时与居民交谈}}",
                                        f"  - {{file: {second}, caption: 民情台账登记台}}"])
        text += f"\n![社区党群服务站门口]({photo(example, 'browser-body.jpg', 640, 480, 120)})\n"
        example.write_text(text, encoding="utf-8")
    for kind, ident, name, hue, caption in (("disclosures", DISCLOSURE, "browser-notice.jpg", 300, "公示栏张贴公示"),
                                            ("branches", BRANCH, "browser-station.jpg", 60, "社区党群服务站")):
        path = record(kind, ident)
        text = path.read_text(encoding="utf-8")
        if not re.search(r"^images:", text, re.M):
            path.write_text(with_front_matter(text, ["images:", f"  - {{file: {photo(path, name, 1400, 1000, hue)}, caption: {caption}}}"]),
                            encoding="utf-8")
    letter = record("promises", LETTER)
    text = letter.read_text(encoding="utf-8")
    if "images:" not in text:
        match = re.search(r"^(\s+)- date: .*\n(\s+)text: .*\n", text, re.M)
        indent = match.group(2)
        thumb = photo(letter, "browser-reception.jpg", 1200, 900, 240)
        insert = f"{indent}images:\n{indent}  - {{file: {thumb}, caption: 书记接待室接待来访居民}}\n"
        letter.write_text(text[: match.end()] + insert + text[match.end():], encoding="utf-8")
    site = source / "site.yaml"
    text = site.read_text(encoding="utf-8")
    if not re.search(r"^logo:", text, re.M):
        (source / "标志.png").write_bytes(draw(driver, 512, 512, 0, "png"))
        site.write_text(text.rstrip("\n") + "\nlogo: 标志.png\n", encoding="utf-8")


@pytest.fixture(scope="module")
def photo_site(driver):
    work = pathlib.Path(tempfile.mkdtemp(prefix="gongshi-browser-photos-"))
    source = work / "source"
    source.mkdir()
    for name in ("content", "templates"):
        shutil.copytree(REPO / name, source / name)
    shutil.copy(REPO / "site.yaml", source / "site.yaml")
    add_images(source, driver)
    out = work / "site"
    build = subprocess.run(
        [str(_binary()), "build", "--source", str(source), "--output", str(out), "--as-of", AS_OF, "--cache", str(work / "cache"),
         "--keep", "0"], cwd=source, capture_output=True, text=True)
    assert build.returncode == 0, build.stderr[-3000:]
    yield out
    shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="module")
def photo_url(photo_site):
    handler_class = type("PhotoHandler", (_QuietHandler,), {})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler_class, directory=str(photo_site)))
    local = f"http://127.0.0.1:{server.server_address[1]}/"
    handler_class.site_base, handler_class.local_base = _site_base_url(), local
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield local
    server.shutdown()


def images_loaded(driver):
    """Scrolls every <img> into view (they are lazy) and returns, for each, [src, naturalWidth, alt]."""
    driver.execute_script("for (const i of document.images) i.scrollIntoView({block: 'center'});")
    wait_for(lambda: driver.execute_script("return [...document.images].every(i => i.complete)"))
    return driver.execute_script("return [...document.images].map(i => [i.currentSrc || i.src, i.naturalWidth, i.getAttribute('alt')])")


@pytest.mark.parametrize("name", list(PAGES))
def test_every_image_loads_and_has_alt_text(driver, photo_url, name):
    driver.get(photo_url + PAGES[name])
    images = images_loaded(driver)
    assert images, f"{name}: the page shows a photo"
    broken = [i for i in images if not i[1]]
    assert not broken, f"{name}: images that did not load: {broken}"
    unnamed = [i for i in images if not (i[2] or "").strip()]
    assert not unnamed, f"{name}: images without alt text: {unnamed}"
    assert all("/media/" in i[0] for i in images), "every photo is a published version under media/"


@pytest.mark.parametrize("large_print", [False, True])
@pytest.mark.parametrize("name", ["example", "disclosure", "branch", "letter", "home", "examples"])
def test_no_horizontal_overflow_on_a_360px_phone(driver, photo_url, name, large_print):
    driver.set_window_size(360, 800)
    try:
        driver.get(photo_url + PAGES[name])
        if large_print:
            driver.find_element(By.CSS_SELECTOR, "label[for='large-print']").click()
        images_loaded(driver)
        sizes = driver.execute_script("return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert sizes[0] <= sizes[1], f"{name}: the page is {sizes[0]} px wide on a {sizes[1]} px screen"
        wider = driver.execute_script(
            "return [...document.images].filter(i => i.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)"
            ".map(i => i.getAttribute('src'))")
        assert not wider, f"{name}: photos wider than the screen: {wider}"
        ratio = driver.execute_script(
            "return [...document.images].map(i => Math.abs(i.clientWidth / i.clientHeight - i.width / i.height) < 0.02)")
        assert all(ratio), f"{name}: a photo is stretched"
    finally:
        if large_print:
            driver.execute_script("try { localStorage.removeItem('gongshi-large-print') } catch (e) {}")
        driver.set_window_size(1280, 800)


@pytest.mark.parametrize("name", ["example", "letter"])
def test_gallery_and_thumbnails_pass_axe(driver, photo_url, name):
    driver.get(photo_url + PAGES[name])
    results = run_axe(driver)
    assert "error" not in results, results
    serious = [v for v in results["violations"] if v.get("impact") in ("serious", "critical")]
    report = "\n".join(f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}" for v in serious)
    assert not serious, f"{name}: {report}"
    selector = ".gallery img" if name == "example" else ".timeline-photos img"
    assert driver.find_elements(By.CSS_SELECTOR, selector), f"{name}: the photos are on the page"


def test_share_image_and_favicon(driver, photo_url):
    # The test server writes the site's base_url as its own address, so an absolute URL starts with photo_url.
    base = photo_url
    driver.get(photo_url + PAGES["example"])
    og = driver.find_element(By.CSS_SELECTOR, "meta[property='og:image']").get_attribute("content")
    assert og.startswith(base + "media/"), og
    driver.get(photo_url + "stats/")
    icon = driver.find_element(By.CSS_SELECTOR, "link[rel='icon']").get_attribute("href")
    status = driver.execute_async_script(
        "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => done(r.status), () => done(0));", icon)
    assert status == 200, icon
    logo = driver.find_element(By.CSS_SELECTOR, "meta[property='og:image']").get_attribute("content")
    assert logo.startswith(base + "media/") and logo != og, "a page without a photo shares the logo"


def test_pages_with_photos_are_valid_html(photo_site):
    """The photo markup (figures in galleries, cards, the timeline and the poster; body images as a figure in place of
    their paragraph or a span inside it) passes the Nu HTML Checker."""
    java = shutil.which("java")
    assert java, "java is missing (apt default-jre-headless)"
    files = [str(photo_site / (path + "index.html")) for path in PAGES.values()]
    run = subprocess.run([java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", "--stdout", *files],
                         capture_output=True, text=True, timeout=600)
    errors = [m for m in json.loads(run.stdout)["messages"] if m.get("type") in ("error", "non-document-error", "fatal")]
    assert not errors, "\n".join(f"{m.get('url')}:{m.get('lastLine')}: {m.get('message')}" for m in errors[:20])
    for path in PAGES.values():
        html = (photo_site / path / "index.html").read_text(encoding="utf-8")
        assert "照片/" not in html and "%E7%85%A7%E7%89%87/" not in html, f"{path}: a link to an original photo"
    body = (photo_site / PAGES["example"] / "index.html").read_text(encoding="utf-8")
    if "browser-body.jpg" in (photo_site.parent / "source" / "content" / "examples").joinpath(f"{EXAMPLE}.md").read_text(encoding="utf-8"):
        assert "<figcaption>社区党群服务站门口</figcaption></figure>" in body, "the body image alone in its paragraph became a figure"


def test_poster_with_a_photo_prints_on_a4_in_black(driver, photo_url):
    """The poster's example photo is in the print layout and its caption prints black (legible in greyscale)."""
    driver.get(photo_url + PAGES["poster"])
    assert driver.find_elements(By.CSS_SELECTOR, ".poster-example img"), "the poster shows the example's photo"
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        caption = driver.execute_script("return getComputedStyle(document.querySelector('.poster-example figcaption')).color")
        assert caption == "rgb(0, 0, 0)", caption
    finally:
        driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = base64.b64decode(driver.print_page(options))
    boxes = re.findall(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    assert boxes and all(abs(float(w) - 595.3) < 2 and abs(float(h) - 841.9) < 2 for w, h in boxes), boxes

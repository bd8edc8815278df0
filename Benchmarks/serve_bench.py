"""The `gongshi serve` measurement of `make bench`: start-up, and save to served.

One run starts `gongshi serve --source <corpus> --as-of <date> --port 0` with its temporary folder (TMPDIR) in a
folder of the bench's own, reads the address it prints on standard error (`预览地址：http://127.0.0.1:<port>/`,
printed once the first build is done and the server listens) and fetches the edited disclosure's page over HTTP
on 127.0.0.1 until it answers 200: that is the start-up time. Then it appends a line to the disclosure's body (the
"save") and fetches the page every POLL seconds until the answer holds the new line: that is save to served.
CPU (user+sys) and peak RSS (VmHWM) of the serve process come from /proc. The process is then killed (SIGKILL,
its own process group), so that it does not delete its 40,000-file temporary site while other runs are timed;
the bench deletes that folder with the size's other outputs (see run.py's settle()).
"""

import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

POLL = 0.02
ADDRESS = re.compile(r"预览地址：(http://127\.0\.0\.1:\d+/)")
TICKS = os.sysconf("SC_CLK_TCK")


class ServeFailure(Exception):
    """The server stopped, printed no address, or never served the page."""


def cpu_seconds(pid):
    """User+system CPU of a running process."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def peak_rss_kb(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def fetch(url):
    """(status, body) of a GET on loopback; (None, reason) when it could not be made. The preview's error page
    (HTTP 500: the last build had errors or could not write the site) stops the measurement at once."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        if error.code >= 500:
            text = re.sub(r"<[^>]+>", " ", body)
            raise ServeFailure(f"{url} 返回 {error.code}（预览的错误页）：" + " ".join(text.split())[:600])
        return error.code, body
    except (urllib.error.URLError, OSError) as error:
        return None, str(error)


def wait_for(process, deadline, probe, what, log_path):
    """Calls probe() every POLL seconds until it returns a value; raises ServeFailure at the deadline or when the
    server has exited."""
    while True:
        value = probe()
        if value is not None:
            return value
        if process.poll() is not None:
            raise ServeFailure(f"gongshi serve 已退出（退出码 {process.returncode}），{what}；输出：\n" + tail(log_path))
        if time.monotonic() > deadline:
            raise ServeFailure(f"等待超时：{what}；输出：\n" + tail(log_path))
        time.sleep(POLL)


def tail(path, lines=15):
    with open(path, encoding="utf-8", errors="replace") as f:
        return "\n".join(f.read().splitlines()[-lines:])


def run(gongshi, source, as_of, page, target, marker, folder, timeout):
    """One serve run; returns {"start": (wall, cpu, rss_kb), "save": (wall, cpu, rss_kb)}.

    `page` is the disclosure page's URL path (`disclosures/<id>/`), `target` the disclosure's file, `marker` the
    line appended to it (absent from the page before). The file is restored before this returns.
    """
    os.makedirs(folder, exist_ok=True)
    log_path = os.path.join(folder, "serve.log")
    env = dict(os.environ, TMPDIR=folder)
    with open(target, encoding="utf-8") as f:
        original = f.read()
    with open(log_path, "w") as log:
        started = time.monotonic()
        process = subprocess.Popen([gongshi, "serve", "--source", source, "--as-of", as_of, "--port", "0"],
                                   stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=log, env=env,
                                   start_new_session=True)
    try:
        deadline = started + timeout

        def address():
            match = ADDRESS.search(open(log_path, encoding="utf-8", errors="replace").read())
            return match.group(1) if match else None

        url = wait_for(process, deadline, address, "没有打印预览地址", log_path) + page

        def first_answer():
            status, body = fetch(url)
            return body if status == 200 else None

        body = wait_for(process, deadline, first_answer, f"{url} 没有返回 200", log_path)
        start = (time.monotonic() - started, cpu_seconds(process.pid), peak_rss_kb(process.pid))
        if marker in body:
            raise ServeFailure(f"修改之前页面中已经有“{marker}”")
        cpu_before = cpu_seconds(process.pid)
        with open(target, "a", encoding="utf-8") as f:
            f.write(f"\n{marker}\n")
        saved = time.monotonic()

        def updated():
            status, body = fetch(url)
            return True if status == 200 and marker in body else None

        wait_for(process, saved + timeout, updated, f"{url} 在保存后没有显示新内容", log_path)
        save = (time.monotonic() - saved, cpu_seconds(process.pid) - cpu_before, peak_rss_kb(process.pid))
        return {"start": start, "save": save}
    finally:
        with open(target, "w", encoding="utf-8") as f:
            f.write(original)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()

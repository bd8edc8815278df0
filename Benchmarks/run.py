#!/usr/bin/env python3
"""`make bench`: gongshi against Hugo on synthetic corpora, plus an instruction-count guard.

Builds gongshi in release mode (`swift build -c release --product gongshi`), generates (or reuses) corpora with
Benchmarks/make_corpus.py under Benchmarks/work/ (the gongshi site, the same documents as the Hugo site a Hugo
expert would write, and the same documents with the benchmark's earlier Hugo layout), and measures at every size:

  check        gongshi check
  clean        gongshi build --clean --keep 0 --cache <new folder> --output <new folder> --as-of 2026-11-21
  hugo         hugo on the expert layout (a plain taxonomy list per organisation, no per-page term lookups,
               no relativeURLs), into a new folder: the row called "Hugo"
  incremental  one site kept for the whole size: append a line to one disclosure, then the build without
               --clean and with --keep 1, reusing its cache (like a nightly build)
  serve        `gongshi serve --port 0` started with the corpus; start-up is the time from launch to the first
               answer for the edited disclosure's page; then a line is appended to that disclosure's body and
               the page is fetched over HTTP on 127.0.0.1 every 20 ms until it holds the new line (save to
               served), bounded by BENCH_TIMEOUT
  hugo_legacy  hugo on the earlier layout (.GetTerms on every page, relativeURLs): a labelled second row

The measurements are interleaved: one warm-up round runs each of them once in the order above, then BENCH_RUNS
timed rounds do the same, so that a drift of the shared machine's load hits all of them alike; the tables report
medians. Builds are timed with /usr/bin/time (wall, user+sys CPU, peak RSS); serve is timed in this script
(CPU and peak RSS of the serve process from /proc). After the clean builds, the files and bytes written
(gongshi against both Hugo layouts) are counted and the bytes a resident's browser downloads for a few queries
(SEARCH_QUERIES, first page) are measured by running templates/assets/search.js under Node on the built search
index (skipped without `node`). Results go to Benchmarks/results.md. Then the privacy case runs
(Benchmarks/privacy_bench.py), and the guard runs a clean build of a small corpus under
`valgrind --tool=callgrind`, compares the instruction count with Benchmarks/budget.json (the bench fails when it
exceeds the budget by more than the tolerance) and writes the profile's top functions to Benchmarks/profile.md.

Environment:
  BENCH_SIZES="100 1000 5000"  corpus sizes (organisations)
  BENCH_RUNS=3                 timed interleaved rounds per size, after one warm-up round
  BENCH_SEED=1                 corpus seed
  BENCH_TIMEOUT=1800           seconds; a run taking longer is stopped (and that measurement not run again at
                               this size), and a measurement whose time extrapolated linearly from the previous
                               size exceeds it is skipped
  BENCH_LONG=120               seconds; the earlier Hugo layout (a reference row only), when its warm-up takes
                               longer, is timed in the first round only (5000 organisations: 414 s a run)
  BENCH_LEGACY_SIZES="..."     sizes at which the earlier Hugo layout is measured (default: every size); at
                               5000 organisations its warm-up and one round take about 14 minutes
  BENCH_CALLGRIND_SIZE=20      corpus size of the instruction-count guard; BENCH_CALLGRIND=0 skips it
  BENCH_RECORD_BUDGET=1        write the measured instruction count to budget.json as the new budget
  BENCH_SETTLE=70              seconds waited after deleting a size's outputs (see settle())
  BENCH_ONLY=privacy           run only the personal-data scan's case (Benchmarks/privacy_bench.py: one 5 MB
                               page with 100,000 mobile numbers), which every full run also runs at its end;
                               its results go to Benchmarks/results-privacy.md; BENCH_PRIVACY=0 leaves it out
  BENCH_ONLY=images            run only the photos' case (Benchmarks/images_bench.py: one 3–4 MB phone-sized JPEG
                               per example), which every full run also runs; its results go to
                               Benchmarks/results-images.md; BENCH_IMAGES=0 leaves it out
  BENCH_IMAGE_SIZES=1000       corpus sizes (organisations) of the photos' case
  BENCH_IMAGE_RUNS=1           timed runs of each of its builds
"""

import datetime as dt
import hashlib
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time

import serve_bench

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
WORK = os.path.join(HERE, "work")
GENERATOR = os.path.join(HERE, "make_corpus.py")
SENTENCES = "/work/shared/domain/seeds/004_c3eff5539b8ddfe1.txt"  # make_corpus.py's default sentence source
BUDGET = os.path.join(HERE, "budget.json")
RESULTS = os.path.join(HERE, "results.md")
PROFILE = os.path.join(HERE, "profile.md")
AS_OF = "2026-11-21"

SIZES = [int(s) for s in os.environ.get("BENCH_SIZES", "100 1000 5000").split()]
RUNS = int(os.environ.get("BENCH_RUNS", "3"))
SEED = int(os.environ.get("BENCH_SEED", "1"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "1800"))
LONG = float(os.environ.get("BENCH_LONG", "120"))
CALLGRIND_SIZE = int(os.environ.get("BENCH_CALLGRIND_SIZE", "20"))
CALLGRIND = os.environ.get("BENCH_CALLGRIND", "1") != "0"
RECORD_BUDGET = os.environ.get("BENCH_RECORD_BUDGET") == "1"
SETTLE = float(os.environ.get("BENCH_SETTLE", "70"))
ONLY = os.environ.get("BENCH_ONLY", "")
LEGACY_SIZES = [int(s) for s in os.environ.get("BENCH_LEGACY_SIZES", " ".join(map(str, SIZES))).split()]
PRIVACY = os.environ.get("BENCH_PRIVACY", "1") != "0"
PRIVACY_RESULTS = os.path.join(HERE, "results-privacy.md")
IMAGES = os.environ.get("BENCH_IMAGES", "1") != "0"
IMAGE_SIZES = [int(s) for s in os.environ.get("BENCH_IMAGE_SIZES", "1000").split()]
IMAGE_RUNS = int(os.environ.get("BENCH_IMAGE_RUNS", "1"))
IMAGES_RESULTS = os.path.join(HERE, "results-images.md")

SEARCH_QUERIES = ["党费", "环境卫生", "王芳", "王芳书记", "王芳 书记", "电梯加装", "党员 服务群众"]
SEARCH_BUDGET_KB = 300
# search.js's own loader when it exports makeLoader (over a fetch that reads the built files and counts their
# bytes), else a loader of the index layout it has today (meta, facets, shards/N.json, docs/N.json).
SEARCH_DRIVER = r"""
const api = require(process.argv[2]);
const fs = require('fs');
const path = require('path');
const dir = process.argv[3];
let bytes = 0;
const readFile = (file) => {
  const data = fs.readFileSync(path.join(dir, file));
  bytes += data.length;
  return data;
};
const read = async (file) => JSON.parse(readFile(file).toString('utf8'));
const base = 'http://bench.invalid/search/';
globalThis.fetch = async (href) => {
  const file = decodeURIComponent(new URL(href).pathname.slice('/search/'.length));
  const data = readFile(file);
  return { ok: true, status: 200, json: async () => JSON.parse(data.toString('utf8')) };
};
const makeLoader = () => api.makeLoader ? api.makeLoader(new URL(base)) : {
  meta: () => read('meta.json'), facets: () => read('facets.json'),
  shard: (n) => read('shards/' + n + '.json'), docs: (f) => read('docs/' + f + '.json')
};
(async () => {
  const out = [];
  for (const q of JSON.parse(process.argv[4])) {
    bytes = 0;
    const o = await api.runSearch(makeLoader(), { q: q, kind: '', branch: '', year: '', page: 1 });
    out.push({ q: q, total: o.total, bytes: bytes });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
"""

# The order of one interleaved round (check first: it validates the corpus before anything is timed).
ORDER = ["check", "clean", "hugo", "incremental", "serve", "hugo_legacy"]
LABELS = {
    "check": "gongshi check",
    "clean": "gongshi 全量生成",
    "hugo": "Hugo（专家布局）",
    "incremental": "gongshi 增量生成（改一个文件）",
    "serve_start": "gongshi serve 启动",
    "serve_save": "gongshi serve 保存到显示",
    "hugo_legacy": "Hugo（旧布局：每页 GetTerms + relativeURLs）",
}
# Measurements that are a reference only: timed in the first round when their warm-up exceeds BENCH_LONG.
REFERENCE = {"hugo_legacy"}


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def fail(message):
    log("错误：" + message)
    sys.exit(1)


# ---------------------------------------------------------------- tools


def ensure_package(command, package):
    """Installs a Debian package providing `command` when it is missing (as root), else stops."""
    if shutil.which(command) or os.path.exists(command):
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        fail(f"缺少 {command}；请先运行：sudo apt-get install -y {package}")
    log(f"安装 {package}")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    install = ["apt-get", "install", "-y", "-qq", package]
    if subprocess.run(install, env=env, stdout=subprocess.DEVNULL).returncode != 0:
        subprocess.run(["apt-get", "update", "-qq"], env=env, check=True)
        subprocess.run(install, env=env, stdout=subprocess.DEVNULL, check=True)


def build_release():
    """`swift build -c release --product gongshi`; returns the binary's path."""
    command = ["swift", "build", "-c", "release", "--product", "gongshi"]
    log("编译发布版：" + " ".join(command))
    started = time.monotonic()
    if subprocess.run(command, cwd=ROOT).returncode != 0:
        # A source file saved during the build makes SwiftPM stop; one retry covers that.
        log("编译失败，重试一次")
        if subprocess.run(command, cwd=ROOT).returncode != 0:
            fail("编译发布版失败")
    log(f"编译用时 {time.monotonic() - started:.0f} 秒")
    path = subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, capture_output=True,
                          text=True, check=True)
    return os.path.join(path.stdout.strip(), "gongshi")


def first_line(command):
    try:
        out = subprocess.run(command, capture_output=True, text=True).stdout.strip()
        return out.splitlines()[0] if out else "?"
    except OSError:
        return "?"


def load():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def machine():
    """nproc, memory, CPU model, tool versions, date and load: the facts results.md starts with."""
    cpu = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        memory = int(f.readline().split()[1]) / 1024 / 1024
    return {
        "date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"),
        "nproc": os.cpu_count(),
        "memory": f"{memory:.1f} GiB",
        "cpu": cpu,
        "kernel": platform.release(),
        "swift": first_line(["swift", "--version"]),
        "hugo": first_line(["hugo", "version"]),
        "load": load(),
    }


# ---------------------------------------------------------------- corpora


def digest(path):
    if not os.path.isfile(path):
        return None
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def corpus(size):
    """Generates (or reuses) the corpus of `size` organisations; returns (gongshi dir, Hugo expert dir, Hugo legacy
    dir)."""
    base = os.path.join(WORK, f"corpus-{size}-seed{SEED}")
    paths = [os.path.join(base, name) for name in ("gongshi", "hugo", "hugo-legacy")]
    stamp_path = os.path.join(base, "stamp.json")
    stamp = {"generator": digest(GENERATOR), "sentences": digest(SENTENCES), "size": size, "seed": SEED}
    if os.path.isfile(stamp_path):
        with open(stamp_path) as f:
            if json.load(f) == stamp:
                log(f"沿用语料 {base}")
                return paths
    log(f"生成语料：{size} 个组织")
    os.makedirs(base, exist_ok=True)
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    source, hugo, legacy = paths
    subprocess.run([sys.executable, GENERATOR, source, "--branches", str(size), "--seed", str(SEED), "--hugo", hugo,
                    "--hugo-legacy", legacy], check=True)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    return paths


def count_files(directory):
    return sum(len(files) for _, _, files in os.walk(directory))


def tree_size(directory):
    """(files, bytes) under directory (symbolic links not followed; a hard-linked file counts each time)."""
    files = size = 0
    for folder, _, names in os.walk(directory):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(folder, name)).st_size
    return files, size


def touched_disclosure(source):
    """The first 社会公开 disclosure by file name: the file the incremental build and serve edit."""
    folder = os.path.join(source, "content", "disclosures")
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if "scope: 社会公开" in open(path, encoding="utf-8").read():
            return path
    fail("语料中没有社会公开的党务公开事项")


def page_of(site, doc_id):
    """The URL path (relative to the site's root) of the page built for doc_id: disclosures/<id>/ today, else the
    first folder named doc_id holding an index.html."""
    if os.path.isfile(os.path.join(site, "disclosures", doc_id, "index.html")):
        return f"disclosures/{doc_id}/"
    for folder, dirs, files in os.walk(site):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        if os.path.basename(folder) == doc_id and "index.html" in files:
            return os.path.relpath(folder, site) + "/"
    fail(f"生成的网站中没有 {doc_id} 的页面")


# ---------------------------------------------------------------- timing


class Timeout(Exception):
    pass


def timed(command):
    """Runs command under /usr/bin/time; returns (wall, cpu, rss_kb). Raises Timeout after TIMEOUT."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as out:
        wrapped = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", out.name] + command
        process = subprocess.Popen(wrapped, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                                   start_new_session=True)
        try:
            _, stderr = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.communicate()
            raise Timeout()
        if process.returncode != 0:
            tail = "\n".join(stderr.splitlines()[-15:])
            fail(f"命令失败（退出码 {process.returncode}）：{' '.join(command)}\n{tail}")
        wall, user, system, rss = open(out.name).read().split()[-4:]
        return float(wall), float(user) + float(system), int(rss)


class Measurement:
    """One measurement's timed runs at one size, reported as medians (None when skipped or stopped)."""

    def __init__(self, name, size):
        self.name, self.size = name, size
        self.walls, self.cpus, self.rsss = [], [], []
        self.warm = None
        self.stopped = False
        self.notes = []

    def add(self, run):
        wall, cpu, rss = run
        self.walls.append(wall), self.cpus.append(cpu), self.rsss.append(rss)

    def stop(self, note):
        """No further runs at this size; the runs already timed stay."""
        self.stopped = True
        self.notes.append(note)
        log(f"{self.size} {LABELS[self.name]}：{note}")

    @property
    def note(self):
        return "；".join(self.notes)

    @property
    def ok(self):
        return bool(self.walls)

    @property
    def wall(self):
        return statistics.median(self.walls) if self.walls else None

    @property
    def cpu(self):
        return statistics.median(self.cpus) if self.cpus else None

    @property
    def rss(self):
        return statistics.median(self.rsss) if self.rsss else None


def settle(paths):
    """Deletes earlier outputs, then waits SETTLE seconds before anything is timed again. ext4 does not reuse
    the inodes of files deleted in the last minute (five while their table is dirty): creating files right after
    deleting a site made a 1000-organisation build spend 20-27 s instead of 3 s in the kernel."""
    for path in paths:
        shutil.rmtree(path, ignore_errors=True)
    subprocess.run(["sync"])
    if SETTLE > 0:
        log(f"删除旧输出后等待 {SETTLE:.0f} 秒")
        time.sleep(SETTLE)


class SizeBench:
    """The interleaved measurements at one size. Every clean build, Hugo run and serve writes a new folder, and
    the folders are deleted only after the size's last round (see settle)."""

    def __init__(self, gongshi, size, tmp, previous):
        self.gongshi, self.size, self.tmp, self.previous = gongshi, size, tmp, previous
        self.source, self.hugo_source, self.legacy_source = corpus(size)
        self.numbers = iter(range(1, 100000))
        self.outputs = []
        self.latest = {}
        self.facts = {"files": count_files(os.path.join(self.source, "content"))}
        self.results = {name: Measurement(name, size) for name in LABELS}
        self.target = touched_disclosure(self.source)
        self.doc_id = os.path.splitext(os.path.basename(self.target))[0]
        self.original = open(self.target, encoding="utf-8").read()
        self.page = None

    def fresh(self, prefix):
        path = os.path.join(self.tmp, f"{prefix}-{self.size}-{next(self.numbers)}")
        # gongshi keeps releases, staging and the lock in .<name>.gongshi/ beside the output.
        self.outputs.extend([path, os.path.join(self.tmp, f".{os.path.basename(path)}.gongshi")])
        return path

    def append_line(self, text):
        with open(self.target, "a", encoding="utf-8") as f:
            f.write(f"\n{text}\n")

    # -- one run of each measurement; each returns (wall, cpu, rss_kb)

    def run_check(self):
        return timed([self.gongshi, "check", "--source", self.source, "--as-of", AS_OF])

    def run_clean(self):
        out, cache = self.fresh("site"), self.fresh("cache")
        run = timed([self.gongshi, "build", "--source", self.source, "--clean", "--keep", "0", "--cache", cache,
                     "--output", out, "--as-of", AS_OF])
        self.latest["site"], self.latest["cache"] = out, cache
        return run

    def run_hugo(self, source, prefix):
        out = self.fresh(prefix)
        cache = os.path.join(self.tmp, f"{prefix}-cache")
        self.outputs.append(cache)
        run = timed(["hugo", "--source", source, "--destination", out, "--cacheDir", cache, "--quiet"])
        self.latest[prefix] = out
        return run

    def setup_incremental(self):
        """The site the incremental builds update: built once, untimed, like last night's build."""
        self.incremental_site, self.incremental_cache = self.fresh("incremental"), self.fresh("incremental-cache")
        self.report = os.path.join(self.tmp, f"report-{self.size}.json")
        command = [self.gongshi, "build", "--source", self.source, "--keep", "1", "--cache", self.incremental_cache,
                   "--output", self.incremental_site, "--as-of", AS_OF]
        timed(command)
        self.incremental_command = command + ["--report", self.report]

    def run_incremental(self):
        # --keep 1: like a nightly build, each run archives the site it replaced and does away with the oldest
        # release, which it recycles as its staging folder (from the second run on; the warm-up is the first).
        self.append_line(f"基准测试第 {next(self.numbers)} 次修改：补充一行说明。")
        run = timed(self.incremental_command)
        try:
            pages = json.load(open(self.report)).get("pages", {})
            self.incremental_files = f"新写 {pages.get('written', '?')} 个文件，沿用 {pages.get('reused', '?')} 个"
        except (OSError, ValueError, AttributeError):
            self.incremental_files = ""
        return run

    def run_serve(self):
        if self.page is None:
            self.page = page_of(self.incremental_site, self.doc_id)
        folder = self.fresh("serve")
        marker = f"基准测试预览第 {next(self.numbers)} 次修改：补充一行说明。"
        return serve_bench.run(self.gongshi, self.source, AS_OF, self.page, self.target, marker, folder, TIMEOUT)

    # -- the rounds

    def skip_by_extrapolation(self, name):
        previous = self.previous.get(name)
        if previous is not None and previous.ok:
            predicted = previous.wall * self.size / previous.size
            if predicted > TIMEOUT:
                self.results[name].stop(f"跳过：按 {previous.size} 个组织的 {previous.wall:.1f} 秒线性外推约 "
                                        f"{predicted:.0f} 秒，超过 {TIMEOUT:.0f} 秒")

    def one(self, name, round_number):
        """Runs measurement `name` once in round round_number (0: the warm-up)."""
        names = ["serve_start", "serve_save"] if name == "serve" else [name]
        if any(self.results[n].stopped for n in names):
            return
        if name in REFERENCE and round_number > 1 and self.results[name].warm > LONG:
            return
        runner = {"check": self.run_check, "clean": self.run_clean, "incremental": self.run_incremental,
                  "serve": self.run_serve, "hugo": lambda: self.run_hugo(self.hugo_source, "hugo"),
                  "hugo_legacy": lambda: self.run_hugo(self.legacy_source, "hugo-legacy")}[name]
        try:
            run = runner()
        except Timeout:
            for n in names:
                self.results[n].stop(f"超时：一次运行超过 {TIMEOUT:.0f} 秒，已停止")
            return
        except serve_bench.ServeFailure as error:
            for n in names:
                self.results[n].stop(f"失败：{str(error).splitlines()[0]}")
            log(str(error))
            return
        runs = {"serve_start": run["start"], "serve_save": run["save"]} if name == "serve" else {name: run}
        for n, (wall, cpu, rss) in runs.items():
            m = self.results[n]
            if round_number == 0:
                m.warm = wall
                log(f"{self.size} {LABELS[n]}：预热 {wall:.2f} 秒")
            else:
                m.add((wall, cpu, rss))
                log(f"{self.size} {LABELS[n]}：第 {round_number} 轮 墙钟 {wall:.2f} 秒，CPU {cpu:.2f} 秒，"
                    f"峰值内存 {rss / 1024:.0f} MB")

    def run(self):
        """The warm-up round and RUNS timed rounds; returns ({name: Measurement}, facts)."""
        for name in ORDER:
            for n in (["serve_start", "serve_save"] if name == "serve" else [name]):
                self.skip_by_extrapolation(n)
        if self.size not in LEGACY_SIZES and not self.results["hugo_legacy"].stopped:
            self.results["hugo_legacy"].stop("未测（BENCH_LEGACY_SIZES 不含这个规模；仅供参考的一行）")
        try:
            try:
                self.setup_incremental()
            except Timeout:
                for n in ("incremental", "serve_start", "serve_save"):
                    self.results[n].stop(f"跳过：为增量生成准备网站的一次生成超过 {TIMEOUT:.0f} 秒")
            for round_number in range(RUNS + 1):
                log(f"{self.size} 个组织：{'预热' if round_number == 0 else f'第 {round_number}/{RUNS} 轮'}")
                for name in ORDER:
                    self.one(name, round_number)
        finally:
            with open(self.target, "w", encoding="utf-8") as f:
                f.write(self.original)
        self.describe()
        settle(self.outputs)
        return self.results, self.facts

    def describe(self):
        """Facts of the last round's outputs: files and bytes written, search downloads, notes."""
        r = self.results
        if r["incremental"].ok and getattr(self, "incremental_files", ""):
            r["incremental"].notes.insert(0, self.incremental_files)
        legacy = r["hugo_legacy"]
        if legacy.ok and legacy.warm is not None and legacy.warm > LONG:
            legacy.notes.append(f"只测 1 轮（预热超过 {LONG:.0f} 秒；仅供参考的一行）")
        for key, prefix in (("gongshi", "site"), ("hugo", "hugo"), ("hugo_legacy", "hugo-legacy")):
            if prefix in self.latest:
                self.facts[key] = tree_size(self.latest[prefix])
        if "cache" in self.latest:
            self.facts["cache"] = tree_size(self.latest["cache"])
        if "site" in self.latest:
            self.facts["search"] = search_downloads(self.latest["site"])


# ---------------------------------------------------------------- instruction-count guard


def callgrind(gongshi, tmp):
    """Instruction count of a clean build of the guard corpus, and the profile's annotated lines."""
    ensure_package("valgrind", "valgrind")
    source = corpus(CALLGRIND_SIZE)[0]
    # Valgrind 3.19 cannot read the DWARF 5 debug info of the Swift toolchain's output; the symbol
    # table (all a function-level profile needs) survives stripping the debug sections.
    binary = os.path.join(tmp, "gongshi-nodebug")
    subprocess.run(["objcopy", "--strip-debug", gongshi, binary], check=True)
    data = os.path.join(tmp, "callgrind.out")
    command = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={data}", binary, "build", "--source", source,
               "--clean", "--keep", "0", "--cache", os.path.join(tmp, "cg-cache"), "--output",
               os.path.join(tmp, "cg-site"), "--as-of", AS_OF]
    log(f"callgrind：{CALLGRIND_SIZE} 个组织的全量生成（比原生慢约 50–100 倍）")
    started = time.monotonic()
    # Deterministic hashing keeps Dictionary order, and so the instruction count, stable between runs.
    env = dict(os.environ, SWIFT_DETERMINISTIC_HASHING="1")
    result = subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if result.returncode != 0:
        fail("callgrind 运行失败：\n" + "\n".join(result.stderr.splitlines()[-15:]))
    seconds = time.monotonic() - started
    total = None
    with open(data) as f:
        for line in f:
            if line.startswith(("summary:", "totals:")):
                total = int(line.split()[1])
    annotate = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", data],
                              capture_output=True, text=True, check=True).stdout
    self_annotate = subprocess.run(["callgrind_annotate", "--threshold=100", data],
                                   capture_output=True, text=True, check=True).stdout
    log(f"callgrind：{total:,} 条指令，用时 {seconds:.0f} 秒")
    return total, seconds, demangle(annotate), demangle(self_annotate)


def demangle(text):
    tool = shutil.which("swift-demangle")
    command = [tool, "--simplified"] if tool else ["swift", "demangle", "--simplified"]
    result = subprocess.run(command, input=text, capture_output=True, text=True)
    return result.stdout if result.returncode == 0 else text


# Frames that merely contain the whole run: the process entry, the async runtime and the command.
# Also the thread-pool frames that contain every parallel stage (libdispatch's apply, concurrentMap) and the
# "partial apply for" forwarders, listed right beside the function they forward to.
ENTRY = re.compile(r"^\(below main\)$|^main$|gongshi_main|async_Main|__libc_start|^0x[0-9a-f]+$|swift_job_run|"
                   r"runJobInEstablishedExecutorContext|future_adapter|thunk for @escaping|ParsableCommand\.run|"
                   r"^Build\.run|SiteBuilder\.build\(|_dispatch_|dispatch_apply|swift_dispatch|concurrentPerform|"
                   r"concurrentMap|^partial apply for |thunk for @callee_guaranteed|start_thread|_dispatch_worker")


def top_functions(annotated, count=10, skip_entry=True):
    """(cost, function, object) rows of callgrind_annotate output, best first.

    Recursion levels (`f'2`) double-count and are dropped; with skip_entry, so are the entry frames.
    """
    rows = []
    pattern = re.compile(r"^\s*([\d,]+) \([\d. %]+\)\s+(.*?):(.*) \[(.*)\]$")
    for line in annotated.splitlines():
        match = pattern.match(line)
        if not match:
            continue
        cost, function, binary = int(match.group(1).replace(",", "")), match.group(3), os.path.basename(match.group(4))
        if re.search(r"'\d+$", function) or (skip_entry and ENTRY.search(function)):
            continue
        if len(function) > 120:
            function = function[:117] + "..."
        rows.append((cost, function, "gongshi" if binary == "gongshi-nodebug" else binary))
    rows.sort(key=lambda row: -row[0])
    return rows[:count]


def guard(total):
    """Compares total with the budget; returns (verdict line, passed)."""
    if RECORD_BUDGET or not os.path.isfile(BUDGET):
        budget = {
            "corpus": {"branches": CALLGRIND_SIZE, "seed": SEED},
            "instructions": total,
            "tolerance": 0.10,
            "recorded": dt.date.today().isoformat(),
            "note": "Instruction count (callgrind Ir) of `gongshi build --clean` on the corpus above; "
                    "make bench fails when a build needs more than instructions × (1 + tolerance). "
                    "Lower it after an optimisation with BENCH_RECORD_BUDGET=1 make bench.",
        }
        with open(BUDGET, "w") as f:
            json.dump(budget, f, ensure_ascii=False, indent=2)
            f.write("\n")
        return f"已把 {total:,} 条指令记录为预算（{BUDGET_NAME}）", True
    budget = json.load(open(BUDGET))
    if budget["corpus"] != {"branches": CALLGRIND_SIZE, "seed": SEED}:
        return f"预算是按 {budget['corpus']} 记录的，本次语料不同，未比较", True
    limit = budget["instructions"] * (1 + budget["tolerance"])
    change = total / budget["instructions"] - 1
    line = f"{total:,} 条指令，预算 {budget['instructions']:,}（{change:+.1%}，上限 +{budget['tolerance']:.0%}）"
    if total > limit:
        return line + "：超出预算", False
    if change < -budget["tolerance"]:
        line += "；比预算少很多，可以用 BENCH_RECORD_BUDGET=1 make bench 降低预算"
    return line + "：通过", True


BUDGET_NAME = "Benchmarks/budget.json"


# ---------------------------------------------------------------- report


def seconds(value):
    return "—" if value is None else f"{value:.2f}"


def megabytes(kb):
    return "—" if kb is None else f"{kb / 1024:.0f}"


def ratio(a, b):
    return None if a is None or b is None or b == 0 else a / b


def verdict(value, limit):
    if value is None:
        return "—"
    return f"{value:.2f} {'✓ 达到' if value <= limit else '✗ 未达到'}"


def plain(value):
    return "—" if value is None else f"{value:.2f}"


def search_downloads(site):
    """What the first result page of each of SEARCH_QUERIES downloads from `site`'s search index (meta, the shards
    it needs, the documents shown), run through search.js itself; a list of {q, total, bytes}, None without node."""
    node = shutil.which("node")
    if not node:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f:
        f.write(SEARCH_DRIVER)
    try:
        result = subprocess.run([node, f.name, os.path.join(ROOT, "templates", "assets", "search.js"),
                                 os.path.join(site, "search"), json.dumps(SEARCH_QUERIES, ensure_ascii=False)],
                                capture_output=True, text=True)
    finally:
        os.unlink(f.name)
    if result.returncode != 0:
        log("搜索下载量未能测量：\n" + "\n".join(result.stderr.splitlines()[-10:]))
        return None
    return json.loads(result.stdout)


SIZE_ROWS = ["clean", "hugo", "hugo_legacy", "incremental", "serve_start", "serve_save", "check"]


def measurement_table(all_results, facts):
    lines = [
        "| 组织数 | 内容文件 | 测量 | 墙钟（秒） | CPU user+sys（秒） | 峰值内存（MB） | 次数 | 说明 |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for size, results in all_results.items():
        for name in SIZE_ROWS:
            m = results[name]
            lines.append(f"| {size} | {facts[size]['files']} | {LABELS[name]} | {seconds(m.wall)} | "
                         f"{seconds(m.cpu)} | {megabytes(m.rss)} | {len(m.walls)} | {m.note} |")
    return "\n".join(lines)


def target_table(all_results):
    lines = [
        "| 组织数 | 全量/Hugo 墙钟（目标 ≤ 1.0） | 峰值内存 全量/Hugo（目标 ≤ 0.25） | 增量/全量 墙钟（目标 ≤ 0.10） | "
        "serve 保存到显示/全量 墙钟（目标 ≤ 0.05） |",
        "| ---: | --- | --- | --- | --- |",
    ]
    for size, r in all_results.items():
        lines.append(
            f"| {size} | {verdict(ratio(r['clean'].wall, r['hugo'].wall), 1.0)} | "
            f"{verdict(ratio(r['clean'].rss, r['hugo'].rss), 0.25)} | "
            f"{verdict(ratio(r['incremental'].wall, r['clean'].wall), 0.10)} | "
            f"{verdict(ratio(r['serve_save'].wall, r['clean'].wall), 0.05)} |")
    return "\n".join(lines)


def reference_table(all_results):
    lines = [
        "| 组织数 | 全量/Hugo CPU | 全量/Hugo 墙钟（长期目标 ≤ 0.25） | 全量/Hugo 旧布局 墙钟 | Hugo 旧布局/专家布局 墙钟 | "
        "serve 启动/全量 墙钟 | check/全量 墙钟（此前的目标 ≤ 0.33） |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for size, r in all_results.items():
        lines.append(
            f"| {size} | {plain(ratio(r['clean'].cpu, r['hugo'].cpu))} | {plain(ratio(r['clean'].wall, r['hugo'].wall))} | "
            f"{plain(ratio(r['clean'].wall, r['hugo_legacy'].wall))} | "
            f"{plain(ratio(r['hugo_legacy'].wall, r['hugo'].wall))} | "
            f"{plain(ratio(r['serve_start'].wall, r['clean'].wall))} | "
            f"{verdict(ratio(r['check'].wall, r['clean'].wall), 1 / 3)} |")
    return "\n".join(lines)


GROWTH = [("clean", "wall", "gongshi 全量生成 墙钟", True), ("clean", "cpu", "gongshi 全量生成 CPU", True),
          ("clean", "rss", "gongshi 全量生成 峰值内存", True), ("incremental", "wall", "gongshi 增量生成 墙钟", True),
          ("serve_save", "wall", "gongshi serve 保存到显示 墙钟", True), ("check", "wall", "gongshi check 墙钟", True),
          ("hugo", "wall", "Hugo（专家布局）墙钟", False), ("hugo_legacy", "wall", "Hugo（旧布局）墙钟", False)]


def growth_table(all_results):
    """(value at b / value at a) / (b / a) for each pair of consecutive sizes: 1.0 is linear growth."""
    sizes = list(all_results)
    pairs = list(zip(sizes, sizes[1:]))
    if not pairs:
        return ""
    header = " | ".join(f"{a}→{b}（内容 ×{b / a:g}）" for a, b in pairs)
    lines = [f"| 增长（相对线性；≤ 1.0 为不超过线性） | {header} |", "| --- |" + " --- |" * len(pairs)]
    for name, field, label, judged in GROWTH:
        cells = []
        for a, b in pairs:
            value = ratio(ratio(getattr(all_results[b][name], field), getattr(all_results[a][name], field)), b / a)
            cells.append(verdict(value, 1.0) if judged else plain(value))
        lines.append(f"| {label}{'' if judged else '（参考）'} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def mebibytes(count):
    return f"{count / 1024 / 1024:.1f}"


def output_table(facts):
    lines = [
        "| 组织数 | gongshi 文件数 | gongshi 字节（MiB） | Hugo 文件数 | Hugo 字节（MiB） | 旧布局 Hugo 文件数 | "
        "旧布局 Hugo 字节（MiB） | 文件数 gongshi/Hugo | 字节 gongshi/Hugo | gongshi 缓存 文件数（MiB） |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, f in facts.items():
        g, h, l, c = (f.get(key) for key in ("gongshi", "hugo", "hugo_legacy", "cache"))
        cell = lambda pair, i: "—" if pair is None else (f"{pair[0]}" if i == 0 else mebibytes(pair[1]))
        lines.append(
            f"| {size} | {cell(g, 0)} | {cell(g, 1)} | {cell(h, 0)} | {cell(h, 1)} | {cell(l, 0)} | {cell(l, 1)} | "
            f"{plain(ratio(g and g[0], h and h[0]))} | {plain(ratio(g and g[1], h and h[1]))} | "
            f"{'—' if c is None else f'{c[0]}（{mebibytes(c[1])}）'} |")
    return "\n".join(lines)


def search_lines(facts):
    lines = []
    for size, f in facts.items():
        if not f.get("search"):
            continue
        worst = max(r["bytes"] for r in f["search"]) / 1024
        each = "；".join(f"“{r['q']}” {r['bytes'] / 1024:.1f} KB（{r['total']} 条）" for r in f["search"])
        within = f"✓ 在 {SEARCH_BUDGET_KB} KB 预算内" if worst <= SEARCH_BUDGET_KB else f"✗ 超出 {SEARCH_BUDGET_KB} KB 预算"
        lines.append(f"- {size} 个组织：{each}。最多 {worst:.1f} KB，{within}")
    return "\n".join(lines) if lines else "- 未测量（没有 node，或测量失败）"


def tables(all_results, facts):
    parts = [
        "## 测量（中位数）", measurement_table(all_results, facts),
        "## 对照议题 14 第 7 项的目标（同一次运行中的比值）", target_table(all_results),
        "## 参考比值", reference_table(all_results),
        "## 增长", growth_table(all_results) or "（只测了一个规模）",
        "## 写出的文件和字节（最后一轮的输出）", output_table(facts),
        f"## 搜索：第一页结果的下载量（每次查询，预算 {SEARCH_BUDGET_KB} KB）", search_lines(facts),
    ]
    return "\n\n".join(parts)


def write_results(info, table, facts, guard_line, elapsed):
    text = f"""# 基准测试结果

由 `make bench`（`Benchmarks/run.py`）生成，{info['date']}，全程 {elapsed / 60:.1f} 分钟。

- 机器：{info['nproc']} 核，内存 {info['memory']}，CPU {info['cpu']}，Linux {info['kernel']}；负载（1、5、15 分钟平均）开始时 {info['load']}，结束时 {load()}。机器上有别的任务时墙钟时间偏大，CPU 时间受影响较小
- {info['swift']}；{info['hugo']}
- 交错测量：先预热一轮，再测 {RUNS} 轮，每轮依次运行 check、全量生成、Hugo（专家布局）、增量生成、serve、Hugo（旧布局），表中是各轮的中位数（旧布局的预热超过 {LONG:.0f} 秒时只测第 1 轮）。生成用 `/usr/bin/time` 记录墙钟、CPU（user+sys）和峰值内存（最大常驻集）；serve 的 CPU 和峰值内存取自 `/proc`。
- 语料：`Benchmarks/make_corpus.py --seed {SEED}`，每个组织 19 个内容文件；gongshi 用程序内置的默认模板，数据截至 {AS_OF}。“Hugo”是专家布局（每个组织一个普通的 taxonomy 列表页，页面不逐页查 `.GetTerms`，不用 `relativeURLs`）；“旧布局”是此前基准用的布局，只作参考。
- 增量生成：同一个网站，每轮在同一个党务公开事项末尾加一行，带缓存重新生成（`--keep 1`）。serve：`gongshi serve --port 0` 启动到这个事项的页面第一次返回 200 为“启动”；然后在它的正文末尾加一行，每 20 毫秒经 127.0.0.1 取一次页面，到页面含有这一行为“保存到显示”（CPU 是这段时间内 serve 进程的 CPU）。

{table}

## 指令数（回归保护）

callgrind，{CALLGRIND_SIZE} 个组织的全量生成：{guard_line}
"""
    with open(RESULTS, "w", encoding="utf-8") as f:
        f.write(text)


def write_profile(total, seconds_taken, inclusive, exclusive):
    def rows(items):
        return "\n".join(f"| {i} | {cost / total:.1%} | `{function}` | {binary} |"
                         for i, (cost, function, binary) in enumerate(items, 1))

    text = f"""# 性能剖析：gongshi 全量生成

由 `make bench`（`Benchmarks/run.py`）写出：`valgrind --tool=callgrind` 运行发布版 gongshi
（去掉调试信息的副本：Valgrind 3.19 读不了 Swift 工具链的 DWARF 5）对 {CALLGRIND_SIZE} 个组织的语料做
`build --clean`，共 {total:,} 条指令（callgrind 下用时 {seconds_taken:.0f} 秒）。百分比是占全部指令的比例。

## 包含子调用的开销（inclusive）前 10 名

不列只是包住整个运行的入口（main、异步运行时、`Build.run()`、`SiteBuilder.build(_:)`）、包住各个并行阶段的线程池帧（libdispatch 的 apply、`concurrentMap`）、“partial apply for”转发帧和递归的重复层次。

| # | 指令占比 | 函数 | 所在文件 |
| ---: | ---: | --- | --- |
{rows(top_functions(inclusive))}

## 自身开销（self）前 10 名

| # | 指令占比 | 函数 | 所在文件 |
| ---: | ---: | --- | --- |
{rows(top_functions(exclusive, skip_entry=False))}
"""
    write_profile_part(text)


PROFILE_END = "<!-- 以上由 make bench 写出；以下各节是手工剖析，make bench 不改动 -->"


def write_profile_part(text):
    """Replaces the part of profile.md that `make bench` writes (up to PROFILE_END) and keeps the hand-written
    sections after it (the load and render stages' perf profiles)."""
    kept = ""
    if os.path.exists(PROFILE):
        with open(PROFILE, encoding="utf-8") as f:
            old = f.read()
        if PROFILE_END in old:
            kept = old.split(PROFILE_END, 1)[1]
    with open(PROFILE, "w", encoding="utf-8") as f:
        f.write(text.rstrip("\n") + "\n\n" + PROFILE_END + kept)


def bench_privacy(gongshi, tmp):
    """The personal-data scan's case (see Benchmarks/privacy_bench.py)."""
    sys.path.insert(0, HERE)
    import privacy_bench
    privacy_bench.run(gongshi, tmp, timed, log, RUNS, AS_OF, PRIVACY_RESULTS)
    log("个人信息扫描的结果写入 Benchmarks/results-privacy.md")


def bench_images(gongshi, tmp):
    """The photos' case (see Benchmarks/images_bench.py)."""
    sys.path.insert(0, HERE)
    import images_bench
    ensure_package("vips", "libvips-tools")
    ensure_package("exiftool", "libimage-exiftool-perl")
    images_bench.run(gongshi, tmp, timed, log, corpus, IMAGE_SIZES, IMAGE_RUNS, AS_OF, IMAGES_RESULTS)
    log("照片的结果写入 Benchmarks/results-images.md")


def main():
    started = time.monotonic()
    if ONLY == "images":
        ensure_package("/usr/bin/time", "time")
        gongshi = build_release()
        tmp = tempfile.mkdtemp(prefix="gongshi-bench-")
        try:
            bench_images(gongshi, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    if ONLY == "privacy":
        ensure_package("/usr/bin/time", "time")
        gongshi = build_release()
        tmp = tempfile.mkdtemp(prefix="gongshi-bench-")
        try:
            bench_privacy(gongshi, tmp)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
        return
    ensure_package("/usr/bin/time", "time")
    ensure_package("hugo", "hugo")
    ensure_package("node", "nodejs")
    gongshi = build_release()
    info = machine()
    log(f"机器：{info['nproc']} 核，{info['memory']}，{info['cpu']}，负载 {info['load']}；规模 {SIZES}，预热一轮后交错测 {RUNS} 轮")
    tmp = tempfile.mkdtemp(prefix="gongshi-bench-")
    all_results, facts, previous = {}, {}, {}
    passed, guard_line = True, "未运行（BENCH_CALLGRIND=0）"
    try:
        for size in sorted(SIZES):
            all_results[size], facts[size] = SizeBench(gongshi, size, tmp, previous).run()
            previous.update({name: m for name, m in all_results[size].items() if m.ok})
        if PRIVACY:
            bench_privacy(gongshi, tmp)
        if IMAGES:
            bench_images(gongshi, tmp)
        if CALLGRIND:
            total, seconds_taken, inclusive, exclusive = callgrind(gongshi, tmp)
            guard_line, passed = guard(total)
            write_profile(total, seconds_taken, inclusive, exclusive)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    table = tables(all_results, facts)
    elapsed = time.monotonic() - started
    write_results(info, table, facts, guard_line, elapsed)
    print(table)
    print(f"\n指令数：{guard_line}", flush=True)
    log(f"完成，用时 {elapsed / 60:.1f} 分钟；结果写入 Benchmarks/results.md")
    if not passed:
        fail("指令数超出预算（Benchmarks/budget.json）")


if __name__ == "__main__":
    main()

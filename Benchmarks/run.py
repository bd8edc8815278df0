#!/usr/bin/env python3
"""`make bench`: gongshi against Hugo on synthetic corpora, plus an instruction-count guard.

Builds gongshi in release mode, generates (or reuses) corpora with Benchmarks/make_corpus.py under
Benchmarks/work/, and measures for every size, each after one warm-up run:

  clean        gongshi build --clean --keep 0 --cache <new folder> --output <new folder> --as-of 2026-11-21
  incremental  the same without --clean and with --keep 1, reusing the cache, after appending a line to one disclosure
  check        gongshi check
  hugo         hugo on the equivalent site

Each run is timed with /usr/bin/time (wall, user+sys CPU, peak RSS); the table reports medians and the
ratios gongshi/Hugo measured in the same run. After the clean build, the bytes a resident's browser downloads
for a few queries (SEARCH_QUERIES, first page) are measured by running templates/assets/search.js under Node on
the built search index (skipped without `node`). Results go to Benchmarks/results.md. Then the guard runs a
clean build of a small corpus under `valgrind --tool=callgrind`, compares the instruction count with
Benchmarks/budget.json (the bench fails when it exceeds the budget by more than the tolerance) and
writes the profile's top functions to Benchmarks/profile.md.

Environment:
  BENCH_SIZES="100 1000 5000"  corpus sizes (organisations)
  BENCH_RUNS=5                 timed runs per measurement, after one warm-up
  BENCH_SEED=1                 corpus seed
  BENCH_TIMEOUT=1800           seconds; a run taking longer is stopped, and a measurement whose time
                               extrapolated linearly from the previous size exceeds it is skipped
  BENCH_LONG=60                seconds; a measurement whose warm-up takes longer is timed once after it
  BENCH_CALLGRIND_SIZE=20      corpus size of the instruction-count guard; BENCH_CALLGRIND=0 skips it
  BENCH_RECORD_BUDGET=1        write the measured instruction count to budget.json as the new budget
  BENCH_SETTLE=70              seconds waited after deleting a size's outputs (see settle())
  BENCH_ONLY=privacy           run only the personal-data scan's case (Benchmarks/privacy_bench.py: one 5 MB
                               page with 100,000 mobile numbers), which every full run also runs at its end;
                               its results go to Benchmarks/results-privacy.md
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
RUNS = int(os.environ.get("BENCH_RUNS", "5"))
SEED = int(os.environ.get("BENCH_SEED", "1"))
TIMEOUT = float(os.environ.get("BENCH_TIMEOUT", "1800"))
LONG = float(os.environ.get("BENCH_LONG", "60"))
CALLGRIND_SIZE = int(os.environ.get("BENCH_CALLGRIND_SIZE", "20"))
CALLGRIND = os.environ.get("BENCH_CALLGRIND", "1") != "0"
RECORD_BUDGET = os.environ.get("BENCH_RECORD_BUDGET") == "1"
SETTLE = float(os.environ.get("BENCH_SETTLE", "70"))
ONLY = os.environ.get("BENCH_ONLY", "")
PRIVACY_RESULTS = os.path.join(HERE, "results-privacy.md")

SEARCH_QUERIES = ["党费", "环境卫生", "王芳", "王芳书记", "王芳 书记", "电梯加装", "党员 服务群众"]
SEARCH_DRIVER = r"""
const api = require(process.argv[2]);
const fs = require('fs');
const path = require('path');
const dir = process.argv[3];
let bytes = 0;
const read = async (file) => {
  const data = fs.readFileSync(path.join(dir, file));
  bytes += data.length;
  return JSON.parse(data.toString('utf8'));
};
const loader = {
  meta: () => read('meta.json'), facets: () => read('facets.json'),
  shard: (n) => read('shards/' + n + '.json'), docs: (f) => read('docs/' + f + '.json')
};
(async () => {
  const out = [];
  for (const q of JSON.parse(process.argv[4])) {
    bytes = 0;
    const o = await api.runSearch(loader, { q: q, kind: '', branch: '', year: '', page: 1 });
    out.push({ q: q, total: o.total, bytes: bytes });
  }
  process.stdout.write(JSON.stringify(out));
})().catch((error) => { console.error(error); process.exit(1); });
"""

LABELS = {
    "clean": "gongshi 全量生成",
    "incremental": "gongshi 增量生成",
    "check": "gongshi check",
    "hugo": "Hugo",
}


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
    """Generates (or reuses) the corpus of `size` organisations; returns (gongshi dir, hugo dir)."""
    base = os.path.join(WORK, f"corpus-{size}-seed{SEED}")
    source, hugo, stamp_path = (os.path.join(base, name) for name in ("gongshi", "hugo", "stamp.json"))
    stamp = {"generator": digest(GENERATOR), "sentences": digest(SENTENCES), "size": size, "seed": SEED}
    if os.path.isfile(stamp_path):
        with open(stamp_path) as f:
            if json.load(f) == stamp:
                log(f"沿用语料 {base}")
                return source, hugo
    log(f"生成语料：{size} 个组织")
    os.makedirs(base, exist_ok=True)
    if os.path.exists(stamp_path):
        os.remove(stamp_path)
    subprocess.run([sys.executable, GENERATOR, source, "--branches", str(size), "--seed", str(SEED), "--hugo", hugo],
                   check=True)
    with open(stamp_path, "w") as f:
        json.dump(stamp, f)
    return source, hugo


def count_files(directory):
    return sum(len(files) for _, _, files in os.walk(directory))


def touched_disclosure(source):
    """The first 社会公开 disclosure by file name: the file the incremental build edits."""
    folder = os.path.join(source, "content", "disclosures")
    for name in sorted(os.listdir(folder)):
        path = os.path.join(folder, name)
        if "scope: 社会公开" in open(path, encoding="utf-8").read():
            return path
    fail("语料中没有社会公开的党务公开事项")


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
    """Medians of one command's runs at one size (None when skipped or stopped)."""

    def __init__(self, name, size):
        self.name, self.size = name, size
        self.walls, self.cpus, self.rsss = [], [], []
        self.note = ""
        self.extra = ""

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


def measure(name, size, command, prepare, previous):
    """One warm-up and RUNS timed runs of command (prepare() runs untimed before each and may return the
    command for that run instead)."""
    m = Measurement(name, size)
    if previous is not None and previous.ok:
        predicted = previous.wall * size / previous.size
        if predicted > TIMEOUT:
            m.note = (f"跳过：按 {previous.size} 个组织的 {previous.wall:.1f} 秒线性外推约 {predicted:.0f} 秒，"
                      f"超过 {TIMEOUT:.0f} 秒")
            log(f"{size} {LABELS[name]}：{m.note}")
            return m
    try:
        warm = timed(prepare() or command)
        runs = RUNS
        if warm[0] > LONG:
            # Repeating minutes-long runs would make the bench take hours: one timed run after the warm-up
            # (the warm-up itself may have read the corpus from disk: 5000 organisations' check took 228 s
            # cold against 54 s of CPU).
            runs = 1
            m.note = f"只测 1 次（预热超过 {LONG:.0f} 秒）"
        log(f"{size} {LABELS[name]}：预热 {warm[0]:.2f} 秒，再测 {runs} 次")
        for _ in range(runs):
            wall, cpu, rss = timed(prepare() or command)
            m.walls.append(wall), m.cpus.append(cpu), m.rsss.append(rss)
    except Timeout:
        m.walls, m.cpus, m.rsss = [], [], []
        m.note = f"超时：一次运行超过 {TIMEOUT:.0f} 秒，已停止"
        log(f"{size} {LABELS[name]}：{m.note}")
        return m
    log(f"{size} {LABELS[name]}：墙钟 {m.wall:.2f} 秒，CPU {m.cpu:.2f} 秒，峰值内存 {m.rss / 1024:.0f} MB")
    return m


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


def bench_size(gongshi, size, tmp, previous):
    """All four measurements at one size; returns {name: Measurement} and the corpus facts. Every clean build
    and every Hugo run writes a new folder, and the folders are deleted only after the size's last run
    (see settle)."""
    source, hugo = corpus(size)
    runs = iter(range(1, 1000))
    outputs = []
    facts = {"files": count_files(os.path.join(source, "content"))}
    results = {}

    def fresh(prefix):
        path = os.path.join(tmp, f"{prefix}-{size}-{next(runs)}")
        # gongshi keeps releases, staging and the lock in .<name>.gongshi/ beside the output.
        outputs.extend([path, os.path.join(tmp, f".{os.path.basename(path)}.gongshi")])
        return path

    # check first: it validates the corpus (exit code 0 means 0 errors) before anything is timed.
    check = [gongshi, "check", "--source", source, "--as-of", AS_OF]
    results["check"] = measure("check", size, check, lambda: None, previous.get("check"))

    latest = {}

    def clean():
        latest["out"], latest["cache"] = fresh("site"), fresh("cache")
        return [gongshi, "build", "--source", source, "--clean", "--keep", "0", "--cache", latest["cache"],
                "--output", latest["out"], "--as-of", AS_OF]

    results["clean"] = measure("clean", size, None, clean, previous.get("clean"))
    if results["clean"].ok:
        facts["outputs"] = count_files(latest["out"])
        facts["search"] = search_downloads(latest["out"])

    if results["clean"].ok:
        target = touched_disclosure(source)
        original = open(target, encoding="utf-8").read()
        edits = iter(range(1, 1000))
        report = os.path.join(tmp, "report.json")

        def touch():
            with open(target, "a", encoding="utf-8") as f:
                f.write(f"\n基准测试第 {next(edits)} 次修改：补充一行说明。\n")

        # --keep 1: like a nightly build, each run archives the site it replaced and does away with the oldest
        # release, which it recycles as its staging folder (from the second run on; the warm-up is the first).
        incremental = [gongshi, "build", "--source", source, "--keep", "1", "--cache", latest["cache"],
                       "--output", latest["out"], "--as-of", AS_OF, "--report", report]
        try:
            results["incremental"] = measure("incremental", size, incremental, touch,
                                             previous.get("incremental"))
        finally:
            with open(target, "w", encoding="utf-8") as f:
                f.write(original)
        if results["incremental"].ok:
            pages = json.load(open(report))["pages"]
            results["incremental"].extra = f"新写 {pages['written']} 个文件，沿用 {pages['reused']} 个"
    else:
        results["incremental"] = Measurement("incremental", size)
        results["incremental"].note = "跳过：没有全量生成的结果"

    hugo_cache = os.path.join(tmp, "hugo-cache")
    latest_hugo = {}

    def hugo_run():
        latest_hugo["out"] = fresh("hugo")
        return ["hugo", "--source", hugo, "--destination", latest_hugo["out"], "--cacheDir", hugo_cache, "--quiet"]

    results["hugo"] = measure("hugo", size, None, hugo_run, previous.get("hugo"))
    if results["hugo"].ok:
        facts["hugo_outputs"] = count_files(latest_hugo["out"])
    settle(outputs + [hugo_cache])
    return results, facts


# ---------------------------------------------------------------- instruction-count guard


def callgrind(gongshi, tmp):
    """Instruction count of a clean build of the guard corpus, and the profile's annotated lines."""
    ensure_package("valgrind", "valgrind")
    source, _ = corpus(CALLGRIND_SIZE)
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
ENTRY = re.compile(r"^\(below main\)$|^main$|gongshi_main|async_Main|__libc_start|^0x[0-9a-f]+$|swift_job_run|"
                   r"runJobInEstablishedExecutorContext|future_adapter|thunk for @escaping|ParsableCommand\.run|"
                   r"^Build\.run|SiteBuilder\.build\(")


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


def search_downloads(site):
    """What the first result page of each of SEARCH_QUERIES downloads from `site`'s search index (meta, the shards
    it needs, the document files of its 20 results), run through search.js itself; None without node."""
    node = shutil.which("node")
    if not node:
        return None
    with tempfile.NamedTemporaryFile("w", suffix=".js", delete=False) as f:
        f.write(SEARCH_DRIVER)
    try:
        out = subprocess.run([node, f.name, os.path.join(ROOT, "templates", "assets", "search.js"),
                              os.path.join(site, "search"), json.dumps(SEARCH_QUERIES, ensure_ascii=False)],
                             check=True, capture_output=True, text=True).stdout
    finally:
        os.unlink(f.name)
    files = [os.path.join(folder, name) for folder, _, names in os.walk(os.path.join(site, "search")) for name in names]
    index = f"索引 {len(files)} 个文件、{sum(os.path.getsize(p) for p in files) / 1e6:.1f} MB；"
    return index + "；".join(f"“{r['q']}” {r['bytes'] / 1024:.1f} KB（{r['total']} 条）" for r in json.loads(out))


def tables(all_results, facts):
    lines = [
        "| 组织数 | 内容文件 | 测量 | 墙钟（秒） | CPU user+sys（秒） | 峰值内存（MB） | 次数 | 说明 |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | --- |",
    ]
    for size, results in all_results.items():
        for name in ("clean", "incremental", "check", "hugo"):
            m = results[name]
            note = "；".join(filter(None, [m.extra, m.note]))
            lines.append(f"| {size} | {facts[size]['files']} | {LABELS[name]} | {seconds(m.wall)} | {seconds(m.cpu)} | "
                         f"{megabytes(m.rss)} | {len(m.walls)} | {note} |")
    lines += [
        "",
        "| 组织数 | 全量/Hugo 墙钟（目标 ≤ 0.25） | 全量/Hugo 峰值内存（目标 ≤ 0.25） | 增量/全量 墙钟（目标 ≤ 0.10） | "
        "check/全量 墙钟（目标 ≤ 0.33） | 全量/Hugo CPU（参考） |",
        "| ---: | --- | --- | --- | --- | --- |",
    ]
    for size, r in all_results.items():
        lines.append(
            f"| {size} | {verdict(ratio(r['clean'].wall, r['hugo'].wall), 0.25)} | "
            f"{verdict(ratio(r['clean'].rss, r['hugo'].rss), 0.25)} | "
            f"{verdict(ratio(r['incremental'].wall, r['clean'].wall), 0.10)} | "
            f"{verdict(ratio(r['check'].wall, r['clean'].wall), 1 / 3)} | "
            f"{seconds(ratio(r['clean'].cpu, r['hugo'].cpu))} |")
    return "\n".join(lines)


def write_results(info, table, facts, guard_line, elapsed):
    outputs = "；".join(
        f"{size} 个组织：gongshi 输出 {f.get('outputs', '—')} 个文件，Hugo 输出 {f.get('hugo_outputs', '—')} 个文件"
        for size, f in facts.items())
    searches = "\n".join(
        f"- 搜索（{size} 个组织，第一页结果的下载量，预算 300 KB）：{f['search']}" for size, f in facts.items() if f.get("search"))
    text = f"""# 基准测试结果

由 `make bench`（`Benchmarks/run.py`）生成，{info['date']}，全程 {elapsed / 60:.1f} 分钟。

- 机器：{info['nproc']} 核，内存 {info['memory']}，CPU {info['cpu']}，Linux {info['kernel']}；负载（1、5、15 分钟平均）开始时 {info['load']}，结束时 {load()}。机器上有别的任务时墙钟时间偏大，CPU 时间受影响较小
- {info['swift']}；{info['hugo']}
- 每项先预热 1 次，再测 {RUNS} 次取中位数（预热超过 {LONG:.0f} 秒的，预热后只测 1 次）；`/usr/bin/time` 记录墙钟、CPU（user+sys）和峰值内存（最大常驻集）。
- 语料：`Benchmarks/make_corpus.py --seed {SEED}`，每个组织 19 个内容文件；gongshi 用程序内置的默认模板，数据截至 {AS_OF}。{outputs}。
- 增量生成：每次在同一个党务公开事项末尾加一行，带缓存重新生成（`--keep 1`：保留一个旧版本，最旧的版本拿来重复利用）。

{table}

{searches}

指令数（回归保护，callgrind，{CALLGRIND_SIZE} 个组织的全量生成）：{guard_line}
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

不列只是包住整个运行的入口（main、异步运行时、`Build.run()`、`SiteBuilder.build(_:)`）和递归的重复层次。

| # | 指令占比 | 函数 | 所在文件 |
| ---: | ---: | --- | --- |
{rows(top_functions(inclusive))}

## 自身开销（self）前 10 名

| # | 指令占比 | 函数 | 所在文件 |
| ---: | ---: | --- | --- |
{rows(top_functions(exclusive, skip_entry=False))}
"""
    with open(PROFILE, "w", encoding="utf-8") as f:
        f.write(text)


def bench_privacy(gongshi, tmp):
    """The personal-data scan's case (see Benchmarks/privacy_bench.py)."""
    sys.path.insert(0, HERE)
    import privacy_bench
    privacy_bench.run(gongshi, tmp, timed, log, RUNS, AS_OF, PRIVACY_RESULTS)
    log("个人信息扫描的结果写入 Benchmarks/results-privacy.md")


def main():
    started = time.monotonic()
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
    gongshi = build_release()
    info = machine()
    log(f"机器：{info['nproc']} 核，{info['memory']}，{info['cpu']}，负载 {info['load']}；规模 {SIZES}，每项 {RUNS} 次")
    tmp = tempfile.mkdtemp(prefix="gongshi-bench-")
    all_results, facts, previous = {}, {}, {}
    passed, guard_line = True, "未运行（BENCH_CALLGRIND=0）"
    try:
        for size in sorted(SIZES):
            all_results[size], facts[size] = bench_size(gongshi, size, tmp, previous)
            previous.update({name: m for name, m in all_results[size].items() if m.ok})
        bench_privacy(gongshi, tmp)
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

"""The personal-data scan's case of `make bench`: one 5 MB page holding 100,000 mobile numbers.

Writes two sites that differ only in that page: in one it holds 100,000 mobile numbers written ten ways (spaces,
hyphens, `**`, `+86`, em dashes, full-width digits, ideographic spaces, dots, brackets, a line break); in the
other every digit of the same page is a letter, so the page has the same size but nothing to find. `check` and a
clean `build` of each are timed; the difference is what the numbers cost (scan, masking, 100,000 warnings).
Results go to Benchmarks/results-privacy.md. Run alone with `BENCH_ONLY=privacy make bench`.
"""

import os
import random
import statistics

NUMBERS = 100_000
PAGE_BYTES = 5_000_000
FORMS = [
    "{a} {b} {c}", "{a}-{b}-{c}", "{a}**{b}**{c}", "+86 {a} {b} {c}", "{a}{b}\u2014{c}",
    "{wide}", "{a}\u3000{b}\u3000{c}", "{a}.{b}.{c}", "({a}) {b}-{c}", "{a} {b}\n{c}",
]
SITE_YAML = "title: 基准测试\nbase_url: https://example.org/\norganizer: 基准测试街道党工委\n"
BRANCH = "---\nid: a\nname: 基准党支部\ntype: 党支部\nfield: 街道社区\n---\n简介。\n"


def page_text(with_numbers, seed=1):
    """The page: one resident a line, each with a mobile number, padded to PAGE_BYTES."""
    generator = random.Random(seed)
    lines = []
    for i in range(NUMBERS):
        digits = f"1{generator.choice('3456789')}{generator.randrange(10 ** 9):09d}"
        wide = "".join(chr(ord(d) + 0xFEE0) for d in digits)
        number = FORMS[i % len(FORMS)].format(a=digits[:3], b=digits[3:7], c=digits[7:], wide=wide)
        lines.append(f"住户 {i:06d} 联系 {number}；")
    body = "\n".join(lines) + "\n"
    head = "---\nid: big\ntitle: 住户联系表\n---\n"
    padding = PAGE_BYTES - len((head + body).encode("utf-8"))
    body += "说明" * (max(padding, 0) // 6) + "\n"
    text = head + body
    if not with_numbers:
        def letter(c):
            if "0" <= c <= "9":
                return "abcdefghij"[ord(c) - 0x30]
            return chr(ord("ａ") + ord(c) - 0xFF10) if "０" <= c <= "９" else c
        text = head + "".join(letter(c) for c in body)
    return text


def write_site(root, with_numbers):
    files = {
        "site.yaml": SITE_YAML,
        "content/branches/a.md": BRANCH,
        "content/pages/big.md": page_text(with_numbers),
    }
    for path, text in files.items():
        full = os.path.join(root, path)
        os.makedirs(os.path.dirname(full), exist_ok=True)
        with open(full, "w", encoding="utf-8") as f:
            f.write(text)
    return os.path.getsize(os.path.join(root, "content/pages/big.md"))


def run(gongshi, tmp, timed, log, runs, as_of, results_path):
    """Times check and build of both sites (median of `runs`, after one warm-up) and writes results_path."""
    rows = {}
    size = 0
    for name, with_numbers in (("numbers", True), ("plain", False)):
        source = os.path.join(tmp, f"privacy-{name}")
        size = write_site(source, with_numbers)
        for step in ("check", "build"):
            outputs = iter(range(1000))

            def command():
                if step == "check":
                    return [gongshi, "check", "--source", source, "--as-of", as_of]
                out = os.path.join(tmp, f"privacy-{name}-out-{next(outputs)}")
                return [gongshi, "build", "--source", source, "--clean", "--keep", "0", "--output", out,
                        "--as-of", as_of]

            timed(command())
            measured = [timed(command()) for _ in range(runs)]
            wall = statistics.median(m[0] for m in measured)
            cpu = statistics.median(m[1] for m in measured)
            rss = statistics.median(m[2] for m in measured)
            rows[(name, step)] = (wall, cpu, rss)
            log(f"隐私扫描 {name} {step}：墙钟 {wall:.2f} 秒，CPU {cpu:.2f} 秒，峰值内存 {rss / 1024:.0f} MB")
    lines = [
        "# 基准测试：个人信息扫描",
        "",
        f"由 `make bench`（`Benchmarks/privacy_bench.py`）生成。一页 {size:,} 字节的页面，写有 {NUMBERS:,} 个手机号"
        "（10 种写法：空格、连字符、`**`、`+86`、破折号、全角数字、全角空格、点、括号、换行）；对照站点的同一页把每个数字换成字母，"
        f"大小相同、没有号码。每项预热 1 次，再测 {runs} 次取中位数。",
        "",
        "| 测量 | 有号码：墙钟（秒） | CPU（秒） | 峰值内存（MB） | 无号码：墙钟（秒） | CPU（秒） | 峰值内存（MB） | 墙钟之差（秒） |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for step in ("check", "build"):
        n, p = rows[("numbers", step)], rows[("plain", step)]
        lines.append(f"| gongshi {step} | {n[0]:.2f} | {n[1]:.2f} | {n[2] / 1024:.0f} | {p[0]:.2f} | {p[1]:.2f} | "
                     f"{p[2] / 1024:.0f} | {n[0] - p[0]:.2f} |")
    with open(results_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return rows

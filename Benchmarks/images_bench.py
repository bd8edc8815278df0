"""The photos' case of `make bench`: one 3–4 MB phone-sized JPEG per example.

Takes the generated corpus at BENCH_IMAGE_SIZES organisations (default 1000; one example each) and makes two copies:
one as generated, one where every example lists one photo in `images`. The photos are made here, never downloaded:
a few 4032 × 3024 pictures of libvips' Gaussian noise (`vips gaussnoise`, JPEG quality 75: 3.3 MB each, about what a
phone writes) with a phone's EXIF added by exiftool (GPS position, orientation, make, model, date); each example's
copy then gets a JPEG comment segment with its id, so every example has a photo of its own bytes (its own hash,
processed on its own) at the same cost of decoding.

Measured, once each (BENCH_IMAGE_RUNS, default 1, in the order below): a clean build without photos, a clean build
with photos (every photo decoded, turned upright, stripped and encoded at 480 and 1280 px), a rebuild of the photo
site with nothing changed (every photo from the cache: encodes nothing) and a rebuild of the site without photos.
Reported: photos per second (photos ÷ the clean builds' difference in wall time), the cache-hit rebuild's time,
bytes written per example page with its photo (its HTML and the published versions of its photo), the cache's bytes
per photo, and peak memory beside the site without photos. Results go to Benchmarks/results-images.md. Run alone
with `BENCH_ONLY=images make bench`.
"""

import json
import os
import shutil
import statistics
import subprocess

BASES = 4
WIDTH, HEIGHT, QUALITY = 4032, 3024, 75


def make_bases(folder, log):
    """BASES phone-sized noise JPEGs with a phone's EXIF; returns their paths."""
    os.makedirs(folder, exist_ok=True)
    paths = []
    for n in range(BASES):
        path = os.path.join(folder, f"base-{n}.jpg")
        paths.append(path)
        if os.path.exists(path):
            continue
        bands = []
        for band, mean in enumerate((128, 118, 108)):
            v = os.path.join(folder, f"noise-{n}-{band}.v")
            subprocess.run(["vips", "gaussnoise", v, str(WIDTH), str(HEIGHT), "--sigma", "25", "--mean", str(mean),
                            "--seed", str(n * 3 + band + 1)], check=True)
            bands.append(v)
        joined = os.path.join(folder, f"rgb-{n}.v")
        subprocess.run(["vips", "bandjoin", " ".join(bands), joined], check=True)
        cast = os.path.join(folder, f"rgbu-{n}.v")
        subprocess.run(["vips", "cast", joined, cast, "uchar"], check=True)
        subprocess.run(["vips", "copy", cast, f"{path}[Q={QUALITY}]"], check=True)
        subprocess.run(["exiftool", "-q", "-overwrite_original", "-n", f"-Orientation={6 if n % 2 else 1}",
                        "-GPSLatitude=26.58", "-GPSLatitudeRef=N", "-GPSLongitude=106.71", "-GPSLongitudeRef=E",
                        "-Make=BenchPhone", "-Model=BP-1", "-DateTimeOriginal=2026:05:01 10:00:00", path], check=True)
        for v in bands + [joined, cast]:
            os.remove(v)
        log(f"照片底图 {path}：{os.path.getsize(path) / 1e6:.1f} MB")
    return paths


def unique_copy(base_bytes, tag, path):
    """`base_bytes` with a JPEG comment segment (COM) holding `tag` right after the start marker."""
    payload = tag.encode("utf-8")
    segment = b"\xff\xfe" + (len(payload) + 2).to_bytes(2, "big") + payload
    with open(path, "wb") as f:
        f.write(base_bytes[:2] + segment + base_bytes[2:])


def add_photos(source, bases):
    """Gives every example in `source` one photo of its own; returns how many."""
    folder = os.path.join(source, "content", "examples")
    photos = os.path.join(folder, "照片")
    os.makedirs(photos, exist_ok=True)
    data = [open(path, "rb").read() for path in bases]
    count = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md"):
            continue
        path = os.path.join(folder, name)
        text = open(path, encoding="utf-8").read()
        doc_id = name[:-3]
        unique_copy(data[count % len(data)], f"gongshi-bench {doc_id}", os.path.join(photos, f"{doc_id}.jpg"))
        head, rest = text[4:].split("\n---\n", 1)
        text = f"---\n{head}\nimages:\n  - file: 照片/{doc_id}.jpg\n    caption: 党员志愿者在活动现场（{doc_id}）\n---\n{rest}"
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        count += 1
    return count


def load_average():
    with open("/proc/loadavg") as f:
        return f.read().split()[0]


def stamps(folder):
    """name → (size, modification time in ns) of the files in folder."""
    result = {}
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            info = os.stat(os.path.join(folder, name))
            result[name] = (info.st_size, info.st_mtime_ns)
    return result


def tree_bytes(folder):
    total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            total += os.lstat(os.path.join(root, name)).st_size
    return total


def page_bytes(output, cache):
    """(mean bytes of an example page's HTML, mean bytes of one photo's published versions, mean bytes of one photo
    in the cache, photos published under media/)."""
    site = os.path.join(output, "examples")
    pages = [os.path.join(site, d, "index.html") for d in os.listdir(site) if os.path.isfile(os.path.join(site, d, "index.html"))]
    html = statistics.mean(os.path.getsize(p) for p in pages) if pages else 0
    index = json.load(open(os.path.join(cache, "photos", "index.json")))
    stored = [o["large"]["bytes"] + (o["small"]["bytes"] if o["small"]["name"] != o["large"]["name"] else 0)
              for o in index["outputs"].values()]
    per_photo = statistics.mean(stored) if stored else 0
    media = os.path.join(output, "media")
    published = len(os.listdir(media)) if os.path.isdir(media) else 0
    published_bytes = tree_bytes(media) / max(1, len(stored)) if published else 0
    return html, published_bytes, per_photo, published


def run(gongshi, tmp, timed, log, corpus, sizes, runs, as_of, results_path):
    """Times the builds at each size and writes results_path."""
    bases = make_bases(os.path.join(os.path.dirname(results_path), "work", "photos"), log)
    lines = [
        "# 基准测试：照片",
        "",
        "由 `make bench`（`Benchmarks/images_bench.py`）生成。语料中每个组织一个典型事例，照片版的每个典型事例在 `images` 中列一张照片："
        f"{WIDTH} × {HEIGHT} 的 JPEG（libvips 高斯噪声，质量 {QUALITY}，约 {os.path.getsize(bases[0]) / 1e6:.1f} MB，"
        "exiftool 写入 GPS 位置、拍摄方向、机型和时间，一半需要按 EXIF 方向旋转），每个事例的文件各加一段带 id 的 JPEG 注释，"
        "所以每张照片的内容散列都不同、都要单独解码和编码。"
        f"每项测 {runs} 次取中位数，按表中顺序交错进行。",
        "",
    ]
    for size in sizes:
        plain, _, _ = corpus(size)
        with_photos = os.path.join(tmp, f"images-{size}")
        shutil.rmtree(with_photos, ignore_errors=True)
        shutil.copytree(plain, with_photos)
        count = add_photos(with_photos, bases)
        source_bytes = tree_bytes(os.path.join(with_photos, "content", "examples", "照片"))
        log(f"照片语料：{size} 个组织，{count} 张照片，共 {source_bytes / 1e9:.2f} GB")
        outputs = {}

        def build(source, name, clean):
            out = outputs.setdefault(name, os.path.join(tmp, f"images-out-{size}-{name}"))
            cache = os.path.join(tmp, f"images-cache-{size}-{name}")
            command = [gongshi, "build", "--source", source, "--output", out, "--cache", cache, "--keep", "0",
                       "--allow-shrink", "--as-of", as_of]
            if clean:
                command.append("--clean")
            return timed(command)

        measured = {key: [] for key in ("plain-clean", "photos-clean", "photos-rebuild", "plain-rebuild")}
        photo_cache = os.path.join(tmp, f"images-cache-{size}-photos", "photos")
        rewritten = 0
        loads = [load_average()]
        for _ in range(runs):
            measured["plain-clean"].append(build(plain, "plain", True))
            measured["photos-clean"].append(build(with_photos, "photos", True))
            before = stamps(photo_cache)
            measured["photos-rebuild"].append(build(with_photos, "photos", False))
            after = stamps(photo_cache)
            # The index is rewritten by every build; a photo's file only when it was encoded again.
            rewritten += sum(1 for name, stamp in after.items() if name != "index.json" and before.get(name) != stamp)
            measured["plain-rebuild"].append(build(plain, "plain", False))
        loads.append(load_average())
        rows = {key: tuple(statistics.median(m[i] for m in values) for i in range(3)) for key, values in measured.items()}
        for key, (wall, cpu, rss) in rows.items():
            log(f"照片 {size} {key}：墙钟 {wall:.2f} 秒，CPU {cpu:.2f} 秒，峰值内存 {rss / 1024:.0f} MB")
        extra = rows["photos-clean"][0] - rows["plain-clean"][0]
        per_second = count / extra if extra > 0 else float("inf")
        cpu_extra = rows["photos-clean"][1] - rows["plain-clean"][1]
        html, published, cached, media_files = page_bytes(outputs["photos"], os.path.join(tmp, f"images-cache-{size}-photos"))
        lines += [
            f"## {size} 个组织（{count} 张照片，原图共 {source_bytes / 1e9:.2f} GB）",
            "",
            "| 测量 | 墙钟（秒） | CPU（秒） | 峰值内存（MB） |",
            "| --- | ---: | ---: | ---: |",
            f"| 无照片，全新生成（--clean） | {rows['plain-clean'][0]:.2f} | {rows['plain-clean'][1]:.2f} | {rows['plain-clean'][2] / 1024:.0f} |",
            f"| 有照片，全新生成（--clean，全部解码、编码） | {rows['photos-clean'][0]:.2f} | {rows['photos-clean'][1]:.2f} | {rows['photos-clean'][2] / 1024:.0f} |",
            f"| 有照片，没有改动再生成（照片全部来自缓存） | {rows['photos-rebuild'][0]:.2f} | {rows['photos-rebuild'][1]:.2f} | {rows['photos-rebuild'][2] / 1024:.0f} |",
            f"| 无照片，没有改动再生成 | {rows['plain-rebuild'][0]:.2f} | {rows['plain-rebuild'][1]:.2f} | {rows['plain-rebuild'][2] / 1024:.0f} |",
            "",
            f"- 照片处理速度：{per_second:.1f} 张/秒（{count} 张 ÷ 两次全新生成的墙钟之差 {extra:.2f} 秒）；"
            f"CPU 时间之差 {cpu_extra:.2f} 秒，每张照片 {cpu_extra / count:.3f} CPU 秒（解码、转正、去元数据、编码两个版本）",
            f"- 没有改动的再生成：缓存中的照片文件被重写 {rewritten} 个（0 即没有解码、编码任何照片）",
            f"- 机器负载（1 分钟平均）：开始时 {loads[0]}，结束时 {loads[1]}（{os.cpu_count()} 核）",
            f"- 峰值内存：有照片 {rows['photos-clean'][2] / 1024:.0f} MB，无照片 {rows['plain-clean'][2] / 1024:.0f} MB",
            f"- 每张照片在缓存中的两个版本（480、1280 像素宽）共 {cached / 1024:.0f} KB；"
            + (f"发布到 media/ 的 {media_files} 个文件平均每张照片 {published / 1024:.0f} KB；" if media_files else "这次生成的网站没有发布 media/（页面还没有使用照片）；")
            + f"每个典型事例页面的 HTML 平均 {html / 1024:.1f} KB",
            "",
        ]
    with open(results_path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")

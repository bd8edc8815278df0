#!/usr/bin/env python3
"""Splits a `perf record -g` profile of a gongshi build into the stages of the pipeline.

    perf record -F 499 -g -o build.data gongshi build --source ... --clean ...
    perf script -i build.data --no-demangle | python3 Benchmarks/perf_stages.py

Each sample goes to the first stage in STAGES (top to bottom) that has a frame on the sample's stack, so a
stage listed earlier wins over one that encloses it (Yams inside a file's load is "读取：YAML"). Samples with no
such frame are "其他": mostly glibc's malloc and free, whose frames perf cannot walk back from (glibc has no frame
pointers), the runtime's retain and release under them, and start-up. Used for Benchmarks/profile.md."""

import collections
import sys

# Per stage: the gongshi types whose own functions (and closures) count for it, and other symbol prefixes (C
# libraries, Yams). A Swift symbol names its context first (`$s10GongshiKit11StagingSinkC3put…`), so matching the
# start of the symbol keeps a frame from counting for every type that merely appears in its signature.
STAGES = [
    ("搜索索引", ["SearchIndexUpdater", "SearchIndexBuilder", "SearchIndexStore", "SearchIndexCache", "PostingTable",
                "SearchTokenizer", "SearchDocuments", "SearchRecords", "ShardJSON"], []),
    ("二维码（libqrencode 和画成路径）", ["QRCode", "PosterContext"], ["QRcode", "QRspec", "QRinput", "Mask", "MQR", "Split_"]),
    ("记录的版本（ModelVersions）", ["ModelVersions", "RecordDigest"], []),
    ("页面数据：组织统计页", ["BranchStatsContext", "IndicatorSection"], []),
    ("页面数据：数据树（Encodable）", ["TemplateValueEncoder"], []),
    ("页面渲染：Mustache", ["MustacheRenderer"], []),
    ("收集站内链接", ["LinkCollector"], []),
    ("写文件（open、write、link）", ["StagingSink"], ["$s10GongshiKit9PublisherV8writeNew", "$s10GongshiKit9PublisherV4link"]),
    ("页面任务：其余（构造页面数据）", ["PageDescriptor", "RenderStage"], []),
    ("读取：YAML（Yams）", [], ["$s4Yams", "yaml_"]),
    ("读取：解析缓存的解码", ["LoadedContent"], []),
    ("写解析缓存", [], ["$s10GongshiKit10ParseCacheV4save", "$s10GongshiKit10ParseCacheV7encoded"]),
    ("读取：其余（stat、校验、cmark、个人信息扫描）",
     ["ContentLoader", "ParseCache", "ContentScanner", "FrontMatterChecker", "FrontMatterReader", "PrivacyLint", "BodyChecker",
      "YAMLLayoutLint", "MarkdownRenderer", "AttachmentLoader"], ["cmark_"]),
    ("组装和规则", ["SiteAssembler", "DisclosureRules", "BodyLinkChecker", "PromiseRules", "BranchRules"], []),
    ("页面缓存、核对已发布的文件", ["PageCache", "PublishedSite"], []),
    ("重复利用旧版本目录", ["ReleaseRecycler"], []),
    ("发布：建目录、清单、切换、清理", ["Publisher", "TreeRemover", "Manifest", "AtomicExchange"], []),
    ("排页面（plan）", ["PageRenderer", "PlanBuilder", "StatsPlan"], []),
    ("统计", ["StatisticsCalculator", "SiteStatistics"], []),
    ("照片", ["ImageStage"], ["vips_"]),
]
OTHER = "其他（malloc/free、运行库、启动）"


def stages(lines):
    def prefixes(types, others):
        return tuple(f"$s10GongshiKit{len(t)}{t}" for t in types) + tuple(others)

    compiled = [(name, prefixes(types, others)) for name, types, others in STAGES]
    counts = collections.Counter()
    kernel = 0
    stack = []

    def flush():
        nonlocal kernel
        if not stack:
            return
        if "[kernel.kallsyms]" in stack[0]:
            kernel += 1
        for name, starts in compiled:
            if any(frame.startswith(starts) for frame in stack):
                counts[name] += 1
                return
        counts[OTHER] += 1

    for line in lines:
        line = line.rstrip("\n")
        if line.startswith((" ", "\t")) and line.strip():
            parts = line.split(None, 1)
            if len(parts) == 2:
                stack.append(parts[1].strip())
        else:
            flush()
            stack = []
    flush()
    return counts, kernel


def main():
    counts, kernel = stages(sys.stdin)
    total = sum(counts.values())
    if not total:
        sys.exit("perf_stages: no samples on standard input (perf script -i FILE --no-demangle | ...)")
    print("| 阶段 | 采样 | 占比 |\n| --- | ---: | ---: |")
    for name, n in counts.most_common():
        print(f"| {name} | {n} | {100 * n / total:.1f} % |")
    print(f"| 合计 | {total} | 100 % |")
    print(f"\n其中在内核中的采样（各阶段的系统调用、缺页）：{kernel}（{100 * kernel / total:.1f} %）")


if __name__ == "__main__":
    main()

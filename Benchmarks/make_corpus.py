#!/usr/bin/env python3
"""Write a deterministic synthetic gongshi site (and optionally the same documents as a Hugo site).

    Benchmarks/make_corpus.py DIR --branches N [--seed S] [--hugo HUGO_DIR] [--hugo-legacy LEGACY_DIR]

Per organisation: 1 profile, 5 promise letters of 3 items, 12 disclosures (about 10 % 党内公开),
1 typical example; bodies of 1–3 KB of Chinese text with headings. Organisations form a tree:
every 50th is a street 党工委 (root), every 10th a 社区党委 or 村党总支 under its street, the rest
党支部 under the nearest 10th; the leaves cycle through all 8 领域.

Sentences come from the anthology /work/shared/domain/seeds/004_c3eff5539b8ddfe1.txt when it
exists (override with --sentences FILE), else from a built-in phrase list. The output depends
only on the seed, N and that sentence source: each organisation has its own random stream, so
its content files are a subset of those of a larger N (only the comment in site.yaml names N).

The Hugo twin (--hugo) holds the same documents with a layout a Hugo expert would write: one plain
taxonomy list page per organisation, the organisation's name and link on each page from one data file
(data/orgs.json) instead of a per-page `.GetTerms` lookup, the navigation as a cached partial, and no
`relativeURLs` (Hugo's post-processing of every page). --hugo-legacy writes the same documents with the
layout the benchmark used before (`.GetTerms "orgs"` on every page, `relativeURLs = true`), which makes Hugo
superlinear (5000 organisations: 414 s against 13 s at 1000); the benchmark keeps it as a labelled second row.

Python 3 standard library only. The content is written to pass `gongshi check` with 0 errors
(the 党内公开 disclosures give the expected "未发布到网站" warnings).
"""

import argparse
import datetime as dt
import json
import os
import random
import re
import shutil
import sys

AS_OF = dt.date(2026, 11, 21)
YEAR = 2026
DEFAULT_SENTENCES = "/work/shared/domain/seeds/004_c3eff5539b8ddfe1.txt"

FIELDS = ["农村", "国有企业", "街道社区", "机关", "高校", "事业单位", "非公有制企业", "社会组织"]
SERVICES = ["服务改革", "服务发展", "服务民生", "服务群众", "服务党员"]
CATEGORIES = ["决策部署", "组织建设", "组织生活", "党费管理", "服务群众", "其他"]
LIUYOU = ["领导班子", "骨干队伍", "服务场所", "服务载体", "制度机制", "服务业绩"]
CADENCE = {"决策部署": "阶段", "组织建设": "随时", "组织生活": "定期", "党费管理": "定期", "服务群众": "阶段", "其他": "随时"}

# (汉字, pinyin) syllables for place names; ids use the pinyin, so they stay [a-z0-9-].
SYLLABLES = [
    ("青", "qing"), ("溪", "xi"), ("金", "jin"), ("桥", "qiao"), ("水", "shui"), ("口", "kou"),
    ("龙", "long"), ("泉", "quan"), ("花", "hua"), ("溪", "xi"), ("白", "bai"), ("云", "yun"),
    ("南", "nan"), ("明", "ming"), ("乌", "wu"), ("当", "dang"), ("观", "guan"), ("山", "shan"),
    ("湖", "hu"), ("新", "xin"), ("华", "hua"), ("平", "ping"), ("安", "an"), ("松", "song"),
    ("柏", "bai"), ("桃", "tao"), ("园", "yuan"), ("石", "shi"), ("板", "ban"), ("红", "hong"),
    ("枫", "feng"), ("长", "chang"), ("坡", "po"), ("清", "qing"), ("河", "he"), ("东", "dong"),
    ("西", "xi"), ("北", "bei"), ("阳", "yang"), ("光", "guang"), ("兴", "xing"), ("隆", "long"),
    ("丰", "feng"), ("收", "shou"), ("茶", "cha"), ("林", "lin"), ("竹", "zhu"), ("岭", "ling"),
]
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何罗高林郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆"
GIVEN = "建国华明丽芳军伟敏静强磊洋勇艳杰娟涛超秀英兰霞平刚桂志红云峰海燕文玉永福德荣成林波宏立新光辉春梅"
ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九"]

LEAF = {
    # 领域: (id suffix, type, name template); {p} place, {o} ordinal
    "农村": ("cun", "党支部", "中共{p}村第{o}村民组党支部"),
    "国有企业": ("guoqi", "党支部", "中共{p}供电有限公司第{o}党支部"),
    "街道社区": ("wangge", "党支部", "中共{p}社区第{o}网格党支部"),
    "机关": ("jiguan", "党支部", "中共{p}街道办事处第{o}机关党支部"),
    "高校": ("gaoxiao", "党支部", "中共{p}职业技术学院第{o}教工党支部"),
    "事业单位": ("shiye", "党支部", "中共{p}社区卫生服务中心党支部"),
    "非公有制企业": ("feigong", "党支部", "中共{p}食品有限公司党支部"),
    "社会组织": ("shehui", "联合党支部", "中共{p}社会组织联合党支部"),
}

FALLBACK_PHRASES = [
    "支部坚持把服务群众作为工作的出发点和落脚点",
    "每月开展一次主题党日活动并向群众公开活动安排",
    "党员干部带头走访困难家庭，了解实际需求",
    "围绕群众反映集中的问题逐项研究解决办法",
    "健全党员联系户制度，做到情况清、问题明、措施实",
    "在党群服务中心设立便民服务窗口，实行代办服务",
    "组织党员志愿者参与环境卫生整治和邻里互助",
    "落实三会一课制度，提高组织生活质量",
    "把党务公开与村务公开、居务公开结合起来",
    "通过公开栏、网站和微信群及时公布办事结果",
    "定期召开民情恳谈会，听取群众意见和建议",
    "对照承诺事项逐项检查，未兑现的说明原因",
    "把群众满意不满意作为衡量工作的根本标准",
    "加强阵地建设，完善服务场所的功能设施",
    "建立问题清单、责任清单和整改清单",
    "引导在职党员到社区报到，认领服务项目",
]

HEADINGS = {
    "branch": ["基本情况", "组织设置", "支部委员会", "主要做法", "服务阵地", "工作特色", "联系方式"],
    "promise": ["承诺内容", "践诺措施", "接受监督", "工作安排", "兑现要求"],
    "disclosure": ["基本情况", "具体内容", "办理程序", "工作安排", "有关说明", "意见反馈"],
    "example": ["主要做法", "工作成效", "群众评价", "经验启示", "下一步打算"],
}

ACTIVITIES = ["环境卫生清理", "政策宣讲", "民情走访", "义务巡逻", "法律咨询", "健康义诊", "读书分享会", "消防安全检查"]
GROUPS = ["高龄独居老人", "困难党员家庭", "留守儿童", "残疾人家庭", "新就业形态劳动者", "环卫工人"]
PROJECTS = ["党群服务站功能提升", "老旧小区楼道照明改造", "村组道路硬化", "便民服务窗口建设", "公共停车区域规划", "雨污管网疏通"]
POSTS = ["环境卫生监督岗", "政策宣传岗", "党务村务监督岗", "消防安全管理岗", "邻里调解岗", "文明劝导岗"]
TOPICS = {
    "决策部署": ["落实上级党组织工作部署情况", "年度工作计划", "重点工作推进情况"],
    "组织建设": ["发展党员公示", "民主评议党员结果", "支部委员会换届选举结果"],
    "组织生活": ["三会一课安排", "主题党日活动安排", "组织生活会情况"],
    "党费管理": ["党费收缴使用情况", "党费收缴情况"],
    "服务群众": ["为民办实事项目进展", "民生项目实施情况", "志愿服务活动安排"],
    "其他": ["党群服务中心开放时间调整", "意见建议办理情况", "党建阵地建设情况"],
}
HONORS = ["先进基层党组织", "五好党支部", "党建工作示范点", "服务型党组织建设示范点"]


def load_sentences(path):
    """Sentences of 15–120 characters without digit runs, e-mail signs, Latin letters or Markdown syntax."""
    if not path or not os.path.isfile(path):
        return None
    with open(path, encoding="utf-8") as f:
        text = f.read()
    unsafe = re.compile(r"[0-9０-９][0-9０-９ \-－.．]{5,}|[@＠]|[A-Za-zＡ-Ｚａ-ｚ]|[<>\[\]*_#|`\\~{}$]|XX|xx")
    enumeration = re.compile(r"^(?:[（(][一二三四五六七八九十0-9]+[)）]|[一二三四五六七八九十0-9]+[、.．])")
    sentences = []
    for raw in re.split(r"(?<=[。！？])", text):
        sentence = enumeration.sub("", raw.strip())
        if 15 <= len(sentence) <= 120 and "\n" not in sentence and not unsafe.search(sentence) and sentence[-1] in "。！？":
            sentences.append(sentence)
    return sentences or None


def fallback_sentences():
    """Sentences built from the phrase list: every ordered pair of phrases."""
    return [a + "，" + b + "。" for a in FALLBACK_PHRASES for b in FALLBACK_PHRASES if a != b]


class Writer:
    """Writes one organisation's documents in gongshi's format and into every Hugo site (`hugos`)."""

    def __init__(self, root, hugos, sentences):
        self.root, self.hugos, self.sentences = root, hugos, sentences

    def write(self, kind, doc_id, front, body, hugo_front=None):
        path = os.path.join(self.root, "content", kind, doc_id + ".md")
        with open(path, "w", encoding="utf-8") as f:
            f.write("---\n" + front + "---\n\n" + body)
        if hugo_front is not None:
            for hugo in self.hugos:
                with open(os.path.join(hugo, "content", kind, doc_id + ".md"), "w", encoding="utf-8") as f:
                    f.write("---\n" + hugo_front + "---\n\n" + body)


def day(rng, start, end):
    return start + dt.timedelta(days=rng.randint(0, (end - start).days))


def person(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.7 else "")


def body(rng, sentences, kind, lead=""):
    """Markdown of 1–3 KB: headings with paragraphs of anthology sentences, sometimes a list."""
    target = rng.randint(1024, 3072)
    headings = rng.sample(HEADINGS[kind], len(HEADINGS[kind]))
    parts = [lead] if lead else []
    size = len(lead.encode())
    for heading in headings:
        if size >= target:
            break
        parts.append("## " + heading)
        for _ in range(rng.randint(1, 2)):
            if rng.random() < 0.2:
                paragraph = "\n".join("- " + rng.choice(sentences) for _ in range(rng.randint(2, 4)))
            else:
                paragraph = "".join(rng.choice(sentences) for _ in range(rng.randint(2, 5)))
            parts.append(paragraph)
            size += len(paragraph.encode())
            if size >= target:
                break
    return "\n\n".join(parts) + "\n"


def yq(value):
    """A YAML double-quoted scalar (names and titles come from fixed lists, but quote anyway)."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def organisation(i, seed):
    """Id, name, type, field, parent id and short name of organisation i (independent of N)."""
    rng = random.Random(f"{seed}:org:{i}")
    (h1, p1), (h2, p2) = rng.sample(SYLLABLES, 2)
    place, pinyin = h1 + h2, p1 + p2
    if i % 50 == 0:
        return dict(id=f"{pinyin}-jiedao-{i:05d}", name=f"中共{place}街道工作委员会", type="党工委",
                    field="街道社区", parent=None, short=place + "街道党工委")
    street = i // 50 * 50
    if i % 10 == 0:
        if (i // 10) % 2:
            return dict(id=f"{pinyin}-shequ-{i:05d}", name=f"中共{place}社区委员会", type="党委",
                        field="街道社区", parent=street, short=place + "社区党委")
        return dict(id=f"{pinyin}-cun-{i:05d}", name=f"中共{place}村总支部委员会", type="党总支",
                    field="农村", parent=street, short=place + "村党总支")
    field = FIELDS[i % 8]
    suffix, kind, template = LEAF[field]
    parent = i // 10 * 10
    name = template.format(p=place, o=ORDINALS[i % 9])
    return dict(id=f"{pinyin}-{suffix}-{i:05d}", name=name, type=kind, field=field, parent=parent,
                short=name.removeprefix("中共"))


def write_branch(w, rng, org, parent_id, secretary):
    lines = [f"id: {org['id']}", f"name: {yq(org['name'])}", f"type: {org['type']}", f"field: {org['field']}"]
    if parent_id:
        lines.append(f"parent: {parent_id}")
    members = rng.randint(8, 60) if org["type"] not in ("党工委", "党委", "党总支") else rng.randint(0, 15)
    lines += [
        f"secretary: {secretary}",
        f"members: {members}",
        f"established: {day(rng, dt.date(1990, 1, 1), dt.date(2022, 12, 31))}",
        f"address: {yq('筑南市溪山区' + org['short'][:2] + '路' + str(rng.randint(1, 300)) + '号')}",
        f"phone: 0851-8{rng.randint(0, 9999999):07d}",
        f"venue: {yq(org['short'][:2] + '党群服务站（约' + str(rng.randint(40, 600)) + '平方米）')}",
        "liuyou:",
    ]
    lines += [f"  {key}: {'true' if rng.random() < 0.85 else 'false'}" for key in LIUYOU]
    lines.append("ratings:")
    for year in (2024, 2025):
        lines += [
            f"  - year: {year}",
            f"    satisfaction: {rng.randint(800, 999) / 10}",
            f"    respondents: {rng.randint(30, 300)}",
            f"    grade: {rng.choice(['好', '较好', '一般'])}",
        ]
    text = body(rng, w.sentences, "branch")
    hugo = f"title: {yq(org['name'])}\norgs: [{org['id']}]\nfield: {org['field']}\n"
    w.write("branches", org["id"], "\n".join(lines) + "\n", text, hugo)


def promise_item(rng, published):
    service = rng.choice(SERVICES)
    text = rng.choice([
        f"每月组织一次{rng.choice(ACTIVITIES)}，全年不少于{rng.randint(10, 12)}次",
        f"年内完成{rng.choice(PROJECTS)}，并向群众公开进度",
        f"为{rng.choice(GROUPS)}上门服务不少于{rng.randint(12, 60)}人次",
        f"每季度开展一次{rng.choice(ACTIVITIES)}，发现问题限期整改并公开结果",
    ])
    due = day(rng, dt.date(YEAR, 4, 30), dt.date(YEAR, 12, 31))
    lines = [f"  - text: {text}", f"    service: {service}", f"    due: {due}"]
    roll = rng.random()
    if due < AS_OF:
        status = "已兑现" if roll < 0.7 else "未兑现" if roll < 0.8 else "延期" if roll < 0.9 else "进行中"
    else:
        status = "已兑现" if roll < 0.2 else "进行中"
    lines.append(f"    status: {status}")
    done = None
    if status == "已兑现":
        done = day(rng, published, min(due, AS_OF))
        lines.append(f"    done: {done}")
    elif status in ("未兑现", "延期"):
        lines.append(f"    note: 受{rng.choice(['场地', '资金', '施工许可', '天气'])}等因素影响未能按期完成，已向党员群众说明，调整后继续推进。")
    lines += progress_lines(rng, published, done or AS_OF, status == "进行中")
    return lines, text, status


def progress_lines(rng, published, last, recent):
    """践诺记录 as a maintained site keeps them: two to four entries between publication and the last day, the newest
    of an item still in progress within the last 60 days (so it is not 久未更新); a third of the items are quantified."""
    entries = sorted(day(rng, published, last) for _ in range(rng.randint(2, 4)))
    if recent:
        entries[-1] = day(rng, max(published, last - dt.timedelta(days=60)), last)
        entries.sort()
    quantified = rng.random() < 0.33
    counts = [rng.randint(1, 6) for _ in entries]
    lines = []
    if quantified:
        lines.append(f"    target: {{count: {sum(counts) + rng.randint(0, 10)}, unit: 人次}}")
    lines.append("    progress:")
    for date, count in zip(entries, counts):
        lines += [f"      - date: {date}", f"        text: {rng.choice(ACTIVITIES)}，{rng.choice(GROUPS)}参加"]
        if quantified:
            lines.append(f"        count: {count}")
    return lines


ROLES = ["支部", "书记", "支部委员", "在职党员", "无职党员"]


def write_promises(w, rng, org, secretary):
    for k, role in enumerate(ROLES):
        doc_id = f"{org['id']}-cn{k + 1}"
        promiser = org["name"] if role == "支部" else secretary if role == "书记" else person(rng)
        published = day(rng, dt.date(YEAR, 1, 5), dt.date(YEAR, 3, 31))
        lines = [f"id: {doc_id}", f"branch: {org['id']}", f"year: {YEAR}", f"promiser: {yq(promiser)}", f"role: {role}"]
        if role == "无职党员":
            lines.append(f"post: {rng.choice(POSTS)}")
        lines += [f"published: {published}", "items:"]
        hugo_items = []
        for _ in range(3):
            item, text, status = promise_item(rng, published)
            lines += item
            hugo_items.append(f"  - {{text: {yq(text)}, status: {status}}}")
        if rng.random() < 0.5:
            lines += [
                "review:",
                f"  date: {day(rng, dt.date(YEAR, 7, 1), dt.date(YEAR, 7, 31))}",
                "  method: 年中践诺党员群众代表测评会",
                "  votes:",
                f"    满意: {rng.randint(20, 60)}",
                f"    基本满意: {rng.randint(0, 15)}",
                f"    不满意: {rng.randint(0, 5)}",
            ]
        lead = f"{'本组织' if role == '支部' else '我'}向党员和群众作出{YEAR}年度公开承诺，接受监督。"
        text = body(rng, w.sentences, "promise", lead)
        hugo = (f"title: {yq(promiser + str(YEAR) + '年承诺书')}\ndate: {published}\norgs: [{org['id']}]\n"
                f"role: {role}\nitems:\n" + "\n".join(hugo_items) + "\n")
        w.write("promises", doc_id, "\n".join(lines) + "\n", text, hugo)


def write_disclosures(w, rng, org, secretary, phone):
    categories = CATEGORIES * 2
    rng.shuffle(categories)
    for k, category in enumerate(categories):
        doc_id = f"{org['id']}-gk{k + 1:02d}"
        published = day(rng, dt.date(YEAR - 1, 12, 1), AS_OF - dt.timedelta(days=1))
        reviewed = published - dt.timedelta(days=rng.randint(2, 6))
        approved = reviewed + dt.timedelta(days=rng.randint(0, (published - reviewed).days))
        quarter = f"{published.year}-Q{(published.month - 1) // 3 + 1}"
        title = f"{org['short']}{published.year}年第{'一二三四'[(published.month - 1) // 3]}季度{rng.choice(TOPICS[category])}"
        scope = "党内公开" if rng.random() < 0.1 else "社会公开"
        lines = [
            f"id: {doc_id}", f"branch: {org['id']}", f"title: {yq(title)}", f"category: {category}",
            f"scope: {scope}", f"published: {published}", f"cadence: {CADENCE[category]}", f"period: {quarter}",
            f"reviewed: {{by: {yq(org['short'] + '组织委员 ' + person(rng))}, date: {reviewed}}}",
            f"approved: {{by: {yq(org['short'] + '书记 ' + secretary)}, date: {approved}}}",
        ]
        if rng.random() < 0.5:
            until = published + dt.timedelta(days=rng.randint(5, 15))
            lines.append(f"until: {until}")
            # 结果公开 within a few days of the notice period, as a maintained site writes it.
            if until < AS_OF:
                outcome = min(AS_OF, until + dt.timedelta(days=rng.randint(1, 5)))
                lines += [
                    "outcome:", f"  date: {outcome}",
                    f"  text: 公示期内收到意见{rng.randint(0, 3)}条，已逐条答复，按原方案实施。", f"  received: {rng.randint(0, 3)}",
                ]
        lines.append(f"feedback: {yq(org['short'] + ' ' + phone)}")
        text = body(rng, w.sentences, "disclosure")
        hugo = (f"title: {yq(title)}\ndate: {published}\norgs: [{org['id']}]\ncategory: {category}\n"
                + ("draft: true\n" if scope == "党内公开" else ""))
        w.write("disclosures", doc_id, "\n".join(lines) + "\n", text, hugo)


def write_example(w, rng, org, secretary):
    doc_id = f"{org['id']}-dx"
    title = f"{org['short']}开展“{rng.choice(ACTIVITIES)}”服务{rng.choice(GROUPS)}"
    date = day(rng, dt.date(YEAR, 1, 10), AS_OF - dt.timedelta(days=1))
    lines = [f"id: {doc_id}", f"title: {yq(title)}", f"branch: {org['id']}", f"date: {date}",
             f"service: {rng.choice(SERVICES)}", f"people: [{yq(secretary)}]"]
    if rng.random() < 0.4:
        lines += ["honors:", f"  - {YEAR - 1}年度筑南市{rng.choice(HONORS)}"]
    if rng.random() < 0.5:
        lines.append(f"summary: {yq('全年开展活动' + str(rng.randint(10, 40)) + '次，服务群众' + str(rng.randint(100, 900)) + '余人次。')}")
    text = body(rng, w.sentences, "example")
    hugo = f"title: {yq(title)}\ndate: {date}\norgs: [{org['id']}]\n"
    w.write("examples", doc_id, "\n".join(lines) + "\n", text, hugo)


def write_site_files(root, hugos, n, seed):
    """site.yaml and the about page; for each Hugo site (`{dir: layout}`), its config, section pages and layout."""
    with open(os.path.join(root, "site.yaml"), "w", encoding="utf-8") as f:
        f.write(
            f"# Synthetic benchmark corpus: {n} organisations, seed {seed} (Benchmarks/make_corpus.py)\n"
            "title: 溪山区党务公开网（基准测试）\n"
            "base_url: https://dangjian.example.org/bench/\n"
            "language: zh-CN\n"
            "organizer: 中共筑南市溪山区委组织部\n"
            "contact: 溪山区党群服务中心 0851-86200000\n"
        )
    about = "本站为基准测试合成的党务公开网站，内容由程序生成。\n"
    with open(os.path.join(root, "content", "pages", "guanyu.md"), "w", encoding="utf-8") as f:
        f.write("---\nid: guanyu\ntitle: 关于本站\n---\n\n" + about)
    for hugo, layout in hugos.items():
        config, layouts = HUGO_VARIANTS[layout]
        with open(os.path.join(hugo, "hugo.toml"), "w", encoding="utf-8") as f:
            f.write(config)
        with open(os.path.join(hugo, "content", "pages", "guanyu.md"), "w", encoding="utf-8") as f:
            f.write("---\ntitle: 关于本站\n---\n\n" + about)
        for kind, title in SECTION_TITLES.items():
            with open(os.path.join(hugo, "content", kind, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {title}\n---\n")
        for name, text in layouts.items():
            path = os.path.join(hugo, "layouts", name)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)


SECTION_TITLES = {"branches": "支部概况", "promises": "承诺栏", "disclosures": "党务公开", "examples": "典型事例", "pages": "服务指南"}

# ---------------------------------------------------------------- the layout the benchmark used before (legacy)
# Kept byte for byte as it was, so its row stays comparable with earlier results: every page calls
# `.GetTerms "orgs"` and relativeURLs rewrites every written page.

HUGO_CONFIG = """baseURL = "https://dangjian.example.org/"
languageCode = "zh-CN"
title = "溪山区党务公开网（基准测试）"
hasCJKLanguage = true
relativeURLs = true
rssLimit = 20
enableRobotsTXT = true

[taxonomies]
org = "orgs"
"""

HUGO_BASE = """<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} - {{ site.Title }}</title>
<link rel="canonical" href="{{ .Permalink }}">
</head>
<body>
<header><a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ "/orgs/" | relURL }}">组织</a></nav></header>
<main>{{ block "main" . }}{{ end }}</main>
<footer>中共筑南市溪山区委组织部</footer>
</body>
</html>
"""

HUGO_LIST_ROWS = """<ul>{{ range .Pages.ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}
</ul>"""

HUGO_LAYOUTS = {
    "_default/baseof.html": HUGO_BASE,
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Date }}<p>发布日期：{{ .Format "2006-01-02" }}</p>{{ end }}
{{ range .GetTerms "orgs" }}<p>发布组织：<a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}
{{ .Content }}</article>{{ end }}
""",
    "promises/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.role }}，公示日期 {{ .Date.Format "2006-01-02" }}</p>
<table><thead><tr><th>承诺事项</th><th>状态</th></tr></thead><tbody>
{{ range .Params.items }}<tr><td>{{ .text }}</td><td>{{ .status }}</td></tr>{{ end }}
</tbody></table>
{{ range .GetTerms "orgs" }}<p>所属组织：<a href="{{ .RelPermalink }}">{{ .Title }}</a></p>{{ end }}
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
""" + HUGO_LIST_ROWS + "{{ end }}\n",
    "_default/terms.html": """{{ define "main" }}<h1>组织</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ len .Pages }}</li>{{ end }}</ul>{{ end }}
""",
    "_default/term.html": """{{ define "main" }}<h1>{{ .Title }}</h1>
""" + HUGO_LIST_ROWS + "{{ end }}\n",
    "index.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<h2>最新党务公开</h2>
<ul>{{ range first 20 (where site.RegularPages.ByDate.Reverse "Section" "disclosures") }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}

# ---------------------------------------------------------------- the layout a Hugo expert would write
# The same pages (every document, one list per section, one plain taxonomy list per organisation, the
# organisations' index, the home page, Hugo's default RSS feeds and sitemap) with root-relative links and
# no relativeURLs; a page names its organisation through data/orgs.json (one map lookup) rather than
# `.GetTerms`, and the navigation, the same on every page, is a cached partial.

HUGO_EXPERT_CONFIG = HUGO_CONFIG.replace("relativeURLs = true\n", "")

HUGO_EXPERT_BASE = HUGO_BASE.replace(
    """<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ "/orgs/" | relURL }}">组织</a></nav></header>""",
    """{{ partialCached "nav.html" . }}</header>""")

HUGO_EXPERT_NAV = """<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ "/orgs/" | relURL }}">组织</a></nav>"""

# The organisation's term page is /orgs/<id>/ (ids are already lower-case [a-z0-9-], which Hugo's urlize keeps).
def expert_org(label):
    """The line naming a page's organisation, linked to its term page."""
    return ('{{ with index .Params.orgs 0 }}<p>' + label + '<a href="{{ printf "/orgs/%s/" . | relURL }}">'
            '{{ index site.Data.orgs . }}</a></p>{{ end }}')


HUGO_EXPERT_LAYOUTS = {
    "_default/baseof.html": HUGO_EXPERT_BASE,
    "partials/nav.html": HUGO_EXPERT_NAV,
    "_default/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
{{ with .Date }}<p>发布日期：{{ .Format "2006-01-02" }}</p>{{ end }}
""" + expert_org("发布组织：") + """
{{ .Content }}</article>{{ end }}
""",
    "promises/single.html": """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<p>{{ .Params.role }}，公示日期 {{ .Date.Format "2006-01-02" }}</p>
<table><thead><tr><th>承诺事项</th><th>状态</th></tr></thead><tbody>
{{ range .Params.items }}<tr><td>{{ .text }}</td><td>{{ .status }}</td></tr>{{ end }}
</tbody></table>
""" + expert_org("所属组织：") + """
{{ .Content }}</article>{{ end }}
""",
    "_default/list.html": HUGO_LAYOUTS["_default/list.html"],
    "_default/terms.html": HUGO_LAYOUTS["_default/terms.html"],
    "_default/term.html": HUGO_LAYOUTS["_default/term.html"],
    "index.html": """{{ define "main" }}<h1>{{ site.Title }}</h1>
<h2>最新党务公开</h2>
<ul>{{ range first 20 (where site.RegularPages "Section" "disclosures").ByDate.Reverse }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
""",
}

HUGO_VARIANTS = {"expert": (HUGO_EXPERT_CONFIG, HUGO_EXPERT_LAYOUTS), "legacy": (HUGO_CONFIG, HUGO_LAYOUTS)}


def generate(root, n, seed, hugo=None, sentences=None, hugo_legacy=None):
    """Write the corpus of n organisations to root, and the same documents as the Hugo expert site to hugo and
    as the legacy-layout Hugo site to hugo_legacy; all are replaced."""
    hugos = {path: layout for path, layout in ((hugo, "expert"), (hugo_legacy, "legacy")) if path}
    for target in [root, *hugos]:
        if os.path.exists(target):
            shutil.rmtree(target)
        for kind in ("branches", "promises", "disclosures", "examples", "pages"):
            os.makedirs(os.path.join(target, "content", kind))
    write_site_files(root, hugos, n, seed)
    w = Writer(root, list(hugos), sentences)
    orgs = [organisation(i, seed) for i in range(n)]
    for i, org in enumerate(orgs):
        rng = random.Random(f"{seed}:content:{i}")
        secretary = person(rng)
        parent_id = orgs[org["parent"]]["id"] if org["parent"] is not None else None
        write_branch(w, rng, org, parent_id, secretary)
        phone = f"0851-8{rng.randint(0, 9999999):07d}"
        write_promises(w, rng, org, secretary)
        write_disclosures(w, rng, org, secretary, phone)
        write_example(w, rng, org, secretary)
        for target in hugos:
            # The term page of each organisation gets its full name as title.
            term = os.path.join(target, "content", "orgs", org["id"])
            os.makedirs(term)
            with open(os.path.join(term, "_index.md"), "w", encoding="utf-8") as f:
                f.write(f"---\ntitle: {yq(org['name'])}\n---\n")
    for target, layout in hugos.items():
        if layout == "expert":
            os.makedirs(os.path.join(target, "data"))
            with open(os.path.join(target, "data", "orgs.json"), "w", encoding="utf-8") as f:
                json.dump({org["id"]: org["name"] for org in orgs}, f, ensure_ascii=False, indent=0, sort_keys=True)
                f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", help="gongshi source directory to write (replaced)")
    parser.add_argument("--branches", type=int, required=True, help="number of organisations")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--hugo", help="also write the same documents as a Hugo site (expert layout) here (replaced)")
    parser.add_argument("--hugo-legacy", help="also write them as a Hugo site with the benchmark's earlier layout "
                                              "(.GetTerms on every page, relativeURLs) here (replaced)")
    parser.add_argument("--sentences", default=DEFAULT_SENTENCES, help="text to take sentences from")
    args = parser.parse_args()
    if args.branches < 1:
        parser.error("--branches must be at least 1")
    sentences = load_sentences(args.sentences)
    source = args.sentences if sentences else "built-in phrases"
    generate(args.dir, args.branches, args.seed, args.hugo, sentences or fallback_sentences(), args.hugo_legacy)
    targets = "".join(f" and {path}" for path in (args.hugo, args.hugo_legacy) if path)
    print(f"make_corpus: {args.branches} organisations, seed {args.seed}, sentences from {source} -> {args.dir}"
          + targets, file=sys.stderr)


if __name__ == "__main__":
    main()

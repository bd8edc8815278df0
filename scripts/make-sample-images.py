#!/usr/bin/env python3
"""Draws the sample site's illustrative photos (示例站点的配图) and its logo.

Nothing is downloaded and nothing shows a real person: every picture is a scene of simple shapes (people are a circle
and a few rectangles, with no face), written here as SVG and rasterised by libvips (`vips`, whose SVG loader is
librsvg), then saved as JPEG (the logo as PNG). Signs are drawn with the Droid Sans Fallback font.

One photo, promises/照片/红色驿站内景.jpg, is made the way a phone makes a portrait photo: the pixels are stored on
their side (1600×1200) with the EXIF orientation tag 6 ("rotate 90° clockwise to view"), and exiftool writes into it
a made-up GPS position (26.5°N, 106.7°E), a camera make and model, the time it was taken, an XMP block and a JPEG
comment. gongshi must turn it upright (1200×1600) and strip all of that; the sample site shows the result.

Needs (Debian): libvips-tools (the `vips` command; only this script uses it, CI does not run it),
libimage-exiftool-perl (`exiftool`, also in scripts/ensure-deps.sh), fonts-droid-fallback. Python standard library
only. Output is deterministic for a given libvips, librsvg and font: running it again rewrites the same bytes. The
images it writes are committed; run it only to change them:

    python3 scripts/make-sample-images.py            # writes into content/*/照片/
    python3 scripts/make-sample-images.py --check    # exit 1 if a committed image differs from a fresh drawing
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FONT = "Droid Sans Fallback"
QUALITY = 75

SKY = "#a9d0ee"
PAVEMENT = "#c9c2b6"
RED = "#b3261e"
GOLD = "#ffe3a0"


# ---- drawing helpers: each returns SVG markup ----


def rect(x, y, w, h, fill, rx=0, stroke=None, sw=0, extra=""):
    line = f' stroke="{stroke}" stroke-width="{sw}"' if stroke else ""
    return f'<rect x="{x}" y="{y}" width="{w}" height="{h}" rx="{rx}" fill="{fill}"{line}{extra}/>'


def circle(cx, cy, r, fill, extra=""):
    return f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{fill}"{extra}/>'


def poly(points, fill, extra=""):
    return f'<polygon points="{" ".join(f"{x},{y}" for x, y in points)}" fill="{fill}"{extra}/>'


def line(x1, y1, x2, y2, stroke, sw, cap="round"):
    return f'<line x1="{x1}" y1="{y1}" x2="{x2}" y2="{y2}" stroke="{stroke}" stroke-width="{sw}" stroke-linecap="{cap}"/>'


def text(x, y, s, size, fill, anchor="middle", weight="normal", spacing=0):
    return (
        f'<text x="{x}" y="{y}" font-family="{FONT}" font-size="{size}" font-weight="{weight}" fill="{fill}" '
        f'text-anchor="{anchor}" letter-spacing="{spacing}">{s}</text>'
    )


def lines_of_text(x, y, w, rows, gap, colour="#9a968e", thickness=7, short_last=True):
    """Grey bars standing for printed lines too small to read."""
    out = []
    for i in range(rows):
        width = w * 0.6 if short_last and i == rows - 1 else w
        out.append(rect(x, y + i * gap, round(width), thickness, colour, rx=thickness // 2))
    return "".join(out)


def person(x, feet, s=1.0, shirt="#3b6ea8", trousers="#3a3a44", skin="#e8bf98", hair="#2b2622", vest=None,
           arms="down", seated=False, facing=1):
    """A standing (or seated) figure, feet at `feet`, centred on x; `s` scales it (1.0 ≈ 300 px tall). With
    `arms="forward"` one arm reaches out towards `facing` (1 right, -1 left)."""
    def S(v):
        return round(v * s)

    out = []
    if seated:
        hip = feet - S(110)
        out.append(rect(x - S(34), hip - S(8), S(80), S(30), trousers, rx=S(12)))
        out.append(rect(x + S(26), hip, S(24), S(110), trousers, rx=S(10)))
        top = hip - S(130)
    else:
        out.append(rect(x - S(30), feet - S(140), S(26), S(140), trousers, rx=S(10)))
        out.append(rect(x + S(4), feet - S(140), S(26), S(140), trousers, rx=S(10)))
        top = feet - S(270)
    out.append(rect(x - S(40), top, S(80), S(140), shirt, rx=S(26)))
    if vest:
        out.append(rect(x - S(40), top + S(10), S(80), S(110), vest, rx=S(22)))
        out.append(rect(x - S(8), top + S(10), S(16), S(110), shirt, rx=S(4)))
    if arms == "down":
        out.append(rect(x - S(58), top + S(14), S(22), S(112), shirt, rx=S(11)))
        out.append(rect(x + S(36), top + S(14), S(22), S(112), shirt, rx=S(11)))
    elif arms == "forward":
        out.append(rect(x - facing * S(47) - S(11), top + S(14), S(22), S(112), shirt, rx=S(11)))
        out.append(rect(x + S(20) if facing > 0 else x - S(110), top + S(40), S(90), S(24), shirt, rx=S(12)))
    out.append(circle(x, top - S(38), S(36), skin))
    out.append(f'<path d="M{x - S(37)},{top - S(40)} a{S(37)},{S(37)} 0 0 1 {S(74)},0 z" fill="{hair}"/>')
    return "".join(out)


def tree(x, ground, s=1.0, leaf="#4f8a3c"):
    def S(v):
        return round(v * s)

    return rect(x - S(14), ground - S(170), S(28), S(170), "#7a5a3c") + circle(x, ground - S(230), S(110), leaf) + \
        circle(x - S(70), ground - S(180), S(70), leaf) + circle(x + S(70), ground - S(185), S(75), leaf)


def box(x, y, w, h, fill="#c8a06a"):
    return rect(x, y, w, h, fill, rx=4, stroke="#8d6b40", sw=3) + line(x, y + h * 0.3, x + w, y + h * 0.3, "#a8844f", 3)


def svg(width, height, body, background="#ffffff"):
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}">'
        f'{rect(0, 0, width, height, background)}{body}</svg>'
    )


# ---- the scenes ----


def service_station():
    """金桥社区党群服务站 seen from the street: the sign, the 红色驿站 plaque, trees and passers-by."""
    b = [rect(0, 0, 1600, 760, SKY), rect(0, 760, 1600, 440, PAVEMENT), rect(0, 760, 1600, 24, "#a39b8e")]
    b.append(rect(260, 170, 1080, 600, "#efe4d0", stroke="#b4a68c", sw=4))
    for row in range(2):
        for col in range(6):
            b.append(rect(310 + col * 172, 220 + row * 130, 120, 90, "#7fa7c4", rx=4, stroke="#f8f4ec", sw=6))
    b.append(rect(300, 480, 1000, 96, RED, rx=6))
    b.append(text(800, 547, "金桥社区党群服务站", 64, GOLD, spacing=6))
    b.append(rect(650, 600, 300, 170, "#5f8fae", stroke="#d9d2c4", sw=8))
    b.append(line(800, 600, 800, 770, "#d9d2c4", 6))
    b.append(rect(980, 610, 90, 150, "#ffffff", rx=4, stroke=RED, sw=5))
    b.append(text(1025, 665, "红色", 30, RED))
    b.append(text(1025, 705, "驿站", 30, RED))
    b.append(text(1025, 742, "便民", 22, "#555"))
    b.append(tree(150, 790, 1.1))
    b.append(tree(1460, 790, 1.05, "#5a9445"))
    b.append(rect(1120, 780, 160, 20, "#8c6a48") + rect(1130, 800, 12, 40, "#555") + rect(1258, 800, 12, 40, "#555"))
    b.append(person(470, 1020, 0.95, shirt="#c0504d", trousers="#44475a"))
    b.append(person(560, 1030, 1.0, shirt="#e3c35a", trousers="#3c4a66", hair="#55504a"))
    b.append(person(1240, 1080, 1.05, shirt="#4f7f6a"))
    return svg(1600, 1200, "".join(b))


def red_station_inside():
    """红色驿站 inside, photographed upright (portrait): water, chargers, a sofa, the list of services."""
    b = [rect(0, 0, 1200, 1100, "#f3ede2"), rect(0, 1100, 1200, 500, "#b98f62"), rect(0, 1090, 1200, 16, "#8d6b48")]
    b.append(rect(170, 120, 860, 150, RED, rx=8))
    b.append(text(600, 225, "红色驿站", 92, GOLD, spacing=14))
    b.append(rect(250, 310, 700, 300, "#ffffff", rx=6, stroke="#c9bda8", sw=4))
    b.append(text(600, 372, "便民服务", 44, RED))
    for i, item in enumerate(["饮水", "手机充电", "歇脚休息", "代收代办"]):
        b.append(text(360 + (i % 2) * 330, 450 + (i // 2) * 80, item, 38, "#4a4a4a", anchor="start"))
        b.append(circle(335 + (i % 2) * 330, 437 + (i // 2) * 80, 9, RED))
    b.append(rect(110, 700, 190, 420, "#f7f7f7", rx=10, stroke="#bbb", sw=4))
    b.append(rect(140, 620, 130, 110, "#8fc3e8", rx=30))
    b.append(rect(150, 820, 40, 24, "#d33", rx=4) + rect(220, 820, 40, 24, "#37d", rx=4))
    b.append(rect(380, 760, 300, 340, "#6c7a89", rx=8))
    for row in range(3):
        for col in range(2):
            b.append(rect(405 + col * 140, 785 + row * 100, 110, 80, "#93a3b4", rx=4, stroke="#56616e", sw=3))
    b.append(rect(740, 900, 400, 80, "#c0504d", rx=30) + rect(720, 960, 440, 150, "#a8403d", rx=30))
    b.append(rect(740, 1110, 24, 30, "#555") + rect(1116, 1110, 24, 30, "#555"))
    b.append(rect(760, 1240, 280, 22, "#8d6b48") + rect(800, 1262, 18, 140, "#6d5038") + rect(982, 1262, 18, 140, "#6d5038"))
    b.append(rect(860, 1150, 44, 90, "#e9e9e9", rx=10) + rect(930, 1200, 40, 40, "#ffffff", rx=6))
    b.append(rect(80, 1300, 90, 160, "#3f7d3a", rx=12) + rect(70, 1440, 110, 80, "#9a6b42", rx=8))
    return svg(1200, 1600, "".join(b))


def activity_room():
    """水口村党群服务中心的党员活动室 (阵地): a banner, rules on the wall, rows of chairs, the 农家书屋 shelf."""
    b = [rect(0, 0, 1600, 820, "#f1ece3"), rect(0, 820, 1600, 380, "#cfc5b4"), rect(0, 810, 1600, 14, "#a69a86")]
    b.append(rect(330, 80, 940, 110, RED, rx=6))
    b.append(text(800, 158, "水口村党群服务中心  党员活动室", 54, GOLD, spacing=3))
    for i, heading in enumerate(["三会一课制度", "主题党日制度", "党务公开制度"]):
        x = 200 + i * 420
        b.append(rect(x, 250, 360, 300, "#ffffff", rx=4, stroke="#c6b9a2", sw=4))
        b.append(text(x + 180, 305, heading, 34, RED))
        b.append(lines_of_text(x + 40, 345, 280, 6, 32))
    b.append(rect(1360, 250, 200, 560, "#8b5e3c", rx=4))
    spines = ["#c0504d", "#4f81bd", "#9bbb59", "#f2c14e", "#8064a2", "#4bacc6"]
    for shelf in range(4):
        y = 270 + shelf * 135
        b.append(rect(1370, y + 110, 180, 10, "#6d4a2e"))
        for k in range(7):
            b.append(rect(1378 + k * 24, y + 20 + (k % 3) * 8, 20, 90 - (k % 3) * 8, spines[(k + shelf) % 6]))
    b.append(rect(1370, 200, 180, 44, "#ffffff", rx=4) + text(1460, 232, "农家书屋", 28, "#6d4a2e"))
    b.append(rect(520, 640, 560, 30, "#8d6b48", rx=4) + rect(540, 670, 20, 130, "#6d5038") + rect(1040, 670, 20, 130, "#6d5038"))
    b.append(rect(600, 600, 60, 40, "#ffffff") + rect(900, 610, 40, 30, "#e8e2d6"))
    for row in range(3):
        for col in range(7):
            x, y = 230 + col * 160 - row * 20, 880 + row * 105
            b.append(rect(x, y, 100, 30, "#c0504d", rx=8) + rect(x + 6, y - 60, 88, 64, "#a8403d", rx=10))
            b.append(rect(x + 8, y + 30, 10, 50, "#555") + rect(x + 82, y + 30, 10, 50, "#555"))
    return svg(1600, 1200, "".join(b))


def notice_board():
    """金桥社区党务公开栏 with the 发展对象 公示 in the middle pane; the printed lines are too small to read."""
    b = [rect(0, 0, 1600, 800, "#d8d2c6"), rect(0, 800, 1600, 400, PAVEMENT)]
    for k in range(9):
        b.append(line(0, 90 * k + 40, 1600, 90 * k + 40, "#cbc4b6", 3))
    b.append(poly([(140, 180), (1460, 180), (1400, 120), (200, 120)], "#7a2a24"))
    b.append(rect(160, 180, 1280, 600, "#f6f1e6", stroke="#6c6c6c", sw=12))
    b.append(rect(176, 196, 1248, 90, RED))
    b.append(text(800, 262, "金桥社区党务公开栏", 58, GOLD, spacing=8))
    for i in range(3):
        x = 200 + i * 410
        b.append(rect(x, 310, 380, 450, "#dfe8ee", stroke="#9aa8b3", sw=4))
    b.append(rect(230, 340, 320, 390, "#ffffff") + text(390, 395, "党费收缴使用情况", 30, "#333") + lines_of_text(260, 430, 260, 8, 34))
    b.append(rect(640, 330, 320, 410, "#ffffff") + text(800, 410, "公  示", 64, RED, weight="bold") + lines_of_text(670, 450, 260, 7, 36))
    b.append(rect(820, 700, 110, 10, "#9a968e") + circle(880, 690, 34, "none", extra=' stroke="#d2645c" stroke-width="6"'))
    b.append(rect(1050, 340, 320, 390, "#ffffff") + text(1210, 395, "民情恳谈会议定事项", 30, "#333") + lines_of_text(1080, 430, 260, 8, 34))
    b.append(rect(260, 780, 24, 160, "#555") + rect(1316, 780, 24, 160, "#555"))
    b.append(rect(1440, 860, 110, 120, "#9a6b42", rx=10) + circle(1495, 820, 70, "#4f8a3c"))
    return svg(1600, 1200, "".join(b))


def village_road():
    """上寨组通组路: the new concrete road through the tea gardens to the village."""
    b = [rect(0, 0, 1600, 1200, "#bcdcf2")]
    b.append('<path d="M0,520 C300,380 520,420 760,470 C1000,380 1300,360 1600,450 L1600,1200 L0,1200 z" fill="#7aa765"/>')
    b.append('<path d="M0,640 C380,560 700,600 1000,560 C1250,530 1450,560 1600,600 L1600,1200 L0,1200 z" fill="#8fbd6e"/>')
    for k in range(9):
        y = 700 + k * 58
        b.append(f'<path d="M-20,{y} C400,{y - 50} 1100,{y + 40} 1620,{y - 20}" stroke="#5e8f47" stroke-width="26" fill="none"/>')
    for i, x in enumerate([980, 1120, 1260]):
        y = 470 - i * 6
        b.append(rect(x, y, 120, 90, "#8d5a34") + poly([(x - 20, y), (x + 140, y), (x + 60, y - 60)], "#3a3a3a"))
        b.append(rect(x + 45, y + 40, 30, 50, "#5a381f"))
    b.append('<path d="M560,1200 C640,980 760,820 1050,600 L1110,600 C900,830 860,1000 1000,1200 z" fill="#c9c6bf"/>')
    b.append('<path d="M780,1200 C800,1000 880,820 1080,600" stroke="#e7e4dd" stroke-width="6" fill="none" '
             'stroke-dasharray="40 40"/>')
    b.append(rect(430, 900, 16, 180, "#555") + rect(340, 860, 200, 70, "#1f6fb2", rx=6))
    b.append(text(440, 908, "上寨组", 38, "#ffffff"))
    b.append(person(1180, 1010, 0.7, shirt="#c0504d"))
    return svg(1600, 1200, "".join(b))


def party_day_square():
    """第一网格党支部主题党日 in the square in front of 9栋: a banner, a sign-in table, members in rows."""
    b = [rect(0, 0, 1600, 700, "#e4dccd"), rect(0, 700, 1600, 500, "#bfb6a7")]
    for col in range(8):
        for row in range(4):
            b.append(rect(40 + col * 200, 40 + row * 150, 120, 90, "#9fb8c9", stroke="#f3efe7", sw=6))
    for k in range(12):
        b.append(line(0, 720 + k * 40, 1600, 720 + k * 40, "#b3aa9a", 2))
    b.append(rect(300, 200, 14, 520, "#666") + rect(1286, 200, 14, 520, "#666"))
    b.append(rect(314, 220, 972, 100, RED))
    b.append(text(800, 290, "第一网格党支部主题党日", 60, GOLD, spacing=6))
    b.append(rect(1080, 760, 300, 24, "#f2f2f2", rx=4) + rect(1080, 784, 300, 120, "#c0504d"))
    b.append(rect(1130, 740, 140, 20, "#ffffff"))
    colours = ["#3b6ea8", "#c0504d", "#4f7f6a", "#8064a2", "#d08c3a", "#5a6470"]
    for row in range(2):
        for col in range(6):
            x = 300 + col * 120 + row * 60
            b.append(person(x, 900 + row * 150, 0.72 + row * 0.08, shirt=colours[(col + row * 3) % 6],
                            hair="#5e5750" if (col + row) % 3 == 0 else "#2b2622"))
    b.append(person(1230, 1000, 0.85, shirt="#ffffff", vest=RED, arms="forward", facing=-1))
    return svg(1600, 1200, "".join(b))


def household_visit():
    """入户走访: two community workers in red vests at a resident's open door, one noting in the 民情台账."""
    b = [rect(0, 0, 1600, 900, "#ece6da"), rect(0, 900, 1600, 300, "#b5aa98"), rect(0, 880, 1600, 20, "#9d927f")]
    b.append(rect(0, 0, 1600, 120, "#ddd5c6") + rect(720, 40, 160, 30, "#fffbe6", rx=12))
    b.append(rect(820, 220, 360, 680, "#7a4f32") + rect(850, 250, 120, 620, "#5b3a24"))
    b.append(rect(960, 240, 200, 660, "#3b2f2a"))
    b.append(rect(1220, 300, 150, 110, "#ffffff", rx=4, stroke=RED, sw=5) + text(1295, 345, "民情", 30, RED) +
             text(1295, 385, "联系卡", 30, RED))
    b.append(person(1060, 900, 1.0, shirt="#9a8c7a", trousers="#4a4a52", hair="#cfcac3"))
    b.append(person(560, 920, 1.0, shirt="#ffffff", vest=RED, arms="forward"))
    b.append(rect(650, 600, 70, 90, "#f7f3e8", stroke="#888", sw=3))
    b.append(person(330, 930, 0.98, shirt="#ffffff", vest=RED, hair="#3a2c24"))
    b.append(rect(120, 700, 90, 200, "#6b8e5a", rx=20) + rect(110, 860, 110, 60, "#9a6b42", rx=6))
    return svg(1600, 1200, "".join(b))


def clearing_stairwell():
    """清理楼道杂物: volunteers carry old boxes and a broken chair out of the stairwell to a handcart."""
    b = [rect(0, 0, 1600, 1200, "#e9e3d6"), rect(0, 700, 1600, 500, "#a9a295")]
    steps = [(220 + k * 90, 700 - k * 60) for k in range(10)]
    for x, y in steps:
        b.append(rect(x, y, 90, 700 - y + 500, "#c4bdb0") + rect(x, y, 90, 14, "#8f897e"))
    b.append(line(220, 600, 1120, 0, "#6b6b6b", 12))
    for x, y in steps[::2]:
        b.append(line(x + 10, y - 100, x + 10, y, "#6b6b6b", 8))
    b.append(box(820, 240, 120, 90) + box(900, 170, 100, 80, "#d1ad78") + box(1010, 130, 110, 90))
    b.append(rect(1150, 90, 80, 12, "#7a5a3c") + rect(1150, 100, 12, 80, "#7a5a3c") + rect(1218, 100, 12, 80, "#7a5a3c"))
    b.append(rect(1280, 880, 260, 120, "#3f6e8c", rx=8) + circle(1320, 1010, 30, "#333") + circle(1500, 1010, 30, "#333"))
    b.append(line(1280, 890, 1220, 820, "#333", 10))
    b.append(box(1300, 800, 110, 80) + box(1420, 790, 100, 90, "#d1ad78"))
    b.append(person(700, 1080, 1.0, shirt="#ffffff", vest=RED, arms="forward"))
    b.append(box(790, 790, 140, 110))
    b.append(person(1100, 1100, 0.95, shirt="#3b6ea8", vest=RED))
    b.append(person(470, 700, 0.9, shirt="#ffffff", vest=RED, arms="forward") + box(550, 430, 110, 90, "#d1ad78"))
    return svg(1600, 1200, "".join(b))


def doctor_visit():
    """家庭医生上门随访: a doctor in a white coat measures a seated elderly resident's blood pressure at home."""
    b = [rect(0, 0, 1600, 820, "#efe6d6"), rect(0, 820, 1600, 380, "#b48b62"), rect(0, 810, 1600, 14, "#8a6a48")]
    b.append(rect(1100, 140, 360, 300, "#a9d0ee", stroke="#f8f4ec", sw=14) + line(1280, 140, 1280, 440, "#f8f4ec", 10))
    b.append(rect(160, 520, 620, 110, "#6c8aa8", rx=40) + rect(130, 600, 680, 220, "#5b7896", rx=40))
    b.append(rect(160, 820, 24, 40, "#444") + rect(756, 820, 24, 40, "#444"))
    b.append(person(420, 930, 1.05, shirt="#8c7f6d", trousers="#4a4a52", hair="#d8d4ce", seated=True, arms="forward"))
    b.append(rect(452, 690, 60, 40, "#2f5f8f", rx=8))
    b.append(person(1000, 1040, 1.08, shirt="#ffffff", trousers="#5a6a80", hair="#2b2622", arms="forward", facing=-1))
    b.append(rect(880, 900, 360, 24, "#8d6b48") + rect(900, 924, 18, 170, "#6d5038") + rect(1202, 924, 18, 170, "#6d5038"))
    b.append(rect(950, 840, 130, 60, "#f0f0f0", rx=8, stroke="#888", sw=3) + rect(970, 852, 60, 30, "#9fd3a8", rx=4))
    b.append(line(1010, 840, 500, 716, "#444", 5))
    b.append(rect(1110, 820, 110, 80, "#2f6f9f", rx=12) + rect(1145, 805, 40, 20, "none", rx=8, stroke="#2f6f9f", sw=6))
    b.append(rect(1300, 700, 200, 120, "#d9cdb8") + rect(1320, 660, 60, 40, "#ffffff") + rect(1400, 670, 70, 30, "#e9f2f7"))
    return svg(1600, 1200, "".join(b))


def repaired_stairwell():
    """楼道改造后 (portrait): fresh paint, a new handrail, a motion-sensor light, a fire extinguisher box, no clutter."""
    b = [rect(0, 0, 1200, 1600, "#f7f5ef"), rect(0, 1000, 1200, 600, "#d7d1c4"), rect(0, 820, 1200, 180, "#cfe0cf")]
    steps = [(120 + k * 100, 1300 - k * 90) for k in range(9)]
    for x, y in steps:
        b.append(rect(x, y, 100, 1600 - y, "#d9d3c7") + rect(x, y, 100, 12, "#b2aa9b"))
    b.append(line(120, 1130, 1020, 320, "#b7bcc2", 16))
    for x, y in steps[::2]:
        b.append(line(x + 12, y - 160, x + 12, y, "#b7bcc2", 8))
    b.append(rect(520, 60, 160, 40, "#ffffff", rx=16, stroke="#ccc", sw=3) + circle(600, 80, 12, "#fff6cf"))
    b.append(f'<path d="M520,100 L360,420 L840,420 L680,100 z" fill="#fffbe4" opacity="0.45"/>')
    b.append(rect(870, 560, 150, 230, RED, rx=8) + rect(890, 580, 110, 150, "#f2f2f2", rx=4) + rect(925, 600, 40, 110, RED, rx=14))
    b.append(rect(120, 480, 420, 150, "#ffffff", rx=6, stroke="#2f7a44", sw=5))
    b.append(text(330, 545, "楼道禁止堆放杂物", 40, "#2f7a44") + text(330, 598, "保持消防通道畅通", 34, "#555"))
    return svg(1200, 1600, "".join(b))


def logo():
    """The site's mark: the street's name in a circle (no emblem). Square and opaque, for the favicon too."""
    b = [circle(256, 256, 236, RED), circle(256, 256, 204, "#ffffff"), circle(256, 256, 190, "none",
         extra=f' stroke="{RED}" stroke-width="6"')]
    b.append(text(256, 262, "青溪", 132, RED, weight="bold", spacing=4))
    b.append(text(256, 350, "街道党务公开", 44, "#6b1a14", spacing=2))
    b.append(rect(156, 292, 200, 6, RED, rx=3))
    return svg(512, 512, "".join(b))


# (output path relative to the repository, scene, how it is saved)
IMAGES = [
    ("content/branches/照片/金桥社区党群服务站外景.jpg", service_station, "jpeg"),
    ("content/branches/照片/水口村党员活动室.jpg", activity_room, "jpeg"),
    ("content/promises/照片/红色驿站内景.jpg", red_station_inside, "phone"),
    ("content/promises/照片/清理楼道杂物.jpg", clearing_stairwell, "jpeg"),
    ("content/promises/照片/家庭医生上门随访.jpg", doctor_visit, "jpeg"),
    ("content/disclosures/照片/党务公开栏.jpg", notice_board, "jpeg"),
    ("content/disclosures/照片/上寨组通组路.jpg", village_road, "jpeg"),
    ("content/examples/照片/主题党日.jpg", party_day_square, "jpeg"),
    ("content/examples/照片/入户走访.jpg", household_visit, "jpeg"),
    ("content/examples/照片/楼道改造后.jpg", repaired_stairwell, "jpeg"),
    ("content/pages/照片/站标.png", logo, "png"),
]

# What a phone writes into a photo (all made up); gongshi strips every one of these.
PHONE_TAGS = [
    "-Orientation#=6",
    "-Make=示例手机厂",
    "-Model=示例手机 X1",
    "-DateTimeOriginal=2026:06:18 10:24:31",
    "-GPSLatitude=26.5",
    "-GPSLatitudeRef=N",
    "-GPSLongitude=106.7",
    "-GPSLongitudeRef=E",
    "-GPSAltitude=1100",
    "-XMP-dc:Description=示例照片：虚构的拍摄地点",
    "-Comment=sample photo with a made-up GPS position",
]


def run(*args):
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)


def draw(scene, kind, destination, work):
    source = os.path.join(work, "scene.svg")
    with open(source, "w", encoding="utf-8") as f:
        f.write(scene())
    flat = os.path.join(work, "flat.v")
    run("vips", "flatten", source, flat, "--background", "255 255 255")
    if kind == "png":
        run("vips", "pngsave", flat, destination, "--compression", "9", "--strip")
        return
    if kind == "phone":
        # Stored on its side, as a phone held upright stores it; the tag says how to turn it for viewing.
        turned = os.path.join(work, "turned.v")
        run("vips", "rot", flat, turned, "d270")
        flat = turned
    run("vips", "jpegsave", flat, destination, "--Q", str(QUALITY), "--strip", "--optimize-coding")
    if kind == "phone":
        run("exiftool", "-q", "-overwrite_original", "-charset", "exif=utf8", *PHONE_TAGS, destination)


def main():
    parser = argparse.ArgumentParser(description="Draws the sample site's illustrative photos and logo.")
    parser.add_argument("--check", action="store_true", help="compare with the committed images, write nothing")
    options = parser.parse_args()
    for tool in ("vips", "exiftool"):
        if shutil.which(tool) is None:
            sys.exit(f"make-sample-images: {tool} not found (Debian: libvips-tools, libimage-exiftool-perl)")
    differing = []
    with tempfile.TemporaryDirectory() as work:
        for relative, scene, kind in IMAGES:
            destination = os.path.join(ROOT, relative)
            fresh = os.path.join(work, "out" + os.path.splitext(relative)[1])
            draw(scene, kind, fresh, work)
            with open(fresh, "rb") as f:
                data = f.read()
            if options.check:
                try:
                    with open(destination, "rb") as f:
                        same = f.read() == data
                except FileNotFoundError:
                    same = False
                if not same:
                    differing.append(relative)
                continue
            os.makedirs(os.path.dirname(destination), exist_ok=True)
            with open(destination, "wb") as f:
                f.write(data)
            print(f"{relative}  {len(data) // 1024} KB  {hashlib.sha256(data).hexdigest()[:12]}")
    if differing:
        print("differs from a fresh drawing: " + ", ".join(differing), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()

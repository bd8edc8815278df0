#!/usr/bin/env bash
# Makes sure the C libraries gongshi links are installed: libcmark (Markdown), libqrencode (QR codes),
# OpenSSL's libcrypto (SHA-256), libvips (photos), jemalloc (the release program's allocator) and pkg-config to
# find them; and the tools the tests and the
# benchmark make and read back photos with: libvips' command `vips` (libvips-tools) and exiftool.
# As root it installs them with apt; otherwise it prints the exact command and stops.
set -euo pipefail

packages=(libcmark-dev libqrencode-dev libssl-dev libvips-dev libjemalloc-dev libvips-tools libimage-exiftool-perl pkg-config)
missing=()
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)
if ! pkg-config --exists libcmark 2>/dev/null || [ ! -f /usr/include/cmark.h ]; then
  missing+=(libcmark-dev)
fi
if ! pkg-config --exists libqrencode 2>/dev/null || [ ! -f /usr/include/qrencode.h ]; then
  missing+=(libqrencode-dev)
fi
if ! pkg-config --exists libcrypto 2>/dev/null || [ ! -f /usr/include/openssl/sha.h ]; then
  missing+=(libssl-dev)
fi
if ! pkg-config --exists vips 2>/dev/null || [ ! -f /usr/include/vips/vips.h ]; then
  missing+=(libvips-dev)
fi
if [ ! -f /usr/include/jemalloc/jemalloc.h ]; then
  missing+=(libjemalloc-dev)
fi
command -v vips >/dev/null 2>&1 || missing+=(libvips-tools)
command -v exiftool >/dev/null 2>&1 || missing+=(libimage-exiftool-perl)
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "安装依赖：${missing[*]}" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
  exit 0
fi

echo "缺少系统依赖：${missing[*]}" >&2
echo "请先运行：sudo apt-get install -y ${packages[*]}" >&2
exit 1

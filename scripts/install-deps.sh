#!/usr/bin/env bash
# Installs what Gongwen needs and the machine lacks: the C libraries it links, LibreOffice
# (the PDF engine and an independent reader in the tests) with its Python UNO binding (the
# warm pool's bridge, templates/pdf/bridge.py), poppler's PDF tools (pdfunite
# joins a batch's print file; pdftotext and pdfinfo read PDFs in the tests), free CJK
# fonts, node (which parses the web page's script in the tests), and the Python readers and
# validators the tests use. Safe to run again: it installs only what is missing. Needs root (or sudo) for
# apt-get.
set -euo pipefail

# Fonts: Noto CJK SC and AR PL for the official faces; BabelStone Han (Chinese forms) and
# Hanazono for the rare ideographs of CJK Extensions B to H; Symbola for emoji, as outlines,
# which LibreOffice's PDF export draws (it prints colour bitmap emoji blank). See
# templates/fonts/fonts.conf.
apt_packages=(
  pkg-config libxlsxwriter-dev libzip-dev libicu-dev libfriso-dev libxml2
  libreoffice-writer-nogui libreoffice-calc-nogui
  python3-uno
  time poppler-utils fontconfig fonts-noto-cjk fonts-arphic-ukai fonts-arphic-uming fonts-hanazono fonts-liberation
  fonts-babelstone-han fonts-symbola
  chromium chromium-driver
)
# The checks run where a colour emoji font is installed too, as on many desktops: the
# shipped fontconfig file must keep it out of PDFs (check_glyphs).
if [ "${1:-}" = "--with-test-readers" ]; then apt_packages+=(fonts-noto-color-emoji); fi
# The tests parse the web page's script with node; Debian's nodejs only when no node is on PATH.
command -v node >/dev/null || apt_packages+=(nodejs)

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing Debian packages: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "${1:-}" = "--with-test-readers" ]; then
  # openxml-audit (the strict OOXML validator) is pinned: its findings change between versions.
  # pdfplumber and fontTools read the PDFs' glyphs, rules and embedded fonts in the GB/T 9704 audit;
  # jieba (a Chinese word segmenter) tells it where the words of a title are.
  # msoffcrypto-tool makes the password-protected form that template import must refuse.
  python3 - <<'PY' 2>/dev/null || python3 -m pip install -q --disable-pip-version-check openpyxl python-docx jsonschema selenium schemathesis openapi-spec-validator openxml-audit==0.8.0 pdfplumber fonttools jieba msoffcrypto-tool
import importlib.metadata
import openpyxl, docx, jsonschema, selenium, schemathesis, openapi_spec_validator, openxml_audit, pdfplumber, fontTools, jieba, msoffcrypto
assert importlib.metadata.version("openxml-audit") == "0.8.0"
PY
fi

command -v swift >/dev/null || { echo "Swift 6 is needed on PATH (https://swift.org/install)"; exit 1; }

#!/usr/bin/env bash
# The browser tests use Debian's Chromium (no browser is downloaded) and a CJK font so Chinese
# text is measured right; poppler-utils (pdftotext) reads the whole-book PDF back. Installs them when missing and we may (root with apt-get); otherwise
# says what to install.
set -euo pipefail
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
missing=()
[[ -x "$chromium" ]] || missing+=(chromium)
fc-list 2>/dev/null | grep -qi 'Noto Sans CJK' || missing+=(fonts-noto-cjk)
command -v pdftotext >/dev/null || missing+=(poppler-utils)
((${#missing[@]} == 0)) && exit 0
if [[ $(id -u) == 0 ]] && command -v apt-get >/dev/null; then
  echo "Installing ${missing[*]} for the browser tests…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
echo "The browser tests need: ${missing[*]}" >&2
echo "Install them with: sudo apt-get install ${missing[*]}  (or set CHROMIUM_PATH to a Chromium binary)" >&2
exit 1

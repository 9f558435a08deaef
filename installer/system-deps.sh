#!/usr/bin/env bash
# System libraries Nilai needs on Debian/Ubuntu: Qt (offscreen and under Xvfb), poppler (pdfsig,
# pdftoppm: independent PDF checks in the tests; zbarimg reads the printed QR code), PostgreSQL (the shared coordinator store tests);
# with --test, LibreOffice Calc (headless) for the workbook tests.
# Installs what is missing when run as root with apt; otherwise says exactly what to install.
set -euo pipefail
packages=(
  libglib2.0-0 libegl1 libgl1 libfontconfig1 libxkbcommon0 libdbus-1-3
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 xvfb xauth
  poppler-utils qpdf zbar-tools fonts-dejavu-core postgresql
)
# The tests also open exported workbooks the way a coordinator would, in LibreOffice.
[ "${1:-}" = "--test" ] && packages+=(libreoffice-calc-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null; then
  echo "nilai: please install the equivalents of: ${missing[*]}" >&2
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "nilai: missing system packages; run: sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "nilai: installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null

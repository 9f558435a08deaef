#!/usr/bin/env bash
# The installable wheel, checked as a user gets it: build the sdist and the wheel from it
# (`python -m build`), install the wheel into a fresh virtual environment outside the checkout,
# and from a folder outside the checkout run the commands that need the shipped data
# (instruments, region catalogue, fonts, migrations). Fails on a non-zero exit, a traceback, or
# output without what the command must print. `.ci/run` runs it before the test suite.
#
#     bash installer/check_wheel.sh [PYTHON]     # PYTHON with `build` installed; default .venv/bin/python
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
python=${1:-$root/.venv/bin/python}
work=$(mktemp -d "${TMPDIR:-/tmp}/nilai-wheel.XXXXXX")
trap 'rm -rf "$work"' EXIT

fail() { echo "check_wheel: FAILED: $*" >&2; exit 1; }

echo "check_wheel: building in $work/dist"
"$python" -m build --outdir "$work/dist" "$root" >"$work/build.log" 2>&1 \
  || { tail -n 40 "$work/build.log" >&2; fail "python -m build"; }
wheel=$(ls "$work"/dist/nilai-*.whl)
echo "check_wheel: $(basename "$wheel"): $("$python" -m zipfile -l "$wheel" | grep -c 'app/resources/') resource files"

"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check -c "$root/constraints.txt" "$wheel" \
  >"$work/install.log" 2>&1 || { grep -v '^WARNING: Location' "$work/install.log" | tail -n 20 >&2; fail "pip install"; }

# A user's shell: outside the checkout, no PYTHONPATH, its own data, config and log folders.
home="$work/home"
mkdir -p "$home/runtime" && chmod 700 "$home/runtime"
cd "$home"
unset PYTHONPATH NILAI_DATA_DIR NILAI_DATABASE_URL
export QT_QPA_PLATFORM=offscreen NILAI_LOG_DIR="$home/logs" XDG_DATA_HOME="$home/data" \
  XDG_CONFIG_HOME="$home/config" XDG_CACHE_HOME="$home/cache" XDG_STATE_HOME="$home/state" \
  XDG_RUNTIME_DIR="$home/runtime"
nilai="$work/venv/bin/nilai"

# check EXPECTED ARGS...: run `nilai ARGS`, which must exit 0, print no traceback, and print EXPECTED.
check() {
  local expected=$1; shift
  local out="$work/out.txt" status=0
  "$nilai" "$@" >"$out" 2>&1 || status=$?
  if [ "$status" -ne 0 ] || grep -q 'Traceback' "$out" || ! grep -q -- "$expected" "$out"; then
    sed 's/^/  | /' "$out" >&2
    fail "nilai $* (exit $status; expected \"$expected\" and no traceback)"
  fi
  echo "check_wheel: ok  nilai $*  ($(wc -l <"$out") lines)"
}

# The installed package, not the checkout, answers.
where=$("$work/venv/bin/python" -c 'import app, app.base.paths as p; print(app.__file__); print(p.resources_dir())')
case "$where" in "$root"/*|*$'\n'"$root"/*) fail "the installed program reads from the checkout: $where" ;; esac
echo "check_wheel: package and resources in the fresh venv:"; echo "$where" | sed 's/^/  /'

check "selftest (installed," selftest --data-dir "$home/selftest"
grep -q "^selftest passed" "$work/out.txt" || fail "nilai selftest did not pass"
check "Banjarmasin" regions search banjar
check "smart-city-readiness-2018" instruments list
# The instrument templates (resources/instruments/*.xlsx) are in the wheel and read back.
for template in smart-city-readiness-2018 smart-city-six-dimensions; do
  xlsx=$("$work/venv/bin/python" -c "import app.base.paths as p; print(p.resources_dir() / 'instruments' / '$template.xlsx')")
  [ -f "$xlsx" ] || fail "the template $template.xlsx is not in the wheel"
  check "imported: $template" --data-dir "$home/templates" instruments import-xlsx "$xlsx"
done
check "116 regions" --data-dir "$home/demo" demo
echo "check_wheel: passed"

#!/usr/bin/env bash
# Makes one virtual environment per interpreter with the newest release of every shipped pool
# library that the interpreter supports, from PyPI, and writes a manifest of what went where.
#
#   bash scripts/setup-targets.sh [--help] [PYTHON...]
#
# PYTHON defaults to every interpreter found: pyenv's 3.7+, the CPython builds of
# scripts/build-cpython.sh, Debian's /usr/bin/python3 and /usr/bin/pypy3. Environments land in
# $MPCONFORM_ENVS (default ~/.cache/mpconform/envs)/<implementation>-<version>-<source>/, made and
# filled with uv (installed from PyPI into $MPCONFORM_ENVS/.uv); uv's download cache sits beside
# them, so a second run installs from cache. Each library is installed on its own: one that does
# not support an interpreter is recorded as absent there, not an error. The manifest
# ($MPCONFORM_ENVS/manifest.json) lists, per environment, its interpreter and each library's release.
set -euo pipefail

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

LIBS=(billiard multiprocess pebble loky joblib mpire)
ENVS="${MPCONFORM_ENVS:-$HOME/.cache/mpconform/envs}"
CPY="${MPCONFORM_CPYTHON_CACHE:-$HOME/.cache/mpconform/cpython}"
UV_VERSION=0.13.8
export UV_CACHE_DIR="$ENVS/.uv-cache" UV_PYTHON_DOWNLOADS=never UV_NO_PROGRESS=1
mkdir -p "$ENVS"

die() { echo "setup-targets: $*" >&2; exit 2; }

# a Python to install uv with: the first that has pip and venv
UV="$ENVS/.uv/bin/uv"
if [[ ! -x "$UV" ]] || [[ "$("$UV" --version 2>/dev/null)" != "uv $UV_VERSION"* ]]; then
  boot=""
  for cand in python3 "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.1[0-9]*/bin/python3; do
    if "$cand" -c 'import venv, ensurepip' 2>/dev/null; then boot="$cand"; break; fi
  done
  [[ -n "$boot" ]] || die "no interpreter with venv and ensurepip to install uv with"
  rm -rf "$ENVS/.uv"
  "$boot" -m venv "$ENVS/.uv"
  "$ENVS/.uv/bin/python" -m pip install -q --disable-pip-version-check "uv==$UV_VERSION"
fi

pythons=("$@")
if [[ ${#pythons[@]} -eq 0 ]]; then
  for p in "${PYENV_ROOT:-$HOME/.pyenv}"/versions/3.*/bin/python3 "$CPY"/*/bin/python3 /usr/bin/python3 /usr/bin/pypy3; do
    [[ -x "$p" ]] && pythons+=("$p")
  done
fi

manifest_entries=()
for py in "${pythons[@]}"; do
  [[ -x "$py" ]] || die "interpreter $py: no such executable"
  ok="$("$py" -c 'import sys; print(1 if sys.version_info >= (3, 7) else 0)' 2>/dev/null || echo 0)"
  if [[ "$ok" != 1 ]]; then echo "setup-targets: $py: unsupported (older than 3.7), skipped"; continue; fi
  impl_ver="$("$py" -c 'import platform; print(platform.python_implementation().lower() + "-" + platform.python_version())')"
  case "$py" in
    "${PYENV_ROOT:-$HOME/.pyenv}"/*) src=pyenv ;;
    "$CPY"/*) src=built ;;
    /usr/bin/*) src=debian ;;
    *) src=path ;;
  esac
  name="$impl_ver-$src"
  env="$ENVS/$name"
  if [[ ! -x "$env/bin/python" ]] || ! "$env/bin/python" -c 'import sys' 2>/dev/null; then
    rm -rf "$env"
    "$UV" venv -q --python "$py" "$env"
  fi
  libs_json=()
  for lib in "${LIBS[@]}"; do
    if "$UV" pip install -q --python "$env/bin/python" --upgrade "$lib" >"$env/.install-$lib.log" 2>&1; then :; fi
    ver="$("$UV" pip show --python "$env/bin/python" "$lib" 2>/dev/null | sed -n 's/^Version: //p')"
    if [[ -n "$ver" ]]; then libs_json+=("\"$lib\": \"$ver\""); else libs_json+=("\"$lib\": null"); fi
  done
  line="$(IFS=,; echo "${libs_json[*]}")"
  echo "setup-targets: $name: $line"
  manifest_entries+=("{\"name\": \"$name\", \"python\": \"$env/bin/python\", \"base\": \"$py\", \"libraries\": {$line}}")
done

{
  echo '{"environments": ['
  for i in "${!manifest_entries[@]}"; do
    sep=,; [[ $i -eq $((${#manifest_entries[@]} - 1)) ]] && sep=""
    echo "  ${manifest_entries[$i]}$sep"
  done
  echo ']}'
} > "$ENVS/manifest.json.tmp"
mv "$ENVS/manifest.json.tmp" "$ENVS/manifest.json"
echo "setup-targets: manifest $ENVS/manifest.json"

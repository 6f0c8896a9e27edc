#!/usr/bin/env bash
# Builds CPython releases past pyenv's newest (3.13.0) from Debian's source packages, into a cache
# outside the repo, reusing a build that is already there.
#
#   bash scripts/build-cpython.sh [--help] [DEBIAN_VERSION...]    (default: 3.13.5-2+deb13u5 3.13.15-1)
#
# Each build lands in $MPCONFORM_CPYTHON_CACHE (default ~/.cache/mpconform/cpython)/<X.Y.Z>/,
# installed with `make install` under that prefix; interpreter discovery looks there. A private apt
# configuration (deb-src lines for trixie and sid, its own lists and cache) fetches the upstream
# tarball: the system's apt sources are never edited. Needs root for `apt-get install` of the
# build dependencies (libffi-dev zlib1g-dev libssl-dev) when they are missing.
set -euo pipefail

if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then
  sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
  exit 0
fi

CACHE="${MPCONFORM_CPYTHON_CACHE:-$HOME/.cache/mpconform/cpython}"
VERSIONS=("$@")
[[ ${#VERSIONS[@]} -gt 0 ]] || VERSIONS=("3.13.5-2+deb13u5" "3.13.15-1")
JOBS="$(nproc 2>/dev/null || echo 2)"

die() { echo "build-cpython: $*" >&2; exit 2; }

for v in "${VERSIONS[@]}"; do
  [[ "$v" =~ ^3\.[0-9]+\.[0-9]+-[0-9A-Za-z.+~]+$ ]] || die "not a Debian version of CPython: '$v' (expected like 3.13.15-1)"
done

missing=()
for pkg in libffi-dev zlib1g-dev libssl-dev; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  [[ "$(id -u)" == 0 ]] || die "missing build dependencies ${missing[*]} (install them as root)"
  echo "build-cpython: installing ${missing[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

APT="$CACHE/.apt"
apt_opts=(-o "Dir::Etc::SourceList=$APT/sources.list" -o "Dir::Etc::SourceParts=$APT/none"
          -o "Dir::State::Lists=$APT/lists" -o "Dir::Cache=$APT/cache" -o "APT::Sandbox::User=root")
apt_ready=0
prepare_apt() {
  [[ $apt_ready == 1 ]] && return
  mkdir -p "$APT/lists/partial" "$APT/cache/archives/partial" "$APT/none"
  cat > "$APT/sources.list" <<SRC
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian trixie main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] http://deb.debian.org/debian sid main
SRC
  apt-get "${apt_opts[@]}" update -qq >/dev/null
  apt_ready=1
}

for v in "${VERSIONS[@]}"; do
  upstream="${v%%-*}"                 # 3.13.15
  minor="${upstream%.*}"              # 3.13
  prefix="$CACHE/$upstream"
  if [[ -x "$prefix/bin/python$minor" ]] && "$prefix/bin/python$minor" -c 'import ssl, ctypes, zlib' 2>/dev/null; then
    echo "build-cpython: $upstream already built in $prefix"
    continue
  fi
  prepare_apt
  work="$(mktemp -d "${TMPDIR:-/tmp}/mpconform-cpython-$upstream.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "build-cpython: fetching python$minor=$v"
  (cd "$work" && apt-get "${apt_opts[@]}" source --download-only "python$minor=$v" >/dev/null 2>&1) \
    || die "apt-get source python$minor=$v failed (is it still in trixie or sid?)"
  tarball="$(ls "$work"/python"$minor"_"$upstream".orig.tar.* | head -n1)"
  tar -xf "$tarball" -C "$work"
  src="$(find "$work" -maxdepth 1 -type d -name 'Python-*' | head -n1)"
  [[ -n "$src" ]] || die "no Python-* directory in $tarball"
  echo "build-cpython: building $upstream with $JOBS jobs (about 5 minutes)"
  rm -rf "$prefix"
  (cd "$src" && ./configure --prefix="$prefix" --without-ensurepip >"$work/configure.log" 2>&1 \
     && make -j"$JOBS" >"$work/make.log" 2>&1 && make install >"$work/install.log" 2>&1) \
    || { tail -n 30 "$work"/*.log >&2; die "build of $upstream failed"; }
  "$prefix/bin/python$minor" -c 'import ssl, ctypes, zlib, multiprocessing' \
    || die "$upstream built but cannot import ssl/ctypes/zlib"
  echo "build-cpython: $upstream ready: $prefix/bin/python$minor"
  rm -rf "$work"; trap - EXIT
done

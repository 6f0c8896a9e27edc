#!/bin/sh
# usage: run.sh script.py [args...] — runs on every interpreter with a 6 s timeout, prints exit status and last lines.
for py in /root/.pyenv/versions/3.7.16/bin/python3.7 /root/.pyenv/versions/3.8.18/bin/python3.8 /root/.pyenv/versions/3.9.18/bin/python3.9 /root/.pyenv/versions/3.10.13/bin/python3.10 /usr/bin/python3 /root/.pyenv/versions/3.11.7/bin/python3.11 /root/.pyenv/versions/3.12.1/bin/python3.12 /root/.pyenv/versions/3.13.0/bin/python3.13 /usr/bin/pypy3; do
  out=$(timeout -k 2 ${T:-6} $py "$@" 2>&1); rc=$?
  echo "--- $py rc=$rc"; echo "$out" | grep -v '^ \|^Traceback\|^$\|File "' | tail -${N:-6}
done

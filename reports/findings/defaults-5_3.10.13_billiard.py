# mpconform repro — verdict: flaky (failure rate 50%)
# case:        defaults-5@3.10.13/billiard
# family:      defaults
# interpreter: /root/.cache/mpconform/envs/cpython-3.10.13-pyenv/bin/python (cpython 3.10.13, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  ok + exception:SystemExit
#   resource-tracker: absent  []  ->  absent
#
# reason: disagreed in 1 of 2 runs
#
# run it: /root/.cache/mpconform/envs/cpython-3.10.13-pyenv/bin/python repro/defaults-5_3.10.13_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"main","id":0,"worker":"pool-apply_async","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    with mp.Pool(2) as pool0:
        note('w0.result', pool0.apply_async(work_0, ()).get())

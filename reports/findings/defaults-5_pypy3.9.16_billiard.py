# mpconform repro — verdict: flaky (failure rate 50%)
# case:        defaults-5@pypy3.9.16/billiard
# family:      defaults
# interpreter: /root/.cache/mpconform/envs/pypy-3.9.16-debian/bin/python (pypy 3.9.16, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  ok + hang
#   resource-tracker: absent  []  ->  absent
#
# reason: disagreed in 1 of 2 runs
#
# hang: recognised by quiescence after 1318 ms — all 4 processes of the tree blocked for 1010 ms (every thread in a wait without a timeout): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 4): billiard/pool.py line 1645 in `_terminate_pool`, waiting in billiard/popen_fork.py line 27 in `poll`
#   pool (pid 7): billiard/pool.py line 444 in `_recv`, waiting in billiard/synchronize.py line 114 in `__enter__`
#
# run it: /root/.cache/mpconform/envs/pypy-3.9.16-debian/bin/python repro/defaults-5_pypy3.9.16_billiard.py

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

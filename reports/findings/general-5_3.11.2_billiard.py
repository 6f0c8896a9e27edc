# mpconform repro — verdict: fail
# case:        general-5@3.11.2/billiard
# family:      general
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 8 shrink steps (10 runs)
#
# per process: expected  [rules]  ->  observed
#   main: pickling-error  [pickle.lambda, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: absent  []  ->  absent
#
# hang: recognised by quiescence after 1212 ms — all 5 processes of the tree blocked for 1003 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 2): billiard/pool.py line 1896 in `wait`, waiting in threading.py line 320 in `wait`
#          thread 2: billiard/pool.py line 618 in `body`
#          thread 3: billiard/pool.py line 648 in `body`, waiting in threading.py line 320 in `wait`
#          thread 4: billiard/pool.py line 1470 in `_poll_result`, waiting in billiard/connection.py line 977 in `_poll`
#   pool (pid 3): billiard/pool.py line 506 in `_recv`, waiting in billiard/connection.py line 425 in `_recv`
#   pool (pid 4): billiard/pool.py line 506 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/general-5_3.11.2_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"default","pass":[],"action":"use","target":"lambda","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0(_task):
    return 1

if __name__ == '__main__':
    with mp.Pool(2) as pool0:
        note('w0.result', pool0.map(lambda *a: work_0(*a), [0, 0]))

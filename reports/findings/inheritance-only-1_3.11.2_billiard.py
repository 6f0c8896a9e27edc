# mpconform repro — verdict: fail
# case:        inheritance-only-1@3.11.2/billiard
# family:      inheritance-only
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 4 shrink steps (2 runs)
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: absent  []  ->  absent
#
# hang: recognised by quiescence after 1213 ms — all 5 processes of the tree blocked for 1003 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 2): billiard/pool.py line 1896 in `wait`, waiting in threading.py line 320 in `wait`
#          thread 2: billiard/pool.py line 618 in `body`
#          thread 3: billiard/pool.py line 648 in `body`, waiting in threading.py line 320 in `wait`
#          thread 4: billiard/pool.py line 1470 in `_poll_result`, waiting in billiard/connection.py line 977 in `_poll`
#   pool (pid 3): billiard/pool.py line 506 in `_recv`, waiting in billiard/connection.py line 425 in `_recv`
#   pool (pid 4): billiard/pool.py line 506 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/inheritance-only-1_3.11.2_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-apply_async","ctx":"default","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(o0):
    o0.put(1)
    return 1

if __name__ == '__main__':
    o0 = mp.Queue()
    with mp.Pool(2) as pool1:
        note('w1.result', pool1.apply_async(work_1, (o0,)).get())

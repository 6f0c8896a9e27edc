# mpconform repro — verdict: fail
# case:        general-5@pypy3.9.16/billiard
# family:      general
# interpreter: /root/.cache/mpconform/envs/pypy-3.9.16-debian/bin/python (pypy 3.9.16, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 6 shrink steps (5 runs)
#
# per process: expected  [rules]  ->  observed
#   main: pickling-error  [pickle.lambda, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by quiescence after 1812 ms — all 6 processes of the tree blocked for 1001 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 2): billiard/pool.py line 1784 in `wait`, waiting in pypy3.9/threading.py line 280 in `wait`
#          thread 2: billiard/pool.py line 541 in `body`
#          thread 3: __builtin__/operation.py line 5 in `iter_generator`, waiting in pypy3.9/threading.py line 280 in `wait`
#          thread 4: billiard/pool.py line 1367 in `_poll_result`, waiting in billiard/connection.py line 965 in `_poll`
#   pool (pid 5): billiard/pool.py line 444 in `_recv`, waiting in billiard/connection.py line 419 in `_recv`
#   pool (pid 6): billiard/pool.py line 444 in `_recv`, waiting in billiard/synchronize.py line 114 in `__enter__`
#   resource-tracker (pid 4): billiard/semaphore_tracker.py line 96 in `main`
#
# leaks:
#   main: /dev/shm/sem.mp-39t9ge80 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-4r87cr2u (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-69xxitk2 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-cftjfhmd (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-si44szbm (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-z5vny19s (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/pypy-3.9.16-debian/bin/python repro/general-5_pypy3.9.16_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"spawn","pass":[],"action":"report-method","target":"lambda","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0(_task):
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    with ctx_spawn.Pool(2) as pool0:
        note('w0.result', pool0.map(lambda *a: work_0(*a), [0, 0]))

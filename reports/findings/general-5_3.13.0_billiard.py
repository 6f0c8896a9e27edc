# mpconform repro — verdict: fail
# case:        general-5@3.13.0/billiard
# family:      general
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.0-pyenv/bin/python (cpython 3.13.0, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 3 shrink steps (4 runs)
#
# per process: expected  [rules]  ->  observed
#   main: pickling-error  [pickle.lambda, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   forkserver: absent  []  ->  absent
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by quiescence after 2209 ms — all 6 processes of the tree blocked for 1904 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 4): billiard/pool.py line 1896 in `wait`, waiting in threading.py line 359 in `wait`
#          thread 2: billiard/pool.py line 625 in `body`
#          thread 3: billiard/pool.py line 648 in `body`, waiting in threading.py line 359 in `wait`
#          thread 4: billiard/pool.py line 1470 in `_poll_result`, waiting in billiard/connection.py line 977 in `_poll`
#   resource-tracker (pid 5): billiard/semaphore_tracker.py line 112 in `main`
#   pool (pid 6): billiard/pool.py line 506 in `_recv`, waiting in billiard/connection.py line 425 in `_recv`
#   pool (pid 7): billiard/pool.py line 506 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`
#
# leaks:
#   main: /dev/shm/sem.mp-1teo2yr2 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-aytwk0_a (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-o89x3vw_ (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-o8duhpxz (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-pad111_5 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ybz503z3 (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.0-pyenv/bin/python repro/general-5_3.13.0_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"set-start-method","at":"top","method":"forkserver","force":true},{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"spawn","pass":[],"action":"report-method","target":"lambda","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0(_task):
    note('w0.method', mp.get_start_method())
    return 1

mp.set_start_method('forkserver', force=True)

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    with ctx_spawn.Pool(2) as pool0:
        note('w0.result', pool0.map(lambda *a: work_0(*a), [0, 0]))

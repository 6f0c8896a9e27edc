# mpconform repro — verdict: fail
# case:        general-5@3.8.18/billiard
# family:      general
# interpreter: /root/.cache/mpconform/envs/cpython-3.8.18-pyenv/bin/python (cpython 3.8.18, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 3 shrink steps (3 runs)
#
# per process: expected  [rules]  ->  observed
#   main: pickling-error  [pickle.lambda, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   forkserver: absent  []  ->  absent
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by quiescence after 2212 ms — all 6 processes of the tree blocked for 1904 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 4): billiard/pool.py line 1785 in `wait`, waiting in threading.py line 302 in `wait`
#          thread 2: billiard/pool.py line 564 in `body`
#          thread 3: billiard/pool.py line 587 in `body`, waiting in threading.py line 302 in `wait`
#          thread 4: billiard/pool.py line 1368 in `_poll_result`, waiting in billiard/connection.py line 977 in `_poll`
#   pool (pid 7): billiard/pool.py line 445 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`
#   pool (pid 8): billiard/pool.py line 445 in `_recv`, waiting in billiard/connection.py line 425 in `_recv`
#   resource-tracker (pid 6): billiard/semaphore_tracker.py line 112 in `main`
#
# leaks:
#   main: /dev/shm/sem.mp-5c9le2e0 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-gevuj215 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-h4sv9u_v (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-hdauxmm5 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-hhl7c890 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-hsdr8k3z (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.8.18-pyenv/bin/python repro/general-5_3.8.18_billiard.py

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

# mpconform repro — verdict: fail
# case:        general-5@3.13.5/billiard
# family:      general
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.5-built/bin/python (cpython 3.13.5, linux)
# target:      billiard
# seed:        12   run: s12
# shrunk:      minimal counterexample after 2 shrink steps (3 runs)
#
# per process: expected  [rules]  ->  observed
#   main: pickling-error  [pickle.lambda, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   manager: ok  [manager.process]  ->  hang
#   forkserver: absent  []  ->  absent
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by quiescence after 3329 ms — all 7 processes of the tree blocked for 1810 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 4): billiard/pool.py line 1896 in `wait`, waiting in threading.py line 359 in `wait`
#          thread 2: billiard/pool.py line 625 in `body`
#          thread 3: billiard/pool.py line 648 in `body`, waiting in threading.py line 359 in `wait`
#          thread 4: billiard/pool.py line 1470 in `_poll_result`, waiting in billiard/connection.py line 977 in `_poll`
#   manager (pid 6): <string> line 1 in `<module>`, waiting in threading.py line 363 in `wait`
#             thread 2: socket.py line 295 in `accept`
#   resource-tracker (pid 5): billiard/semaphore_tracker.py line 112 in `main`
#   pool (pid 11): billiard/pool.py line 506 in `_recv`, waiting in billiard/connection.py line 425 in `_recv`
#   pool (pid 12): billiard/pool.py line 506 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`
#
# leaks:
#   main: /dev/shm/sem.mp-8a9lfryf (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-fh61j5y0 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-fxmfn2mr (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ho7g9ya9 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-lzlen2hn (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-nx_8fsbs (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.5-built/bin/python repro/general-5_3.13.5_billiard.py

# mpconform scenario: (unnamed)
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"set-start-method","at":"top","method":"forkserver","force":true},{"op":"create","at":"main","id":0,"kind":"ManagerQueue","ctx":"spawn"},{"op":"start","at":"main","id":1,"worker":"pool-map","ctx":"spawn","pass":[{"obj":0,"via":"task-arg"}],"action":"report-method","target":"lambda","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_1(o0):
    note('w1.method', mp.get_start_method())
    return 1

mp.set_start_method('forkserver', force=True)

if __name__ == '__main__':
    ctx_spawn = mp.get_context('spawn')
    m0 = ctx_spawn.Manager()
    o0 = m0.Queue()
    with ctx_spawn.Pool(2) as pool1:
        note('w1.result', pool1.map(lambda *a: work_1(*a), [o0, o0]))

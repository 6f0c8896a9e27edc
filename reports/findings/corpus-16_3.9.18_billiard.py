# mpconform repro — verdict: fail
# case:        corpus-16@3.9.18/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: exception:ZeroDivisionError | hang  [pool.map-empty-pool-race, pool.worker-death-hang]  ->  hang
#   pool: bootstrapping-error | hang | ok | signal:SIGTERM  [spawn.bootstrapping, spawn.rerun-main, pool.map-empty-pool-race, pool.terminate-on-exit, harness.hang-kill]  ->  exception:SystemExit + hang
#   resource-tracker: exception:SystemExit | hang | ok  [tracker.launch, tracker.hang-kill]  ->  hang
#
# hang: recognised by quiescence after 3021 ms — all 6 processes of the tree blocked for 1606 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 4): billiard/pool.py line 1785 in `wait`, waiting in threading.py line 312 in `wait`
#          thread 2: billiard/pool.py line 564 in `body`
#          thread 3: billiard/pool.py line 587 in `body`, waiting in threading.py line 312 in `wait`
#          thread 4: billiard/pool.py line 1368 in `_poll_result`, waiting in billiard/connection.py line 977 in `_poll`
#   resource-tracker (pid 5): billiard/semaphore_tracker.py line 112 in `main`
#   pool (pid 11): billiard/pool.py line 445 in `_recv`, waiting in billiard/connection.py line 425 in `_recv`
#   pool (pid 12): billiard/pool.py line 445 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`
#
# leaks:
#   main: /dev/shm/sem.mp-auwfenih (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-h3jayx7r (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-l1lm_xct (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-r0clh7va (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-vy9xohu6 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-y_iqhtzr (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/corpus-16_3.9.18_billiard.py

# mpconform scenario: unguarded-spawn-pool
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"unguarded-spawn-pool","steps":[{"op":"start","at":"top","id":0,"worker":"pool-map","ctx":"spawn","pass":[],"action":"report-method","target":"function","grandchild":null}]}
import billiard as mp
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0(_task):
    note('w0.method', mp.get_start_method())
    return 1

ctx_spawn = mp.get_context('spawn')
with ctx_spawn.Pool(2) as pool0:
    note('w0.result', pool0.map(work_0, [0, 0]))

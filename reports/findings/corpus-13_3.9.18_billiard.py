# mpconform repro — verdict: fail
# case:        corpus-13@3.9.18/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python (cpython 3.9.18, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  exception:SystemExit + hang
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by quiescence after 3631 ms — all 6 processes of the tree blocked for 2016 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
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
#   main: /dev/shm/sem.mp-1mn_v58h (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-1x_fhpyg (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-52zx96fm (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-8h97q0pr (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-i3h00dz5 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-zbjlx7oj (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.9.18-pyenv/bin/python repro/corpus-13_3.9.18_billiard.py

# mpconform scenario: explainer-pool-start-method-map
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-start-method-map","steps":[{"op":"start","at":"main","id":0,"worker":"pool-map","ctx":"spawn","pass":[],"action":"report-method","target":"function","grandchild":null}]}
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
        note('w0.result', pool0.map(work_0, [0, 0]))

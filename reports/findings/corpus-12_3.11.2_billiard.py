# mpconform repro — verdict: fail
# case:        corpus-12@3.11.2/billiard
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      billiard
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by quiescence after 1414 ms — all 6 processes of the tree blocked for 1005 ms (the threads with a timeout polling without effect): no CPU time, output, probe event or process started or ended
# where it hangs:
#   main (pid 2): billiard/pool.py line 1896 in `wait`, waiting in threading.py line 320 in `wait`
#          thread 2: billiard/pool.py line 618 in `body`
#          thread 3: billiard/pool.py line 648 in `body`, waiting in threading.py line 320 in `wait`
#          thread 4: billiard/pool.py line 1470 in `_poll_result`, waiting in billiard/connection.py line 977 in `_poll`
#   resource-tracker (pid 3): billiard/semaphore_tracker.py line 112 in `main`
#   pool (pid 4): billiard/pool.py line 506 in `_recv`, waiting in billiard/connection.py line 425 in `_recv`
#   pool (pid 5): billiard/pool.py line 506 in `_recv`, waiting in billiard/synchronize.py line 115 in `__enter__`
#
# leaks:
#   main: /dev/shm/sem.mp-6bmac2fp (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-6bxwjzvp (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-6eg3_ppo (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-eevdxbhv (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-gwti0y7c (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-nmy79yoi (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-12_3.11.2_billiard.py

# mpconform scenario: explainer-pool-start-method-queue-starmap
# target billiard; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-start-method-queue-starmap","steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-starmap","ctx":"spawn","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
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
    ctx_spawn = mp.get_context('spawn')
    with ctx_spawn.Pool(2) as pool1:
        note('w1.result', pool1.starmap(work_1, [(o0,), (o0,)]))

# mpconform repro — verdict: fail
# case:        corpus-12@3.11.2/mpire
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python (cpython 3.11.2, linux)
# target:      mpire
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by timeout after 30007 ms — no exit within 30000 ms
# where it hangs:
#   main (pid 2): mpire/async_result.py line 161 in `next`, waiting in threading.py line 324 in `wait`
#          thread 2: tqdm/_monitor.py line 69 in `run`, waiting in threading.py line 324 in `wait`
#          thread 3: mpire/comms.py line 459 in `get_results`, waiting in multiprocessing/connection.py line 378 in `_recv`
#          thread 4: mpire/comms.py line 601 in `get_worker_restarts`, waiting in multiprocessing/synchronize.py line 261 in `wait`
#          thread 5: mpire/pool.py line 347 in `_timeout_handler`
#          thread 6: mpire/pool.py line 320 in `_unexpected_death_handler`
#          thread 7: threading.py line 320 in `wait`
#          thread 8: threading.py line 320 in `wait`
#   pool (pid 5): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 415 in `select`
#   resource-tracker (pid 3): <string> line 1 in `<module>`, waiting in multiprocessing/resource_tracker.py line 197 in `main`
#   pool (pid 6): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 415 in `select`
#
# leaks:
#   main: /dev/shm/sem.mp-0sdhojub (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-1n1evbvb (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-259w3i06 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-3ayfy07u (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-3fxug9re (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-462k_3gh (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-57guwenx (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-6nbn83s_ (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-774a2yd0 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-7_qnn46o (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-8rzgz0qj (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-9wwgvh8p (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-_6evo2ub (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-a1schbb2 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-aqfzlrr4 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-b699i10s (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-b9644f_d (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-c33p6m8p (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-d11ggq0c (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-d5bnco0u (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-e9gxno7i (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ec3wsh9i (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-fjlvsk61 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-flbf7umv (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-gg7vacjy (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-iqv806n3 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ix0tldcv (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-lf51w5t2 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-lj_cnfx8 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-lpix5zue (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-m0_4a10h (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-m__y1298 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-mlywgvqa (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-mp2yzrmo (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-n14fjhdx (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-nlokipcw (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-oze8xwbp (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ozhdg_os (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-p9ro72vg (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-q4qi5obv (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-rv773svc (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-savp3shw (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-sbb1_h05 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-t3197cti (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-t5_05uew (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-u1prqz91 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-uewb7hv7 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-wz2ljaqe (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-xe9_rhn9 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-xu0n8y9w (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-zhqnkpf9 (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.2-debian/bin/python repro/corpus-12_3.11.2_mpire.py

# mpconform scenario: explainer-pool-start-method-queue-starmap
# target mpire; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"explainer-pool-start-method-queue-starmap","steps":[{"op":"create","at":"main","id":0,"kind":"Queue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-starmap","ctx":"spawn","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
import functools
import multiprocessing as mp
import mpire


class MpcMpirePool(object):
    # mpconform adapter: Pool(2) calls made with mpire.WorkerPool; the default context leaves
    # start_method unset (mpire's own default), a concrete context passes its method
    def __init__(self, context, workers):
        kw = {} if context is mp else {"start_method": context.get_start_method()}
        self.pool = mpire.WorkerPool(n_jobs=workers, **kw)

    def __enter__(self):
        self.pool.__enter__()
        return self

    def __exit__(self, *exc):
        return self.pool.__exit__(*exc)

    def map(self, fn, items):
        return self.pool.map(fn, items)

    def starmap(self, fn, items):
        return self.pool.map(fn, [tuple(args) for args in items])

    def apply_async(self, fn, args):
        return self.pool.apply_async(fn, args=args)
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
    with functools.partial(MpcMpirePool, ctx_spawn)(2) as pool1:
        note('w1.result', pool1.starmap(work_1, [(o0,), (o0,)]))

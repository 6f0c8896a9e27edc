# mpconform repro — verdict: fail
# case:        corpus-12@3.13.15/mpire
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      mpire
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: inheritance-only  [pickle.inheritance-only, pool.task-error-to-caller]  ->  hang
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  hang
#   resource-tracker: ok  [tracker.launch]  ->  hang
#
# hang: recognised by timeout after 30011 ms — no exit within 30000 ms
# where it hangs:
#   main (pid 2): mpire/async_result.py line 161 in `next`, waiting in threading.py line 363 in `wait`
#          thread 2: tqdm/_monitor.py line 69 in `run`, waiting in threading.py line 363 in `wait`
#          thread 3: mpire/comms.py line 459 in `get_results`, waiting in multiprocessing/connection.py line 400 in `_recv`
#          thread 4: mpire/comms.py line 601 in `get_worker_restarts`, waiting in multiprocessing/synchronize.py line 268 in `wait`
#          thread 5: mpire/pool.py line 347 in `_timeout_handler`
#          thread 6: mpire/pool.py line 320 in `_unexpected_death_handler`
#          thread 7: threading.py line 359 in `wait`
#          thread 8: threading.py line 359 in `wait`
#   pool (pid 5): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 398 in `select`
#   pool (pid 6): mpire/comms.py line 380 in `get_task`, waiting in selectors.py line 398 in `select`
#   resource-tracker (pid 3): <string> line 1 in `<module>`, waiting in multiprocessing/resource_tracker.py line 445 in `main`
#
# leaks:
#   main: /dev/shm/sem.mp-09qaipce (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-0ahbatji (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-0fxgp19u (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-0kdef9_y (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-1o1tu5mu (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-1o84zlhx (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-1rr5ox27 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-2o6jswo7 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-2pr32pu4 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-4_nwk497 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-59255x1v (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-6n52_h1k (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-86ajk0r7 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-93hukbdq (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-_4cr2ksi (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ac0rif36 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-b_tef430 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-bo0ti14g (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-bz7gcd9f (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ck20umzu (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-dypfg1gq (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-emh0mnz3 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-gart0_7y (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-hl8_nkgh (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-jt86fuuz (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-kblz_lkw (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-kjk0_wtz (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-kwcffb0z (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-lcew50kn (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-m8kc0e16 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-n9krron3 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-nnvyqz1e (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-nvhb0osx (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-odihyuv6 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-q0228bh6 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-qrlbcjnu (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-r7moeprz (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-rotq9c9g (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-td5a_ppd (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-tf16gkjx (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-u8gkuspx (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-w295cjmg (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-wo0i2g1q (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-wujl0p7i (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-x1z8ifds (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-x5n_o8m8 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-x_f9idvu (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-xdejw9ut (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ypi7fzj1 (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-zjwpck1u (namespace) left behind (removed by mpconform after the run)
#   main: /dev/shm/sem.mp-ztcdv_a1 (namespace) left behind (removed by mpconform after the run)
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-12_3.13.15_mpire.py

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

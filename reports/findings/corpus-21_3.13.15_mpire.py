# mpconform repro — verdict: fail
# case:        corpus-21@3.13.15/mpire
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      mpire
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  ok
#   manager: ok  [manager.process]  ->  ok
#   resource-tracker: absent  []  ->  absent
#   child pid 26: (no expectation)  []  ->  ok
#   child pid 29: (no expectation)  []  ->  ok
#   child pid 32: (no expectation)  []  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-21_3.13.15_mpire.py

# mpconform scenario: manager-proxy-to-pool
# target mpire; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"manager-proxy-to-pool","steps":[{"op":"create","at":"main","id":0,"kind":"ManagerQueue","ctx":"default"},{"op":"start","at":"main","id":1,"worker":"pool-apply_async","ctx":"default","pass":[{"obj":0,"via":"task-arg"}],"action":"use","target":"function","grandchild":null}]}
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
    m0 = mp.Manager()
    o0 = m0.Queue()
    with functools.partial(MpcMpirePool, mp)(2) as pool1:
        note('w1.result', pool1.apply_async(work_1, (o0,)).get())

# mpconform repro — verdict: fail
# case:        guard-bootstrapping-0@3.13.15/mpire
# family:      guard-bootstrapping
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      mpire
# seed:        12   run: s12
# shrunk:      minimal counterexample after 5 shrink steps (2 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  ok
#   resource-tracker: absent  []  ->  absent
#   child pid 14: (no expectation)  []  ->  ok
#   child pid 15: (no expectation)  []  ->  ok
#   child pid 16: (no expectation)  []  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/guard-bootstrapping-0_3.13.15_mpire.py

# mpconform scenario: (unnamed)
# target mpire; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"main","id":0,"worker":"pool-apply_async","ctx":"fork","pass":[],"action":"report-method","target":"function","grandchild":null}]}
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

def work_0():
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    ctx_fork = mp.get_context('fork')
    with functools.partial(MpcMpirePool, ctx_fork)(2) as pool0:
        note('w0.result', pool0.apply_async(work_0, ()).get())

# mpconform repro — verdict: fail
# case:        corpus-32@3.13.15/pebble
# family:      corpus
# interpreter: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python (cpython 3.13.15, linux)
# target:      pebble
# seed:        12   run: s12
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   w0: ok  []  ->  exception:SystemExit
#   w1: exception:ChildProcessError  [forkserver.stale-pid]  ->  exception:SystemExit
#   w1.g: absent  []  ->  absent
#   forkserver: ok  [forkserver.preload-main]  ->  ok
#   resource-tracker: ok  [tracker.launch]  ->  ok
#
# run it: /root/.cache/mpconform/envs/cpython-3.13.15-built/bin/python repro/corpus-32_3.13.15_pebble.py

# mpconform scenario: forkserver-stale-pid
# target pebble; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"name":"forkserver-stale-pid","steps":[{"op":"start","at":"main","id":0,"worker":"process","ctx":"forkserver","pass":[],"action":"use","target":"function","grandchild":null},{"op":"start","at":"main","id":1,"worker":"process","ctx":"fork","pass":[],"action":"report-method","target":"function","grandchild":"forkserver"}]}
import functools
import multiprocessing as mp
import pebble
from pebble import concurrent as pebble_concurrent


class MpcPebblePool(object):
    # mpconform adapter: Pool calls made with pebble.ProcessPool (schedule / map futures)
    def __init__(self, context, workers, initializer=None, initargs=()):
        self.pool = pebble.ProcessPool(max_workers=workers, initializer=initializer,
                                       initargs=initargs, context=context)

    def __enter__(self):
        self.pool.__enter__()
        return self

    def __exit__(self, *exc):
        return self.pool.__exit__(*exc)

    def map(self, fn, items):
        return list(self.pool.map(fn, items).result())

    def starmap(self, fn, items):
        return [self.pool.schedule(fn, args=args).result() for args in items]

    def apply_async(self, fn, args):
        return MpcPebbleResult(self.pool.schedule(fn, args=args))


class MpcPebbleResult(object):
    # mpconform adapter: AsyncResult.get() over a pebble ProcessFuture
    def __init__(self, future):
        self.get = future.result


class MpcPebbleProcess(object):
    # mpconform adapter: Process(target, args, name) run by @pebble.concurrent.process.
    # pebble returns the child's exception through the future (the child itself exits 0);
    # it is noted as <name>.pebble-error so reports show it.
    def __init__(self, context, target=None, args=(), name=None):
        self.call = pebble_concurrent.process(name=name, daemon=False, context=context)(target)
        self.args = args
        self.name = name
        self.future = None

    def start(self):
        self.future = self.call(*self.args)

    def join(self):
        error = self.future.exception()
        if error is not None:
            note(str(self.name) + '.pebble-error', type(error).__name__)

    @property
    def exitcode(self):
        if self.future is None or not self.future.done():
            return None
        error = self.future.exception()
        code = getattr(error, 'exitcode', None)
        return code if isinstance(code, int) else 0
import sys

def note(key, value):
    # one write per line (chr(10) ends it), so lines of concurrent processes never interleave
    sys.stdout.write('@note %s %s%s' % (key, value, chr(10)))
    sys.stdout.flush()

def work_0():
    return 1

def work_1():
    note('w1.method', mp.get_start_method())
    g = functools.partial(MpcPebbleProcess, mp.get_context('forkserver'))(target=grand_1, name='w1.g')
    g.start()
    g.join()
    note('w1.g.exitcode', g.exitcode)
    return 1

def grand_1():
    note('w1.g.method', mp.get_start_method())

if __name__ == '__main__':
    ctx_forkserver = mp.get_context('forkserver')
    p0 = functools.partial(MpcPebbleProcess, ctx_forkserver)(target=work_0, args=(), name='w0')
    p0.start()
    p0.join()
    note('w0.exitcode', p0.exitcode)
    ctx_fork = mp.get_context('fork')
    p1 = functools.partial(MpcPebbleProcess, ctx_fork)(target=work_1, args=(), name='w1')
    p1.start()
    p1.join()
    note('w1.exitcode', p1.exitcode)

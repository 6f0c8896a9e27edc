# mpconform repro — verdict: fail
# case:        defaults-5@3.11.7/pebble
# family:      defaults
# interpreter: /root/.cache/mpconform/envs/cpython-3.11.7-pyenv/bin/python (cpython 3.11.7, linux)
# target:      pebble
# seed:        12   run: s12
# shrunk:      minimal counterexample after 4 shrink steps (1 runs)
#
# per process: expected  [rules]  ->  observed
#   main: ok  []  ->  ok
#   pool: ok | signal:SIGTERM  [pool.terminate-on-exit]  ->  exception:SystemExit + ok
#   resource-tracker: absent  []  ->  absent
#
# run it: /root/.cache/mpconform/envs/cpython-3.11.7-pyenv/bin/python repro/defaults-5_3.11.7_pebble.py

# mpconform scenario: (unnamed)
# target pebble; rendered per src/render/SEMANTICS.md
# mpconform-scenario-json: {"version":1,"steps":[{"op":"start","at":"main","id":0,"worker":"pool-apply_async","ctx":"default","pass":[],"action":"report-method","target":"function","grandchild":null}]}
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
    note('w0.method', mp.get_start_method())
    return 1

if __name__ == '__main__':
    with functools.partial(MpcPebblePool, mp)(2) as pool0:
        note('w0.result', pool0.apply_async(work_0, ()).get())

/**
 * The Python adapter a pebble program carries (emitted with its imports): the stdlib-shaped calls
 * the renderer makes (`Pool(2, ...)` with map/starmap/apply_async().get(), `Process(target, args,
 * name)` with start/join/exitcode), spelled in pebble's own API. Static text: nothing here comes
 * from a scenario. It notes through the program's one-write `note()` helper (defined after the
 * imports, called only at run time).
 */
import type { WorkerNote } from '../contracts/notes.js';
import { POOL_WITH_BLOCK } from './support.js';

/** The note `<name>.pebble-error`: the exception a pebble future returned for a Process. */
const PEBBLE_ERROR: WorkerNote = 'pebble-error';

/** Python lines defining `MpcPebblePool` and `MpcPebbleProcess` (top level, after the imports). */
export const PEBBLE_ADAPTER: readonly string[] = [
  '',
  '',
  'class MpcPebblePool(object):',
  '    # mpconform adapter: Pool calls made with pebble.ProcessPool (schedule / map futures)',
  '    def __init__(self, context, workers, initializer=None, initargs=()):',
  '        self.pool = pebble.ProcessPool(max_workers=workers, initializer=initializer,',
  '                                       initargs=initargs, context=context)',
  '',
  ...POOL_WITH_BLOCK,
  '',
  '    def map(self, fn, items):',
  '        return list(self.pool.map(fn, items).result())',
  '',
  '    def starmap(self, fn, items):',
  '        return [self.pool.schedule(fn, args=args).result() for args in items]',
  '',
  '    def apply_async(self, fn, args):',
  '        return MpcPebbleResult(self.pool.schedule(fn, args=args))',
  '',
  '',
  'class MpcPebbleResult(object):',
  '    # mpconform adapter: AsyncResult.get() over a pebble ProcessFuture',
  '    def __init__(self, future):',
  '        self.get = future.result',
  '',
  '',
  'class MpcPebbleProcess(object):',
  '    # mpconform adapter: Process(target, args, name) run by @pebble.concurrent.process.',
  '    # pebble returns the child\'s exception through the future (the child itself exits 0);',
  '    # it is noted as <name>.pebble-error so reports show it.',
  '    def __init__(self, context, target=None, args=(), name=None):',
  '        self.call = pebble_concurrent.process(name=name, daemon=False, context=context)(target)',
  '        self.args = args',
  '        self.name = name',
  '        self.future = None',
  '',
  '    def start(self):',
  '        self.future = self.call(*self.args)',
  '',
  '    def join(self):',
  '        error = self.future.exception()',
  '        if error is not None:',
  `            note(str(self.name) + '.${PEBBLE_ERROR}', type(error).__name__)`,
  '',
  '    @property',
  '    def exitcode(self):',
  '        if self.future is None or not self.future.done():',
  '            return None',
  '        error = self.future.exception()',
  '        code = getattr(error, \'exitcode\', None)',
  '        return code if isinstance(code, int) else 0',
];

/**
 * Worker function bodies: what a child does with its action (SEMANTICS.md, "Worker function body").
 */
import type { Dialect } from '../targets/dialect.js';
import type { StartStep } from '../scenario/rules.js';
import type { ObjectKind } from '../scenario/types.js';
import { NESTED_ITEM, workerNote } from '../contracts/notes.js';
import { isLockLikeKind } from '../contracts/objects.js';
import { int, lit, note, objectName } from '../python/source.js';

/** Statements that use one object of a kind, bound to Python name `x`. */
export function useLines(kind: ObjectKind, x: string): string[] {
  switch (kind) {
    case 'Lock':
    case 'RLock':
    case 'Semaphore':
    case 'BoundedSemaphore':
    case 'ManagerLock':
      return [`with ${x}:`, '    pass'];
    case 'Condition':
      return [`with ${x}:`, `    ${x}.notify_all()`];
    case 'Event':
      return [`${x}.set()`];
    case 'Barrier':
      return [`${x}.wait()`];
    case 'Queue':
    case 'SimpleQueue':
    case 'JoinableQueue':
    case 'ManagerQueue':
      return [`${x}.put(1)`];
    case 'Value':
      return [`with ${x}.get_lock():`, `    ${x}.value += 1`];
    case 'Array':
      return [`${x}[0] = 1`];
    case 'Pipe':
      return [`${x}.send(1)`];
    case 'ManagerDict':
      return [`${x}[${lit('k')}] = 1`];
    case 'SharedMemory':
      return [`${x}.buf[0] = 1`];
    default: {
      const never: never = kind;
      throw new Error(`unknown object kind ${String(never)}`);
    }
  }
}

function useAll(step: StartStep, kinds: ReadonlyMap<number, ObjectKind>): string[] {
  return step.pass.flatMap((p) => {
    const kind = kinds.get(p.obj);
    if (kind === undefined) throw new Error(`object ${p.obj} was not created`);
    return useLines(kind, objectName(step.id, p));
  });
}

/** The body of `work_<id>` before the optional grandchild and `return 1` (unindented). */
export function renderBody(step: StartStep, kinds: ReadonlyMap<number, ObjectKind>, dialect: Dialect): string[] {
  switch (step.action) {
    case 'use':
      return useAll(step, kinds);
    case 'use-and-close':
      // an attached block unmapped in this worker; its creator's atexit hook still unlinks it
      return [
        ...useAll(step, kinds),
        ...step.pass.flatMap((p) => (kinds.get(p.obj) === 'SharedMemory' ? [`${objectName(step.id, p)}.close()`] : [])),
      ];
    case 'nested-pool':
      // the library's own pool on its module-level API, opened inside the worker (pebble #155's shape)
      return [
        `with ${dialect.poolClass(dialect.defaultContext)}(${int(1)}) as nested:`,
        `    ${note(workerNote(step.id, 'nested'), `nested.map(abs, [${int(NESTED_ITEM)}])`)}`,
      ];
    case 'report-method':
      return [note(workerNote(step.id, 'method'), dialect.getStartMethod(false))];
    case 'read-global':
      return [note(workerNote(step.id, 'global'), 'G')];
    case 'set-start-method':
      return [dialect.setStartMethod('spawn', false)];
    case 'raise':
      return [`raise ValueError(${lit(`raised by worker ${int(step.id)}`)})`];
    case 'own-shared-memory':
      // a block of its own, unlinked by an atexit hook registered in this worker (as a created object is in main)
      return [`own = ${dialect.sharedMemory()}`, 'atexit.register(own.unlink)'];
    case 'die':
      // holds every lock-like object it received when the signal lands
      return [
        ...step.pass.flatMap((p) => (isLockLikeKind(kinds.get(p.obj) ?? '') ? [`${objectName(step.id, p)}.acquire()`] : [])),
        'os.kill(os.getpid(), signal.SIGKILL)',
      ];
    default: {
      const never: never = step.action;
      throw new Error(`unknown action ${String(never)}`);
    }
  }
}

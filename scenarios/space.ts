/**
 * Internal: the configurable scenario space every public arbitrary is cut from.
 *
 * A `Plan` is generated first (records, arrays and small integers only, no filters), then
 * mapped to a `Scenario` by {@link planToScenario}, which resolves every cross-reference so that
 * any plan — including any shrink of it — is a valid scenario:
 * - objects are referenced by index modulo the number of objects (removing one keeps validity),
 * - channels are chosen abstractly (`arg` / `init` / `global`) and mapped to the worker's kind,
 * - at most one pool-like worker exists by construction (`primary`; `extras` are processes),
 * - grandchildren and guarded-function targets degrade where the model forbids them.
 * Shrinking moves toward: fewer pre-actions / objects / extra workers, no start-method choice,
 * guard present (`main`), `default` contexts, `process` workers, `use`, `function`.
 */
import fc from 'fast-check';
import { channelsFor, isSingleArgMap } from '../src/scenario/rules.js';
import type { Channel, ChildAction, ContextRef, Method, ObjectKind, Passing, Placement, Scenario, Step, TargetForm, WorkerKind } from '../src/scenario/types.js';

/**
 * How an object or worker picks its context: `chosen` follows the scenario's start-method choice.
 *
 * @public
 */
export type CtxSel = 'chosen' | ContextRef;
/**
 * How the start method is chosen (when one is).
 *
 * @public
 */
export type How = 'set' | 'set-force' | 'get-context' | 'mp-context';
/**
 * Abstract channel, mapped per worker kind (`init` is a process argument for a Process).
 *
 * @public
 */
export type Via = 'arg' | 'global' | 'init';
/**
 * Where the guard goes: all inside, none, or the first k steps outside.
 *
 * @public
 */
export type PlacementPlan = 'main' | 'top' | 'partial';
/**
 * Things done before the start-method choice.
 *
 * @public
 */
export type PreKind =
  | 'get-start-method' | 'create-default' | 'set-start-method'
  | 'set-global' | 'get-context-unknown' | 'context-set-start-method' | 'freeze-support' | 'start-thread';
/**
 * Things done after all workers.
 *
 * @public
 */
export type PostKind = 'set-start-method' | 'get-start-method';

/**
 * The knobs of a scenario space (every list is ordered simplest first: shrinking goes left).
 *
 * @public
 */
export interface SpaceConfig {
  /** Methods the start-method choice can name. */
  readonly methods: readonly Method[];
  /** How it is chosen; empty: never. */
  readonly hows: readonly How[];
  /** When true every scenario makes the choice (otherwise it is optional, shrinking to none). */
  readonly choiceRequired: boolean;
  readonly placements: readonly PlacementPlan[];
  readonly pre: readonly PreKind[];
  readonly preMin: number;
  readonly preMax: number;
  /** Whether a default-context Process may be started (and joined) right before the choice. */
  readonly earlyStart: boolean;
  readonly post: readonly PostKind[];
  readonly postMax: number;
  readonly objectKinds: readonly ObjectKind[];
  readonly objectMin: number;
  readonly objectMax: number;
  readonly objectCtx: readonly CtxSel[];
  /** Kinds of the primary worker (the only one that may be pool-like). */
  readonly primaryKinds: readonly WorkerKind[];
  /** When false the primary worker may be absent. */
  readonly primaryRequired: boolean;
  readonly workerCtx: readonly CtxSel[];
  readonly vias: readonly Via[];
  readonly passMin: number;
  readonly passMax: number;
  readonly actions: readonly ChildAction[];
  readonly targets: readonly TargetForm[];
  /** Contexts the primary (process) worker's grandchild may use; empty: no grandchildren. */
  readonly grandchild: readonly CtxSel[];
  /** Extra `process` workers (no grandchild) after the primary one. */
  readonly extrasMax: number;
}

const ALL_CTX: readonly CtxSel[] = ['chosen', 'default', 'fork', 'spawn', 'forkserver'];

/**
 * The whole space (docs/design.md, "The scenario space"), sized for runs under 300 ms.
 *
 * @public
 */
export const FULL_SPACE: SpaceConfig = {
  methods: ['fork', 'spawn', 'forkserver'],
  // get-context and mp-context add no step: first, so shrinking them toward 'set' never grows a scenario.
  hows: ['get-context', 'mp-context', 'set', 'set-force'],
  choiceRequired: false,
  placements: ['main', 'top', 'partial'],
  pre: ['get-start-method', 'create-default', 'set-start-method', 'set-global', 'get-context-unknown', 'context-set-start-method', 'freeze-support', 'start-thread'],
  preMin: 0,
  preMax: 2,
  earlyStart: true,
  post: ['set-start-method', 'get-start-method'],
  postMax: 1,
  objectKinds: [
    'Lock', 'RLock', 'Semaphore', 'BoundedSemaphore', 'Condition', 'Event', 'Barrier',
    'Queue', 'SimpleQueue', 'JoinableQueue', 'Value', 'Array', 'Pipe',
    'ManagerDict', 'ManagerLock', 'ManagerQueue', 'SharedMemory',
  ],
  objectMin: 0,
  objectMax: 3,
  objectCtx: ALL_CTX,
  primaryKinds: ['process', 'pool-map', 'pool-apply_async', 'pool-starmap', 'executor-submit', 'executor-map'],
  primaryRequired: true,
  workerCtx: ALL_CTX,
  vias: ['arg', 'global', 'init'],
  passMin: 0,
  passMax: 3,
  actions: ['use', 'report-method', 'read-global', 'set-start-method', 'raise', 'use-and-close', 'nested-pool'],
  targets: ['function', 'guarded-function', 'lambda'],
  grandchild: ALL_CTX,
  extrasMax: 1,
};

type PrePlan =
  | { readonly kind: 'get-start-method'; readonly allowNone: boolean }
  | { readonly kind: 'create-default'; readonly object: ObjectKind }
  | { readonly kind: 'set-start-method'; readonly method: Method; readonly force: boolean }
  | { readonly kind: 'set-global' }
  | { readonly kind: 'get-context-unknown' }
  | { readonly kind: 'freeze-support' }
  | { readonly kind: 'start-thread' }
  | { readonly kind: 'context-set-start-method'; readonly method: Method };

interface PassPlan { readonly obj: number; readonly via: Via }

interface WorkerPlan {
  readonly grandchild: CtxSel | null;
  readonly kind: WorkerKind;
  readonly pass: readonly PassPlan[];
  readonly ctx: CtxSel;
  readonly action: ChildAction;
  readonly target: TargetForm;
}

/** A generated plan (internal; see {@link planToScenario}). Key order is shrink order. */
export interface Plan {
  readonly pre: readonly PrePlan[];
  readonly earlyStart: boolean;
  readonly objects: readonly { readonly kind: ObjectKind; readonly ctx: CtxSel }[];
  readonly extras: readonly WorkerPlan[];
  readonly post: readonly PrePlan[];
  readonly choice: { readonly method: Method; readonly how: How } | null;
  readonly primary: WorkerPlan | null;
  readonly placement: PlacementPlan;
  readonly topCount: number;
}

function from<T>(values: readonly T[]): fc.Arbitrary<T> {
  if (values.length === 0) throw new Error('scenario space: empty choice list');
  return fc.constantFrom(...values);
}

function preArb(kind: PreKind, config: SpaceConfig): fc.Arbitrary<PrePlan> {
  const methods = from<Method>(['fork', 'spawn', 'forkserver']);
  switch (kind) {
    case 'get-start-method':
      return fc.record({ kind: fc.constant(kind), allowNone: fc.boolean() });
    case 'create-default':
      return fc.record({ kind: fc.constant(kind), object: from(config.objectKinds) });
    case 'set-global':
    case 'get-context-unknown':
    case 'freeze-support':
    case 'start-thread':
      return fc.constant({ kind });
    case 'set-start-method':
      return fc.record({ kind: fc.constant(kind), method: methods, force: fc.boolean() });
    case 'context-set-start-method':
      return fc.record({ kind: fc.constant(kind), method: methods });
    default: {
      const never: never = kind;
      throw new Error(`unknown pre-action ${String(never)}`);
    }
  }
}

function workerArb(config: SpaceConfig, kinds: readonly WorkerKind[], grandchild: boolean): fc.Arbitrary<WorkerPlan> {
  return fc.record({
    grandchild: !grandchild || config.grandchild.length === 0 ? fc.constant(null) : fc.option(from(config.grandchild), { nil: null }),
    kind: from(kinds),
    pass: fc.array(fc.record({ obj: fc.nat({ max: 7 }), via: from(config.vias) }), { minLength: config.passMin, maxLength: config.passMax }),
    ctx: from(config.workerCtx),
    action: from(config.actions),
    target: from(config.targets),
  });
}

/** The plan arbitrary of a space. */
export function planArb(config: SpaceConfig): fc.Arbitrary<Plan> {
  const choice = fc.record({ method: from(config.methods), how: config.hows.length === 0 ? fc.constant<How>('set') : from(config.hows) });
  const primary = workerArb(config, config.primaryKinds, true);
  return fc.record({
    pre: config.pre.length === 0 ? fc.constant([]) : fc.array(fc.oneof(...config.pre.map((k) => preArb(k, config))), { minLength: config.preMin, maxLength: config.preMax }),
    earlyStart: config.earlyStart ? fc.boolean() : fc.constant(false),
    objects: config.objectKinds.length === 0 ? fc.constant([]) : fc.array(fc.record({ kind: from(config.objectKinds), ctx: from(config.objectCtx) }), { minLength: config.objectMin, maxLength: config.objectMax }),
    extras: config.extrasMax === 0 ? fc.constant([]) : fc.array(workerArb(config, ['process'], false), { maxLength: config.extrasMax }),
    post: config.post.length === 0 || config.postMax === 0 ? fc.constant([]) : fc.array(fc.oneof(...config.post.map((k) => preArb(k, config))), { maxLength: config.postMax }),
    choice: config.hows.length === 0 ? fc.constant(null) : config.choiceRequired ? choice : fc.option(choice, { nil: null }),
    primary: config.primaryRequired ? primary : fc.option(primary, { nil: null }),
    placement: from(config.placements),
    topCount: fc.nat({ max: 7 }),
  });
}

type Draft = Step extends infer S ? (S extends { readonly at: Placement } ? Omit<S, 'at'> : never) : never;

function channel(via: Via, worker: WorkerKind): Channel {
  if (via === 'global') return 'global';
  const allowed = channelsFor(worker);
  if (worker === 'process') return 'process-arg';
  return via === 'init' && allowed.includes('initargs') ? 'initargs' : 'task-arg';
}

function mpContextKind(kind: WorkerKind): WorkerKind {
  return kind === 'pool-map' || kind === 'executor-map' ? 'executor-map' : 'executor-submit';
}

/** Maps a plan to a valid scenario (pure and deterministic). */
export function planToScenario(plan: Plan): Scenario {
  const drafts: Draft[] = [];
  let nextId = 0;
  const objectIds: number[] = [];
  const chosen: ContextRef = plan.choice !== null && plan.choice.how === 'get-context' ? plan.choice.method : 'default';
  const resolve = (sel: CtxSel): ContextRef => (sel === 'chosen' ? chosen : sel);

  const pushPre = (p: PrePlan): void => {
    switch (p.kind) {
      case 'get-start-method':
        drafts.push({ op: 'get-start-method', allowNone: p.allowNone });
        break;
      case 'create-default':
        objectIds.push(nextId);
        drafts.push({ op: 'create', id: nextId++, kind: p.object, ctx: 'default' });
        break;
      case 'set-start-method':
        drafts.push({ op: 'set-start-method', method: p.method, force: p.force });
        break;
      case 'set-global':
        drafts.push({ op: 'set-global' });
        break;
      case 'get-context-unknown':
        drafts.push({ op: 'get-context-unknown' });
        break;
      case 'freeze-support':
        drafts.push({ op: 'freeze-support' });
        break;
      case 'start-thread':
        drafts.push({ op: 'start-thread' });
        break;
      case 'context-set-start-method':
        drafts.push({ op: 'context-set-start-method', ctx: p.method });
        break;
      default: {
        const never: never = p;
        throw new Error(`unknown pre-action ${String(never)}`);
      }
    }
  };

  const pushWorker = (w: WorkerPlan, primary: boolean): void => {
    let kind = w.kind;
    let ctx = resolve(w.ctx);
    if (plan.choice !== null && plan.choice.how === 'mp-context' && primary) {
      // mp_context is the executor's way to choose a start method: the primary becomes an executor.
      kind = mpContextKind(kind);
      ctx = plan.choice.method;
    }
    const pass: Passing[] = [];
    if (objectIds.length > 0) {
      const seen = new Set<number>();
      let taskArgs = 0;
      for (const p of w.pass) {
        const obj = objectIds[p.obj % objectIds.length] as number;
        if (seen.has(obj)) continue;
        const via = channel(p.via, kind);
        if (via === 'task-arg' && isSingleArgMap(kind) && taskArgs > 0) continue;
        if (via === 'task-arg') taskArgs++;
        seen.add(obj);
        pass.push({ obj, via });
      }
    }
    drafts.push({
      op: 'start', id: nextId++, worker: kind, ctx, pass, action: w.action, target: w.target,
      grandchild: kind === 'process' && w.grandchild !== null ? resolve(w.grandchild) : null,
    });
  };

  plan.pre.forEach(pushPre);
  if (plan.earlyStart) {
    drafts.push({ op: 'start', id: nextId++, worker: 'process', ctx: 'default', pass: [], action: 'report-method', target: 'function', grandchild: null });
  }
  if (plan.choice !== null && (plan.choice.how === 'set' || plan.choice.how === 'set-force')) {
    drafts.push({ op: 'set-start-method', method: plan.choice.method, force: plan.choice.how === 'set-force' });
  }
  for (const o of plan.objects) {
    objectIds.push(nextId);
    drafts.push({ op: 'create', id: nextId++, kind: o.kind, ctx: o.kind === 'SharedMemory' ? 'default' : resolve(o.ctx) });
  }
  if (plan.primary !== null) pushWorker(plan.primary, true);
  for (const w of plan.extras) pushWorker(w, false);
  plan.post.forEach(pushPre);

  const n = drafts.length;
  const topCount = plan.placement === 'top' ? n : plan.placement === 'partial' && n >= 2 ? 1 + (plan.topCount % (n - 1)) : 0;
  const steps = drafts.map((d, i): Step => {
    const at: Placement = i < topCount ? 'top' : 'main';
    // Key order op, at, … keeps scenario JSON readable.
    const { op, ...rest } = d;
    if (d.op === 'start' && d.target === 'guarded-function' && at === 'top') return { op: 'start', at, ...(rest as Omit<typeof d, 'op'>), target: 'function' };
    return { op, at, ...rest } as Step;
  });
  return { version: 1, steps };
}

/** The arbitrary of scenarios of a space. */
export function spaceArb(config: SpaceConfig): fc.Arbitrary<Scenario> {
  return planArb(config).map(planToScenario);
}

/** A space with some knobs changed. */
export function space(overrides: Partial<SpaceConfig>): SpaceConfig {
  return { ...FULL_SPACE, ...overrides };
}

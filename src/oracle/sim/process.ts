import type { ContextRef, Method, Step, TargetForm } from '../../scenario/types.js';
import { workerLabel, type ProcessLabel } from '../../contracts/labels.js';
import { labelNote } from '../../contracts/notes.js';
import { resolve } from './context.js';
import { launch } from './launch.js';
import { endsUncleaned } from './tracker.js';
import { passedObjects, runAction } from './worker.js';
import { runBody } from './pool.js';
import type { RuleId } from '../rules/index.js';
import { fail, OK, type Env, type Obj, type Run, type Sim } from './types.js';

type StartStep = Extract<Step, { op: 'start' }>;

/** The `exitcode` a parent reads for a child that ended with `run`. */
export function exitcodeOf(run: Run): string | null {
  if (run.kind === 'hang') return null;
  if (run.kind === 'ok') return '0';
  const o = run.fail.outcome;
  if (o === 'signal:SIGSEGV') return '-11';
  if (o === 'signal:SIGTERM') return '-15';
  if (o === 'signal:SIGKILL') return '-9';
  return '1';
}

/** The rules that decided how the child ended: its failure's, or (for `ok`) what let its start succeed. */
function endedBy(run: Run, okBy: readonly RuleId[]): readonly RuleId[] {
  if (run.kind === 'ok') return okBy;
  return run.kind === 'hang' ? run.rules : run.fail.rules;
}

function record(sim: Sim, label: ProcessLabel, run: Run, okBy: readonly RuleId[]): void {
  if (run.kind === 'ok') sim.acc.record(label, ['ok'], okBy);
  else if (run.kind === 'hang') sim.acc.record(label, ['hang'], run.rules);
  else sim.acc.record(label, [run.fail.outcome, ...(run.also ?? []).map((f) => f.outcome)], run.fail.rules);
}

/** `p = CTX.Process(target=work_<id>, args=..., name='w<id>')`, start, join, note the exitcode. */
export function startProcess(sim: Sim, env: Env, step: StartStep): Run {
  const passed = passedObjects(env, step.pass);
  if (passed.kind === 'fail') return passed.run;
  const spec = { label: workerLabel(step.id) as ProcessLabel, ctx: step.ctx, target: step.target, pickled: passed.of('process-arg') };
  return runChild(sim, env, spec, (child, method) => {
    const run = runBody(sim, child, step, spec.label, method, env);
    return run.kind === 'ok' && step.grandchild !== null ? startGrandchild(sim, child, spec.label, step.grandchild) : run;
  });
}

/** `CTXG.Process(target=grand_<id>, name='w<id>.g')` started, joined and noted by the child. */
function startGrandchild(sim: Sim, child: Env, parentLabel: ProcessLabel, ctx: ContextRef): Run {
  const spec = { label: `${parentLabel}.g` as ProcessLabel, ctx, target: 'function' as const, pickled: [] };
  return runChild(sim, child, spec, (grandchild, method) => runAction(sim, grandchild, 'report-method', spec.label, method, [], child));
}

/** A Process of context `ctx` started by `parent`: resolve, launch, run `body` once its bootstrap succeeds, then the parent's join. */
function runChild(
  sim: Sim, parent: Env, spec: { readonly label: ProcessLabel; readonly ctx: ContextRef; readonly target: TargetForm; readonly pickled: readonly Obj[] },
  body: (child: Env, method: Method) => Run,
): Run {
  const r = resolve(sim, parent, spec.ctx, 'ctx.fixed-by-start');
  if (r.kind === 'fail') return r.run;
  const l = launch(sim, parent, { label: spec.label, method: r.method, concrete: spec.ctx !== 'default', target: spec.target, pickled: spec.pickled });
  if (l.kind === 'parent-failed') return l.run;
  const run = l.boot.kind === 'ok' ? body(l.child, r.method) : l.boot;
  if (run.kind === 'fail' && run.fail.outcome.startsWith('signal:')) endsUncleaned(sim, l.child, 'signal', true);
  // a fork or forkserver child leaves through os._exit() after _bootstrap (popen_fork, forkserver._serve_one); a spawn
  // child through sys.exit(), whose atexit hooks run
  else if (l.boot.kind === 'ok' && run.kind !== 'hang' && r.method !== 'spawn') endsUncleaned(sim, l.child, 'os._exit', true);
  return joined(sim, spec.label, run, [...l.okBy, ...l.child.okBy]);
}

/** The parent's side of a child that ended with `run`: record its outcome, `join()` (a hang blocks it), note `exitcode`. */
function joined(sim: Sim, label: ProcessLabel, run: Run, okBy: readonly RuleId[]): Run {
  record(sim, label, run, okBy);
  if (run.kind === 'hang') return run;
  const code = exitcodeOf(run);
  // a race's other endings (run.also) give other exit codes: the note is then not decided by one ending's rules
  if (code !== null) sim.acc.note(labelNote(label, 'exitcode'), code, run.kind === 'fail' && run.also !== undefined ? [] : endedBy(run, okBy));
  return OK;
}

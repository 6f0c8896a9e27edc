import type { ContextRef, ProcessLabel, Step } from '../../scenario/types.js';
import { resolve } from './context.js';
import { launch } from './launch.js';
import { receive, runAction } from './worker.js';
import { fail, OK, type Env, type Obj, type Run, type Sim } from './types.js';

type StartStep = Extract<Step, { op: 'start' }>;

/** The `exitcode` a parent reads for a child that ended with `run`. */
export function exitcodeOf(run: Run): string | null {
  if (run.kind === 'hang') return null;
  if (run.kind === 'ok') return '0';
  const o = run.fail.outcome;
  if (o === 'signal:SIGSEGV') return '-11';
  if (o === 'signal:SIGTERM') return '-15';
  return '1';
}

function record(sim: Sim, label: ProcessLabel, run: Run): void {
  if (run.kind === 'ok') sim.acc.record(label, ['ok'], []);
  else if (run.kind === 'hang') sim.acc.record(label, ['hang'], run.rules);
  else sim.acc.record(label, [run.fail.outcome], run.fail.rules);
}

/** `p = CTX.Process(target=work_<id>, args=..., name='w<id>')`, start, join, note the exitcode. */
export function startProcess(sim: Sim, env: Env, step: StartStep): Run {
  const label: ProcessLabel = `w${step.id}`;
  const pickled: Obj[] = [];
  for (const p of step.pass) {
    if (p.via === 'global') continue;
    const o = env.defined.get(p.obj);
    if (o === undefined) return fail('exception:NameError', 'spawn.fresh-globals');
    pickled.push(o);
  }
  const r = resolve(sim, env, step.ctx, 'ctx.fixed-by-start');
  if (r.kind === 'fail') return r.run;
  const l = launch(sim, env, { label, method: r.method, concrete: step.ctx !== 'default', target: step.target, pickled });
  if (l.kind === 'parent-failed') return l.run;
  let run = l.boot;
  if (run.kind === 'ok') run = runAction(sim, l.child, step.action, label, r.method, receive(env, l.child, step.pass));
  if (run.kind === 'ok' && step.grandchild !== null) run = startGrandchild(sim, l.child, label, step.grandchild);
  record(sim, label, run);
  if (run.kind === 'hang') return run;
  const code = exitcodeOf(run);
  if (code !== null) sim.acc.note(`${label}.exitcode`, code);
  return OK;
}

/** `CTXG.Process(target=grand_<id>, name='w<id>.g')` started, joined and noted by the child. */
function startGrandchild(sim: Sim, child: Env, parentLabel: ProcessLabel, ctx: ContextRef): Run {
  const label: ProcessLabel = `${parentLabel}.g` as ProcessLabel;
  const r = resolve(sim, child, ctx, 'ctx.fixed-by-start');
  if (r.kind === 'fail') return r.run;
  const l = launch(sim, child, { label, method: r.method, concrete: ctx !== 'default', target: 'function', pickled: [] });
  if (l.kind === 'parent-failed') return l.run;
  let run = l.boot;
  if (run.kind === 'ok') run = runAction(sim, l.child, 'report-method', label, r.method, []);
  record(sim, label, run);
  if (run.kind === 'hang') return run;
  const code = exitcodeOf(run);
  if (code !== null) sim.acc.note(`${label}.exitcode`, code);
  return OK;
}

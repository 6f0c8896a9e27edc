import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, CHILD_ACTIONS, CONTEXT_REFS, METHODS, OBJECT_KINDS, PLACEMENTS, TARGET_FORMS, WORKER_KINDS, type StepOp } from '../../src/scenario/types.js';

// schema/report.schema.json spells the scenario types out for readers of report.json; they must be the ones
// src/scenario/types.ts defines (a new action, kind or step op added on one side only fails here).
interface Node { readonly enum?: readonly string[]; readonly const?: string; readonly properties?: Record<string, Node>; readonly items?: Node; readonly anyOf?: readonly Node[]; readonly oneOf?: readonly Node[] }
const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as { $defs: { scenario: Node } };
const steps = schema.$defs.scenario.properties!['steps']!.items!.oneOf!;
const byOp = new Map(steps.map((s) => [s.properties!['op']!.const!, s.properties!]));

describe('the report schema states the scenario types of src/scenario/types.ts', () => {
  it('one oneOf branch per step op', () => {
    const ops: Record<StepOp, true> = {
      'set-start-method': true, 'get-start-method': true, create: true, start: true, 'get-context-unknown': true,
      'context-set-start-method': true, 'set-global': true, 'freeze-support': true, 'start-thread': true, 'report-syspath': true, 'forkserver-preload': true, 'report-argv': true,
    };
    expect([...byOp.keys()].sort()).toEqual(Object.keys(ops).sort());
  });
  it('every enum of a step field', () => {
    for (const props of byOp.values()) expect(props['at']!.enum).toEqual(PLACEMENTS);
    expect(byOp.get('set-start-method')!['method']!.enum).toEqual(METHODS);
    expect(byOp.get('create')!['kind']!.enum).toEqual(OBJECT_KINDS);
    expect(byOp.get('create')!['ctx']!.enum).toEqual(CONTEXT_REFS);
    const start = byOp.get('start')!;
    expect(start['worker']!.enum).toEqual(WORKER_KINDS);
    expect(start['ctx']!.enum).toEqual(CONTEXT_REFS);
    expect(start['pass']!.items!.properties!['via']!.enum).toEqual(CHANNELS);
    expect(start['action']!.enum).toEqual(CHILD_ACTIONS);
    expect(start['target']!.enum).toEqual(TARGET_FORMS);
    expect(start['grandchild']!.anyOf![0]!.enum).toEqual(CONTEXT_REFS);
    expect(byOp.get('context-set-start-method')!['ctx']!.enum).toEqual(METHODS);
  });
});

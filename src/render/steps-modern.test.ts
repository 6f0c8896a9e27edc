import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/types.js';
import { renderScenario } from './index.js';

describe('freeze-support and start-thread steps (SEMANTICS.md, Steps)', () => {
  const s: Scenario = {
    version: 1,
    steps: [
      { op: 'start-thread', at: 'top' },
      { op: 'freeze-support', at: 'main' },
      { op: 'set-start-method', at: 'main', method: 'spawn', force: false },
    ],
  };
  const py = renderScenario(s);
  it('renders mp.freeze_support() under the guard and a waiting daemon thread at top level', () => {
    expect(py).toContain('import threading\n');
    expect(py).toContain('\nthreading.Thread(target=threading.Event().wait, daemon=True).start()\n');
    expect(py).toContain("if __name__ == '__main__':\n    mp.freeze_support()\n    mp.set_start_method('spawn')\n");
  });
  it('imports threading only when a thread is started', () => {
    expect(renderScenario({ version: 1, steps: [{ op: 'freeze-support', at: 'main' }] })).not.toContain('threading');
  });
});

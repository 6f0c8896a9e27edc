import { parseScenario } from '../scenario/validate.js';
import { renderScenario } from '../render/index.js';
import type { Scenario } from '../scenario/types.js';
import { dialectFor } from '../targets/index.js';
import type { CaseResult } from '../model/report.js';

/** Marks the header line that carries the scenario, so `mpconform replay repro.py` can rebuild it. */
export const SCENARIO_MARK = 'mpconform-scenario-json: ';

/**
 * The repro program of a case: its shrunk scenario when there is one, rendered for its target.
 *
 * @public
 */
export function renderRepro(c: CaseResult): string {
  const scenario = c.minimal?.scenario ?? c.scenario;
  return renderScenario(scenario, dialectFor(c.target), { header: [`${SCENARIO_MARK}${JSON.stringify(scenario)}`] });
}

/** The scenario embedded in a repro file's header (validated), or null for any other Python file. */
export function scenarioFromRepro(text: string): Scenario | null {
  const line = text.split('\n').find((l) => l.startsWith(`# ${SCENARIO_MARK}`));
  if (line === undefined) return null;
  return parseScenario(JSON.parse(line.slice(2 + SCENARIO_MARK.length)) as unknown);
}

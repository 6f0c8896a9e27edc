/**
 * Rendering: Scenario → Python source (contract: src/render/SEMANTICS.md).
 */
export { renderScenario, programFeatures, commentLines, UnsupportedScenarioError } from './renderScenario.js';
export type { RenderOptions } from './renderScenario.js';
export { withPythonPrinting, printAsPython } from './printable.js';

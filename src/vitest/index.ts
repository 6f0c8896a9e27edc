/**
 * `mpconform/vitest`: a `toConformTo` matcher and helpers that declare tests and fast-check
 * properties over real interpreters, skipping (with the reason) where an interpreter is missing.
 *
 * Importing this module inside a vitest run registers the matcher (`expect.extend`); outside
 * vitest it loads without vitest installed, so the pure pieces (`toConformTo`,
 * `formatConformance`) are usable anywhere (src/vitest/register.ts). It does not load the CLI.
 *
 * @example
 * ```ts
 * import { expect, test } from 'vitest';
 * import { predict, runProgram, renderScenario, corpus, probeInterpreter } from 'mpconform';
 * import 'mpconform/vitest';
 *
 * test('corpus[0] conforms', async () => {
 *   const facts = await probeInterpreter('python3');
 *   const scenario = corpus[0].scenario;
 *   const observation = await runProgram({ python: facts, source: renderScenario(scenario), timeoutMs: 30_000 });
 *   expect(observation).toConformTo(predict(scenario, facts));
 * });
 * ```
 *
 * @packageDocumentation
 */

export * from '../public/vitest.js';

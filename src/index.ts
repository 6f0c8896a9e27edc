/**
 * mpconform — the public API (`import { … } from 'mpconform'`): a harness that generates Python
 * `multiprocessing` programs, runs them on real interpreters and holds every process's outcome to
 * what the Python docs and CPython's sources promise.
 *
 * The pipeline: scenarios (fast-check arbitraries and the curated corpus) → `renderScenario`
 * (Python source, in a library's {@link Dialect}) → `runProgram` (a real interpreter, one
 * classified outcome per process) → `predict` (the documented-behaviour oracle, which never sees an
 * observation) → `judge` (verdict) → declared deviations → reports. `runScenario` does the whole
 * path for one scenario; `runConformance` for a whole run.
 *
 * This file only re-exports; each group lives in `src/public/`. See docs/library-authors.md for how
 * a pool library uses it, and `mpconform/vitest` for the matcher and test helpers.
 *
 * @packageDocumentation
 */
export * from './public/scenarios.js';
export * from './public/conformance.js';
export * from './public/dialects.js';
export * from './public/interpreters.js';
export * from './public/reports.js';
export * from './public/errors.js';

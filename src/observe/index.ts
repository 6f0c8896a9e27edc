/** Observe: probe events + exits + output → one classified outcome per process. */
export { runProgram, observeFile } from './run-program.js';
export type { RunProgramOptions } from './run-program.js';
export { observe } from './observe.js';
export { classifyException } from './classify.js';
export { parseTracebacks } from './tracebacks.js';
export { parseStacks, whereLines } from './stacks.js';

import type { Rule } from '../types.js';
import { ALL, ANY, DOCS } from './common.js';

const CTX = 'Lib/multiprocessing/context.py (3.7-3.13)';

/** How the default context (`DefaultContext._actual_context`) gets fixed, and the errors around it. */
export const contextRules: readonly Rule[] = [
  { id: 'ctx.already-set', statement: 'set_start_method() without force=True once the default context is fixed raises RuntimeError "context has already been set".', versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing.set_start_method; ${CTX} DefaultContext.set_start_method` },
  { id: 'ctx.force', statement: 'set_start_method(m, force=True) always replaces the default context.', versions: ANY, platforms: ALL, source: `${CTX} DefaultContext.set_start_method` },
  { id: 'ctx.fixed-by-get', statement: 'get_start_method() fixes the default context to the platform default; get_start_method(allow_none=True) returns None and fixes nothing.', versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing.get_start_method; ${CTX} DefaultContext.get_start_method` },
  { id: 'ctx.fixed-by-object', statement: 'Creating a Lock/Queue/Value/... , Pool or Manager on the default context calls get_context() and fixes it; Pipe() and SharedMemory do not.', versions: ANY, platforms: ALL, source: `${CTX} BaseContext.Lock etc. (ctx=self.get_context()), BaseContext.Pipe` },
  { id: 'ctx.fixed-by-start', statement: 'Starting a default-context Process fixes the default context (Process._Popen calls get_context()).', versions: ANY, platforms: ALL, source: `${CTX} class Process._Popen` },
  { id: 'ctx.fixed-by-preparation', statement: 'Starting a spawn or forkserver process from any context calls get_start_method() in the parent (spawn.get_preparation_data) and so fixes its default context.', versions: ANY, platforms: ALL, source: 'Lib/multiprocessing/spawn.py get_preparation_data (3.7-3.13)' },
  { id: 'ctx.unknown', statement: "get_context('nope') raises ValueError \"cannot find context for 'nope'\".", versions: ANY, platforms: ALL, source: `${DOCS}#multiprocessing.get_context; ${CTX} BaseContext.get_context` },
  { id: 'ctx.concrete', statement: 'set_start_method() on a concrete context (get_context(m)) raises ValueError "cannot set start method of concrete context".', versions: ANY, platforms: ALL, source: `${CTX} BaseContext.set_start_method` },
  { id: 'ctx.child-forced', statement: "A child started from a concrete context has its default context forced to that method (Process._bootstrap -> _force_start_method); a default-context child keeps the inherited (fork) or prepare()-forced (spawn) one; either way it is fixed, so set_start_method() in a child raises 'context has already been set'.", versions: ANY, platforms: ALL, source: 'Lib/multiprocessing/process.py BaseProcess._bootstrap (3.7-3.13)' },
];

import { factsEnv } from '../../execute/env.js';
import type { InterpreterFacts } from '../../model/facts.js';
import { dialectFor, registerDialect, type Dialect } from '../../targets/index.js';
import { OptionError } from '../../options/errors.js';
import { TargetNotImportableError } from '../../interpreters/importable.js';
import { interpreterText, notImportableReason, skippedOn } from '../../targets/file/availability.js';
import type { SelectedTargets } from '../../targets/file/select.js';
import { isDottedName } from '../../targets/file/template.js';
import { notInstalledReason } from '../../targets/installed.js';

/** Whether `import <module>` succeeds on the interpreter, in the environment programs run in (no PYTHONPATH). */
export type ImportsOn = (facts: InterpreterFacts, module: string) => Promise<boolean>;

/** Runs `python -c "import <module>"` (the module is a validated dotted name: nothing else reaches the command line). */
export const moduleImports: ImportsOn = async (facts, module) => {
  if (!isDottedName(module)) throw new Error(`moduleImports: ${JSON.stringify(module)} is not a dotted module name`);
  const { execa } = await import('execa');
  const r = await execa(facts.executable, ['-c', `import ${module}`], { env: factsEnv(), extendEnv: false, reject: false, stdin: 'ignore', timeout: 60_000 });
  return r.exitCode === 0;
};

/**
 * Checks `--target` values eagerly: each must have a dialect, and import on at least one of the
 * selected interpreters.
 */
export function checkTargets(targets: readonly string[], interpreters: readonly InterpreterFacts[]): void {
  for (const target of targets) {
    dialectFor(target);
    if (!interpreters.some((f) => importable(f, target))) {
      const where = interpreters.map((f) => `${f.path} (${f.version})`).join(', ');
      throw new OptionError(`--target ${target}: not importable on any selected interpreter: ${where}`);
    }
  }
}

/**
 * One line per shipped library target that some selected interpreters do not have: its cases there
 * are skipped (src/targets/installed.ts), and the user is told where and what to do.
 */
export function shippedTargetNotices(targets: readonly string[], interpreters: readonly InterpreterFacts[]): string[] {
  return targets.flatMap((target) => {
    const missing = interpreters.filter((f) => notInstalledReason(target, f) !== null);
    if (missing.length === 0) return [];
    return [`--target ${target}: not installed for ${missing.map(interpreterText).join(', ')}: its cases there are skipped (install it into that interpreter, or pick the environment that has it: mpconform pythons)`];
  });
}

/** True when the interpreter's facts say the target imports. */
export function importable(facts: InterpreterFacts, target: string): boolean {
  const key = target === 'stdlib' ? 'multiprocessing' : target;
  return (facts.targets[key] ?? null) !== null;
}

/** The run's targets once the data-file targets were checked on the interpreters, and what to tell the user. */
export interface RunnableTargets {
  /** As `selected.targets`, a data-file target that does not import everywhere replaced by one skipped where it does not. */
  readonly targets: readonly (string | Dialect)[];
  /** One line per such target: which interpreters skip its cases, and why. */
  readonly notices: readonly string[];
}

/**
 * Checks, eagerly, where each data-file target's module imports (in the environment programs run
 * in). Where it does not, that target's cases are skipped with the reason and the run goes on on
 * the other interpreters; only a module that imports on none of them is an error
 * ({@link TargetNotImportableError}, exit 2).
 */
export async function targetFilesOn(selected: SelectedTargets, interpreters: readonly InterpreterFacts[], importsOn: ImportsOn = moduleImports): Promise<RunnableTargets> {
  const targets = [...selected.targets];
  const notices: string[] = [];
  for (const t of selected.files) {
    const ok = await Promise.all(interpreters.map((f) => importsOn(f, t.module)));
    const missing = interpreters.filter((_, i) => !ok[i]);
    if (missing.length === 0) continue;
    if (missing.length === interpreters.length) throw new TargetNotImportableError(t.file, t.module, missing.map(interpreterText));
    const dialect = skippedOn(t.dialect, new Map(missing.map((f) => [f.path, notImportableReason(t.id, t.module, f)])));
    const at = targets.indexOf(t.dialect);
    if (at >= 0) targets[at] = dialect;
    registerDialect(dialect);
    notices.push(`--target ${t.file}: module ${t.module} does not import on ${missing.map(interpreterText).join(', ')}: its cases there are skipped (install the library into that interpreter or its venv)`);
  }
  return { targets, notices };
}

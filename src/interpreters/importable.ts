/**
 * Whether a library's own data-file target (src/targets/file/) imports on the selected
 * interpreters, checked eagerly with the environment programs run in (no PYTHONPATH).
 */
import { MpconformError } from '../errors/index.js';
import { factsEnv } from '../execute/env.js';
import type { InterpreterFacts } from '../model/facts.js';
import type { TargetFile } from '../targets/file/index.js';

/**
 * A data-file target's module does not import on a selected interpreter (code `E_BAD_OPTION`).
 *
 * @public
 */
export class TargetNotImportableError extends MpconformError<'E_BAD_OPTION'> {
  constructor(file: string, module: string, where: readonly string[]) {
    super('E_BAD_OPTION', `--target ${file}: module ${module} does not import on ${where.join(', ')} (install the library into that interpreter or its venv)`);
  }
}

/** Checks that each data-file target's module imports on every selected interpreter. */
export async function checkTargetFiles(files: readonly TargetFile[], interpreters: readonly InterpreterFacts[]): Promise<void> {
  if (files.length === 0) return;
  const { execa } = await import('execa');
  for (const t of files) {
    const missing: string[] = [];
    for (const f of interpreters) {
      // t.module is a validated dotted name (src/targets/file/load.ts): nothing else reaches the command line
      const r = await execa(f.executable, ['-c', `import ${t.module}`], { env: factsEnv(), extendEnv: false, reject: false, stdin: 'ignore', timeout: 60_000 });
      if (r.exitCode !== 0) missing.push(`${f.path} (${f.version})`);
    }
    if (missing.length > 0) throw new TargetNotImportableError(t.file, t.module, missing);
  }
}

import { dirname } from 'node:path';
import { diffHtml } from '../../report/diff-html.js';
import { diffReports, diffText } from '../../report/diff.js';
import { readReport } from '../../report/read.js';
import { writeFileAtomic } from '../../report/atomic.js';
import { parseVerbArgs } from '../args.js';
import type { Command } from '../command.js';
import { UsageError } from '../errors.js';

/** `mpconform diff BASE.json NEW.json`: what changed between two runs; exit 1 on new failures only. */
export const diffVerb: Command = {
  name: 'diff',
  summary: 'compare two report.json files: cases and rules that newly fail, newly pass, changed, appeared or vanished',
  usage: `usage: mpconform diff BASE.json NEW.json [--map BASE=NEW]... [--html FILE] [--json] [--max N]

Matches the cases of two runs by scenario (a canonical hash of the program, not the case id) on
paired interpreters and the same target, and lists what newly fails, newly passes, changed
outcome (verdict, an observed outcome, or the expectation), appeared or vanished; then the rules
whose conformance or applicability changed, each with an example case and its repro.

Interpreters pair by: --map first; then the same implementation and version; then the same
minor version (3.13.14 with 3.13.15); then, when one interpreter of an implementation is left in
each run, those two (a run on 3.12.1 against one on 3.13.0).

  --map BASE=NEW  pair these interpreters (a path, a version like 3.12.1, or pypy3.9.18); repeatable
  --html FILE     also write the diff as a self-contained HTML page
  --json          print the diff as JSON instead of text
  --max N         case lines per change kind in the text (default 20)
  -h, --help      this text

Exit 0 when nothing newly fails, 1 on new failures (a case that newly fails, or a new scenario
that fails), 2 on bad usage or an unreadable report.`,
  async run(argv, ctx) {
    const { values, positionals } = parseVerbArgs('diff', argv, {
      map: { type: 'string', multiple: true },
      html: { type: 'string' },
      json: { type: 'boolean' },
      max: { type: 'string' },
    });
    if (positionals.length !== 2) throw new UsageError(`diff: expected BASE.json and NEW.json, got ${positionals.length} argument${positionals.length === 1 ? '' : 's'} (see mpconform diff --help)`);
    const map = (values.map ?? []).map((m) => {
      const i = m.indexOf('=');
      if (i <= 0 || i === m.length - 1) throw new UsageError(`diff: --map expects BASE=NEW (e.g. 3.12.1=3.13.0), got ${JSON.stringify(m)}`);
      return [m.slice(0, i), m.slice(i + 1)] as const;
    });
    const max = values.max === undefined ? 20 : Number(values.max);
    if (!Number.isInteger(max) || max < 0) throw new UsageError(`diff: --max expects a whole number, got ${JSON.stringify(values.max)}`);
    const [baseFile, newFile] = positionals as [string, string];
    const base = await readReport(baseFile);
    const next = await readReport(newFile);
    const d = diffReports(base, next, { map, baseDir: dirname(baseFile), newDir: dirname(newFile) });
    if (values.html) await writeFileAtomic(values.html, diffHtml(d, values.html));
    ctx.out(values.json ? JSON.stringify(d, null, 2) : diffText(d, max));
    return d.newFailures > 0 ? 1 : 0;
  },
};

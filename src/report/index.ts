/**
 * The reports stage: report.json, junit.xml, summary.md, index.html and repro/*.py for a RunReport,
 * plus reading (schema-checked) and merging shard reports. docs/design.md, "Reports".
 */
export { writeReports, type WriteReportsOptions, type WrittenReports } from './write.js';
export { readReport, validateReport, reportSchema } from './read.js';
export { mergeReports } from './merge.js';
export { computeTotals } from './totals.js';
export { junitXml } from './junit.js';
export { summaryMarkdown, type SummaryOptions } from './markdown.js';
export { indexHtml } from './html.js';
export { reproFile, reproPaths, sanitiseId, stubRenderRepro, type RenderRepro } from './repro.js';
export { startMethodOf, worstVerdict } from './describe.js';
export { ReportError, ReportDirError, ReportInvalidError, ReportMergeError, type ReportErrorCode } from './errors.js';
export { buildRuleMatrix, caseRules, checkRuleCoverage, ruleCoverage, ruleCoverageLines, ruleSections, type RuleMatrix, type InterpreterRuleCoverage, type RuleSections } from './rules.js';
export { diffReports, diffText, pairInterpreters, type RunDiff, type DiffOptions } from './diff.js';
export { diffHtml } from './diff-html.js';
export { scenarioHash } from './scenario-hash.js';

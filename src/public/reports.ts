/** Reports: write a run's report directory (JSON, JUnit, Markdown, HTML, repros), read and merge them. */
export type { RunReport, CaseResult, MinimalCase } from '../model/report.js';
export { writeReports, readReport, validateReport, mergeReports, junitXml, summaryMarkdown, indexHtml } from '../report/index.js';
export type { WriteReportsOptions, WrittenReports, SummaryOptions, RenderRepro } from '../report/index.js';
export type { IndexHtmlOptions } from '../report/html.js';
export type { RenderProgram } from '../report/html-data.js';
export type { RuleSections } from '../report/rules.js';
export { ReportError, ReportDirError, ReportInvalidError, ReportMergeError } from '../report/index.js';
export type { ReportErrorCode } from '../report/index.js';
export { renderRepro } from '../run/repro.js';

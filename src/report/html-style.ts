/** Inline CSS of index.html: readable type, sticky header, verdict colours that always come with text. */
export const HTML_STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--head:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
header.top{position:sticky;top:0;z-index:3;background:var(--head);border-bottom:1px solid var(--line);padding:.6rem 1.2rem}
header.top h1{font-size:1.15rem;margin:0 0 .3rem}
main{padding:0 1.2rem 3rem}
code,pre,.mono{font-family:ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,monospace;font-size:.86rem}
pre{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:.6rem;overflow:auto;max-height:24rem;white-space:pre-wrap;word-break:break-word}
.filters{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;font-size:.9rem}
.filters label{white-space:nowrap}
.legend{display:flex;flex-wrap:wrap;gap:.4rem;margin:.8rem 0;padding:0;list-style:none}
table{border-collapse:collapse}
caption{text-align:left;padding:.2rem 0}
table.matrix th[scope=row]{text-align:left;background:var(--head)}
td.cell .worst{font-weight:600}
table.matrix th,table.matrix td{border:1px solid var(--line);padding:.35rem .55rem;vertical-align:top}
table.matrix thead th{position:sticky;top:var(--top,5.2rem);z-index:2;background:var(--head);text-align:left}
table.matrix th small{display:block;color:var(--muted);font-weight:normal}
td.cell a{display:block;color:inherit;text-decoration:none}
td.cell a:hover,td.cell a:focus{text-decoration:underline}
td.cell .counts{display:block;font-size:.8rem}
td.empty{color:var(--muted);text-align:center}
.badge{display:inline-block;border-radius:4px;padding:0 .4rem;font-weight:600;font-size:.85rem;border:1px solid transparent}
.v-pass{background:#dafbe1;color:#0f5323;border-color:#4ac26b}
.v-fail{background:#ffebe9;color:#82071e;border-color:#ff8182}
.v-unexpected-pass{background:#fbefff;color:#6e40c9;border-color:#c297ff}
.v-flaky{background:#fff8c5;color:#6c4400;border-color:#d4a72c}
.v-expected-fail{background:#ddf4ff;color:#0a3069;border-color:#54aeff}
.v-skipped{background:#eff2f5;color:#424a53;border-color:#afb8c1}
.v-unspecified{background:#fff;color:#424a53;border:1px dashed #818b98}
section.cell-list{margin-top:1.6rem;scroll-margin-top:6rem}
section.cell-list h3{font-size:1rem;margin:.2rem 0;border-bottom:1px solid var(--line)}
details.case{border:1px solid var(--line);border-radius:6px;margin:.4rem 0;padding:.3rem .6rem;scroll-margin-top:6rem}
details.case>summary{cursor:pointer}
table.notes{margin-top:.4rem}
table.notes th,table.notes td,table.procs th,table.procs td{border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.4rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.muted{color:var(--muted)}
[hidden]{display:none!important}
h2{font-size:1.05rem;margin:1.6rem 0 .4rem;scroll-margin-top:6rem}
nav.toc{margin:.4rem 0;font-size:.9rem}
kbd{border:1px solid var(--line);border-radius:3px;padding:0 .25rem;font-size:.8rem;background:var(--head)}
table.rules th,table.rules td,table.coverage th,table.coverage td{border:1px solid var(--line);padding:.3rem .5rem;vertical-align:top;text-align:left}
table.rules thead th{position:sticky;top:var(--top,5.2rem);z-index:2;background:var(--head)}
table.rules thead tr:first-child th[scope=colgroup]{height:2.2rem;white-space:nowrap}
table.rules thead tr:nth-child(2) th{top:calc(var(--top,5.2rem) + 2.2rem)}
table.rules th[scope=row]{max-width:34rem;font-weight:normal;background:var(--head)}
table.rules th[scope=row] small{display:block;color:var(--muted);font-size:.78rem;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;max-width:30rem}
table.rules thead th[scope=col]{font-size:.78rem;font-weight:600}
table.rules td.rcell{padding:.2rem .35rem}
table.rules td.versions{font-size:.8rem;white-space:nowrap}
table.rules tr.broken th[scope=row]{background:#ffebe9;border-left:4px solid #cf222e}
table.rules tr.departs th[scope=row]{border-left:4px solid #ff8182}
table.rules tr.chosen th[scope=row]{outline:2px solid #0969da}
td.rcell a{display:block;color:inherit;text-decoration:none}
td.rcell a:hover,td.rcell a:focus{text-decoration:underline}
td.rcell .worst{font-weight:600;display:block;font-size:.8rem}
td.rcell .counts{display:block;font-size:.78rem;white-space:nowrap}
table.coverage td.num{text-align:right;white-space:nowrap}
button.rule-link{font:inherit;background:none;border:0;padding:0;color:#0969da;cursor:pointer;text-decoration:underline}
button.rule-link.departs{color:#82071e;font-weight:600}
table.scen th,table.scen td{border:1px solid var(--line);padding:.25rem .45rem;vertical-align:top;text-align:left}
table.scen thead th{position:sticky;top:var(--top,5.2rem);z-index:2;background:var(--head);font-size:.85rem}
table.scen th[scope=row]{background:var(--head);font-weight:normal;white-space:nowrap}
table.scen td.scen-key small{display:block;color:var(--muted);font-size:.75rem}
table.scen td.scell{min-width:8rem;max-width:18rem}
table.scen td.scell a{display:block;color:inherit;text-decoration:none;border-radius:4px;padding:0 .35rem;margin:.1rem 0;word-break:break-word}
table.scen td.scell a:hover,table.scen td.scell a:focus{text-decoration:underline}
table.scen td.scell .worst{display:block;font-weight:600;font-size:.8rem}
table.scen td.scell .counts{display:block;font-size:.78rem}
table.scen td.empty{color:var(--muted);text-align:center}
table.scen tr.disagree th[scope=row]{background:#ffebe9;border-left:4px solid #cf222e}
table.scen th.chosen,table.scen td.chosen{outline:2px solid #0969da;outline-offset:-2px}
.scen-controls{font-size:.9rem}
a:focus-visible,button:focus-visible,summary:focus-visible,select:focus-visible,input:focus-visible{outline:2px solid #0969da;outline-offset:1px}
`;

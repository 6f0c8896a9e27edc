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
table.procs th,table.procs td{border:1px solid var(--line);padding:.2rem .45rem;text-align:left;vertical-align:top}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.4rem 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0}
.muted{color:var(--muted)}
[hidden]{display:none!important}
`;

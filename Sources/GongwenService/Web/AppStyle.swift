// app.css: system fonts only (the CJK faces the machine has), no web fonts, no images.
extension WebAssets {
    static let appCSS = #"""
:root {
  --red: #b3261e;
  --red-dark: #8c1d18;
  --ink: #1f2328;
  --muted: #59636e;
  --line: #d0d7de;
  --paper: #ffffff;
  --ground: #f4f2ee;
  --focus: #1a5fb4;
  --ok: #1a7f37;
  --error: #c62828;
  --error-bg: #fdecea;
  font-family: "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC",
    "Source Han Sans SC", "WenQuanYi Micro Hei", "Droid Sans Fallback", system-ui, sans-serif;
  color: var(--ink);
  background: var(--ground);
  line-height: 1.6;
  -webkit-text-size-adjust: 100%;
}
* { box-sizing: border-box; }
body { margin: 0; min-height: 100vh; display: flex; flex-direction: column; }
main { flex: 1; outline: none; }
.wrap { width: 100%; max-width: 68rem; margin: 0 auto; padding: 0 1.25rem; }
a { color: var(--focus); }
code { font-family: ui-monospace, "DejaVu Sans Mono", "Noto Sans Mono CJK SC", monospace; font-size: .9em;
  background: #eef0f3; padding: .05em .35em; border-radius: 4px; }
h1, h2 { line-height: 1.35; }
h1 { font-size: 1.6rem; margin: 1.4rem 0 .4rem; }
h1[tabindex="-1"]:focus { outline: none; }
h2 { font-size: 1.15rem; margin: 0 0 .6rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0;
  overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }

/* header and footer */
.site-header { background: var(--red); color: #fff; border-bottom: 4px solid var(--red-dark); }
.site-header .wrap { display: flex; align-items: center; gap: 1rem; flex-wrap: wrap; padding-top: .7rem; padding-bottom: .7rem; }
.brand { color: #fff; text-decoration: none; display: inline-flex; align-items: center; gap: .55rem; font-weight: 700; font-size: 1.15rem; }
.brand-mark { display: inline-grid; place-items: center; width: 2rem; height: 2rem; border: 2px solid #fff; border-radius: 6px; font-size: 1.1rem; }
.brand-tag { opacity: .9; font-size: .95rem; }
.site-footer { color: var(--muted); font-size: .85rem; padding: 2rem 0 1.5rem; }

.loading { color: var(--muted); padding: 2rem 0; }
.lead { color: var(--muted); max-width: 48rem; margin-top: 0; }
.notice-box { background: var(--paper); border: 1px solid var(--line); border-left: 5px solid var(--focus); padding: .8rem 1rem; border-radius: 6px; }
.notice-box.error { border-left-color: var(--error); background: var(--error-bg); }

/* the list of templates */
.template-group { margin: 1.6rem 0; }
.template-group > h2 { border-left: 4px solid var(--red); padding-left: .6rem; }
.cards { list-style: none; margin: 0; padding: 0; display: grid; gap: .9rem;
  grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr)); }
.card { position: relative; background: var(--paper); border: 1px solid var(--line); border-radius: 8px;
  padding: 1rem 1.1rem; transition: border-color .15s, box-shadow .15s; }
.card:hover, .card:focus-within { border-color: var(--red); box-shadow: 0 2px 10px rgba(0, 0, 0, .08); }
.card-link { font-weight: 700; color: var(--ink); text-decoration: none; font-size: 1.02rem; }
.card-link::after { content: ""; position: absolute; inset: 0; border-radius: 8px; }
.card-link:focus-visible { outline: none; }
.card:focus-within { outline: 3px solid var(--focus); outline-offset: 2px; }
.card-source { color: var(--muted); font-size: .88rem; margin: .45rem 0 .3rem; }
.card-meta { color: var(--muted); font-size: .82rem; margin: 0; }

/* the form page */
.crumbs { margin-top: 1rem; font-size: .9rem; color: var(--muted); }
.source { color: var(--muted); font-size: .9rem; margin-top: 0; }
.blank-box, .fill-form, .action-bar { background: var(--paper); border: 1px solid var(--line); border-radius: 8px; }
.blank-box { padding: .9rem 1.1rem; margin: 1rem 0; }
.blank-box p { margin: 0 0 .6rem; color: var(--muted); font-size: .92rem; }
.fill-form { padding: 1.1rem 1.1rem .4rem; margin: 1rem 0 0; }
.required-note { margin: 0 0 .8rem; color: var(--muted); font-size: .9rem; }
.req { color: var(--error); font-weight: 700; }

.field-group { border: 0; margin: 0 0 1rem; padding: 0; min-width: 0; }
fieldset.field-group { border: 1px solid var(--line); border-radius: 6px; padding: .4rem .9rem .2rem; }
fieldset.field-group legend { font-weight: 700; padding: 0 .35rem; }
.field-grid { display: grid; gap: .2rem 1.4rem; grid-template-columns: repeat(2, minmax(0, 1fr)); }
@media (max-width: 46rem) { .field-grid { grid-template-columns: minmax(0, 1fr); } }
.field { min-width: 0; padding: .3rem 0 .55rem; }
.field.wide { grid-column: 1 / -1; }
.field-label { display: block; font-weight: 600; margin-bottom: .25rem; }
.hint, .counter { margin: .25rem 0 0; font-size: .85rem; color: var(--muted); }
.hint { margin: 0 0 .3rem; }
.counter { text-align: right; font-variant-numeric: tabular-nums; }
.counter.over { color: var(--error); font-weight: 700; }
input, textarea { font: inherit; color: inherit; width: 100%; padding: .45rem .6rem; border: 1px solid #8c959f;
  border-radius: 5px; background: #fff; }
textarea { resize: vertical; min-height: 12rem; line-height: 1.7; }
input:focus, textarea:focus { border-color: var(--focus); }
input[type="number"] { max-width: 16rem; }
.with-unit { display: flex; align-items: center; gap: .5rem; }
.with-unit .unit { color: var(--muted); white-space: nowrap; }
.field.has-error input, .field.has-error textarea { border: 2px solid var(--error); background: #fffafa; }
.field.has-error { border-left: 4px solid var(--error); padding-left: .7rem; }
.field-error { color: var(--error); font-weight: 600; font-size: .9rem; margin: .3rem 0 0; }
.field-error::before { content: "⚠ "; }

/* list forms */
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 6px; margin-bottom: .8rem; }
.rows-table { border-collapse: collapse; width: 100%; min-width: 60rem; }
.rows-table caption { text-align: left; padding: .5rem .7rem; color: var(--muted); font-size: .9rem; caption-side: top; }
.rows-table th, .rows-table td { border-top: 1px solid var(--line); padding: .35rem .4rem; vertical-align: top; text-align: left; }
.rows-table thead th { background: #f6f8fa; font-weight: 600; white-space: nowrap; }
.rows-table .index { width: 3.2rem; text-align: center; color: var(--muted); font-weight: 400; padding-top: .75rem; }
.rows-table col.col-index { width: 3.2rem; }
.rows-table col.col-action { width: 5rem; }
.rows-table td .field { padding: 0; }
.rows-table td .field.has-error { padding-left: .4rem; }
.rows-table td.action { text-align: center; }

/* buttons */
.button-row { display: flex; flex-wrap: wrap; gap: .6rem; align-items: center; margin: .2rem 0 .6rem; }
.button { font: inherit; font-weight: 600; border-radius: 6px; padding: .5rem 1rem; cursor: pointer; border: 2px solid transparent; white-space: nowrap; }
.button.primary { background: var(--red); color: #fff; border-color: var(--red); }
.button.primary:hover { background: var(--red-dark); border-color: var(--red-dark); }
.button.secondary { background: #fff; color: var(--red); border-color: var(--red); }
.button.secondary:hover { background: #fbeeed; }
.button.quiet { background: transparent; color: var(--muted); border-color: var(--line); font-weight: 400; }
.button.quiet:hover { color: var(--error); border-color: var(--error); }
.button:disabled { opacity: .55; cursor: progress; }
.add-row::before { content: "＋ "; }
.linklike { font: inherit; background: none; border: 0; padding: 0; color: var(--error); text-decoration: underline; cursor: pointer; text-align: left; }

.action-bar { position: sticky; bottom: 0; z-index: 5; margin: 1rem 0 0; padding: .8rem 1.1rem .3rem;
  box-shadow: 0 -4px 14px rgba(0, 0, 0, .07); }
.status { margin: 0 0 .5rem; min-height: 1.6em; font-size: .92rem; color: var(--muted); }
.status.ok { color: var(--ok); font-weight: 600; }
.status.error { color: var(--error); font-weight: 600; }

.error-summary { border: 3px solid var(--error); background: var(--paper); border-radius: 8px; padding: .9rem 1.1rem; margin: 1rem 0; outline: none; }
.error-summary:focus { box-shadow: 0 0 0 3px rgba(198, 40, 40, .3); }
.error-summary h2 { color: var(--error); font-size: 1.05rem; }
.error-summary ul { margin: 0; padding-left: 1.2rem; }
.error-summary li { margin: .2rem 0; }
.error-summary p { margin: 0; }

/* the token dialog */
.token-dialog { border: 1px solid var(--line); border-radius: 10px; padding: 1.2rem 1.4rem; width: min(28rem, 92vw); }
.token-dialog::backdrop { background: rgba(0, 0, 0, .35); }
.token-dialog label { display: block; font-weight: 600; margin-bottom: .25rem; }
.token-dialog p { color: var(--muted); font-size: .92rem; }
.dialog-actions { display: flex; justify-content: flex-end; gap: .6rem; margin-top: 1rem; }

@media (max-width: 40rem) {
  h1 { font-size: 1.3rem; }
  .wrap { padding: 0 .8rem; }
  .button { flex: 1 1 auto; }
  .action-bar { position: static; }
  .rows-table .button { flex: none; }
}
@media print {
  .site-header, .site-footer, .blank-box, .action-bar, .crumbs, .error-summary, .add-row, .remove-row { display: none !important; }
  body { background: #fff; }
}
@media (prefers-reduced-motion: reduce) { * { transition: none !important; } }
"""#
}

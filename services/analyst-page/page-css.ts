/** The analyst page's stylesheet, served as /app/style.css (the CSP allows no inline styles). */
export const STYLE = `
:root { --ink: #1b1f24; --muted: #57606a; --line: #d0d7de; --accent: #1f5fa8; --warn: #b42318; --late: #fff1e6; --ok: #15803d; font-family: system-ui, "Hiragino Sans", "Noto Sans CJK JP", "Noto Sans JP", sans-serif; color: var(--ink); }
body { margin: 0; background: #f6f8fa; line-height: 1.45; }
.skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem; }
.skip:focus { left: .5rem; z-index: 10; }
.banner { display: flex; justify-content: space-between; align-items: center; gap: 1rem; background: #0b2e59; color: #fff; padding: .75rem 1.25rem; }
.banner h1 { font-size: 1.2rem; margin: 0; }
.banner .en { font-weight: 400; opacity: .9; }
nav#nav { display: flex; gap: 1.25rem; padding: .5rem 1.25rem; background: #e8eef6; border-bottom: 1px solid var(--line); }
nav#nav a { color: var(--accent); }
main { max-width: 1200px; margin: 0 auto; padding: 1rem 1.25rem 2rem; }
main:focus { outline: none; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; margin: 1rem 0; }
h2 { font-size: 1.15rem; margin: 0 0 .75rem; }
h3 { font-size: 1rem; margin: 0 0 .5rem; }
form { display: flex; flex-wrap: wrap; gap: .75rem 1rem; align-items: flex-end; }
.field { display: flex; flex-direction: column; gap: .2rem; min-width: 12rem; }
.field input[type=search], .field input[type=password] { min-width: 22rem; }
label { font-weight: 600; font-size: .9rem; }
.hint { color: var(--muted); font-size: .8rem; max-width: 28rem; }
input, select, button { font: inherit; padding: .35rem .5rem; border: 1px solid #8c959f; border-radius: 4px; }
button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
button:disabled { background: #c9d1d9; border-color: #c9d1d9; color: #57606a; cursor: not-allowed; }
button.link { background: none; border: none; color: var(--accent); text-decoration: underline; padding: 0; }
.banner button { background: #fff; color: #0b2e59; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
[aria-invalid=true] { border-color: var(--warn); }
.error { color: var(--warn); font-weight: 600; min-height: 1.2em; }
.muted, .article { color: var(--muted); }
.article { font-size: .85em; }
.resident-head h2 { margin: .5rem 0 .25rem; font-size: 1.3rem; }
.asof { font-size: 1rem; }
.panels { display: grid; grid-template-columns: repeat(auto-fit, minmax(340px, 1fr)); gap: .75rem; }
.panel { margin: .75rem 0 0; padding: .75rem 1rem; }
dl { display: grid; grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); gap: .25rem .75rem; margin: 0; }
dt, dd { overflow-wrap: anywhere; }
dt { color: var(--muted); }
dd { margin: 0; }
.ok { color: var(--ok); }
.warn, .state-overdue { color: var(--warn); font-weight: 600; }
.state-met_late { color: #a16207; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin-top: .5rem; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f0f3f6; }
.scroll { overflow-x: auto; }
tr.late-relay { background: var(--late); }
tr.late-relay td:first-child { border-left: 4px solid #c2410c; }
.lag { display: inline-flex; align-items: center; gap: .4rem; min-width: 9rem; flex-wrap: wrap; }
.lag-bar { display: inline-block; height: .6rem; background: #8fb3de; border-radius: 2px; max-width: 6rem; min-width: 2px; }
.lag-bar.late { background: #c2410c; }
.badge { font-size: .75rem; background: #eef2f6; border: 1px solid #8c959f; border-radius: 999px; padding: 0 .45rem; }
.badge.late-relay { background: #c2410c; color: #fff; border-color: #c2410c; }
.pager { display: flex; gap: .75rem; align-items: center; margin-top: .75rem; flex-wrap: wrap; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 1rem; }
.chart { margin: 0; border: 1px solid var(--line); border-radius: 6px; padding: .75rem; }
.chart figcaption { font-weight: 600; margin-bottom: .5rem; }
.canvas-box { position: relative; height: 280px; }
footer { text-align: center; color: var(--muted); font-size: .85rem; padding-bottom: 1rem; }
`;

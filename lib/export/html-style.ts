/** Inline stylesheet of the printable HTML report (kept apart so html.ts stays readable). */
export const REPORT_CSS = `
:root { color-scheme: light; }
body { margin: 0 auto; max-width: 42rem; padding: 2.5rem 1.5rem 4rem;
  font: 17px/1.6 Charter, "Iowan Old Style", "Source Serif Pro", Georgia, "Noto Serif", "Noto Serif CJK SC", serif;
  color: #1d1d1f; background: #fff; hyphens: auto; -webkit-font-smoothing: antialiased; }
header { border-bottom: 1px solid #d8d8d8; margin-bottom: 2rem; }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0 0 .5rem; font-weight: 600; }
h2 { font-size: 1.2rem; margin: 2.5rem 0 1rem; }
.meta, .muted, .note-head { color: #666; font: 13px/1.5 -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
.para { position: relative; margin: 0 0 1rem; text-align: justify; }
.pn { position: absolute; left: -2.2rem; width: 1.8rem; text-align: right; color: #999;
  font: 11px/2.2 -apple-system, "Segoe UI", Roboto, sans-serif; }
mark.hl { background: #fff1a8; color: inherit; padding: 0 .05em; border-radius: 2px; }
mark.overlap { background: #ffd86b; }
sup.marker { font: 600 10px/1 -apple-system, "Segoe UI", Roboto, sans-serif; margin-left: 1px; }
sup.marker a, .num { color: #8a5a00; text-decoration: none; }
aside.notes { margin: -.25rem 0 1.5rem 1.2rem; padding-left: .9rem; border-left: 2px solid #ecd88a; font-size: 14px; }
.note { margin: 0 0 .9rem; break-inside: avoid; page-break-inside: avoid; }
.note blockquote { margin: .25rem 0; font-style: italic; color: #444; }
ul.thread { list-style: none; margin: .3rem 0 0; padding: 0; }
ul.thread ul.thread { margin-left: 1rem; padding-left: .75rem; border-left: 1px solid #e3e3e3; }
ul.thread li { margin: .35rem 0; }
.c-meta { font: 12px/1.4 -apple-system, "Segoe UI", Roboto, sans-serif; color: #555; }
.c-body p { margin: .15rem 0; }
.gone { color: #999; font-style: italic; margin: .15rem 0; }
.badge, .tag { display: inline-block; font: 11px/1.6 -apple-system, "Segoe UI", Roboto, sans-serif;
  padding: 0 .4rem; border-radius: 999px; border: 1px solid #ccc; margin-left: .2rem; }
.badge.resolved { border-color: #7bb77b; color: #2f6b2f; }
.badge.open { border-color: #d9a441; color: #8a5a00; }
.badge.private { border-color: #999; color: #555; }
.tag { border-color: #b5c7e8; color: #2b4f8a; }
.orphans { border-top: 1px solid #d8d8d8; margin-top: 2.5rem; }
@page { size: auto; margin: 18mm 20mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 11pt; color: #000; }
  .para { text-align: left; }
  mark.hl { background: #fff1a8 !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  a { color: inherit; text-decoration: none; }
  h1, h2 { break-after: avoid; page-break-after: avoid; }
  aside.notes { break-inside: avoid-page; }
}
`;

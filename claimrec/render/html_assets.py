"""The inline stylesheet and script of the HTML report (nothing is fetched from anywhere)."""

from __future__ import annotations

CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'")

CSS = """
:root{--ink:#1f2328;--muted:#656d76;--line:#d8dee4;--bg:#f4f5f7;--card:#fff;
--verbatim:#eef7f1;--rewritten:#fbf6e6;--new:#fcebe8;--gone:#8c959f;
--high:#c62828;--medium:#b35c00;--low:#1f6feb;
--high-bg:rgba(198,40,40,.16);--high-line:rgba(198,40,40,.45);--medium-line:rgba(179,92,0,.45);--low-line:rgba(31,111,235,.4);--medium-bg:rgba(230,126,0,.20);--low-bg:rgba(31,111,235,.15)}
*{box-sizing:border-box}
html{scroll-behavior:smooth}
body{margin:0;background:var(--bg);color:var(--ink);
font:15px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","Liberation Sans",Arial,sans-serif}
code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,"Liberation Mono",monospace;font-size:.86em}
.top{background:var(--card);border-bottom:1px solid var(--line);padding:12px 24px;display:flex;
flex-wrap:wrap;align-items:center;gap:8px 24px}
.top h1{font-size:18px;margin:0;font-weight:600}
.top h1 .event{font-weight:400;color:var(--muted)}
.summary{margin:0;display:flex;gap:6px;align-items:center;flex-wrap:wrap;color:var(--muted);font-size:14px}
.pill{display:inline-block;border-radius:999px;padding:0 9px;font-size:12.5px;font-weight:600;
line-height:20px;color:#fff;background:var(--muted)}
.pill.high{background:var(--high)}.pill.medium{background:var(--medium)}.pill.low{background:var(--low)}
.pill.zero{opacity:.35}
.legend{display:flex;gap:12px;flex-wrap:wrap;font-size:12.5px;color:var(--muted);margin-left:auto}
.legend span.k{padding:0 6px;border-radius:3px;color:var(--ink)}
.layout{display:grid;grid-template-columns:minmax(300px,360px) minmax(0,1fr)}
.layout.single{grid-template-columns:minmax(0,1fr)}
aside{position:sticky;top:0;align-self:start;max-height:100vh;overflow:auto;padding:14px 14px 40px;
border-right:1px solid var(--line);background:#fafbfc}
aside h2,main h2{font-size:13px;margin-top:24px!important;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:4px 0 10px}
aside h3{font-size:12px;margin:14px 0 6px;text-transform:uppercase;letter-spacing:.05em}
aside h3.high{color:var(--high)}aside h3.medium{color:var(--medium)}aside h3.low{color:var(--low)}
.findings{list-style:none;margin:0;padding:0}
.finding{background:var(--card);border:1px solid var(--line);border-left:4px solid var(--muted);
border-radius:6px;padding:8px 10px;margin:0 0 8px;font-size:13.5px;line-height:1.45;scroll-margin-top:12px}
.finding.high{border-left-color:var(--high)}.finding.medium{border-left-color:var(--medium)}
.finding.low{border-left-color:var(--low)}
.finding{cursor:pointer}.finding.on{box-shadow:0 0 0 2px #0969da88}
.hint{font-size:12.5px;color:var(--muted);margin:0 0 8px}
.fhead{display:flex;gap:6px;align-items:baseline;margin-bottom:2px}
.fnum{font-weight:700}
.fkind{font-weight:600}
.fconf{margin-left:auto;color:var(--muted);font-size:12px;white-space:nowrap}
.fsum{margin:2px 0 4px}
.fcheck{margin:0 0 4px;font-style:italic;color:var(--muted)}
.fparties{margin:0 0 4px;color:var(--muted);font-size:12.5px}
.evlist{list-style:none;margin:0;padding:0}
.evlist li{margin:3px 0}
.evlist a{display:block;text-decoration:none;color:var(--ink);border-radius:4px;padding:2px 6px;
background:#f3f4f6;font-size:12.5px}
.evlist a:hover{background:#e7ecf2}
.evlist .where{font-weight:600;color:var(--muted);margin-right:4px;text-transform:uppercase;font-size:11px}
main{padding:16px 24px 60px;min-width:0}
.pair{margin-bottom:28px}
.pairhead{display:flex;gap:12px;align-items:baseline;flex-wrap:wrap;margin:0 0 10px;color:var(--muted);font-size:13.5px}
.pairhead h2{margin:0;font-size:15px;text-transform:none;letter-spacing:0;color:var(--ink)}
.pairhead h2 .muted{font-weight:400}
.cols{display:grid;grid-template-columns:repeat(auto-fit,minmax(380px,1fr));gap:0 18px;align-items:start}
/* header, body and footer of side-by-side columns share rows, so both texts start level */
.doc{display:grid;grid-row:span 3;grid-template-rows:subgrid;margin-bottom:18px}
.doc{align-self:stretch;background:var(--card);border:1px solid var(--line);border-radius:8px;min-width:0}
.doc>header{padding:12px 18px 10px;border-bottom:1px solid var(--line)}
.role{display:inline-block;font-size:11px;font-weight:700;letter-spacing:.07em;text-transform:uppercase;
border-radius:4px;padding:1px 7px;background:#eaeef2;color:#424a53}
.role.source{background:#ddf4ff;color:#0550ae}.role.rewrite{background:#fbefff;color:#8250df}
.doc h2{font-size:17px;line-height:1.35;margin:6px 0 2px;text-transform:none;letter-spacing:0;color:var(--ink)}
.meta{font-size:12.5px;color:var(--muted);overflow-wrap:anywhere}
.body{padding:12px 18px 16px;max-width:78ch;overflow-wrap:break-word}
.gap{display:block;height:.7em}
.doc>footer{padding:8px 18px 12px;border-top:1px dashed var(--line);font-size:12.5px;color:var(--muted)}
.doc>footer:empty{border:0;padding:0}
.s{border-radius:3px;padding:1px 0;-webkit-box-decoration-break:clone;box-decoration-break:clone;
scroll-margin-top:40vh;transition:background .15s}
.s-verbatim{background:var(--verbatim)}.s-rewritten,.s-paraphrase,.s-partial{background:var(--rewritten)}
.s-new{background:var(--new)}
.s.hot,.s:target{background:#b6e3ff;outline:1px solid #54aeff}
.gone{color:var(--gone)}
mark.ev .gone{color:var(--ink)}
.legend .k.gone{border:1px dashed var(--line)}
.sn{display:inline-block;font-size:10.5px;line-height:14px;min-width:16px;text-align:center;
border:1px solid #afb8c1;color:#57606a;border-radius:8px;padding:0 3px;margin:0 3px 0 0;
vertical-align:1px;text-decoration:none;background:#fff}
.sn:hover{background:#0969da;color:#fff;border-color:#0969da}
mark{color:inherit;background:transparent;border-radius:2px;scroll-margin-top:40vh;
-webkit-box-decoration-break:clone;box-decoration-break:clone}
/* evidence: a dotted underline until its finding is shown, then that finding alone is lit,
so overlapping findings never pile up into solid colour */
mark.ev{border-bottom:1.5px dotted var(--muted);cursor:pointer}
mark.ev.high{border-bottom-color:var(--high-line)}mark.ev.medium{border-bottom-color:var(--medium-line)}
mark.ev.low{border-bottom-color:var(--low-line)}
body.focus mark.ev{border-bottom-color:transparent}
body.focus mark.ev.on{border-bottom-style:solid;border-bottom-width:2px}
mark.ev.on.high{background:var(--high-bg);border-bottom-color:var(--high)}
mark.ev.on.medium{background:var(--medium-bg);border-bottom-color:var(--medium)}
mark.ev.on.low{background:var(--low-bg);border-bottom-color:var(--low)}
mark.ev.on:target{outline:2px solid #0969da;outline-offset:1px}
body.focus .fn:not(.on){opacity:.25}
mark.cl{background:#fff3b0;border-bottom:2px solid #d4a72c}
mark.cl.q-direct{background:#dafbe1;border-bottom-color:#2da44e}
mark.cl:target,mark.cl.hot{outline:2px solid #0969da}
.spk{font-weight:600}.cue{text-decoration:underline;text-decoration-thickness:2px}
.fn{display:inline-block;font-size:10px;font-weight:700;line-height:14px;min-width:14px;text-align:center;
color:#fff;border-radius:7px;padding:0 3px;margin-left:1px;vertical-align:4px;text-decoration:none;
background:var(--muted)}
.fn.high{background:var(--high)}.fn.medium{background:var(--medium)}.fn.low{background:var(--low)}
table.grid{border-collapse:collapse;width:100%;background:var(--card);font-size:13.5px;margin-bottom:20px}
table.grid th,table.grid td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
table.grid th{background:#f6f8fa;font-weight:600}
table.grid tr:target{background:#ddf4ff}
.parties{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:10px;margin-top:8px}
.party{background:var(--card);border:1px solid var(--line);border-radius:6px;padding:8px 12px;font-size:13.5px}
.party b{font-size:14px}
.muted{color:var(--muted)}
details pre{white-space:pre-wrap;font-size:12px;background:#f6f8fa;padding:8px;border-radius:4px;max-height:240px;overflow:auto}
.empty{color:var(--muted);font-style:italic}
@media (max-width:1000px){.layout{grid-template-columns:1fr}
aside{position:static;max-height:none;border-right:0;border-bottom:1px solid var(--line)}}
@media print{aside{position:static;max-height:none}.layout{grid-template-columns:1fr}}
"""

# One finding is shown at a time: hovering a finding (card, badge or evidence)
# lights up its evidence in every column; a click, or following a link to it,
# keeps it shown until another click or Escape. Hovering an aligned sentence or a
# claim lights up its counterparts. Values matched are sanitised ids
# ([A-Za-z0-9_-] only), so they are safe inside the selector.
JS = """
(function(){var pinned=null,shown=null,hot=[];
function all(s){return [].slice.call(document.querySelectorAll(s));}
function show(f){if(f===shown)return;all('.on').forEach(function(e){e.classList.remove('on')});
shown=f;document.body.classList.toggle('focus',!!f);
if(f)all('[data-f="'+f+'"]').forEach(function(e){e.classList.add('on')});}
function finding(t){var e=t.closest&&t.closest('[data-f]');return e?e.getAttribute('data-f'):null;}
document.addEventListener('mouseover',function(ev){show(finding(ev.target)||pinned);
hot.forEach(function(e){e.classList.remove('hot')});hot=[];
var t=ev.target.closest&&ev.target.closest('[data-al],[data-c]');if(!t)return;
var k=t.hasAttribute('data-al')?'data-al':'data-c';
hot=all('['+k+'="'+t.getAttribute(k)+'"]');hot.forEach(function(e){e.classList.add('hot')});});
document.addEventListener('click',function(ev){var f=finding(ev.target);if(!f)return;
pinned=(pinned===f&&!ev.target.closest('a'))?null:f;show(pinned);});
document.addEventListener('keydown',function(ev){if(ev.key==='Escape'){pinned=null;show(null);}});
function fromHash(){var h=decodeURIComponent(location.hash.slice(1));var e=h&&document.getElementById(h);
var f=e&&e.getAttribute('data-f');if(f){pinned=f;show(f);}}
window.addEventListener('hashchange',fromHash);fromHash();})();
"""

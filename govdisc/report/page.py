"""The page's fixed parts: its stylesheet (screen, phone width, print) and its script (sorting, filtering)."""

from __future__ import annotations

STYLE = """
:root{--ink:#1d2733;--muted:#5d6b7a;--line:#d5dbe2;--bad:#b3261e;--doubt:#a66300;--ok:#2d7a46;--bg:#f6f8fa}
*{box-sizing:border-box}
body{margin:0 auto;max-width:1120px;padding:0 16px 48px;color:var(--ink);
 font:15px/1.55 "Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
header{padding:18px 0 8px;border-bottom:2px solid var(--ink)}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.25em;border-bottom:1px solid var(--line);padding-bottom:4px}
h3{font-size:1.08em;margin:20px 0 8px}h4{font-size:1em;margin:0 0 6px}
nav a{margin-right:14px}.muted{color:var(--muted)}
section{padding-top:8px}
table{border-collapse:collapse;font-size:.92em}th,td{border:1px solid var(--line);padding:4px 7px;vertical-align:top}
th{background:var(--bg);text-align:left}td.n{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
.finding{border:1px solid var(--line);border-left:5px solid var(--bad);padding:10px 12px;margin:10px 0;
 border-radius:4px}
.finding.doubtful{border-left-color:var(--doubt)}
.status{font-size:.85em;padding:1px 6px;border-radius:3px;color:#fff;background:var(--bad);margin-left:6px}
.doubtful .status{background:var(--doubt)}
.identity{font-weight:600}.sum td{font-weight:600}.diff td{color:var(--bad);font-weight:700}
figure{margin:10px 0}figure img{max-width:100%;height:auto;border:1px solid var(--line)}
figcaption{font-size:.85em;color:var(--muted)}
#cmp th{cursor:pointer;white-space:nowrap}#cmp th[aria-sort=ascending]::after{content:" ▲"}
#cmp th[aria-sort=descending]::after{content:" ▼"}#cmp td a{color:inherit;text-decoration:none;border-bottom:1px dotted}
#cmp td.derived{font-style:italic}.approx{color:var(--doubt)}.na{color:var(--muted)}
#cmp tfoot td{font-weight:700;background:var(--bg)}
input[type=search]{font-size:1em;padding:5px 8px;width:min(320px,100%);margin:6px 0}
svg.chart{max-width:760px;display:block;margin:8px 0 20px}svg .lbl{font-size:12px;fill:var(--ink)}
svg .val{font-size:11px;fill:var(--muted)}svg .in{font-size:11px;fill:#fff}
.downloads a{display:inline-block;margin:4px 12px 4px 0;padding:6px 10px;border:1px solid var(--line);border-radius:4px}
ul.names{columns:2;margin:4px 0;padding-left:1.2em}
@media (max-width:640px){body{font-size:14px;padding:0 8px 32px}ul.names{columns:1}h1{font-size:1.25em}
 th,td{padding:3px 5px}nav a{display:inline-block;margin:2px 10px 2px 0}}
@media print{nav,.filter,#downloads,.noprint{display:none}body{max-width:none;font-size:11pt}
 section{break-before:page}section:first-of-type{break-before:auto}.finding,figure,svg.chart{break-inside:avoid}
 .scroll{overflow:visible}a{color:inherit;text-decoration:none}
 figure img{max-height:18cm;width:auto;max-width:100%}.finding{break-inside:auto}}
"""

SCRIPT = """
(function(){
 var root=document.documentElement;
 window.addEventListener('error',function(e){root.setAttribute('data-script-error',String(e.message))});
 try{
  var table=document.getElementById('cmp');
  if(table){
   var body=table.tBodies[0];
   var heads=table.tHead.rows[0].cells;
   var sortBy=function(i,up){
     var th=heads[i];
     Array.prototype.forEach.call(heads,function(h){h.removeAttribute('aria-sort')});
     th.setAttribute('aria-sort',up?'ascending':'descending');
     var rows=Array.prototype.slice.call(body.rows);
     rows.sort(function(a,b){
      var x=a.cells[i].getAttribute('data-v'),y=b.cells[i].getAttribute('data-v');
      if(x===null||y===null){var s=a.cells[i].textContent.localeCompare(b.cells[i].textContent,'zh');return up?s:-s}
      if(x==='')return y===''?0:1; if(y==='')return -1;
      return up?x-y:y-x});
     rows.forEach(function(r){body.appendChild(r)});
   };
   Array.prototype.forEach.call(heads,function(th,i){
    th.addEventListener('click',function(){sortBy(i,th.getAttribute('aria-sort')!=='ascending')});
   });
   var box=document.getElementById('cmp-filter');
   var filter=function(){
    var q=box.value.trim();
    Array.prototype.forEach.call(body.rows,function(r){r.hidden=q!==''&&r.getAttribute('data-name').indexOf(q)<0});
   };
   box.addEventListener('input',filter);
   var given=new URLSearchParams(location.search);
   if(given.get('filter')){box.value=given.get('filter');filter()}
   var col=given.get('sort');
   if(col){var down=col.charAt(0)==='-',key=down?col.slice(1):col;
    Array.prototype.forEach.call(heads,function(h,i){if(h.getAttribute('data-col')===key)sortBy(i,!down)})}
  }
  var openTarget=function(){var t=location.hash&&document.getElementById(location.hash.slice(1));
   for(var e=t;e;e=e.parentElement){if(e.tagName==='DETAILS')e.open=true}};
  window.addEventListener('hashchange',openTarget);openTarget();
  window.addEventListener('beforeprint',function(){
   Array.prototype.forEach.call(document.querySelectorAll('details'),function(d){d.open=true})});
  root.setAttribute('data-script','ran');
 }catch(e){root.setAttribute('data-script-error',String(e))}
})();
"""

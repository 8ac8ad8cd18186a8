/**
 * The HTML report's inline stylesheet and script. Everything is inline: the report makes no network
 * request (a Content-Security-Policy forbids it) and works offline, on screen and in print.
 */

export const STYLES = `
:root{--ink:#1d2433;--muted:#5b6477;--line:#dfe3ea;--bg:#f6f7f9;--card:#fff;--brand:#232f3e;--accent:#ff9900;
--met:#1e7d4f;--met-bg:#e3f4ea;--notmet:#b42318;--notmet-bg:#fde8e6;--ev:#9a5b00;--ev-bg:#fff1d6;--unk:#5b4bb7;--unk-bg:#ece9fb;
--na:#6b7280;--na-bg:#eef0f3;--info:#1f5fa8;--info-bg:#e4eefa}
*{box-sizing:border-box}
html{font-size:14px}
body{margin:0;font-family:"DejaVu Sans","Segoe UI",Helvetica,Arial,sans-serif;color:var(--ink);background:var(--bg);line-height:1.45}
a{color:#1f5fa8;text-decoration:none} a:hover{text-decoration:underline}
code,pre,.mono{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.86em}
pre{background:#0f1623;color:#e6edf3;padding:.7rem .9rem;border-radius:6px;overflow-x:auto;white-space:pre-wrap;word-break:break-word;margin:.3rem 0 .6rem}
header.cover{background:var(--brand);color:#fff;padding:1.6rem 2rem 1.3rem;border-bottom:4px solid var(--accent)}
header.cover h1{margin:0 0 .2rem;font-size:1.7rem;font-weight:700}
header.cover .sub{color:#c9d1dc;font-size:1rem}
header.cover dl{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:.5rem 1.5rem;margin:1rem 0 0}
header.cover dt{font-size:.72rem;text-transform:uppercase;letter-spacing:.05em;color:#9fb0c5}
header.cover dd{margin:0;font-size:.92rem;word-break:break-all}
.layout{display:flex;gap:1.5rem;max-width:1400px;margin:0 auto;padding:1rem 1.5rem 3rem}
nav.toc{flex:0 0 230px;position:sticky;top:.5rem;align-self:flex-start;max-height:calc(100vh - 1rem);overflow:auto;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.8rem 1rem}
nav.toc h2{font-size:.78rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:.2rem 0 .5rem}
nav.toc ol{margin:0;padding-left:1.1rem} nav.toc li{margin:.15rem 0;font-size:.9rem} nav.toc ol ol{padding-left:.9rem} nav.toc ol ol li{font-size:.84rem}
main{flex:1;min-width:0}
section.block{background:var(--card);border:1px solid var(--line);border-radius:8px;padding:1.1rem 1.3rem;margin-bottom:1.2rem}
h2.part{font-size:1.35rem;margin:0 0 .8rem;padding-bottom:.4rem;border-bottom:2px solid var(--accent)}
h3{font-size:1.1rem;margin:1.1rem 0 .5rem}
h4{font-size:.95rem;margin:.8rem 0 .35rem}
.muted{color:var(--muted)} .small{font-size:.85rem}
.grid{display:grid;gap:1rem}
.glance{grid-template-columns:280px 1fr}
.kpis{display:grid;grid-template-columns:repeat(5,minmax(0,1fr));gap:.6rem}
.kpi{border:1px solid var(--line);border-radius:8px;padding:.6rem .7rem;background:#fbfcfd}
.kpi .n{font-size:1.5rem;font-weight:700} .kpi .l{font-size:.78rem;color:var(--muted)}
.readiness{text-align:center} .readiness .big{font-size:2.4rem;font-weight:800;margin-top:-.3rem}
.badge{display:inline-block;padding:.08rem .5rem;border-radius:999px;font-size:.78rem;font-weight:700;white-space:nowrap;border:1px solid transparent}
.badge.v-MET,.badge.s-PASS{color:var(--met);background:var(--met-bg)} .badge.v-NOT_MET,.badge.s-FAIL{color:var(--notmet);background:var(--notmet-bg)}
.badge.v-NEEDS_EVIDENCE,.badge.s-MANUAL{color:var(--ev);background:var(--ev-bg)} .badge.v-UNKNOWN,.badge.s-UNKNOWN{color:var(--unk);background:var(--unk-bg)}
.badge.v-NOT_APPLICABLE,.badge.s-NOT_APPLICABLE{color:var(--na);background:var(--na-bg)} .badge.v-INFO{color:var(--info);background:var(--info-bg)}
td.nw{white-space:nowrap}
.sev{font-size:.72rem;text-transform:uppercase;font-weight:700;letter-spacing:.03em}
.sev-critical{color:#fff;background:#7a1010}.sev-high{color:#fff;background:#c2410c}.sev-medium{color:#7c4a03;background:#fde7b0}.sev-low{color:#35507a;background:#dfe9f7}.sev-info{color:#555;background:#eee}
table{border-collapse:collapse;width:100%;margin:.3rem 0 .8rem;font-size:.86rem}
th,td{text-align:left;padding:.38rem .5rem;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f0f2f5;font-weight:600;font-size:.8rem;color:#3a4357;position:sticky;top:0}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.wrap{word-break:break-word;overflow-wrap:anywhere}
tr{break-inside:avoid} thead{display:table-header-group}
.tags span{display:inline-block;background:#eef1f5;border-radius:4px;padding:0 .3rem;margin:0 .2rem .15rem 0;font-size:.78rem;word-break:break-all}
.bar{height:8px;background:#eef0f3;border-radius:4px;overflow:hidden;display:flex;min-width:120px}
.bar i{display:block;height:100%}
.item{border:1px solid var(--line);border-left:5px solid var(--na);border-radius:6px;padding:.7rem .9rem;margin:.7rem 0;break-inside:auto}
.item.v-MET{border-left-color:var(--met);background:var(--card)} .item.v-NOT_MET{border-left-color:var(--notmet);background:var(--card)}
.item.v-NEEDS_EVIDENCE{border-left-color:var(--ev);background:var(--card)} .item.v-UNKNOWN{border-left-color:var(--unk);background:var(--card)} .item.v-NOT_APPLICABLE{background:var(--card)}
.item header{display:flex;gap:.6rem;align-items:baseline;flex-wrap:wrap}
.item header .id{font-weight:800;font-family:"DejaVu Sans Mono",monospace}
.item header .t{font-weight:600;flex:1}
.why{margin:.35rem 0}
.role{font-size:.72rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;border-radius:4px;padding:.05rem .4rem;white-space:nowrap}
.role-required{color:#7a1010;background:#fbe3e3}.role-evidence{color:#1d4e89;background:#e1ecfa}.role-advisory{color:#555;background:#eee}
.alts{margin:.3rem 0 .5rem;font-size:.88rem} .alts ol{margin:.2rem 0 0 1.2rem;padding:0}
tr.advisory td{color:var(--muted)}
.attest{background:#f7f9fc;border:1px dashed #c4ccd8;border-radius:6px;padding:.5rem .7rem;margin:.5rem 0}
.remed{border-top:1px dotted var(--line);margin-top:.5rem;padding-top:.4rem}
.filters{display:flex;gap:.8rem;flex-wrap:wrap;align-items:center;background:var(--card);border:1px solid var(--line);border-radius:8px;padding:.6rem .9rem;margin-bottom:1rem;position:sticky;top:0;z-index:5}
.filters label{font-size:.82rem;color:var(--muted)} .filters select{font:inherit;padding:.2rem .3rem}
.filters .chk{display:inline-flex;gap:.25rem;align-items:center;margin-right:.4rem;color:var(--ink)}
.filtered-out{display:none!important}
.pager{display:flex;gap:.5rem;align-items:center;font-size:.82rem;color:var(--muted);margin:-.4rem 0 .8rem}
.pager button{font:inherit;padding:.1rem .5rem;border:1px solid var(--line);background:#fff;border-radius:4px;cursor:pointer}
.ev{display:grid;grid-template-columns:minmax(5em,max-content) 1fr;gap:0 .5em;margin:0;font-size:.78rem;line-height:1.35}
.ev dt{color:var(--muted);font-weight:600}.ev dd{margin:0;overflow-wrap:anywhere}
td.evc{min-width:22rem}table.ev-t{margin:0;font-size:1em;width:auto}table.ev-t th,table.ev-t td{padding:1px 5px;white-space:normal;word-break:normal;overflow-wrap:normal}
.remed .code-tabs{display:grid;grid-template-columns:1fr 1fr;gap:.6rem}.remed .code-tabs>div{min-width:0}
.kpi .why{font-size:.72rem;color:var(--muted);margin-top:.2rem;white-space:normal}
.note{background:var(--info-bg);border-radius:6px;padding:.5rem .7rem;margin:.5rem 0;font-size:.88rem}
.warn{background:var(--ev-bg);border-radius:6px;padding:.5rem .7rem;margin:.5rem 0;font-size:.88rem}
details>summary{cursor:pointer;color:#1f5fa8;font-size:.88rem}
footer.prov{font-size:.8rem;color:var(--muted);text-align:center;margin:1rem 0}
.print-only{display:none}
@media screen and (max-width:1000px){nav.toc{display:none}.glance{grid-template-columns:1fr}.kpis{grid-template-columns:repeat(2,1fr)}header.cover dl{grid-template-columns:repeat(2,1fr)}}
@media print{
 @page{size:A4;margin:14mm 12mm 16mm}
 html{font-size:10.5px} body{background:#fff}
 .filters,.pager,.screen-only{display:none!important} .print-only{display:block}
 .layout{display:block;padding:0;max-width:none}
 nav.toc{display:block!important;position:static;max-height:none;border:none;padding:0;break-after:page}
 nav.toc h2{font-size:1.3rem;color:var(--ink);text-transform:none;letter-spacing:0;border-bottom:2px solid var(--accent);padding-bottom:.3rem}
 nav.toc ol{padding-left:2rem} nav.toc ol ol{padding-left:1.8rem} nav.toc li{font-size:1.05rem;margin:.25rem 0}
 section.block{border:none;padding:0;margin:0 0 1.2rem}
 section.part-start{break-before:page}
 header.cover{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 .badge,.sev,.bar i,pre,th,.item{-webkit-print-color-adjust:exact;print-color-adjust:exact}
 th{position:static}
 .item{break-inside:avoid-page}
 pre{white-space:pre-wrap} td.evc{min-width:13rem} .remed .code-tabs{grid-template-columns:1fr}
 h2,h3,h4{break-after:avoid}
 tr[hidden]{display:table-row!important}
}
`;

/** Filters (section, account, verdict) and client-side pagination of long tables. */
export const SCRIPT = `
(function(){
  'use strict';
  var PAGE=50;
  function $all(sel,root){return Array.prototype.slice.call((root||document).querySelectorAll(sel));}
  function el(tag,text){var e=document.createElement(tag);if(text!==undefined)e.textContent=text;return e;}
  function evidenceEl(entries){
    var dl=el('dl');dl.className='ev';
    entries.forEach(function(e){
      dl.appendChild(el('dt',e.key));var dd=el('dd');
      if(e.table){var t=el('table');t.className='ev-t';var hr=el('tr');e.table.columns.forEach(function(c){hr.appendChild(el('th',c));});var th=el('thead');th.appendChild(hr);t.appendChild(th);var tb=el('tbody');
        e.table.rows.forEach(function(r){var tr=el('tr');r.forEach(function(c){tr.appendChild(el('td',c));});tb.appendChild(tr);});t.appendChild(tb);dd.appendChild(t);
        if(e.table.more>0){var m=el('span','and '+e.table.more+' more');m.className='muted';dd.appendChild(m);}}
      else dd.textContent=e.value;
      dl.appendChild(dd);
    });
    return dl;
  }
  function cellEl(cell){
    var td=document.createElement('td');
    if(cell.c)td.className=cell.c;
    if(cell.h)td.title=cell.h;
    if(cell.s){var b=document.createElement('strong');b.textContent=cell.s;td.appendChild(b);td.appendChild(document.createElement('br'));}
    if(cell.e){td.appendChild(evidenceEl(cell.e));}
    else if(cell.b){var sp=document.createElement('span');sp.className='badge '+cell.b;sp.textContent=cell.t;td.appendChild(sp);}
    else if(cell.g){cell.g.forEach(function(t){var g=document.createElement('span');g.textContent=t;td.appendChild(g);});}
    else td.appendChild(document.createTextNode(cell.t));
    return td;
  }
  function pager(table){
    var size=parseInt(table.getAttribute('data-page-size')||PAGE,10);
    var source=document.getElementById(table.getAttribute('data-json'));
    var data=null;
    function rows(){if(data===null){data=JSON.parse(source.textContent);}return data;}
    var tbody=table.tBodies[0];
    var bar=document.createElement('div');bar.className='pager';
    var prev=document.createElement('button');prev.type='button';prev.textContent='\u2039 Previous';
    var next=document.createElement('button');next.type='button';next.textContent='Next \u203a';
    var info=document.createElement('span');
    bar.appendChild(prev);bar.appendChild(info);bar.appendChild(next);
    table.parentNode.insertBefore(bar,table.nextSibling);
    var page=0,account='',first=true;
    function render(){
      var total=parseInt(table.getAttribute('data-total'),10);
      var list=null;
      if(account){list=rows().filter(function(r){return r.a===account;});total=list.length;}
      var pages=Math.max(1,Math.ceil(total/size));
      if(page>=pages)page=pages-1;
      var from=page*size,to=Math.min(total,from+size);
      if(!(first&&page===0&&!account)){
        var src=list||rows();
        var frag=document.createDocumentFragment();
        for(var i=from;i<to;i++){var tr=document.createElement('tr');src[i].c.forEach(function(c){tr.appendChild(cellEl(c));});frag.appendChild(tr);}
        tbody.textContent='';tbody.appendChild(frag);
      }
      first=false;
      info.textContent=total===0?'No rows match the filters':('Rows '+(from+1)+'\u2013'+to+' of '+total);
      prev.disabled=page===0;next.disabled=page>=pages-1;
      bar.style.display=total<=size&&!account?'none':'flex';
    }
    prev.addEventListener('click',function(){page--;render();});
    next.addEventListener('click',function(){page++;render();});
    table.__filter=function(acc){if(acc!==account){account=acc;page=0;render();}};
    render();
  }
  function applyFilters(){
    var section=document.getElementById('f-section').value;
    var account=document.getElementById('f-account').value;
    var verdicts=$all('input[name=f-verdict]').filter(function(c){return c.checked;}).map(function(c){return c.value;});
    $all('[data-filter]').forEach(function(el){
      var ok=true;
      var s=el.getAttribute('data-section');
      if(section&&s!==null&&s!==section)ok=false;
      var a=el.getAttribute('data-account');
      if(ok&&account&&a!==null&&a.split(' ').indexOf(account)<0)ok=false;
      var v=el.getAttribute('data-verdict');
      if(ok&&v!==null&&verdicts.indexOf(v)<0)ok=false;
      el.classList.toggle('filtered-out',!ok);
    });
    $all('section[data-section-block]').forEach(function(sec){
      var items=$all('[data-filter]',sec);
      var any=items.length===0?!section||sec.getAttribute('data-section-block')===section:items.some(function(i){return !i.classList.contains('filtered-out');});
      sec.classList.toggle('filtered-out',!any);
    });
    $all('table.paged').forEach(function(t){if(t.__filter)t.__filter(account);});
    var count=document.getElementById('f-count');
    if(count){count.textContent=$all('.item[data-filter]').filter(function(i){return !i.classList.contains('filtered-out');}).length+' items shown';}
  }
  document.addEventListener('DOMContentLoaded',function(){
    $all('table.paged').forEach(pager);
    $all('#filters select, #filters input').forEach(function(el){el.addEventListener('change',applyFilters);});
    var reset=document.getElementById('f-reset');
    if(reset)reset.addEventListener('click',function(){document.getElementById('f-section').value='';document.getElementById('f-account').value='';$all('input[name=f-verdict]').forEach(function(c){c.checked=true;});applyFilters();});
    applyFilters();
  });
})();
`;

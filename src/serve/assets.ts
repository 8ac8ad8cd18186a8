/**
 * The dashboard's static files, all served by the app itself (no CDN, no build step): htmx from its npm
 * package, the report's stylesheet (the same STYLES the HTML report inlines), the dashboard's own
 * stylesheet, and one small script. The Content-Security-Policy allows scripts and styles from these
 * files only, never inline.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import { STYLES } from '../report/html/assets.js';
import type { AppEnv } from './access.js';

const require = createRequire(import.meta.url);

/** htmx's version, pinned in package.json; shown in the asset URL so a browser cache never mixes versions. */
export const HTMX_PATH = '/assets/htmx.min.js';

let htmxSource: string | null = null;
function htmx(): string {
  htmxSource ??= readFileSync(require.resolve('htmx.org/dist/htmx.min.js'), 'utf8');
  return htmxSource;
}

/** htmx settings that keep it within the CSP: no inline indicator <style>, no eval, no script tags in swaps. */
export const HTMX_CONFIG = JSON.stringify({ includeIndicatorStyles: false, allowEval: false, allowScriptTags: false, selfRequestsOnly: true });

export const DASHBOARD_CSS = `
body{background:var(--bg)}
.topbar{background:var(--brand);color:#fff;display:flex;gap:1.2rem;align-items:center;padding:.55rem 1.5rem;border-bottom:3px solid var(--accent)}
.topbar a{color:#fff;font-weight:600} .topbar .brand{font-weight:800;margin-right:1rem}
.topbar .who{margin-left:auto;color:#c9d1dc;font-size:.85rem}
.page{max-width:1400px;margin:0 auto;padding:1rem 1.5rem 3rem}
.page h1{font-size:1.45rem;margin:.4rem 0 1rem}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:1rem}
form.inline{display:inline}
form.stack label{display:block;margin:.5rem 0 .15rem;font-weight:600;font-size:.88rem}
form.stack input[type=text],form.stack input[type=url],form.stack input[type=date],form.stack input[type=number],form.stack textarea,form.stack select{font:inherit;width:100%;max-width:560px;padding:.3rem .4rem;border:1px solid var(--line);border-radius:4px}
form.stack textarea{min-height:5rem}
.hint{font-size:.8rem;color:var(--muted)}
button,.button{font:inherit;padding:.3rem .8rem;border:1px solid #1f5fa8;background:#1f5fa8;color:#fff;border-radius:4px;cursor:pointer;display:inline-block}
button.secondary,.button.secondary{background:#fff;color:#1f5fa8}
.flash{border-radius:6px;padding:.5rem .7rem;margin:.5rem 0}
.flash.ok{background:var(--met-bg);color:var(--met)} .flash.err{background:var(--notmet-bg);color:var(--notmet)}
.exports a{margin-right:.6rem}
.filters form{display:flex;gap:.8rem;flex-wrap:wrap;align-items:center}
pre.progress{max-height:18rem;overflow:auto}
.trend text{font-size:10px;fill:#5b6477}
.verdict-live{font-size:1.1rem}
.htmx-request{opacity:.6}
form.stack label.inline-label{display:inline;font-weight:400}
form.stack input[type=password],form.stack input[type=file]{font:inherit;width:100%;max-width:560px;padding:.3rem .4rem;border:1px solid var(--line);border-radius:4px}
form.stack fieldset{border:1px solid var(--line);border-radius:6px;margin:.8rem 0;padding:.2rem .9rem .7rem;max-width:640px}
form.stack legend{font-weight:700;padding:0 .3rem}
form.stack details.advanced{border:1px solid var(--line);border-radius:6px;margin:.8rem 0;padding:.5rem .9rem;max-width:640px}
form.stack details.advanced summary{cursor:pointer;font-weight:700}
form.stack .hint{display:block;margin-top:.2rem;max-width:560px}
.flash.err{white-space:pre-line}
ul.options{margin:0;padding-left:1rem;font-size:.85rem}
`;

/**
 * The dashboard's only script: pages long tables (the report's DataTable embeds its rows as JSON) and
 * follows a scan job's server-sent events. Everything else is htmx attributes.
 */
export const DASHBOARD_JS = `(function(){
  'use strict';
  function all(sel,root){return Array.prototype.slice.call((root||document).querySelectorAll(sel));}
  function cell(c){
    var td=document.createElement('td');
    if(c.c)td.className=c.c;
    if(c.h)td.title=c.h;
    if(c.s){var b=document.createElement('strong');b.textContent=c.s;td.appendChild(b);td.appendChild(document.createElement('br'));}
    if(c.b){var sp=document.createElement('span');sp.className='badge '+c.b;sp.textContent=c.t;td.appendChild(sp);}
    else if(c.g){c.g.forEach(function(t){var g=document.createElement('span');g.textContent=t;td.appendChild(g);});}
    else td.appendChild(document.createTextNode(c.t));
    return td;
  }
  function pager(table){
    if(table.__paged)return;table.__paged=true;
    var size=parseInt(table.getAttribute('data-page-size')||'25',10);
    var source=document.getElementById(table.getAttribute('data-json'));
    if(!source)return;
    var rows=null,page=0;
    var bar=document.createElement('div');bar.className='pager';
    var prev=document.createElement('button');prev.type='button';prev.className='secondary';prev.textContent='\\u2039 Previous';
    var next=document.createElement('button');next.type='button';next.className='secondary';next.textContent='Next \\u203a';
    var info=document.createElement('span');
    bar.appendChild(prev);bar.appendChild(info);bar.appendChild(next);
    table.parentNode.insertBefore(bar,table.nextSibling);
    function render(draw){
      var total=parseInt(table.getAttribute('data-total'),10);
      var pages=Math.max(1,Math.ceil(total/size));
      var from=page*size,to=Math.min(total,from+size);
      if(draw){
        if(rows===null)rows=JSON.parse(source.textContent);
        var tbody=table.tBodies[0],frag=document.createDocumentFragment();
        for(var i=from;i<to;i++){var tr=document.createElement('tr');rows[i].c.forEach(function(c){tr.appendChild(cell(c));});frag.appendChild(tr);}
        tbody.textContent='';tbody.appendChild(frag);
      }
      info.textContent='Rows '+(from+1)+'\\u2013'+to+' of '+total;
      prev.disabled=page===0;next.disabled=page>=pages-1;
    }
    prev.addEventListener('click',function(){page--;render(true);});
    next.addEventListener('click',function(){page++;render(true);});
    render(false);
  }
  function follow(el){
    if(el.__following)return;el.__following=true;
    var out=el.querySelector('pre')||el;
    var es=new EventSource(el.getAttribute('data-sse'));
    function add(line){out.textContent+=line+'\\n';out.scrollTop=out.scrollHeight;}
    es.addEventListener('progress',function(e){add(e.data);});
    es.addEventListener('state',function(e){add(e.data);if(/^(done|failed)/.test(e.data)){es.close();window.location.reload();}});
    es.onerror=function(){es.close();};
  }
  function init(root){
    all('table.paged',root).forEach(pager);
    all('[data-sse]',root).forEach(follow);
  }
  document.addEventListener('DOMContentLoaded',function(){init(document);});
  document.addEventListener('htmx:afterSettle',function(e){init(e.target);});
})();
`;

export function registerAssets(app: Hono<AppEnv>): void {
  const cache = { 'Cache-Control': 'no-cache' };
  app.get(HTMX_PATH, (c) => c.body(htmx(), 200, { 'Content-Type': 'text/javascript; charset=utf-8', ...cache }));
  app.get('/assets/dashboard.js', (c) => c.body(DASHBOARD_JS, 200, { 'Content-Type': 'text/javascript; charset=utf-8', ...cache }));
  app.get('/assets/report.css', (c) => c.body(STYLES, 200, { 'Content-Type': 'text/css; charset=utf-8', ...cache }));
  // Browsers ask for it on every page; no icon is better than a 404 in the console.
  app.get('/favicon.ico', (c) => c.body(null, 204));
  app.get('/assets/dashboard.css', (c) => c.body(DASHBOARD_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8', ...cache }));
}

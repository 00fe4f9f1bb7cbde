/**
 * The studio's one stylesheet and one script, served from /studio/assets/ so the CSP needs no inline code. At
 * 375 px nothing breaks a word mid-word: `overflow-wrap:break-word` (not `anywhere`, which lets grid and table
 * cells shrink until badges and headings split) cuts only a string longer than the whole line, a URL; long
 * addresses offer breaks at "@" and "." (<wbr>, see address.tsx); badges stay whole; wide tables scroll.
 */
export const STUDIO_CSS = `
*{box-sizing:border-box}
body{margin:0;background:#f4ece1;color:#2b211c;font:16px/1.55 'Helvetica Neue',Arial,sans-serif}
a{color:#8f3d1f}
:focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}
.skip{position:absolute;left:-10000px}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem}
header{background:#2b211c;color:#fffaf3;padding:.75rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header .brand{font:1.2rem Georgia,serif;margin:0}
header nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
header a{color:#fffaf3}header a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
header form{margin:0 0 0 auto}
header button{background:transparent;color:#fffaf3;border:1px solid #fffaf3;min-height:36px;padding:.3rem .8rem}
main{overflow-wrap:break-word;max-width:72rem;margin:0 auto;padding:1.25rem 1rem 3rem;background:#fffaf3;min-height:100vh}
h1{font:normal 1.8rem/1.25 Georgia,serif;margin:0 0 1rem}h2{font:normal 1.35rem/1.3 Georgia,serif;margin:2rem 0 .75rem}
h3{font-size:1.05rem;margin:1.25rem 0 .5rem}
section{margin:0 0 1.5rem}
button,.button{display:inline-block;font:600 1rem 'Helvetica Neue',Arial,sans-serif;padding:.6rem 1.2rem;border:0;border-radius:4px;background:#8f3d1f;color:#fff;cursor:pointer;min-height:44px;text-decoration:none}
.secondary{background:#fff;color:#8f3d1f;border:2px solid #8f3d1f}
form.inline{display:inline-block;margin:0 .5rem .5rem 0}
label{display:block;font-weight:600;margin:.75rem 0 .3rem}
input[type=email],input[type=text],input[type=password],input[type=search],select,textarea{width:100%;max-width:32rem;font:inherit;padding:.55rem .7rem;border:2px solid #6b5a4d;border-radius:4px;background:#fff;color:#2b211c}
textarea{max-width:100%;font:13px/1.4 monospace}
.notice{padding:.75rem 1rem;background:#e7f3e7;border-left:4px solid #2f6b2f;margin:0 0 1rem}
.alert{padding:.75rem 1rem;background:#fdecea;border-left:4px solid #9b1c1c;margin:0 0 1rem}
.muted{color:#5b4b40}
.badge{display:inline-block;padding:.1rem .55rem;border-radius:1rem;background:#efe4d6;font-size:.9rem;font-weight:600;white-space:nowrap}
.badge.held,.badge.cancelled{background:#fde7c2}.badge.sent{background:#dcefdc}.badge.archived{background:#e6e2dc}.badge.free{background:#fff;border:1px dashed #8a7a66}.badge.scheduled{background:#dde7f7}
table{border-collapse:collapse;width:100%;margin:0 0 1rem}
th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid #e0d4c6;vertical-align:top}
.scroll{overflow-x:auto}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(16rem,1fr));gap:1rem}
.card{border:1px solid #e0d4c6;border-radius:6px;padding:.75rem 1rem;background:#fff;min-width:0}
.card pre{white-space:pre-wrap;font:inherit;margin:.5rem 0}
.figures{display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:.75rem}
.figure{border:1px solid #e0d4c6;border-radius:6px;padding:.6rem .8rem;background:#fff}
.figure strong{display:block;font-size:1.4rem;white-space:nowrap}
progress{width:100%;height:1.25rem}
figure{margin:0 0 1.5rem}.chart{display:grid;gap:1rem}
@media(min-width:800px){.chart{grid-template-columns:3fr 2fr}}
.bars{display:grid;gap:.35rem;align-content:start}
.bar-row{display:grid;grid-template-columns:minmax(0,2fr) minmax(3rem,3fr) auto;gap:.5rem;align-items:center;font-size:.875rem;line-height:1.3}
.bar-row svg{width:100%;height:.9rem}.bar-row .bar{fill:#8f3d1f}.bar-value{font-variant-numeric:tabular-nums}
.nowrap{white-space:nowrap}
ul.outcomes{list-style:none;padding:0}ul.outcomes>li{padding:.5rem 0;border-bottom:1px solid #e0d4c6}.why{margin:.25rem 0 0}
iframe.preview{border:1px solid #e0d4c6;background:#fff;width:100%;height:70vh}
iframe.preview.mobile{max-width:375px}
details{margin:.25rem 0 .75rem}
ul.warnings>li{margin:0 0 .75rem}
pre.text{white-space:pre-wrap;background:#fff;border:1px solid #e0d4c6;padding:1rem;max-height:30rem;overflow:auto}
`;

/** Live campaign progress and the copy buttons (snippet, webhook address): the pages work without it. */
export const STUDIO_JS = `
(() => {
  const live = document.querySelector('[data-progress-url]');
  if (live) {
    const tick = async () => {
      const answer = await fetch(live.dataset.progressUrl, { headers: { accept: 'application/json' } });
      if (!answer.ok) return;
      const state = await answer.json();
      for (const [key, value] of Object.entries(state.text)) {
        const cell = live.querySelector('[data-count="' + key + '"]');
        if (cell) cell.textContent = value;
      }
      const bar = live.querySelector('progress');
      if (bar) { bar.max = state.audience || 1; bar.value = state.done; }
      if (state.status === 'done') location.reload(); else setTimeout(tick, 1500);
    };
    setTimeout(tick, 1500);
  }
  for (const copy of document.querySelectorAll('[data-copy]'))
    copy.addEventListener('click', async () => {
      const source = document.getElementById(copy.dataset.copy);
      await navigator.clipboard.writeText(source.value);
      copy.textContent = copy.dataset.copied;
    });
})();
`;

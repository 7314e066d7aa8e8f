import { escapeXml, type Lang } from '../../../widgets/src/render/text';
import { asLang } from '../../../widgets/src/render/text';
import { attrs, hasStaticSvg, queryString, TITLES, type WidgetType } from './widget-params';

/**
 * `/embed/<widget>?…`: one widget alone on a page, for sites whose CMS strips scripts. The page
 * tells its parent its height (postMessage, as Datawrapper does) and offers oEmbed discovery.
 */
export function embedPage(base: string, type: WidgetType, params: Record<string, string>, bundleVersion: string): string {
  const lang = asLang(params.lang);
  const self = `${base}/embed/${type}?${queryString(params)}`;
  const staticSvg = hasStaticSvg(type) ? `${base}/widgets/static/${type}.svg?${queryString(params)}` : null;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(TITLES[type][lang])}</title>
<link rel="alternate" type="application/json+oembed" href="${escapeXml(`${base}/oembed?url=${encodeURIComponent(self)}&format=json`)}" title="${escapeXml(TITLES[type][lang])}">
<style>html,body{margin:0;padding:0;background:transparent}body{padding:4px}</style>
</head>
<body>
<div id="seh-embed" data-seh-widget="${type}"${attrs(params, 'data-')} data-embed="1"></div>
${staticSvg ? `<noscript><img src="${escapeXml(staticSvg)}" alt="${escapeXml(TITLES[type][lang])}" style="max-width:100%"></noscript>` : ''}
<script src="${base}/widgets/widgets.js?v=${escapeXml(bundleVersion)}"></script>
<script>SEHWidgets.mount(document.getElementById('seh-embed'), { embed: true, base: ${JSON.stringify(base)} });</script>
</body>
</html>`;
}

const BUILDER_TEXT = {
  pl: {
    title: 'Kreator widżetów',
    intro: 'Wybierz widżet, wskaźnik, obszar i rok, obejrzyj podgląd i skopiuj kod do osadzenia na swojej stronie.',
    widget: 'Widżet',
    indicator: 'Wskaźnik',
    level: 'Poziom',
    territory: 'Obszar (kod TERYT; PL = Polska)',
    entity: 'Identyfikator podmiotu (UUID)',
    year: 'Rok (puste = najnowszy)',
    language: 'Język',
    preview: 'Podgląd',
    script: 'Kod ze skryptem (zalecany)',
    iframe: 'Kod z ramką iframe (gdy CMS usuwa skrypty)',
    copy: 'Kopiuj',
    copied: 'Skopiowano',
    levels: { VOIVODESHIP: 'województwa', POWIAT: 'powiaty', GMINA: 'gminy', NUTS2: 'NUTS 2', NUTS3: 'NUTS 3' },
  },
  en: {
    title: 'Widget builder',
    intro: 'Pick a widget, an indicator, an area and a year, check the preview and copy the code to embed it on your site.',
    widget: 'Widget',
    indicator: 'Indicator',
    level: 'Level',
    territory: 'Area (TERYT code; PL = Poland)',
    entity: 'Entity id (UUID)',
    year: 'Year (empty = latest)',
    language: 'Language',
    preview: 'Preview',
    script: 'Script embed code (recommended)',
    iframe: 'Iframe embed code (when your CMS strips scripts)',
    copy: 'Copy',
    copied: 'Copied',
    levels: { VOIVODESHIP: 'voivodeships', POWIAT: 'powiats', GMINA: 'gminas', NUTS2: 'NUTS 2', NUTS3: 'NUTS 3' },
  },
} as const;

/** `/widgets/builder`: a form, a live preview (the iframe embed itself) and both embed codes. */
export function builderPage(base: string, lang: Lang): string {
  const t = BUILDER_TEXT[lang];
  const widgetOptions = (Object.keys(TITLES) as WidgetType[]).map((w) => `<option value="${w}">${escapeXml(TITLES[w][lang])}</option>`).join('');
  const levelOptions = Object.entries(t.levels).map(([v, l]) => `<option value="${v}">${escapeXml(l)}</option>`).join('');
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${t.title}</title>
<style>
body{font-family:system-ui,sans-serif;margin:0 auto;max-width:1100px;padding:16px;color:#222}
form{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:12px;margin-bottom:16px}
label{display:flex;flex-direction:column;font-size:14px;gap:4px}
select,input,textarea{font:inherit;padding:6px}
textarea{width:100%;height:90px;font-family:monospace;font-size:12px}
iframe{width:100%;border:1px solid #ccc;min-height:300px}
nav a{margin-right:12px}
</style></head>
<body>
<nav><a href="?lang=pl" hreflang="pl">Polski</a><a href="?lang=en" hreflang="en">English</a></nav>
<h1>${t.title}</h1>
<p>${t.intro}</p>
<form id="f">
<label>${t.widget}<select name="widget">${widgetOptions}</select></label>
<label>${t.indicator}<select name="indicator"></select></label>
<label>${t.level}<select name="level">${levelOptions}</select></label>
<label>${t.territory}<input name="area" value="PL" pattern="PL|[0-9]{2}|[0-9]{4}|[0-9]{7}"></label>
<label>${t.entity}<input name="entity"></label>
<label>${t.year}<input name="year" inputmode="numeric" pattern="[0-9]{4}"></label>
<label>${t.language}<select name="lang"><option value="pl"${lang === 'pl' ? ' selected' : ''}>polski</option><option value="en"${lang === 'en' ? ' selected' : ''}>English</option></select></label>
</form>
<h2>${t.preview}</h2>
<iframe id="preview" title="${t.preview}" data-seh-embed></iframe>
<h2>${t.script}</h2>
<textarea id="script" readonly></textarea><button type="button" data-copy="script">${t.copy}</button>
<h2>${t.iframe}</h2>
<textarea id="iframe" readonly></textarea><button type="button" data-copy="iframe">${t.copy}</button>
<script src="${base}/widgets/embed-resize.js"></script>
<script>
(function () {
  var base = ${JSON.stringify(base)}, f = document.getElementById('f');
  var esc = function (s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); };
  fetch(base + '/widgets/data/indicators?lang=${lang}').then(function (r) { return r.json(); }).then(function (d) {
    f.indicator.innerHTML = d.indicators.map(function (i) { return '<option value="' + esc(i.code) + '">' + esc(i.name) + '</option>'; }).join('');
    update();
  });
  function params() {
    var w = f.widget.value, p = { lang: f.lang.value };
    if (w === 'entity') { p.entity = f.entity.value; return p; }
    if (w === 'stories') { p.territory = f.area.value || 'PL'; return p; }
    if (w === 'fund') { p.territory = f.area.value || 'PL'; if (f.year.value) p.year = f.year.value; return p; }
    p.indicator = f.indicator.value;
    if (w === 'timeseries') p.area = f.area.value || 'PL'; else { p.level = f.level.value; if (f.area.value && f.area.value !== 'PL') p.parent = f.area.value; }
    if (f.year.value && w !== 'timeseries') p.year = f.year.value;
    return p;
  }
  function update() {
    var w = f.widget.value, p = params(), q = new URLSearchParams(p).toString();
    var a = Object.keys(p).map(function (k) { return ' ' + k + '="' + esc(p[k]) + '"'; }).join('');
    var noscript = (w !== 'entity' && w !== 'stories') ? '\\n<noscript><img src="' + esc(base + '/widgets/static/' + w + '.svg?' + q) + '" alt="" style="max-width:100%"></noscript>' : '';
    document.getElementById('script').value = '<script async src="' + base + '/widgets/loader.js"><\\/script>\\n<seh-widget type="' + w + '"' + a + '></seh-widget>' + noscript;
    document.getElementById('iframe').value = '<iframe src="' + esc(base + '/embed/' + w + '?' + q) + '" data-seh-embed style="width:100%;border:0" height="520" loading="lazy"></iframe>\\n<script async src="' + base + '/widgets/embed-resize.js"><\\/script>';
    document.getElementById('preview').src = base + '/embed/' + w + '?' + q;
  }
  f.addEventListener('change', update);
  document.querySelectorAll('[data-copy]').forEach(function (b) {
    b.addEventListener('click', function () {
      var area = document.getElementById(b.getAttribute('data-copy'));
      area.select();
      (navigator.clipboard ? navigator.clipboard.writeText(area.value) : Promise.resolve(document.execCommand('copy'))).then(function () { b.textContent = ${JSON.stringify(t.copied)}; });
    });
  });
})();
</script>
</body></html>`;
}

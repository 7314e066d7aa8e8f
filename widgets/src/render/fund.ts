import type { FundSummaryData } from './model';
import { escapeXml, formatValue, LABELS, type Lang } from './text';

/** One line of the fund summary: what it measures, its value (null = none), and whether it is withheld. */
export interface FundRow {
  key: string;
  label: string;
  value: number | null;
  unit: 'count' | 'PLN' | 'share';
  suppressed: boolean;
}

const FUND_LABELS = {
  pl: {
    title: (area: string, year: number) => `Fundusz pożyczkowy — ${area}, ${year}`,
    granted: 'Udzielone pożyczki',
    loans: 'Liczba pożyczek udzielonych w roku',
    borrowers: 'Liczba pożyczkobiorców',
    amount: 'Kwota udzielonych pożyczek (zł)',
    outstanding: 'Portfel w spłacie',
    outLoans: 'Liczba pożyczek w spłacie',
    principal: 'Kapitał do spłaty (zł)',
    par30: 'Portfel zagrożony > 30 dni (PAR30)',
    par90: 'Portfel zagrożony > 90 dni (PAR90)',
    writtenOff: 'Pożyczki spisane w roku',
    writtenOffAmount: 'Kwota spisana (zł)',
    jobs: 'Miejsca pracy utworzone w roku',
    asOf: 'stan na',
    measure: 'Miara',
    borrowersShort: 'pożyczkobiorców',
    loansShort: 'pożyczek',
    zl: 'zł',
  },
  en: {
    title: (area: string, year: number) => `Loan fund — ${area}, ${year}`,
    granted: 'Loans granted',
    loans: 'Loans granted in the year',
    borrowers: 'Borrowers',
    amount: 'Amount lent (PLN)',
    outstanding: 'Portfolio being repaid',
    outLoans: 'Loans being repaid',
    principal: 'Principal outstanding (PLN)',
    par30: 'Portfolio at risk > 30 days (PAR30)',
    par90: 'Portfolio at risk > 90 days (PAR90)',
    writtenOff: 'Loans written off in the year',
    writtenOffAmount: 'Amount written off (PLN)',
    jobs: 'Jobs created in the year',
    asOf: 'as of',
    measure: 'Measure',
    borrowersShort: 'borrowers',
    loansShort: 'loans',
    zl: 'PLN',
  },
} as const;

export const fundLabels = (lang: Lang) => FUND_LABELS[lang];

const money = (m: { amount: string } | null) => (m ? Number(m.amount) : null);

/** The figures of the summary in a fixed order; the table, the CSV and the chart all read these. */
export function fundRows(data: FundSummaryData): FundRow[] {
  const f = FUND_LABELS[data.lang];
  const p = data.portfolio;
  const o = p.outstanding;
  const rows: FundRow[] = [
    { key: 'granted_loans', label: f.loans, value: p.granted.loans, unit: 'count', suppressed: p.granted.suppressed },
    { key: 'granted_borrowers', label: f.borrowers, value: p.granted.borrowers, unit: 'count', suppressed: p.granted.suppressed },
    { key: 'granted_amount', label: f.amount, value: money(p.granted.amount), unit: 'PLN', suppressed: p.granted.suppressed },
  ];
  if (o) {
    rows.push(
      { key: 'outstanding_loans', label: `${f.outLoans} (${f.asOf} ${o.asOf})`, value: o.loans, unit: 'count', suppressed: o.suppressed },
      { key: 'outstanding_principal', label: `${f.principal} (${f.asOf} ${o.asOf})`, value: money(o.principal), unit: 'PLN', suppressed: o.suppressed },
      { key: 'par30', label: f.par30, value: o.par30Share, unit: 'share', suppressed: o.suppressed },
      { key: 'par90', label: f.par90, value: o.par90Share, unit: 'share', suppressed: o.suppressed },
    );
  }
  rows.push(
    { key: 'written_off_loans', label: f.writtenOff, value: p.writtenOff.count, unit: 'count', suppressed: p.writtenOff.suppressed },
    { key: 'written_off_amount', label: f.writtenOffAmount, value: money(p.writtenOff.amount), unit: 'PLN', suppressed: p.writtenOff.suppressed },
    { key: 'jobs_created', label: f.jobs, value: p.jobsCreated.count, unit: 'count', suppressed: p.jobsCreated.suppressed },
  );
  return rows;
}

/** A figure as a reader sees it: "brak danych (tajemnica statystyczna)" when withheld. */
export function fundValueText(row: Pick<FundRow, 'value' | 'unit' | 'suppressed'>, lang: Lang): string {
  const t = LABELS[lang];
  if (row.suppressed && row.value === null) return t.suppressed;
  if (row.value === null) return t.noData;
  if (row.unit === 'share') return `${formatValue(row.value * 100, lang)} %`;
  if (row.unit === 'PLN') return new Intl.NumberFormat(lang === 'pl' ? 'pl-PL' : 'en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(row.value);
  return formatValue(row.value, lang);
}

export function fundCaption(data: FundSummaryData): string {
  const t = LABELS[data.lang];
  return `${t.source}: ${data.source} · ${t.referenceDate} ${data.referenceDate}`;
}

/**
 * The CSV of the summary, built from the same answer the widget draws (semicolons, decimal point,
 * UTF-8 with BOM so spreadsheet programs read the Polish letters; empty value = withheld or none).
 */
export function fundCsv(data: FundSummaryData): string {
  const pl = data.lang === 'pl';
  const head = pl ? ['Kod obszaru', 'Obszar', 'Rok', 'Miara', 'Wartość', 'Jednostka', 'Tajemnica statystyczna', 'Stan na'] : ['Area code', 'Area', 'Year', 'Measure', 'Value', 'Unit', 'Confidential', 'Reference date'];
  const cell = (v: string) => (/[;"\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const lines = fundRows(data).map((r) =>
    [data.area.code, data.area.name, String(data.year), r.label, r.value === null ? '' : String(r.value), r.unit, r.suppressed ? (pl ? 'tak' : 'yes') : pl ? 'nie' : 'no', data.referenceDate].map(cell).join(';'),
  );
  return `\uFEFF${[head.join(';'), ...lines].join('\r\n')}\r\n`;
}

/**
 * The summary as an SVG: four tiles (granted, portfolio, written off, jobs), each with its main
 * figure; withheld figures are written out, never drawn as zero. Pure (browser and server).
 */
export function renderFundSummary(data: FundSummaryData, options: { width?: number; standalone?: boolean } = {}): string {
  const lang = data.lang;
  const t = LABELS[lang];
  const f = FUND_LABELS[lang];
  const width = options.width ?? 600;
  const rows = new Map(fundRows(data).map((r) => [r.key, r]));
  const text = (key: string) => {
    const r = rows.get(key);
    return r ? fundValueText(r, lang) : t.noData;
  };
  const p = data.portfolio;
  const tiles: { cls: string; heading: string; main: string; sub: string; suppressed: boolean }[] = [
    { cls: 'granted', heading: f.granted, main: text('granted_loans'), sub: p.granted.suppressed && p.granted.loans === null ? '' : `${text('granted_borrowers')} ${f.borrowersShort} · ${text('granted_amount')} ${f.zl}`, suppressed: p.granted.suppressed && p.granted.loans === null },
    p.outstanding
      ? { cls: 'outstanding', heading: `${f.outstanding} (${f.asOf} ${p.outstanding.asOf})`, main: rows.get('outstanding_principal')!.value === null ? text('outstanding_principal') : `${text('outstanding_principal')} ${f.zl}`, sub: p.outstanding.loans === null ? '' : `${text('outstanding_loans')} ${f.loansShort} · PAR30 ${text('par30')}`, suppressed: p.outstanding.suppressed && p.outstanding.loans === null }
      : { cls: 'outstanding', heading: f.outstanding, main: t.noData, sub: '', suppressed: false },
    { cls: 'written-off', heading: f.writtenOff, main: text('written_off_loans'), sub: p.writtenOff.count === null || !p.writtenOff.count ? '' : `${text('written_off_amount')} ${f.zl}`, suppressed: p.writtenOff.suppressed && p.writtenOff.count === null },
    { cls: 'jobs', heading: f.jobs, main: text('jobs_created'), sub: '', suppressed: p.jobsCreated.suppressed && p.jobsCreated.count === null },
  ];
  const gap = 12, tileW = (width - gap) / 2, tileH = 96, top = options.standalone ? 34 : 0;
  const body = tiles
    .map((tile, i) => {
      const x = (i % 2) * (tileW + gap);
      const y = top + Math.floor(i / 2) * (tileH + gap);
      const big = tile.suppressed ? 14 : 26;
      return (
        `<g class="tile ${tile.cls}${tile.suppressed ? ' suppressed' : ''}" transform="translate(${x},${y})">` +
        `<rect width="${tileW}" height="${tileH}" rx="6" fill="${tile.suppressed ? 'url(#seh-fund-hatch)' : 'var(--seh-tile-bg,#eef3fa)'}" stroke="var(--seh-border,#c6d4e6)"/>` +
        `<text x="12" y="22" font-size="12" fill="var(--seh-muted,#555)">${escapeXml(tile.heading)}</text>` +
        `<text class="main" x="12" y="${tile.suppressed ? 54 : 58}" font-size="${big}" font-weight="600" fill="var(--seh-accent,#08519c)">${escapeXml(tile.main)}</text>` +
        (tile.sub ? `<text x="12" y="82" font-size="12">${escapeXml(tile.sub)}</text>` : '') +
        `</g>`
      );
    })
    .join('');
  const title = f.title(data.area.name, data.year);
  const bottom = top + 2 * tileH + gap;
  const height = bottom + (options.standalone ? 24 : 0);
  const header = options.standalone ? `<text x="0" y="20" font-size="15" font-weight="600">${escapeXml(title)}</text>` : '';
  const footer = options.standalone ? `<text x="0" y="${bottom + 16}" font-size="10">${escapeXml(fundCaption(data))}</text>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui,sans-serif">` +
    `<title>${escapeXml(title)}</title><defs><pattern id="seh-fund-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="8" height="8" fill="#f4f4f4"/><line y2="8" stroke="var(--seh-hatch,#ccc)" stroke-width="3"/></pattern></defs>` +
    header +
    body +
    footer +
    `</svg>`
  );
}

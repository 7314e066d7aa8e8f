import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { addTerritorialUnits } from '../support/territory-fixture';
import { importTerritory } from '../../api/src/territory';
import { LegalForm, SocialEconomyEntity } from '../../api/src/observatory';
import { StaffRole, StaffUserService, type StaffPrincipal } from '../../api/src/access';
import { LoanProductService } from '../../api/src/fund/products';
import { CommitteeVoteChoice, originate } from '../../api/src/fund/applications';
import { LoanService } from '../../api/src/fund/loans';
import { closeBusinessDate } from '../../api/src/fund/close';
import { loadConfig, repoRoot } from '../../api/src/config';
import { startHub, type RunningHub } from '../../api/src/main';

/**
 * The fund portfolio widget on a partner's page, in a real Chromium, against a small portfolio made
 * through the Fund's own services (registration → application → scoring → committee → contract →
 * disbursement → close of business). Małopolskie (12) has four borrowers, so its figures are
 * published; mazowieckie (14) has one, so its figures are withheld; dolnośląskie (02) has three
 * small ones (the complement that keeps 14 from being recovered from the national total).
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const YEAR = 2025;
const DAY = '2025-03-03';

interface Gql {
  granted: { loans: number | null; borrowers: number | null; amount: { amount: string } | null; suppressed: boolean };
  outstanding: { asOf: string; loans: number | null; principal: { amount: string } | null; par30Share: number | null; suppressed: boolean } | null;
  writtenOff: { count: number | null; suppressed: boolean };
  jobsCreated: { count: number | null; suppressed: boolean };
}

/** "200 000,00" / "200,000.00" / "4" → number, as a reader would read it. */
const readNumber = (text: string, lang: 'pl' | 'en') => Number((lang === 'pl' ? text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.') : text.replace(/,/g, '')).replace(/[^0-9.\-]/g, ''));

describe('fund portfolio widget on a partner site', () => {
  let db: TestDatabase;
  let hub: RunningHub;
  let base: string;
  let host: Server;
  let browser: Browser;
  let page: Page;

  const gql = async (code: string): Promise<Gql> => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        query: `query($c: String!) { territorialUnit(terytCode: $c) { fundPortfolio(year: ${YEAR}) {
          granted { loans borrowers amount { amount } suppressed } outstanding { asOf loans principal { amount } par30Share suppressed }
          writtenOff { count suppressed } jobsCreated { count suppressed } } } }`,
        variables: { c: code },
      }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data.territorialUnit.fundPortfolio;
  };

  beforeAll(async () => {
    execFileSync(process.execPath, [resolve(repoRoot, 'widgets/build.mjs')], { stdio: 'pipe' });
    db = await createTestDatabase('widgets_fund');
    const em = () => db.orm.em.fork();
    await importTerritory(em());
    const e = em();
    await addTerritorialUnits(e, [
      ['1206', 'krakowski', '12'], ['1206011', 'Skawina', '1206'],
      ['1432', 'warszawski zachodni', '14'], ['1432011', 'Łomianki', '1432'],
      ['0201', 'bolesławiecki', '02'], ['0201011', 'Bolesławiec', '0201'],
    ]);
    const borrowers: { seat: string; amountMinor: bigint; jobs: number }[] = [
      ...[1, 2, 3, 4].map(() => ({ seat: '1206011', amountMinor: 5_000_000n, jobs: 2 })),
      { seat: '1432011', amountMinor: 2_000_000n, jobs: 1 },
      ...[1, 2, 3].map(() => ({ seat: '0201011', amountMinor: 1_000_000n, jobs: 1 })),
    ];
    const entityIds = borrowers.map((b, i) => e.create(SocialEconomyEntity, { id: randomUUID(), name: `Spółdzielnia Socjalna nr ${i + 1}`, legalForm: LegalForm.SOCIAL_COOPERATIVE, seat: b.seat } as never).id);
    await e.flush();
    const staff = async (email: string, role: StaffRole): Promise<StaffPrincipal> => {
      const user = await new StaffUserService(em()).create({ email, displayName: email.split('@')[0], password: 'fundusz-widzet-2026', roles: [role] });
      return { id: user.id, email, roles: [role] };
    };
    const officer = await staff('officer@widgets.test', StaffRole.FUND_OFFICER);
    const committee = [await staff('k1@widgets.test', StaffRole.COMMITTEE_MEMBER), await staff('k2@widgets.test', StaffRole.COMMITTEE_MEMBER), await staff('k3@widgets.test', StaffRole.COMMITTEE_MEMBER)];
    const product = await new LoanProductService(em()).ensureDemoProduct();
    for (const [i, b] of borrowers.entries()) {
      const result = await originate(em(), {
        client: { entityId: entityIds[i] },
        productId: product.id,
        amountMinor: b.amountMinor,
        instalments: 24,
        purpose: 'Wyposażenie pracowni',
        jobsPromised: b.jobs,
        officer,
        votes: committee.map((member) => ({ member, choice: CommitteeVoteChoice.FOR })),
        sign: { signedOn: DAY, firstDisbursementDate: DAY },
      });
      if (!result.contract?.loanId) throw new Error(`loan ${i} was not opened`);
      await new LoanService(em()).disburse({ loanId: result.contract.loanId, amountMinor: b.amountMinor, businessDate: DAY });
    }
    await closeBusinessDate(em(), DAY);

    hub = await startHub(loadConfig({ NODE_ENV: 'test', DATABASE_URL: db.url, HUB_PORT: '0', CMS_URL: 'http://127.0.0.1:9', LOG_LEVEL: 'silent', HUB_JWT_SECRET: 'widgets-fund-test' }));
    base = hub.url.replace(/\/graphql$/, '');
    host = createServer((req, res) => {
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.end(`<!doctype html><html lang="pl"><head><title>Partner</title></head><body>
<h1>Regionalny Ośrodek Polityki Społecznej</h1>
<script async src="${base}/widgets/loader.js"></script>
<seh-widget id="published" type="fund" territory="12" year="${YEAR}" style="--seh-accent:#7a0177"></seh-widget>
<div id="withheld" data-seh-widget="fund" data-territory="14" data-year="${YEAR}" data-lang="en"></div>
<iframe id="frame" src="${base}/embed/fund?territory=12&year=${YEAR}" data-seh-embed style="width:100%;border:0" height="100"></iframe>
<script async src="${base}/widgets/embed-resize.js"></script>
</body></html>`);
    });
    await new Promise<void>((done) => host.listen(0, '127.0.0.1', done));
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 900, height: 3000 } });
    await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
    await page.locator('#published .tile').first().waitFor({ timeout: 20_000 });
    await page.locator('#withheld .tile').first().waitFor({ timeout: 20_000 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((done) => host?.close(done));
    await hub?.close();
    await db?.drop();
  });

  const tableOf = async (id: string) =>
    page.locator(`#${id} .table tbody tr`).evaluateAll((rows) => rows.map((r) => [r.querySelector('th')!.textContent!, r.querySelector('td')!.textContent!] as [string, string]));

  it('the public GraphQL field publishes małopolskie (4 borrowers) and withholds mazowieckie (1 borrower)', async () => {
    const published = await gql('12');
    expect(published.granted).toMatchObject({ loans: 4, borrowers: 4, suppressed: false, amount: { amount: '200000.00' } });
    expect(published.outstanding).toMatchObject({ asOf: DAY, loans: 4, suppressed: false, principal: { amount: '200000.00' } });
    const withheld = await gql('14');
    expect(withheld.granted).toMatchObject({ loans: null, borrowers: null, amount: null, suppressed: true });
  });

  it('shows the published figures the GraphQL field returns, with source and reference date', async () => {
    const api = await gql('12');
    const table = await tableOf('published');
    const value = (label: RegExp) => {
      const row = table.find(([l]) => label.test(l));
      if (!row) throw new Error(`no row ${label} in ${JSON.stringify(table)}`);
      return readNumber(row[1], 'pl');
    };
    expect(value(/^Liczba pożyczek udzielonych/)).toBe(api.granted.loans);
    expect(value(/^Liczba pożyczkobiorców/)).toBe(api.granted.borrowers);
    expect(value(/^Kwota udzielonych/)).toBe(Number(api.granted.amount!.amount));
    expect(value(/^Kapitał do spłaty/)).toBe(Number(api.outstanding!.principal!.amount));
    expect(value(/^Liczba pożyczek w spłacie/)).toBe(api.outstanding!.loans);
    expect(value(/^Miejsca pracy/)).toBe(api.jobsCreated.count);
    expect(await page.locator('#published .title').innerText()).toBe(`Fundusz pożyczkowy — małopolskie, ${YEAR}`);
    const main = await page.locator('#published .tile.granted .main').textContent();
    expect(readNumber(main!, 'pl')).toBe(api.granted.loans);
    const caption = await page.locator('#published .source').innerText();
    expect(caption).toContain(`Stan na ${DAY}`);
    expect(caption).toContain('Źródło:');
    expect(await page.locator('#published svg[role="img"]').getAttribute('aria-label')).toContain('małopolskie');
  });

  it('offers a CSV built from the same answer, with the same numbers', async () => {
    const api = await gql('12');
    const link = page.locator('#published a.csv');
    expect(await link.getAttribute('download')).toBe(`fundusz-12-${YEAR}.csv`);
    const href = (await link.getAttribute('href'))!;
    expect(href.startsWith('data:text/csv')).toBe(true);
    const csv = decodeURIComponent(href.slice(href.indexOf(',') + 1)).replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(';'));
    const [header, ...rows] = csv;
    expect(header).toEqual(['Kod obszaru', 'Obszar', 'Rok', 'Miara', 'Wartość', 'Jednostka', 'Tajemnica statystyczna', 'Stan na']);
    const byMeasure = Object.fromEntries(rows.map((r) => [r[3], r[4]]));
    expect(Number(byMeasure['Liczba pożyczek udzielonych w roku'])).toBe(api.granted.loans);
    expect(Number(byMeasure['Kwota udzielonych pożyczek (zł)'])).toBe(Number(api.granted.amount!.amount));
    expect(Number(byMeasure['Liczba pożyczkobiorców'])).toBe(api.granted.borrowers);
    expect(rows.every((r) => r[0] === '12' && r[2] === String(YEAR))).toBe(true);
  });

  it('writes "no data (confidentiality)" for a withheld area, in English, and never a number', async () => {
    const api = await gql('14');
    expect(api.granted.suppressed).toBe(true);
    const table = await tableOf('withheld');
    const granted = table.filter(([l]) => /^(Loans granted|Borrowers|Amount lent)/.test(l));
    expect(granted).toHaveLength(3);
    for (const [, v] of granted) expect(v).toBe('no data (confidentiality)');
    expect(await page.locator('#withheld .tile.granted').getAttribute('class')).toContain('suppressed');
    expect(await page.locator('#withheld .tile.granted .main').textContent()).toBe('no data (confidentiality)');
    expect(await page.locator('#withheld .table-toggle').innerText()).toBe('Show data table');
    const href = (await page.locator('#withheld a.csv').getAttribute('href'))!;
    const rows = decodeURIComponent(href.slice(href.indexOf(',') + 1)).trim().split('\r\n').slice(1).map((l) => l.split(';'));
    for (const r of rows.filter((r) => /^(Loans granted|Borrowers|Amount lent)/.test(r[3]))) expect(r.slice(4, 7)).toEqual(['', r[5], 'yes']);
  });

  it('the iframe embed and the no-script SVG show the same figures', async () => {
    const frame = page.frameLocator('#frame');
    await frame.locator('.tile.granted .main').waitFor();
    expect(readNumber((await frame.locator('.tile.granted .main').textContent())!, 'pl')).toBe(4);
    await page.waitForFunction(() => parseInt((document.getElementById('frame') as HTMLIFrameElement).style.height || '0', 10) > 200);
    const svg = await (await fetch(`${base}/widgets/static/fund.svg?territory=14&year=${YEAR}&lang=en`)).text();
    expect(svg).toContain('no data (confidentiality)');
    expect(svg).toContain('Loan fund — mazowieckie');
    const builder = await (await fetch(`${base}/widgets/builder`)).text();
    expect(builder).toContain('<option value="fund">Fundusz pożyczkowy w regionie</option>');
    await page.screenshot({ path: `${process.env.SCREENSHOT_DIR ?? require('node:os').tmpdir()}/widgets-fund.png`, fullPage: true });
  });
});

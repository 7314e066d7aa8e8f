/**
 * Fund close-of-business benchmark (not a test; never run by `npm test`). See bench/fund/README.md.
 *
 *   npm run bench:fund -- [--loans 1000000] [--sample 2000] [--date 2026-03-31] [--fresh]
 *
 * Keeps a database (BENCH_FUND_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/hub_bench_fund)
 * with a generated portfolio between runs; times the set-based close of one business date over all
 * loans and the per-loan ORM close over a random sample, both in transactions that are rolled back
 * (so every run starts from the same state), and prints loans per second for both and their ratio.
 */
import { Client } from 'pg';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createOrm, migrateToLatest } from '../../api/src/orm';
import { closeBusinessDate, closeBusinessDatePerLoan } from '../../api/src/fund/close';
import { ensureLoanSchema } from '../../api/src/fund/loans/testing/loan-fixtures';
import { withDatabase } from '../../api/src/launcher/databases';
import { generateLoans } from './generate-loans';

const log = (line: string) => process.stdout.write(`${line}\n`);

function options() {
  const argv = process.argv.slice(2);
  const value = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    loans: Number((value('loans') ?? '1000000').replace(/_/g, '')),
    sample: Number(value('sample') ?? '2000'),
    date: value('date') ?? '2026-03-31',
    fresh: argv.includes('--fresh'),
  };
}

/** Runs `work` in a transaction that is rolled back, so the bench database keeps its state. */
async function rolledBack<T>(em: EntityManager, work: (em: EntityManager) => Promise<T>): Promise<T> {
  const tx = em.fork();
  await tx.begin();
  try {
    return await work(tx);
  } finally {
    await tx.rollback();
  }
}

async function main(): Promise<void> {
  const opts = options();
  const url = process.env.BENCH_FUND_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/hub_bench_fund';
  const server = new Client({ connectionString: withDatabase(url, 'postgres') });
  await server.connect();
  const name = new URL(url).pathname.slice(1);
  if (!(await server.query('select 1 from pg_database where datname = $1', [name])).rowCount) await server.query(`create database ${server.escapeIdentifier(name)}`);
  await server.end();

  const orm = await createOrm(url, { poolMax: 4 });
  await migrateToLatest(orm);
  await ensureLoanSchema(orm);
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const have = Number((await client.query(`select count(*) as n from loan`)).rows[0].n);
    const asOf = (await client.query(`select to_char(max(accrued_through) + 1, 'YYYY-MM-DD') as d from loan`)).rows[0].d;
    if (opts.fresh || have !== opts.loans || asOf !== opts.date) {
      log(`Generating ${opts.loans.toLocaleString('en')} loans (set-based), state as of the end of the day before ${opts.date}:`);
      const t = Date.now();
      await generateLoans(client, opts.loans, opts.date, log);
      log(`  generated in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    } else {
      log(`Reusing ${have.toLocaleString('en')} loans in ${name} (--fresh to regenerate).`);
    }
    const [{ loans, instalments }] = (await client.query(`select (select count(*) from loan where status = 'ACTIVE') as loans, (select count(*) from loan_instalment) as instalments`)).rows;
    log(`Portfolio: ${Number(loans).toLocaleString('en')} active loans, ${Number(instalments).toLocaleString('en')} instalments.`);

    log(`\nSet-based close of business for ${opts.date} over all loans (rolled back afterwards):`);
    const t0 = Date.now();
    const set = await rolledBack(orm.em, (em) => closeBusinessDate(em, opts.date, { onProgress: (p) => log(`  ${p.step.padEnd(10)} ${String(p.loans).padStart(9)} loans  ${(p.elapsedMs / 1000).toFixed(1)} s`) }));
    const setSeconds = (Date.now() - t0) / 1000;
    log(`  billed ${set.instalmentsBilled.toLocaleString('en')} instalments; accrued ${set.interestAccruedMinor} gr interest, ${set.penaltyAccruedMinor} gr penalties; provision change ${set.provisionChangeMinor} gr`);
    await client.query('vacuum loan');

    const sample = (await client.query(`select id from loan where status = 'ACTIVE' order by md5(id::text) limit $1`, [opts.sample])).rows.map((r: { id: string }) => r.id);
    log(`\nPer-loan ORM close of business for ${opts.date} over a sample of ${sample.length.toLocaleString('en')} loans (rolled back):`);
    const t1 = Date.now();
    const per = await rolledBack(orm.em, (em) => closeBusinessDatePerLoan(em, opts.date, { loanIds: sample, record: false }));
    const perSeconds = (Date.now() - t1) / 1000;
    await client.query('vacuum loan');

    const setRate = set.loansProcessed / setSeconds;
    const perRate = per.loansProcessed / perSeconds;
    log(`\nResults (${opts.date}):`);
    log(`  set-based : ${set.loansProcessed.toLocaleString('en')} loans in ${setSeconds.toFixed(1)} s = ${Math.round(setRate).toLocaleString('en')} loans/s`);
    log(`  per-loan  : ${per.loansProcessed.toLocaleString('en')} loans in ${perSeconds.toFixed(1)} s = ${Math.round(perRate).toLocaleString('en')} loans/s (1,000,000 loans would take ~${((1_000_000 / perRate) / 60).toFixed(0)} min)`);
    log(`  ratio     : ${(setRate / perRate).toFixed(1)}× (target ≥ 50×); 1,000,000 loans set-based ≈ ${((1_000_000 / setRate) / 60).toFixed(1)} min (target ≤ 5 min)`);
  } finally {
    await client.end();
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});

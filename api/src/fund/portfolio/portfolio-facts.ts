import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../shared/sql';
import type { PortfolioFact } from './portfolio-table';

/** The families of public portfolio figures; each is its own table under disclosure control. */
export type PortfolioFamily = 'granted' | 'outstanding' | 'writtenOff' | 'jobs' | 'guarantees' | 'guaranteeCalls';

/**
 * A guarantee's unit of disclosure control: its borrower. A borrower who is a Fund client is that
 * client; one the partner names only is keyed by the name (trimmed, spaces collapsed, lower case),
 * so that two guarantees of one such borrower count it once. Two different borrowers with the same
 * name become one unit, which errs towards withholding. Such a borrower has no known area and sits
 * in Poland's never-published residual part (see portfolio-table.ts): it counts in the national
 * figures only, and cannot be worked out from them.
 */
const GUARANTEE_UNIT = `coalesce(g.borrower_client_id::text, 'name:' || lower(regexp_replace(btrim(g.borrower_name), '[[:space:]]+', ' ', 'g')))`;
const GUARANTEE_AREA = `coalesce(c.territory_teryt_code, 'PL')`;

interface FactRow {
  family: PortfolioFamily;
  client_id: string;
  territory: string;
  m1: string;
  m2: string;
  m3: string;
  m4: string;
}

/**
 * Per-client facts for one year, set-based: loans whose contract was signed in the year (count,
 * principal), the portfolio at the latest close of business (outstanding principal, of it more
 * than 30 and 90 days past due), write-offs in the year, jobs created in the year (advisory
 * outcomes), guarantees issued in the year and not cancelled (count, exposure at issue: what the
 * guarantee covered on the day it was issued, as its ISSUE event recorded it), and guarantee calls
 * paid out in the year (count, amount paid), both per borrower (see GUARANTEE_UNIT).
 */
export async function readPortfolioFacts(em: EntityManager, year: number): Promise<Map<PortfolioFamily, PortfolioFact[]>> {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const rows = await queryRows<FactRow>(
    em,
    `select 'granted' as family, c.id::text as client_id, c.territory_teryt_code as territory,
            count(*)::text as m1, sum(k.principal_minor)::text as m2, '0' as m3, '0' as m4
       from loan_contract k join loan_application a on a.id = k.application_id join fund_client c on c.id = a.client_id
      where k.signed_on between ?::date and ?::date
      group by c.id
     union all
     select 'outstanding', c.id::text, c.territory_teryt_code, count(*)::text, sum(l.principal_outstanding_minor)::text,
            sum(l.principal_outstanding_minor) filter (where l.days_past_due > 30)::text,
            sum(l.principal_outstanding_minor) filter (where l.days_past_due > 90)::text
       from loan l join fund_client c on c.id = l.borrower_client_id
      where l.status = 'ACTIVE' and l.principal_outstanding_minor > 0 and l.opened_on <= ?::date
      group by c.id
     union all
     select 'writtenOff', c.id::text, c.territory_teryt_code, count(*)::text, sum(l.written_off_minor)::text, '0', '0'
       from loan l join fund_client c on c.id = l.borrower_client_id
      where l.written_off_on between ?::date and ?::date
      group by c.id
     union all
     select 'jobs', c.id::text, c.territory_teryt_code, sum(o.jobs_count)::text, '0', '0', '0'
       from advisory_outcome o join advisory_case ac on ac.id = o.advisory_case_id join fund_client c on c.id = ac.client_id
      where o.kind = 'JOBS_CREATED' and o.achieved_on between ?::date and ?::date
      group by c.id
     union all
     select 'guarantees', ${GUARANTEE_UNIT}, ${GUARANTEE_AREA}, count(*)::text, sum(e.exposure_minor)::text, '0', '0'
       from fund_guarantee g join fund_guarantee_event e on e.guarantee_id = g.id and e.kind = 'ISSUE'
       left join fund_client c on c.id = g.borrower_client_id
      where g.issued_on between ?::date and ?::date and g.status <> 'CANCELLED'
      group by 2, 3
     union all
     select 'guaranteeCalls', ${GUARANTEE_UNIT}, ${GUARANTEE_AREA}, count(*)::text, sum(e.amount_minor)::text, '0', '0'
       from fund_guarantee_event e join fund_guarantee g on g.id = e.guarantee_id
       left join fund_client c on c.id = g.borrower_client_id
      where e.kind = 'PAYOUT' and e.business_date between ?::date and ?::date
      group by 2, 3`,
    [from, to, to, from, to, from, to, from, to, from, to],
  );
  const byFamily = new Map<PortfolioFamily, PortfolioFact[]>([['granted', []], ['outstanding', []], ['writtenOff', []], ['jobs', []], ['guarantees', []], ['guaranteeCalls', []]]);
  for (const r of rows) {
    const measures: Record<string, number> =
      r.family === 'granted' ? { loans: Number(r.m1), amount: Number(r.m2) }
      : r.family === 'outstanding' ? { loans: Number(r.m1), principal: Number(r.m2), par30: Number(r.m3 ?? 0), par90: Number(r.m4 ?? 0) }
      : r.family === 'writtenOff' ? { loans: Number(r.m1), amount: Number(r.m2) }
      : r.family === 'guarantees' ? { guarantees: Number(r.m1), amount: Number(r.m2) }
      : r.family === 'guaranteeCalls' ? { calls: Number(r.m1), amount: Number(r.m2) }
      : { jobs: Number(r.m1) };
    byFamily.get(r.family)!.push({ clientId: r.client_id, territoryCode: r.territory, measures });
  }
  return byFamily;
}

/** The latest business date the close of business has run for, or null before the first close. */
export async function latestCloseDate(em: EntityManager): Promise<string | null> {
  const [row] = await queryRows<{ d: string | null }>(em, `select to_char(max(business_date), 'YYYY-MM-DD') as d from close_of_business_run`, []);
  return row?.d ?? null;
}

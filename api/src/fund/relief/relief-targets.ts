import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../shared/sql';
import { ReliefCampaignKind, type ReliefTarget } from './relief-types';

/** A loan a campaign targets, with the fingerprint of the state its effect is computed from. */
export interface TargetedLoan {
  id: string;
  borrowerClientId: string;
  borrowerName: string | null;
  territoryCode: string | null;
  legalForm: string | null;
  fingerprint: string;
}

/*
 * The fingerprint covers everything a relief's effect depends on: status, schedule version, every
 * balance, the last closed business day, the remission terms, and the loan's last event and number
 * of repayments (so a repayment, a reversal, a restructuring or a close of business all change it).
 */
const FINGERPRINT = `md5(concat_ws('|', l.status, l.schedule_version, l.principal_outstanding_minor, l.principal_due_minor,
  l.interest_due_minor, l.interest_unbilled_minor, l.interest_accrued_total_minor, l.fee_due_minor, l.penalty_due_minor,
  l.days_past_due, coalesce(l.accrued_through::text, '-'), coalesce(l.remission_deadline::text, '-'), l.remitted_minor,
  (select coalesce(max(ev.seq), 0) from loan_event ev where ev.loan_id = l.id),
  (select count(*) from loan_repayment r where r.loan_id = l.id)))`;

/**
 * The loans a campaign targets, in id order. A territory matches itself and every unit below it
 * (voivodeship → counties → municipalities, walked through parent codes); a legal form matches the
 * registry entity's form, or the form a founding group intends to take. With `lock` the loan rows
 * are locked (FOR UPDATE) for the rest of the transaction.
 */
export async function selectTargets(em: EntityManager, kind: ReliefCampaignKind, target: ReliefTarget, lock: boolean): Promise<TargetedLoan[]> {
  const statuses = target.loanStatuses.length ? target.loanStatuses : ['ACTIVE'];
  const rows = await queryRows<{ id: string; borrower_client_id: string; name: string | null; territory: string | null; legal_form: string | null; fingerprint: string }>(
    em,
    `with recursive region(code) as (
        select teryt_code from territorial_unit where teryt_code = any(?::text[])
        union select t.teryt_code from territorial_unit t join region r on t.parent_teryt_code = r.code)
     select l.id, l.borrower_client_id, c.name, c.territory_teryt_code as territory,
            coalesce(e.legal_form, c.intended_legal_form) as legal_form, ${FINGERPRINT} as fingerprint
       from loan l
       left join fund_client c on c.id = l.borrower_client_id
       left join social_economy_entity e on e.id = c.entity_id
      where l.status = any(?::text[])
        and (cardinality(?::text[]) = 0 or c.territory_teryt_code in (select code from region))
        and (cardinality(?::text[]) = 0 or coalesce(e.legal_form, c.intended_legal_form) = any(?::text[]))
        and (cardinality(?::uuid[]) = 0 or l.product_id = any(?::uuid[]))
        and (?::int is null or l.days_past_due <= ?::int)
        and (?::boolean or l.remission_deadline is not null)
      order by l.id${lock ? ' for update of l' : ''}`,
    [
      target.territoryCodes,
      statuses,
      target.territoryCodes,
      target.legalForms,
      target.legalForms,
      target.productIds,
      target.productIds,
      target.maxDaysPastDue,
      target.maxDaysPastDue,
      kind !== ReliefCampaignKind.JOBS_DEADLINE_EXTENSION,
    ],
  );
  return rows.map((r) => ({ id: r.id, borrowerClientId: r.borrower_client_id, borrowerName: r.name, territoryCode: r.territory, legalForm: r.legal_form, fingerprint: r.fingerprint }));
}

/** Territory codes from the list that do not exist. */
export async function unknownTerritories(em: EntityManager, codes: string[]): Promise<string[]> {
  if (!codes.length) return [];
  const rows = await queryRows<{ teryt_code: string }>(em, 'select teryt_code from territorial_unit where teryt_code = any(?::text[])', [codes]);
  const known = new Set(rows.map((r) => r.teryt_code));
  return codes.filter((c) => !known.has(c));
}

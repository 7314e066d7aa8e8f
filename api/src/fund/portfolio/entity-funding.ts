import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { queryRows } from '../../shared/sql';
import { Money, MoneyObject, toMoneyObject } from '../../shared/money';

@ObjectType({ description: 'What the social economy Fund has done for one registry entity. That an entity was supported (loans, guarantees, advisory) and the jobs it created are public; the amounts and how the entity repays are the borrower’s confidential data, shown only to Fund staff, analysts and administrators.' })
export class EntityFundingSummary {
  @Field(() => Int, { description: 'Loans the entity received from the Fund (contracts signed).' })
  loans!: number;

  @Field(() => Int, { description: 'Guarantees the Fund’s guarantee fund gave on loans the entity took from partner lenders (e.g. a cooperative bank), cancelled ones left out.' })
  guarantees!: number;

  @Field(() => Int, { description: 'Advisory cases the entity had with the Fund’s advisors.' })
  advisoryCases!: number;

  @Field(() => Int, { description: 'Jobs the entity created, as recorded by the Fund’s advisors.' })
  jobsCreated!: number;

  @Field(() => MoneyObject, { nullable: true, description: 'Principal lent to the entity in total. Null for the public (confidential data of one borrower).' })
  amountBorrowed!: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Amount guaranteed in total: what those guarantees covered on the day they were issued. Null for the public (confidential data of one borrower).' })
  amountGuaranteed!: MoneyObject | null;

  @Field(() => MoneyObject, { nullable: true, description: 'Principal still to be repaid at the latest close of business. Null for the public.' })
  principalOutstanding!: MoneyObject | null;

  @Field(() => Int, { nullable: true, description: 'Days the most overdue of the entity’s loans is past due (0 = repaid on time). Null for the public.' })
  daysPastDue!: number | null;

  @Field({ description: 'True when the amounts and repayment figures are withheld from this reader.' })
  confidential!: boolean;
}

interface Row {
  entity_id: string;
  loans: number;
  guarantees: number;
  advisory_cases: number;
  jobs: string;
  borrowed: string;
  guaranteed: string;
  outstanding: string;
  dpd: number;
}

/**
 * Funding summaries for many registry entities in one query; entities the Fund never served get
 * zeros. Guarantees count when their borrower is the entity as a Fund client (borrower_client_id).
 */
export async function readEntityFunding(em: EntityManager, entityIds: readonly string[], reveal: boolean): Promise<EntityFundingSummary[]> {
  const rows = await queryRows<Row>(
    em,
    `select c.entity_id::text as entity_id,
            (select count(*) from loan_contract k join loan_application a on a.id = k.application_id where a.client_id = c.id)::int as loans,
            (select count(*) from fund_guarantee g where g.borrower_client_id = c.id and g.status <> 'CANCELLED')::int as guarantees,
            (select count(*) from advisory_case ac where ac.client_id = c.id)::int as advisory_cases,
            (select coalesce(sum(o.jobs_count), 0) from advisory_outcome o join advisory_case ac on ac.id = o.advisory_case_id
              where ac.client_id = c.id and o.kind = 'JOBS_CREATED')::text as jobs,
            (select coalesce(sum(k.principal_minor), 0) from loan_contract k join loan_application a on a.id = k.application_id where a.client_id = c.id)::text as borrowed,
            (select coalesce(sum(e.exposure_minor), 0) from fund_guarantee g join fund_guarantee_event e on e.guarantee_id = g.id and e.kind = 'ISSUE'
              where g.borrower_client_id = c.id and g.status <> 'CANCELLED')::text as guaranteed,
            (select coalesce(sum(l.principal_outstanding_minor), 0) from loan l where l.borrower_client_id = c.id and l.status = 'ACTIVE')::text as outstanding,
            (select coalesce(max(l.days_past_due), 0) from loan l where l.borrower_client_id = c.id and l.status = 'ACTIVE')::int as dpd
       from fund_client c
      where c.entity_id = any(array(select jsonb_array_elements_text(?::jsonb)::uuid))`,
    [JSON.stringify(entityIds)],
  );
  const byEntity = new Map(rows.map((r) => [r.entity_id, r]));
  return entityIds.map((id) => {
    const r = byEntity.get(id);
    return Object.assign(new EntityFundingSummary(), {
      loans: r?.loans ?? 0,
      guarantees: r?.guarantees ?? 0,
      advisoryCases: r?.advisory_cases ?? 0,
      jobsCreated: Number(r?.jobs ?? 0),
      amountBorrowed: reveal ? toMoneyObject(Money.ofMinor(r?.borrowed ?? '0')) : null,
      amountGuaranteed: reveal ? toMoneyObject(Money.ofMinor(r?.guaranteed ?? '0')) : null,
      principalOutstanding: reveal ? toMoneyObject(Money.ofMinor(r?.outstanding ?? '0')) : null,
      daysPastDue: reveal ? r?.dpd ?? 0 : null,
      confidential: !reveal,
    });
  });
}

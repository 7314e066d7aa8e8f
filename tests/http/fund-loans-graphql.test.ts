import 'reflect-metadata';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { StaffRole, StaffUserService } from '../../api/src/access';
import { toGlobalId } from '../../api/src/shared/relay';
import { ensureLoanSchema, openTestLoan } from '../../api/src/fund/loans/testing/loan-fixtures';

const PASSWORD = 'kasa-pożyczkowa-2026';

/** Loans over HTTP with real sign-in tokens: who may read and act, typed errors in payloads, nested lists. */
describe('fund loans through GraphQL over HTTP', () => {
  let db: TestDatabase;
  let t: HubTestApp;
  const tokens: Record<string, string> = {};
  let loanId: string;

  beforeAll(async () => {
    db = await createTestDatabase('fund-loans-http');
    await ensureLoanSchema(db.orm);
    const users = new StaffUserService(db.orm.em.fork());
    const people: [string, StaffRole[]][] = [['officer', [StaffRole.FUND_OFFICER]], ['advisor', [StaffRole.ADVISOR]], ['analyst', [StaffRole.ANALYST]]];
    for (const [name, roles] of people) await users.create({ email: `${name}@kasa.test`, displayName: name, password: PASSWORD, roles });
    loanId = toGlobalId('Loan', (await openTestLoan(db.orm.em.fork())).id);
    t = await startHubTestApp(db.url);
    for (const [name] of people) {
      const res = await t.gql(`mutation ($e: String!, $p: String!) { staffLogin(input: { email: $e, password: $p }) { token } }`, { e: `${name}@kasa.test`, p: PASSWORD });
      tokens[name] = `Bearer ${res.body.data.staffLogin.token}`;
    }
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const as = (who: string | null, query: string, variables: Record<string, unknown> = {}, locale = 'pl') =>
    t.gql(query, variables, { ...(who ? { Authorization: tokens[who] } : {}), 'Accept-Language': locale });

  const REPAY = `mutation ($input: LoanRepayInput!) { loanRepay(input: $input) { replayed errors { code message field } repayment { id amount { amount } toInterest { amount } toPrincipal { amount } } loan { principalOutstanding { amount } } } }`;

  it('lets a fund officer pay out and take a repayment, and retries return the first result', async () => {
    const paid = await as('officer', `mutation ($input: LoanDisburseInput!) { loanDisburse(input: $input) { errors { code } loan { status disbursedPrincipal { amount } schedule { number dueDate total { amount } } } } }`, {
      input: { loanId, amount: '100000.00', businessDate: '2026-01-15' },
    });
    expect(paid.body.data.loanDisburse.errors).toEqual([]);
    expect(paid.body.data.loanDisburse.loan.status).toBe('ACTIVE');
    expect(paid.body.data.loanDisburse.loan.schedule).toHaveLength(12);
    const input = { loanId, amount: '1500.00', businessDate: '2026-01-20', idempotencyKey: 'TR-1' };
    const first = await as('officer', REPAY, { input });
    expect(first.body.data.loanRepay.errors).toEqual([]);
    expect(first.body.data.loanRepay.loan.principalOutstanding.amount).toBe('98500.00');
    const again = await as('officer', REPAY, { input });
    expect(again.body.data.loanRepay.replayed).toBe(true);
    expect(again.body.data.loanRepay.repayment.id).toBe(first.body.data.loanRepay.repayment.id);
  });

  it('reports an overpayment as a typed error in the request’s language', async () => {
    const res = await as('officer', REPAY, { input: { loanId, amount: '999999.00', businessDate: '2026-01-20', idempotencyKey: 'TR-2' } }, 'en');
    expect(res.body.data.loanRepay.errors[0]).toMatchObject({ code: 'OVERPAYMENT', field: ['amount'] });
    expect(res.body.data.loanRepay.errors[0].message).toMatch(/exceeds/);
  });

  it('shows loans to fund roles only, with schedule history, repayments and arrears', async () => {
    const query = `query ($id: ID!) { loan(id: $id) { status scheduleHistory { version reason instalments { number } } repayments { idempotencyKey status } arrears { daysPastDue par30 } } }`;
    const advisor = await as('advisor', query, { id: loanId });
    expect(advisor.body.data.loan.scheduleHistory.map((v: { reason: string }) => v.reason)).toEqual(['PREPAYMENT', 'DISBURSEMENT']);
    expect(advisor.body.data.loan.repayments).toEqual([{ idempotencyKey: 'TR-1', status: 'POSTED' }]);
    expect(advisor.body.data.loan.arrears).toEqual({ daysPastDue: 0, par30: false });
    const list = await as('advisor', `{ loans(filter: { status: ACTIVE }) { totalCount nodes { status } } }`);
    expect(list.body.data.loans.totalCount).toBe(1);
    for (const who of ['analyst', null]) {
      const res = await as(who, query, { id: loanId });
      expect(res.body.errors?.[0]?.extensions?.code).toBe(who ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
  });

  it('refuses loan mutations to an advisor, who may only read', async () => {
    const res = await as('advisor', `mutation ($input: LoanDateInput!) { loanWriteOff(input: $input) { errors { code } } }`, { input: { loanId, businessDate: '2026-01-21' } });
    expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

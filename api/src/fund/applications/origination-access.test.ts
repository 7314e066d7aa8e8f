import 'reflect-metadata';
import { getMetadataStorage } from 'type-graphql';
import { STAFF_ROLES, StaffRole, decideAccess, type AccessDecision } from '../../access';
import { fundOriginationModule } from '.';

// What each role may do with fund origination, written out so that a changed rule shows up as a changed row.
// A = allowed, F = forbidden; columns follow ROLES. The anonymous public is refused everywhere (UNAUTHENTICATED).
const ROLES = ['ADMIN', 'ANALYST', 'FUND_OFFICER', 'ADVISOR', 'COMMITTEE_MEMBER', 'ACADEMY_COORDINATOR', 'TRAINER'] as const;
const MATRIX: Record<string, string> = {
  // operation                          AD AN FO AV CM AC TR
  fundClients: /*                    */ 'A  F  A  A  A  F  F',
  fundClient: /*                     */ 'A  F  A  A  A  F  F',
  fundClientRegisterEntity: /*       */ 'A  F  A  A  F  F  F',
  fundClientRegisterFoundingGroup: /**/ 'A  F  A  A  F  F  F',
  members: /*  (personal data)       */ 'A  F  A  A  A  F  F',
  advisoryCases: /*                  */ 'A  F  A  A  F  F  F',
  advisorTotals: /*  (aggregates)    */ 'A  A  A  A  F  F  F',
  advisoryCaseOpen: /*               */ 'A  F  A  A  F  F  F',
  advisorySessionRecord: /*          */ 'A  F  A  A  F  F  F',
  advisoryOutcomeRecord: /*          */ 'A  F  A  A  F  F  F',
  loanProducts: /*                   */ 'A  A  A  A  A  F  F',
  loanProductCreate: /*              */ 'A  F  A  F  F  F  F',
  loanApplications: /*               */ 'A  F  A  F  A  F  F',
  loanApplication: /*                */ 'A  F  A  F  A  F  F',
  scoringCriteria: /*                */ 'A  F  A  F  A  F  F',
  fundOriginationSummary: /*  (aggr.)*/ 'A  A  A  F  F  F  F',
  loanApplicationSubmit: /*          */ 'A  F  A  A  F  F  F',
  loanApplicationAssess: /*          */ 'A  F  A  F  F  F  F',
  loanApplicationVote: /*            */ 'A  F  F  F  A  F  F',
  loanApplicationDecide: /*          */ 'A  F  A  F  A  F  F',
  loanContractSign: /*               */ 'A  F  A  F  F  F  F',
  votes: /*  (LoanApplication.votes) */ 'A  F  A  F  A  F  F',
  fullName: /*  (member fields)      */ 'A  F  A  A  A  F  F',
  email: /*                          */ 'A  F  A  A  A  F  F',
};

/** The roles @Authorized demands on an operation or field of the module's resolvers and types. */
function requiredRoles(fieldName: string): StaffRole[] {
  const targets = new Set<unknown>([...fundOriginationModule.resolvers, ...fundOriginationModule.entities]);
  const found = getMetadataStorage().authorizedFields.filter((f) => f.fieldName === fieldName && targets.has(f.target));
  if (found.length !== 1) throw new Error(`expected one @Authorized on ${fieldName}, found ${found.length}`);
  return found[0].roles as StaffRole[];
}

describe('fund origination authorisation matrix', () => {
  it('covers every staff role', () => {
    expect([...ROLES].sort()).toEqual([...STAFF_ROLES].sort());
  });

  const cases = Object.entries(MATRIX).flatMap(([operation, row]) => row.split(/\s+/).map((cell, i) => ({ operation, role: ROLES[i], want: (cell === 'A' ? 'ALLOWED' : 'FORBIDDEN') as AccessDecision })));

  it.each(cases)('$role on $operation: $want', ({ operation, role, want }) => {
    const required = requiredRoles(operation);
    expect(decideAccess({ id: 'x', email: 'x@example.org', roles: [role as StaffRole] }, required)).toBe(want);
    expect(decideAccess(null, required)).toBe('UNAUTHENTICATED');
  });

  it('guards every query and mutation of the module (nothing is public)', () => {
    const storage = getMetadataStorage();
    const resolvers = new Set<unknown>(fundOriginationModule.resolvers);
    const operations = [...storage.queries, ...storage.mutations].filter((q) => resolvers.has(q.target)).map((q) => q.methodName);
    expect(operations.length).toBeGreaterThan(15);
    for (const name of operations) expect(Object.keys(MATRIX)).toContain(name);
  });
});

import { registerEnumType } from 'type-graphql';

/** What a staff member may do in the hub. A person may hold several roles; ADMIN may do everything. */
export enum StaffRole {
  ADMIN = 'ADMIN',
  ANALYST = 'ANALYST',
  FUND_OFFICER = 'FUND_OFFICER',
  ADVISOR = 'ADVISOR',
  COMMITTEE_MEMBER = 'COMMITTEE_MEMBER',
  ACADEMY_COORDINATOR = 'ACADEMY_COORDINATOR',
  TRAINER = 'TRAINER',
}

export const STAFF_ROLES: readonly StaffRole[] = Object.values(StaffRole);

export const isStaffRole = (value: unknown): value is StaffRole => typeof value === 'string' && (STAFF_ROLES as readonly string[]).includes(value);

registerEnumType(StaffRole, {
  name: 'StaffRole',
  description: 'A role held by a member of staff; it decides which non-public data and actions they can reach.',
  valuesConfig: {
    ADMIN: { description: 'Runs the hub: manages staff accounts and may do everything any other role may do.' },
    ANALYST: { description: 'Observatory analyst: works with the registry, surveys and statistics; sees personal data only pseudonymised.' },
    FUND_OFFICER: { description: 'Fund officer: handles loan applications, loans, guarantees and the fund’s books.' },
    ADVISOR: { description: 'Advisor: gives economic and legal advice to founding groups and social economy entities.' },
    COMMITTEE_MEMBER: { description: 'Loan committee member: reviews assessed loan applications and casts a recorded vote.' },
    ACADEMY_COORDINATOR: { description: 'Academy coordinator: runs the postgraduate programme, workshop editions and enrolments.' },
    TRAINER: { description: 'Trainer: teaches workshop editions and records attendance.' },
  },
});

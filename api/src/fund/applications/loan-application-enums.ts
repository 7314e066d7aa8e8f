import { registerEnumType } from 'type-graphql';

/**
 * Where a loan application stands. SUBMITTED → ASSESSED (scored by a fund officer) → APPROVED or
 * REJECTED (by the committee's recorded vote) → CONTRACTED (a fund officer signed the contract).
 */
export enum LoanApplicationState {
  SUBMITTED = 'SUBMITTED',
  ASSESSED = 'ASSESSED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  CONTRACTED = 'CONTRACTED',
}
registerEnumType(LoanApplicationState, {
  name: 'LoanApplicationState',
  description: 'Where a loan application stands.',
  valuesConfig: {
    SUBMITTED: { description: 'Submitted, waiting for a fund officer’s assessment.' },
    ASSESSED: { description: 'Scored against the checklist; the loan committee is voting.' },
    APPROVED: { description: 'The committee approved it; a contract may be signed.' },
    REJECTED: { description: 'The committee rejected it.' },
    CONTRACTED: { description: 'A loan contract was signed on its terms.' },
  },
});

/** A committee member's vote. */
export enum CommitteeVoteChoice {
  FOR = 'FOR',
  AGAINST = 'AGAINST',
  ABSTAIN = 'ABSTAIN',
}
registerEnumType(CommitteeVoteChoice, {
  name: 'CommitteeVoteChoice',
  description: 'How a loan committee member voted.',
  valuesConfig: { FOR: { description: 'For approving the loan.' }, AGAINST: { description: 'Against.' }, ABSTAIN: { description: 'Abstained; counts towards the quorum.' } },
});

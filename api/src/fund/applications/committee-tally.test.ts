import 'reflect-metadata';
import { CommitteeMajority } from '../products/loan-product-enums';
import { isAllocationPermutation } from '../products/loan-product.service';
import { hoursToMinutes, minutesToHours } from '../advisory/advisory-case.entity';
import { CommitteeVoteChoice } from './loan-application-enums';
import { addMonths, tallyVotes, weightedScoreBp } from './committee-tally';

const { FOR: F, AGAINST: A, ABSTAIN: X } = CommitteeVoteChoice;

describe('committee tally', () => {
  it.each([
    [[F, F, A], 3, CommitteeMajority.SIMPLE, true],
    [[F, A, X, X], 3, CommitteeMajority.SIMPLE, false], // a tie rejects
    [[F, X, X], 3, CommitteeMajority.SIMPLE, true], // abstentions do not count against under a simple majority
    [[F, X, X], 3, CommitteeMajority.ABSOLUTE, false], // …but do under an absolute one
    [[F, F, X], 3, CommitteeMajority.ABSOLUTE, true],
    [[F, F, A], 3, CommitteeMajority.TWO_THIRDS, true],
    [[F, F, A, X], 3, CommitteeMajority.TWO_THIRDS, false],
    [[F, F], 3, CommitteeMajority.SIMPLE, false], // no quorum
  ])('%j with quorum %i under %s approves: %s', (votes, quorum, majority, approved) => {
    const tally = tallyVotes(votes, quorum, majority);
    expect(tally.approved).toBe(approved);
    expect(tally.quorate).toBe(votes.length >= quorum);
  });
});

describe('scores, hours, months, allocation order', () => {
  it('weights points and rounds half-up to a basis point', () => {
    expect(weightedScoreBp([{ weight: 2, points: 1, maxPoints: 3 }])).toBe(3333);
    expect(weightedScoreBp([{ weight: 1, points: 2, maxPoints: 3 }])).toBe(6667);
  });

  it('reads quarter-hours exactly and refuses anything else', () => {
    expect(['0.25', '1.5', '1.75', '2', '24', '0.5'].map(hoursToMinutes)).toEqual([15, 90, 105, 120, 1440, 30]);
    expect(['0', '1.3', '1.333', '-1', '24.25', 'abc', '1,5'].map(hoursToMinutes)).toEqual([null, null, null, null, null, null, null]);
    expect([15, 105, 1440, 0].map(minutesToHours)).toEqual(['0.25', '1.75', '24.00', '0.00']);
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-06-01', 12)).toBe('2027-06-01');
    expect(addMonths('2027-12-15', 3)).toBe('2028-03-15');
  });

  it('accepts only permutations of the four repayment components', () => {
    expect(isAllocationPermutation(['PRINCIPAL', 'INTEREST', 'FEE', 'PENALTY'])).toBe(true);
    expect(isAllocationPermutation(['PRINCIPAL', 'INTEREST', 'FEE', 'FEE'])).toBe(false);
    expect(isAllocationPermutation(['PRINCIPAL', 'INTEREST', 'FEE'])).toBe(false);
    expect(isAllocationPermutation(['PRINCIPAL', 'INTEREST', 'FEE', 'PENALTY', 'TAX'])).toBe(false);
  });
});

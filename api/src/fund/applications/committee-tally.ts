import { CommitteeMajority } from '../products/loan-product-enums';
import { CommitteeVoteChoice } from './loan-application-enums';

export interface Tally {
  for: number;
  against: number;
  abstain: number;
  cast: number;
  quorate: boolean;
  approved: boolean;
}

/**
 * The committee's decision from its votes. Quorum: at least `quorum` votes cast, abstentions
 * included. SIMPLE: more for than against. ABSOLUTE: more than half of the votes cast are for.
 * TWO_THIRDS: at least two thirds of the votes cast are for. A tie is a rejection.
 */
export function tallyVotes(choices: readonly CommitteeVoteChoice[], quorum: number, majority: CommitteeMajority): Tally {
  const count = (c: CommitteeVoteChoice) => choices.filter((x) => x === c).length;
  const t = { for: count(CommitteeVoteChoice.FOR), against: count(CommitteeVoteChoice.AGAINST), abstain: count(CommitteeVoteChoice.ABSTAIN), cast: choices.length };
  const quorate = t.cast >= quorum;
  const approved =
    quorate &&
    (majority === CommitteeMajority.SIMPLE ? t.for > t.against : majority === CommitteeMajority.ABSOLUTE ? 2 * t.for > t.cast : 3 * t.for >= 2 * t.cast);
  return { ...t, quorate, approved };
}

/** Weighted score in basis points of the maximum, rounded half-up: Σ weight·points / Σ weight·max. */
export function weightedScoreBp(scores: readonly { weight: number; points: number; maxPoints: number }[]): number {
  const got = scores.reduce((s, x) => s + x.weight * x.points, 0);
  const best = scores.reduce((s, x) => s + x.weight * x.maxPoints, 0);
  return best === 0 ? 0 : Math.floor((got * 10000 * 2 + best) / (2 * best));
}

/** A calendar date `months` later, the day clamped to the month's length (2026-01-31 + 1 → 2026-02-28). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

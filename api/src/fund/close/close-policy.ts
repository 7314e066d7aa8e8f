import { ArrearsBucket, BUCKET_FLOORS, DEFAULT_PROVISIONING, type ProvisioningPolicy } from '../loans/loan-math';

export interface CloseOptions {
  /** Provision rates per arrears bucket (basis points of outstanding principal). */
  provisioning?: ProvisioningPolicy;
  /** Called after each step and date, e.g. to print progress. */
  onProgress?: (progress: CloseProgress) => void;
}

export interface CloseProgress {
  businessDate: string;
  step: 'BILLING' | 'ACCRUAL' | 'POSTING' | 'GUARANTEES' | 'DONE' | 'SKIPPED';
  /** Loans touched by the step (or by the whole date, for DONE). */
  loans: number;
  elapsedMs: number;
}

/** What one business date's close did (also stored in close_of_business_run). */
export interface CloseResult {
  businessDate: string;
  path: 'SET_BASED' | 'PER_LOAN';
  /** False when the date had already been closed: nothing was done. */
  ran: boolean;
  loansProcessed: number;
  instalmentsBilled: number;
  interestAccruedMinor: bigint;
  penaltyAccruedMinor: bigint;
  provisionChangeMinor: bigint;
}

/** SQL CASE giving the provision rate (bp) of a days-past-due expression, from a policy. */
export function provisionRateSql(dpd: string, policy: ProvisioningPolicy = DEFAULT_PROVISIONING): string {
  const floors = [...BUCKET_FLOORS].reverse();
  const arms = floors.map(([bucket, floor]: [ArrearsBucket, number]) => `when ${dpd} >= ${floor} then ${Math.trunc(policy[bucket])}`).join(' ');
  return `(case ${arms} else 0 end)`;
}

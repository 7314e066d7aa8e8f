/** Plain records the guarantee service returns; bigint amounts in grosze, dates as YYYY-MM-DD. */

export type GuaranteeStatus = 'ACTIVE' | 'CALLED' | 'PAID_OUT' | 'EXPIRED' | 'CANCELLED';
export type GuaranteeEventKind = 'ISSUE' | 'EXPOSURE_REPORT' | 'CALL' | 'PAYOUT' | 'RECOVERY' | 'REVERSAL' | 'EXPIRY';

export interface PartnerLenderRecord { id: string; name: string; nip: string | null; krs: string | null }
export interface GuaranteeFundRecord {
  id: string;
  name: string;
  capitalMinor: bigint;
  multiplierBp: number;
  paidOutMinor: bigint;
  recoveredMinor: bigint;
  /** Sum of the current exposure of the fund's guarantees. */
  exposureMinor: bigint;
}
export interface GuaranteeProductRecord { id: string; fundId: string; name: string; coverageBp: number; capMinor: bigint; feeBp: number; maxTermMonths: number }
export interface GuaranteeRecord {
  id: string;
  fundId: string;
  productId: string;
  partnerLenderId: string;
  /** The borrower as a client of the Fund, when it is one: gives the guarantee a territory in the public statistics. */
  borrowerClientId: string | null;
  borrowerName: string;
  partnerLoanReference: string;
  loanPrincipalMinor: bigint;
  termMonths: number;
  issuedOn: string;
  expiresOn: string;
  coverageBp: number;
  capMinor: bigint;
  feeMinor: bigint;
  reportedOutstandingMinor: bigint;
  reportedOn: string;
  exposureMinor: bigint;
  status: GuaranteeStatus;
  calledMinor: bigint;
  paidMinor: bigint;
  recoveredMinor: bigint;
}
export interface GuaranteeEventRecord {
  id: string;
  guaranteeId: string;
  kind: GuaranteeEventKind;
  businessDate: string;
  amountMinor: bigint | null;
  outstandingMinor: bigint | null;
  exposureMinor: bigint;
  entryId: string | null;
  reversesEventId: string | null;
  reversedById: string | null;
  createdAt: Date;
}

/** Columns of fund_guarantee with dates as text, so the driver never shifts them through a time zone. */
export const GUARANTEE_COLUMNS = `id, fund_id, product_id, partner_lender_id, borrower_client_id, borrower_name, partner_loan_reference, loan_principal_minor, term_months,
  to_char(issued_on, 'YYYY-MM-DD') as issued_on, to_char(expires_on, 'YYYY-MM-DD') as expires_on, coverage_bp, cap_minor, fee_minor,
  reported_outstanding_minor, to_char(reported_on, 'YYYY-MM-DD') as reported_on, exposure_minor, status, called_minor, paid_minor, recovered_minor`;

type Row = Record<string, unknown>;
const big = (v: unknown): bigint => BigInt(v as string);
const bigOrNull = (v: unknown): bigint | null => (v == null ? null : BigInt(v as string));

export const toPartner = (r: Row): PartnerLenderRecord => ({ id: r.id as string, name: r.name as string, nip: (r.nip as string) ?? null, krs: (r.krs as string) ?? null });

export const toFund = (r: Row): GuaranteeFundRecord => ({
  id: r.id as string,
  name: r.name as string,
  capitalMinor: big(r.capital_minor),
  multiplierBp: Number(r.multiplier_bp),
  paidOutMinor: big(r.paid_out_minor),
  recoveredMinor: big(r.recovered_minor),
  exposureMinor: big(r.exposure_minor ?? 0),
});

export const toProduct = (r: Row): GuaranteeProductRecord => ({
  id: r.id as string,
  fundId: r.fund_id as string,
  name: r.name as string,
  coverageBp: Number(r.coverage_bp),
  capMinor: big(r.cap_minor),
  feeBp: Number(r.fee_bp),
  maxTermMonths: Number(r.max_term_months),
});

export const toGuarantee = (r: Row): GuaranteeRecord => ({
  id: r.id as string,
  fundId: r.fund_id as string,
  productId: r.product_id as string,
  partnerLenderId: r.partner_lender_id as string,
  borrowerClientId: (r.borrower_client_id as string) ?? null,
  borrowerName: r.borrower_name as string,
  partnerLoanReference: r.partner_loan_reference as string,
  loanPrincipalMinor: big(r.loan_principal_minor),
  termMonths: Number(r.term_months),
  issuedOn: r.issued_on as string,
  expiresOn: r.expires_on as string,
  coverageBp: Number(r.coverage_bp),
  capMinor: big(r.cap_minor),
  feeMinor: big(r.fee_minor),
  reportedOutstandingMinor: big(r.reported_outstanding_minor),
  reportedOn: r.reported_on as string,
  exposureMinor: big(r.exposure_minor),
  status: r.status as GuaranteeStatus,
  calledMinor: big(r.called_minor),
  paidMinor: big(r.paid_minor),
  recoveredMinor: big(r.recovered_minor),
});

export const toEvent = (r: Row): GuaranteeEventRecord => ({
  id: r.id as string,
  guaranteeId: r.guarantee_id as string,
  kind: r.kind as GuaranteeEventKind,
  businessDate: r.business_date as string,
  amountMinor: bigOrNull(r.amount_minor),
  outstandingMinor: bigOrNull(r.outstanding_minor),
  exposureMinor: big(r.exposure_minor),
  entryId: (r.entry_id as string) ?? null,
  reversesEventId: (r.reverses_event_id as string) ?? null,
  reversedById: (r.reversed_by_id as string) ?? null,
  createdAt: r.created_at as Date,
});

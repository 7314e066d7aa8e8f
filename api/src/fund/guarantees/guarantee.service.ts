import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate, type CalendarDate } from '../../shared/dates';
import { normaliseKrs, normaliseNip } from '../../shared/ids';
import { BooksService, FundAccount } from '../books';
import { sqlRows, UUID } from '../books/books-sql';
import { GuaranteeError, GuaranteeErrorCode as Code, guaranteeMessages as msg } from './guarantee-errors';
import { exposureFor, exposureLimit, feeFor } from './guarantee-rules';
import {
  GUARANTEE_COLUMNS,
  toEvent,
  toFund,
  toGuarantee,
  toPartner,
  toProduct,
  type GuaranteeEventRecord,
  type GuaranteeFundRecord,
  type GuaranteeProductRecord,
  type GuaranteeRecord,
  type PartnerLenderRecord,
} from './guarantee-records';

export interface FundCreateCommand { name: string; capitalMinor: bigint; multiplierBp: number; businessDate: CalendarDate; createdById?: string | null }
export interface ProductCreateCommand { fundId: string; name: string; coverageBp: number; capMinor: bigint; feeBp: number; maxTermMonths: number }
export interface PartnerCreateCommand { name: string; nip?: string | null; krs?: string | null }
export interface IssueCommand {
  productId: string;
  partnerLenderId: string;
  /**
   * The borrower as the partner names it. May be left out when `borrowerClientId` is given (the
   * client's name is used); required otherwise.
   */
  borrowerName?: string | null;
  /**
   * The borrower as a client of the Fund (registry entity or founding group), when it is one. Only
   * such guarantees are placed on the map in the public statistics; the others count in Poland's
   * total alone (see portfolio/portfolio-facts.ts).
   */
  borrowerClientId?: string | null;
  partnerLoanReference: string;
  loanPrincipalMinor: bigint;
  termMonths: number;
  issuedOn: CalendarDate;
  createdById?: string | null;
}
export interface GuaranteeFilter { fundId?: string | null; partnerLenderId?: string | null; status?: string | null }

const fail = (code: Code, messages: { pl: string; en: string }, field: string[] = []) => new GuaranteeError(code, messages, field);

/**
 * The guarantee fund's rules. Every command runs in the caller's transaction and locks, in this
 * order, the fund row, then the guarantee row, then (through the books) the cached balances — so
 * two issues against one fund are decided one after the other and cannot both slip under the limit.
 */
export class GuaranteeService {
  private readonly books: BooksService;

  constructor(private readonly em: EntityManager) {
    this.books = new BooksService(em);
  }

  async createPartner(cmd: PartnerCreateCommand): Promise<PartnerLenderRecord> {
    const name = cmd.name?.trim();
    if (!name || name.length > 300) throw fail(Code.INVALID_INPUT, msg.input('name'), ['name']);
    const nip = cmd.nip ? normaliseNip(cmd.nip) : null;
    if (cmd.nip && !nip) throw fail(Code.INVALID_NIP, msg.nip(cmd.nip), ['nip']);
    const krs = cmd.krs ? normaliseKrs(cmd.krs) : null;
    if (cmd.krs && !krs) throw fail(Code.INVALID_KRS, msg.krs(cmd.krs), ['krs']);
    if (!nip && !krs) throw fail(Code.PARTNER_IDENTIFIER_REQUIRED, msg.partnerId(), ['nip']);
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `insert into fund_partner_lender (id, name, nip, krs) values (?, ?, ?, ?) on conflict (nip) do nothing returning *`,
      [randomUUID(), name, nip, krs],
    );
    if (!rows[0]) throw fail(Code.DUPLICATE_PARTNER, msg.duplicatePartner(), ['nip']);
    return toPartner(rows[0]);
  }

  /** A new guarantee fund; its capital is booked as paid into the guarantee fund's bank account. */
  async createFund(cmd: FundCreateCommand): Promise<GuaranteeFundRecord> {
    const name = cmd.name?.trim();
    if (!name || name.length > 300) throw fail(Code.INVALID_INPUT, msg.input('name'), ['name']);
    if (cmd.capitalMinor <= 0n) throw fail(Code.INVALID_AMOUNT, msg.amount(String(cmd.capitalMinor)), ['capital']);
    if (!Number.isInteger(cmd.multiplierBp) || cmd.multiplierBp < 1 || cmd.multiplierBp > 1_000_000) throw fail(Code.INVALID_INPUT, msg.input('multiplier'), ['multiplier']);
    this.checkDate(cmd.businessDate, 'businessDate');
    const id = randomUUID();
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `insert into fund_guarantee_fund (id, name, capital_minor, multiplier_bp) values (?, ?, ?, ?) returning *, 0::bigint as exposure_minor`,
      [id, name, cmd.capitalMinor.toString(), cmd.multiplierBp],
    );
    await this.books.post({
      businessDate: cmd.businessDate,
      kind: 'GUARANTEE_FUND_CAPITAL',
      memo: `Kapitał funduszu poręczeniowego: ${name}`,
      sourceId: id,
      createdById: cmd.createdById ?? null,
      postings: [
        { account: FundAccount.GUARANTEE_CASH, side: 'DEBIT', amountMinor: cmd.capitalMinor },
        { account: FundAccount.GUARANTEE_FUND_CAPITAL, side: 'CREDIT', amountMinor: cmd.capitalMinor },
      ],
    });
    return toFund(rows[0]);
  }

  async createProduct(cmd: ProductCreateCommand): Promise<GuaranteeProductRecord> {
    const name = cmd.name?.trim();
    if (!name || name.length > 300) throw fail(Code.INVALID_INPUT, msg.input('name'), ['name']);
    if (!Number.isInteger(cmd.coverageBp) || cmd.coverageBp < 1 || cmd.coverageBp > 10_000) throw fail(Code.INVALID_INPUT, msg.input('coveragePercent'), ['coveragePercent']);
    if (!Number.isInteger(cmd.feeBp) || cmd.feeBp < 0 || cmd.feeBp > 10_000) throw fail(Code.INVALID_INPUT, msg.input('feePercent'), ['feePercent']);
    if (!Number.isInteger(cmd.maxTermMonths) || cmd.maxTermMonths < 1 || cmd.maxTermMonths > 600) throw fail(Code.INVALID_INPUT, msg.input('maxTermMonths'), ['maxTermMonths']);
    if (cmd.capMinor <= 0n) throw fail(Code.INVALID_AMOUNT, msg.amount(String(cmd.capMinor)), ['cap']);
    await this.fund(cmd.fundId);
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `insert into fund_guarantee_product (id, fund_id, name, coverage_bp, cap_minor, fee_bp, max_term_months) values (?, ?, ?, ?, ?, ?, ?) returning *`,
      [randomUUID(), cmd.fundId, name, cmd.coverageBp, cmd.capMinor.toString(), cmd.feeBp, cmd.maxTermMonths],
    );
    return toProduct(rows[0]);
  }

  /**
   * Issues a guarantee on a partner's loan: exposure = min(coverage × principal, cap), refused with
   * EXPOSURE_LIMIT_EXCEEDED when the fund's exposure would pass multiplier × capital. The fee
   * (fee rate × guaranteed amount) is booked as paid by the partner into the guarantee fund's account.
   */
  async issue(cmd: IssueCommand): Promise<GuaranteeRecord> {
    this.checkDate(cmd.issuedOn, 'issuedOn');
    const client = cmd.borrowerClientId != null ? await this.borrowerClient(cmd.borrowerClientId) : null;
    const borrowerName = cmd.borrowerName?.trim() || client?.name;
    const reference = cmd.partnerLoanReference?.trim();
    if (!borrowerName || borrowerName.length > 300) throw fail(Code.INVALID_INPUT, msg.input('borrowerName'), ['borrowerName']);
    if (!reference || reference.length > 100) throw fail(Code.INVALID_INPUT, msg.input('partnerLoanReference'), ['partnerLoanReference']);
    if (cmd.loanPrincipalMinor <= 0n) throw fail(Code.INVALID_AMOUNT, msg.amount(String(cmd.loanPrincipalMinor)), ['loanPrincipal']);
    if (!Number.isInteger(cmd.termMonths) || cmd.termMonths < 1) throw fail(Code.INVALID_INPUT, msg.input('termMonths'), ['termMonths']);
    const product = await this.product(cmd.productId);
    if (cmd.termMonths > product.maxTermMonths) throw fail(Code.TERM_TOO_LONG, msg.term(product.maxTermMonths), ['termMonths']);
    await this.partner(cmd.partnerLenderId);

    const fund = await this.lockFund(product.fundId);
    const exposure = exposureFor(product.coverageBp, cmd.loanPrincipalMinor, product.capMinor);
    const limit = exposureLimit(fund.capitalMinor, fund.multiplierBp);
    if (fund.exposureMinor + exposure > limit) throw fail(Code.EXPOSURE_LIMIT_EXCEEDED, msg.limit(fund.exposureMinor + exposure, limit), ['loanPrincipal']);
    const fee = feeFor(product.feeBp, exposure);

    const id = randomUUID();
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `insert into fund_guarantee (id, fund_id, product_id, partner_lender_id, borrower_client_id, borrower_name, partner_loan_reference, loan_principal_minor, term_months,
              issued_on, expires_on, coverage_bp, cap_minor, fee_minor, reported_outstanding_minor, reported_on, exposure_minor, status, created_by_id)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::date, (?::date + make_interval(months => ?))::date, ?, ?, ?, ?, ?::date, ?, 'ACTIVE', ?)
       on conflict (partner_lender_id, partner_loan_reference) do nothing
       returning ${GUARANTEE_COLUMNS}`,
      [
        id, fund.id, product.id, cmd.partnerLenderId, client?.id ?? null, borrowerName, reference, cmd.loanPrincipalMinor.toString(), cmd.termMonths,
        cmd.issuedOn, cmd.issuedOn, cmd.termMonths, product.coverageBp, product.capMinor.toString(), fee.toString(),
        cmd.loanPrincipalMinor.toString(), cmd.issuedOn, exposure.toString(), cmd.createdById ?? null,
      ],
    );
    if (!rows[0]) throw fail(Code.DUPLICATE_PARTNER_LOAN, msg.duplicateLoan(), ['partnerLoanReference']);
    const entry =
      fee > 0n
        ? await this.books.post({
            businessDate: cmd.issuedOn,
            kind: 'GUARANTEE_FEE',
            memo: `Opłata za poręczenie ${reference}`,
            sourceId: id,
            createdById: cmd.createdById ?? null,
            postings: [
              { account: FundAccount.GUARANTEE_CASH, side: 'DEBIT', amountMinor: fee, guaranteeId: id },
              { account: FundAccount.GUARANTEE_FEE_INCOME, side: 'CREDIT', amountMinor: fee, guaranteeId: id },
            ],
          })
        : null;
    await this.recordEvent(id, 'ISSUE', cmd.issuedOn, { amount: fee, outstanding: cmd.loanPrincipalMinor, exposure, entryId: entry?.id, createdById: cmd.createdById });
    return toGuarantee(rows[0]);
  }

  /** The partner reports the secured loan's outstanding balance; exposure follows (a rise must fit the limit). */
  async reportExposure(guaranteeId: string, businessDate: CalendarDate, outstandingMinor: bigint, createdById?: string | null): Promise<GuaranteeRecord> {
    this.checkDate(businessDate, 'businessDate');
    if (outstandingMinor < 0n) throw fail(Code.INVALID_AMOUNT, msg.amount(String(outstandingMinor)), ['outstanding']);
    const { fund, guarantee } = await this.lockGuarantee(guaranteeId);
    if (guarantee.status !== 'ACTIVE') throw fail(Code.NOT_ACTIVE, msg.status(guarantee.status, 'ACTIVE'), ['guaranteeId']);
    await this.checkAfterLastEvent(guarantee.id, businessDate);
    if (outstandingMinor > guarantee.loanPrincipalMinor) throw fail(Code.OUTSTANDING_ABOVE_PRINCIPAL, msg.outstandingAbove(), ['outstanding']);
    const exposure = exposureFor(guarantee.coverageBp, outstandingMinor, guarantee.capMinor);
    const limit = exposureLimit(fund.capitalMinor, fund.multiplierBp);
    const total = fund.exposureMinor - guarantee.exposureMinor + exposure;
    if (exposure > guarantee.exposureMinor && total > limit) throw fail(Code.EXPOSURE_LIMIT_EXCEEDED, msg.limit(total, limit), ['outstanding']);
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `update fund_guarantee set reported_outstanding_minor = ?, reported_on = ?::date, exposure_minor = ? where id = ? returning ${GUARANTEE_COLUMNS}`,
      [outstandingMinor.toString(), businessDate, exposure.toString(), guarantee.id],
    );
    await this.recordEvent(guarantee.id, 'EXPOSURE_REPORT', businessDate, { outstanding: outstandingMinor, exposure, createdById });
    return toGuarantee(rows[0]);
  }

  /** The partner calls the guarantee: the fund owes the called amount (a loss and a liability until paid). */
  async call(guaranteeId: string, businessDate: CalendarDate, amountMinor: bigint, createdById?: string | null): Promise<GuaranteeRecord> {
    this.checkDate(businessDate, 'businessDate');
    if (amountMinor <= 0n) throw fail(Code.INVALID_AMOUNT, msg.amount(String(amountMinor)), ['amount']);
    const { guarantee } = await this.lockGuarantee(guaranteeId);
    if (guarantee.status !== 'ACTIVE') throw fail(Code.NOT_ACTIVE, msg.status(guarantee.status, 'ACTIVE'), ['guaranteeId']);
    await this.checkAfterLastEvent(guarantee.id, businessDate);
    if (amountMinor > guarantee.exposureMinor) throw fail(Code.CALL_ABOVE_EXPOSURE, msg.callAbove(guarantee.exposureMinor), ['amount']);
    const entry = await this.books.post({
      businessDate,
      kind: 'GUARANTEE_CALL',
      memo: `Wywołanie poręczenia ${guarantee.partnerLoanReference}`,
      sourceId: guarantee.id,
      createdById: createdById ?? null,
      postings: [
        { account: FundAccount.GUARANTEE_LOSS_EXPENSE, side: 'DEBIT', amountMinor, guaranteeId: guarantee.id },
        { account: FundAccount.GUARANTEE_CALLS_PAYABLE, side: 'CREDIT', amountMinor, guaranteeId: guarantee.id },
      ],
    });
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `update fund_guarantee set status = 'CALLED', called_minor = ?, exposure_minor = ? where id = ? returning ${GUARANTEE_COLUMNS}`,
      [amountMinor.toString(), amountMinor.toString(), guarantee.id],
    );
    await this.recordEvent(guarantee.id, 'CALL', businessDate, { amount: amountMinor, exposure: amountMinor, entryId: entry.id, createdById });
    return toGuarantee(rows[0]);
  }

  /** Pays the called amount out of the guarantee fund's bank account; exposure falls to zero. */
  async payout(guaranteeId: string, businessDate: CalendarDate, createdById?: string | null): Promise<GuaranteeRecord> {
    this.checkDate(businessDate, 'businessDate');
    const { guarantee } = await this.lockGuarantee(guaranteeId);
    if (guarantee.status !== 'CALLED') throw fail(Code.NOT_CALLED, msg.status(guarantee.status, 'CALLED'), ['guaranteeId']);
    await this.checkAfterLastEvent(guarantee.id, businessDate);
    const amountMinor = guarantee.calledMinor;
    const entry = await this.books.post({
      businessDate,
      kind: 'GUARANTEE_PAYOUT',
      memo: `Wypłata z poręczenia ${guarantee.partnerLoanReference}`,
      sourceId: guarantee.id,
      createdById: createdById ?? null,
      postings: [
        { account: FundAccount.GUARANTEE_CALLS_PAYABLE, side: 'DEBIT', amountMinor, guaranteeId: guarantee.id },
        { account: FundAccount.GUARANTEE_CASH, side: 'CREDIT', amountMinor, guaranteeId: guarantee.id },
      ],
    });
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `update fund_guarantee set status = 'PAID_OUT', paid_minor = called_minor, exposure_minor = 0 where id = ? returning ${GUARANTEE_COLUMNS}`,
      [guarantee.id],
    );
    await sqlRows(this.em, 'update fund_guarantee_fund set paid_out_minor = paid_out_minor + ? where id = ?', [amountMinor.toString(), guarantee.fundId]);
    await this.recordEvent(guarantee.id, 'PAYOUT', businessDate, { amount: amountMinor, exposure: 0n, entryId: entry.id, createdById });
    return toGuarantee(rows[0]);
  }

  /** Money recovered from the borrower (recourse) after a payout comes back into the guarantee fund. */
  async recover(guaranteeId: string, businessDate: CalendarDate, amountMinor: bigint, createdById?: string | null): Promise<GuaranteeRecord> {
    this.checkDate(businessDate, 'businessDate');
    if (amountMinor <= 0n) throw fail(Code.INVALID_AMOUNT, msg.amount(String(amountMinor)), ['amount']);
    const { guarantee } = await this.lockGuarantee(guaranteeId);
    if (guarantee.status !== 'PAID_OUT') throw fail(Code.NOT_PAID_OUT, msg.status(guarantee.status, 'PAID_OUT'), ['guaranteeId']);
    await this.checkAfterLastEvent(guarantee.id, businessDate);
    const left = guarantee.paidMinor - guarantee.recoveredMinor;
    if (amountMinor > left) throw fail(Code.RECOVERY_ABOVE_UNRECOVERED, msg.recoveryAbove(left), ['amount']);
    const entry = await this.books.post({
      businessDate,
      kind: 'GUARANTEE_RECOVERY',
      memo: `Odzysk z poręczenia ${guarantee.partnerLoanReference}`,
      sourceId: guarantee.id,
      createdById: createdById ?? null,
      postings: [
        { account: FundAccount.GUARANTEE_CASH, side: 'DEBIT', amountMinor, guaranteeId: guarantee.id },
        { account: FundAccount.RECOVERY_INCOME, side: 'CREDIT', amountMinor, guaranteeId: guarantee.id },
      ],
    });
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `update fund_guarantee set recovered_minor = recovered_minor + ? where id = ? returning ${GUARANTEE_COLUMNS}`,
      [amountMinor.toString(), guarantee.id],
    );
    await sqlRows(this.em, 'update fund_guarantee_fund set recovered_minor = recovered_minor + ? where id = ?', [amountMinor.toString(), guarantee.fundId]);
    await this.recordEvent(guarantee.id, 'RECOVERY', businessDate, { amount: amountMinor, exposure: 0n, entryId: entry.id, createdById });
    return toGuarantee(rows[0]);
  }

  /**
   * Corrects a mistaken event by reversal: a recovery (e.g. the payment bounced), or the issue itself
   * (the guarantee is cancelled, its fee entry reversed) while nothing but balance reports followed.
   */
  async reverseEvent(eventId: string, businessDate: CalendarDate, memo: string, createdById?: string | null): Promise<GuaranteeRecord> {
    this.checkDate(businessDate, 'businessDate');
    if (!UUID.test(eventId)) throw fail(Code.EVENT_NOT_FOUND, msg.notFound('event', eventId), ['eventId']);
    const found = await sqlRows<{ guarantee_id: string }>(this.em, 'select guarantee_id from fund_guarantee_event where id = ?', [eventId]);
    if (!found[0]) throw fail(Code.EVENT_NOT_FOUND, msg.notFound('event', eventId), ['eventId']);
    const { guarantee } = await this.lockGuarantee(found[0].guarantee_id);
    const event = (await this.events([guarantee.id])).find((e) => e.id === eventId)!;
    if (event.reversedById) throw fail(Code.ALREADY_REVERSED, msg.alreadyReversed(), ['eventId']);
    await this.checkAfterLastEvent(guarantee.id, businessDate);
    const later = (await this.events([guarantee.id])).filter((e) => e.createdAt > event.createdAt && e.kind !== 'EXPOSURE_REPORT');
    let rows: Record<string, unknown>[];
    if (event.kind === 'RECOVERY') {
      const amount = event.amountMinor ?? 0n;
      rows = await sqlRows(this.em, `update fund_guarantee set recovered_minor = recovered_minor - ? where id = ? returning ${GUARANTEE_COLUMNS}`, [amount.toString(), guarantee.id]);
      await sqlRows(this.em, 'update fund_guarantee_fund set recovered_minor = recovered_minor - ? where id = ?', [amount.toString(), guarantee.fundId]);
    } else if (event.kind === 'ISSUE' && guarantee.status === 'ACTIVE' && later.length === 0) {
      rows = await sqlRows(this.em, `update fund_guarantee set status = 'CANCELLED', exposure_minor = 0 where id = ? returning ${GUARANTEE_COLUMNS}`, [guarantee.id]);
    } else {
      throw fail(Code.NOT_REVERSIBLE, msg.notReversible(event.kind), ['eventId']);
    }
    const entry = event.entryId ? await this.books.reverse(event.entryId, businessDate, memo, { createdById: createdById ?? null, sourceId: guarantee.id }) : null;
    const updated = toGuarantee(rows[0]);
    await this.recordEvent(guarantee.id, 'REVERSAL', businessDate, { amount: event.amountMinor, exposure: updated.exposureMinor, entryId: entry?.id, reversesEventId: event.id, createdById });
    return updated;
  }

  // ---- reads ----

  async funds(): Promise<GuaranteeFundRecord[]> {
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `select f.*, coalesce((select sum(g.exposure_minor) from fund_guarantee g where g.fund_id = f.id), 0) as exposure_minor from fund_guarantee_fund f order by f.created_at, f.id`,
    );
    return rows.map(toFund);
  }

  async fund(id: string): Promise<GuaranteeFundRecord> {
    if (!UUID.test(id)) throw fail(Code.FUND_NOT_FOUND, msg.notFound('fund', id), ['fundId']);
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `select f.*, coalesce((select sum(g.exposure_minor) from fund_guarantee g where g.fund_id = f.id), 0) as exposure_minor from fund_guarantee_fund f where f.id = ?`,
      [id],
    );
    if (!rows[0]) throw fail(Code.FUND_NOT_FOUND, msg.notFound('fund', id), ['fundId']);
    return toFund(rows[0]);
  }

  async products(fundIds: readonly string[]): Promise<GuaranteeProductRecord[]> {
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `select * from fund_guarantee_product where fund_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[]) order by created_at, id`,
      [JSON.stringify(fundIds.filter((id) => UUID.test(id)))],
    );
    return rows.map(toProduct);
  }

  async partners(ids?: readonly string[]): Promise<PartnerLenderRecord[]> {
    const rows = ids
      ? await sqlRows<Record<string, unknown>>(this.em, `select * from fund_partner_lender where id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[])`, [
          JSON.stringify(ids.filter((id) => UUID.test(id))),
        ])
      : await sqlRows<Record<string, unknown>>(this.em, 'select * from fund_partner_lender order by name, id');
    return rows.map(toPartner);
  }

  async guarantees(filter: GuaranteeFilter, window: { limit: number; offset: number }): Promise<{ rows: GuaranteeRecord[]; total: number }> {
    const where = `where (?::uuid is null or fund_id = ?::uuid) and (?::uuid is null or partner_lender_id = ?::uuid) and (?::text is null or status = ?::text)`;
    const f = [filter.fundId ?? null, filter.fundId ?? null, filter.partnerLenderId ?? null, filter.partnerLenderId ?? null, filter.status ?? null, filter.status ?? null];
    const [rows, count] = await Promise.all([
      sqlRows<Record<string, unknown>>(this.em, `select ${GUARANTEE_COLUMNS} from fund_guarantee ${where} order by issued_on desc, id limit ? offset ?`, [...f, window.limit, window.offset]),
      sqlRows<{ n: string }>(this.em, `select count(*)::text as n from fund_guarantee ${where}`, f),
    ]);
    return { rows: rows.map(toGuarantee), total: Number(count[0].n) };
  }

  async guarantee(id: string): Promise<GuaranteeRecord | null> {
    if (!UUID.test(id)) return null;
    const rows = await sqlRows<Record<string, unknown>>(this.em, `select ${GUARANTEE_COLUMNS} from fund_guarantee where id = ?`, [id]);
    return rows[0] ? toGuarantee(rows[0]) : null;
  }

  async events(guaranteeIds: readonly string[]): Promise<GuaranteeEventRecord[]> {
    const rows = await sqlRows<Record<string, unknown>>(
      this.em,
      `select e.*, to_char(e.business_date, 'YYYY-MM-DD') as business_date, (select r.id from fund_guarantee_event r where r.reverses_event_id = e.id) as reversed_by_id
         from fund_guarantee_event e where e.guarantee_id = any(array(select jsonb_array_elements_text(?::jsonb))::uuid[]) order by e.guarantee_id, e.created_at, e.id`,
      [JSON.stringify(guaranteeIds.filter((id) => UUID.test(id)))],
    );
    return rows.map(toEvent);
  }

  // ---- internals ----

  private checkDate(value: string, field: string): void {
    if (typeof value !== 'string' || !isCalendarDate(value)) throw fail(Code.INVALID_DATE, msg.date(String(value)), [field]);
  }

  private async product(id: string): Promise<GuaranteeProductRecord> {
    if (!UUID.test(id)) throw fail(Code.PRODUCT_NOT_FOUND, msg.notFound('product', id), ['productId']);
    const rows = await sqlRows<Record<string, unknown>>(this.em, 'select * from fund_guarantee_product where id = ?', [id]);
    if (!rows[0]) throw fail(Code.PRODUCT_NOT_FOUND, msg.notFound('product', id), ['productId']);
    return toProduct(rows[0]);
  }

  /** The Fund client named as a guarantee's borrower (its name is the registry entity's or the founding group's). */
  private async borrowerClient(id: string): Promise<{ id: string; name: string }> {
    const rows = UUID.test(id) ? await sqlRows<{ id: string; name: string }>(this.em, 'select id, name from fund_client where id = ?', [id]) : [];
    if (!rows[0]) throw fail(Code.BORROWER_CLIENT_NOT_FOUND, msg.notFound('client', id), ['borrowerClientId']);
    return rows[0];
  }

  private async partner(id: string): Promise<PartnerLenderRecord> {
    const found = UUID.test(id) ? await this.partners([id]) : [];
    if (!found[0]) throw fail(Code.PARTNER_NOT_FOUND, msg.notFound('partner', id), ['partnerLenderId']);
    return found[0];
  }

  /** Locks the fund row (FOR UPDATE), then reads its exposure: under the lock no other command can change it. */
  private async lockFund(fundId: string): Promise<GuaranteeFundRecord> {
    const locked = await sqlRows(this.em, 'select id from fund_guarantee_fund where id = ? for update', [fundId]);
    if (!locked[0]) throw fail(Code.FUND_NOT_FOUND, msg.notFound('fund', fundId), ['fundId']);
    return this.fund(fundId);
  }

  private async lockGuarantee(guaranteeId: string): Promise<{ fund: GuaranteeFundRecord; guarantee: GuaranteeRecord }> {
    const first = await this.guarantee(guaranteeId);
    if (!first) throw fail(Code.GUARANTEE_NOT_FOUND, msg.notFound('guarantee', guaranteeId), ['guaranteeId']);
    const fund = await this.lockFund(first.fundId);
    const rows = await sqlRows<Record<string, unknown>>(this.em, `select ${GUARANTEE_COLUMNS} from fund_guarantee where id = ? for update`, [first.id]);
    return { fund, guarantee: toGuarantee(rows[0]) };
  }

  private async checkAfterLastEvent(guaranteeId: string, businessDate: CalendarDate): Promise<void> {
    const rows = await sqlRows<{ last: string }>(this.em, `select to_char(max(business_date), 'YYYY-MM-DD') as last from fund_guarantee_event where guarantee_id = ?`, [guaranteeId]);
    const last = rows[0]?.last;
    if (last && businessDate < last) throw fail(Code.DATE_BEFORE_LAST_EVENT, msg.dateBefore(last), ['businessDate']);
  }

  private async recordEvent(
    guaranteeId: string,
    kind: GuaranteeEventRecord['kind'],
    businessDate: CalendarDate,
    data: { amount?: bigint | null; outstanding?: bigint | null; exposure: bigint; entryId?: string | null; reversesEventId?: string | null; createdById?: string | null },
  ): Promise<void> {
    await sqlRows(
      this.em,
      `insert into fund_guarantee_event (id, guarantee_id, kind, business_date, amount_minor, outstanding_minor, exposure_minor, entry_id, reverses_event_id, created_by_id, created_at)
       values (?, ?, ?, ?::date, ?, ?, ?, ?, ?, ?, clock_timestamp())`,
      [
        randomUUID(), guaranteeId, kind, businessDate, data.amount?.toString() ?? null, data.outstanding?.toString() ?? null, data.exposure.toString(),
        data.entryId ?? null, data.reversesEventId ?? null, data.createdById ?? null,
      ],
    );
  }
}

/**
 * The daily close's part of the guarantee fund, set-based: guarantees past their expiry date stop
 * covering anything (status EXPIRED, exposure 0, an EXPIRY event each); every active guarantee's
 * exposure is recomputed from its last reported balance. Runs in the caller's transaction; call it
 * before posting the close's entries (lock order: guarantees before cached balances).
 */
export async function refreshGuaranteeExposure(em: EntityManager, businessDate: CalendarDate): Promise<{ expired: number; recomputed: number }> {
  if (!isCalendarDate(businessDate)) throw fail(Code.INVALID_DATE, msg.date(businessDate), ['businessDate']);
  const expired = await sqlRows<{ n: string }>(
    em,
    `with expired as (
       update fund_guarantee set status = 'EXPIRED', exposure_minor = 0
        where status = 'ACTIVE' and expires_on <= ?::date
       returning id),
     events as (
       insert into fund_guarantee_event (id, guarantee_id, kind, business_date, exposure_minor)
       select gen_random_uuid(), id, 'EXPIRY', ?::date, 0 from expired
       returning 1)
     select count(*)::text as n from events`,
    [businessDate, businessDate],
  );
  const recomputed = await sqlRows<{ n: string }>(
    em,
    `with changed as (
       update fund_guarantee set exposure_minor = least(cap_minor, round(coverage_bp::numeric * reported_outstanding_minor / 10000)::bigint)
        where status = 'ACTIVE' and exposure_minor <> least(cap_minor, round(coverage_bp::numeric * reported_outstanding_minor / 10000)::bigint)
       returning 1)
     select count(*)::text as n from changed`,
  );
  return { expired: Number(expired[0].n), recomputed: Number(recomputed[0].n) };
}

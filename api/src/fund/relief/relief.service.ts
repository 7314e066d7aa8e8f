import { createHash } from 'node:crypto';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isCalendarDate } from '../../shared/dates';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { LoanStatus } from '../loans';
import { ReliefCampaign, ReliefCampaignEvent, ReliefCampaignLoan } from './relief-campaign.entity';
import { applyReliefToLoan } from './relief-effect';
import { ReliefCampaignError, ReliefCampaignErrorCode as Code } from './relief-messages';
import { selectTargets, unknownTerritories, type TargetedLoan } from './relief-targets';
import { ReliefCampaignKind, ReliefCampaignStatus, totalEffect, type HolidayKind, type LoanReliefEffect, type ReliefEffect, type ReliefParameters, type ReliefTarget, type SkippedLoan } from './relief-types';

export interface ReliefCampaignCreateCommand {
  name: string;
  kind: ReliefCampaignKind;
  businessDate: string;
  parameters: Partial<ReliefParameters>;
  target: Partial<ReliefTarget>;
}

/** Thrown inside the preview's savepoint so that everything the dry run changed is rolled back. */
class DryRun extends Error {
  constructor(readonly effect: ReliefEffect) {
    super('dry run');
  }
}

const LOAN_STATUSES = new Set<string>(Object.values(LoanStatus));
const HOLIDAY_KINDS = new Set<HolidayKind>(['INTEREST_ONLY', 'DEFERRAL_CAPITALISED']);
const isInt = (n: unknown, min: number, max: number): n is number => typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

/** Key order does not survive jsonb, so figures are compared as canonical JSON (keys sorted). */
const canonical = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canonical).join(',')}]`
  : v !== null && typeof v === 'object' ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(',')}}`
  : JSON.stringify(v);

/** The figures a preview and an application must agree on (the fingerprint is compared separately). */
const figuresOf = (e: ReliefEffect) => canonical({ loans: e.loans, skipped: e.skipped, totals: e.totals });

/**
 * Relief campaigns: create, preview (a dry run through the loan lifecycle, rolled back), apply
 * (the same run, committed, once, against an unchanged portfolio). Each command is one transaction.
 */
export class ReliefCampaignService {
  private readonly locale: Locale;
  private readonly actorId: string | null;

  constructor(
    private readonly em: EntityManager,
    options: { locale?: Locale; actorId?: string | null } = {},
  ) {
    this.locale = options.locale ?? DEFAULT_LOCALE;
    this.actorId = options.actorId ?? null;
  }

  async create(cmd: ReliefCampaignCreateCommand): Promise<ReliefCampaign> {
    const name = (cmd.name ?? '').trim();
    if (!name || name.length > 300) throw this.error(Code.INVALID_NAME, ['name']);
    if (typeof cmd.businessDate !== 'string' || !isCalendarDate(cmd.businessDate)) throw this.error(Code.INVALID_DATE, ['businessDate']);
    const parameters = this.checkParameters(cmd.kind, cmd.parameters ?? {});
    const target: ReliefTarget = {
      territoryCodes: [...new Set(cmd.target?.territoryCodes ?? [])],
      legalForms: [...new Set(cmd.target?.legalForms ?? [])],
      productIds: [...new Set(cmd.target?.productIds ?? [])],
      loanStatuses: [...new Set(cmd.target?.loanStatuses?.length ? cmd.target.loanStatuses : [LoanStatus.ACTIVE])],
      maxDaysPastDue: cmd.target?.maxDaysPastDue ?? null,
    };
    if (target.loanStatuses.some((s) => !LOAN_STATUSES.has(s))) throw this.error(Code.INVALID_TARGET, ['target', 'loanStatuses']);
    if (target.maxDaysPastDue !== null && !isInt(target.maxDaysPastDue, 0, 100_000)) throw this.error(Code.INVALID_TARGET, ['target', 'maxDaysPastDue']);
    return this.em.transactional(async (tx) => {
      const unknown = await unknownTerritories(tx as EntityManager, target.territoryCodes);
      if (unknown.length) throw this.error(Code.INVALID_TARGET, ['target', 'territoryCodes'], unknown.slice(0, 5).join(', '));
      const campaign = tx.create(ReliefCampaign, { name, kind: cmd.kind, businessDate: cmd.businessDate, parameters, target, createdById: this.actorId } as ReliefCampaign);
      tx.persist(Object.assign(new ReliefCampaignEvent(), { campaignId: campaign.id, kind: 'CREATED', actorId: this.actorId, details: { parameters, target } }));
      await tx.flush();
      return campaign;
    });
  }

  /**
   * Works out the campaign's effect by running it through the loan lifecycle inside a savepoint
   * that is then rolled back, and stores the figures with the fingerprint of every targeted loan.
   */
  async preview(campaignId: string): Promise<ReliefCampaign> {
    return this.em.transactional(async (outer) => {
      const tx = outer as EntityManager;
      const campaign = await this.lockCampaign(tx, campaignId);
      if (campaign.status === ReliefCampaignStatus.APPLIED) throw this.error(Code.ALREADY_APPLIED);
      let effect: ReliefEffect | null = null;
      try {
        await tx.transactional(async (inner) => {
          const targets = await selectTargets(inner as EntityManager, campaign.kind, campaign.target, false);
          const run = await this.run(inner as EntityManager, campaign, targets);
          throw new DryRun(run.effect);
        });
      } catch (error) {
        if (!(error instanceof DryRun)) throw error;
        effect = error.effect;
      }
      Object.assign(campaign, { preview: effect, fingerprint: effect!.fingerprint, previewedAt: new Date(), previewedById: this.actorId, status: ReliefCampaignStatus.PREVIEWED });
      tx.persist(Object.assign(new ReliefCampaignEvent(), { campaignId: campaign.id, kind: 'PREVIEWED', actorId: this.actorId, details: { fingerprint: effect!.fingerprint, totals: effect!.totals } }));
      await tx.flush();
      return campaign;
    });
  }

  /**
   * Applies the campaign once. Refused when it was applied already, when it was never previewed, or
   * when any targeted loan (or the set of targeted loans) changed since the preview. Every loan gets
   * its new schedule version and journal entries in this one transaction, or none does.
   */
  async apply(campaignId: string): Promise<ReliefCampaign> {
    return this.em.transactional(async (outer) => {
      const tx = outer as EntityManager;
      const campaign = await this.lockCampaign(tx, campaignId);
      if (campaign.status === ReliefCampaignStatus.APPLIED) throw this.error(Code.ALREADY_APPLIED);
      const preview = campaign.preview;
      if (!preview || !campaign.fingerprint) throw this.error(Code.NOT_PREVIEWED);
      if (!preview.loans.length) throw this.error(Code.NO_LOANS_AFFECTED);
      const targets = await selectTargets(tx, campaign.kind, campaign.target, true);
      const changed = this.changedSince(preview, targets);
      if (changed.length || fingerprintOf(campaign, targets) !== campaign.fingerprint) throw this.error(Code.STALE_PREVIEW, [], changed.slice(0, 5).join(', '));
      const { effect, perLoan } = await this.run(tx, campaign, targets);
      if (figuresOf(effect) !== figuresOf(preview)) throw this.error(Code.PREVIEW_MISMATCH);
      for (const l of perLoan) {
        tx.persist(Object.assign(new ReliefCampaignLoan(), {
          campaignId: campaign.id,
          loanId: l.effect.loanId,
          fingerprint: preview.loanFingerprints[l.effect.loanId],
          scheduleVersionBefore: l.effect.scheduleVersionBefore,
          scheduleVersionAfter: l.effect.scheduleVersionAfter,
          scheduleIdAfter: l.scheduleIdAfter,
          journalEntryIds: l.journalEntryIds,
          figures: l.effect as unknown as Record<string, unknown>,
        }));
      }
      Object.assign(campaign, { applied: effect, appliedAt: new Date(), appliedById: this.actorId, status: ReliefCampaignStatus.APPLIED });
      tx.persist(Object.assign(new ReliefCampaignEvent(), { campaignId: campaign.id, kind: 'APPLIED', actorId: this.actorId, details: { fingerprint: effect.fingerprint, totals: effect.totals } }));
      await tx.flush();
      return campaign;
    });
  }

  async findById(id: string): Promise<ReliefCampaign | null> {
    return this.em.findOne(ReliefCampaign, { id });
  }

  async list(): Promise<ReliefCampaign[]> {
    return this.em.find(ReliefCampaign, {}, { orderBy: { createdAt: 'desc', id: 'asc' } });
  }

  async events(campaignId: string): Promise<ReliefCampaignEvent[]> {
    return this.em.find(ReliefCampaignEvent, { campaignId }, { orderBy: { at: 'asc', id: 'asc' } });
  }

  // ——— helpers ———

  private async run(tx: EntityManager, campaign: ReliefCampaign, targets: TargetedLoan[]) {
    const loans: LoanReliefEffect[] = [];
    const skipped: SkippedLoan[] = [];
    const perLoan: { effect: LoanReliefEffect; journalEntryIds: string[]; scheduleIdAfter: string | null }[] = [];
    for (const target of targets) {
      const result = await applyReliefToLoan(tx, campaign, target, this.locale);
      if ('skipped' in result) skipped.push(result.skipped);
      else {
        loans.push(result.effect);
        perLoan.push(result);
      }
    }
    const effect: ReliefEffect = {
      businessDate: campaign.businessDate,
      fingerprint: fingerprintOf(campaign, targets),
      loanFingerprints: Object.fromEntries(targets.map((t) => [t.id, t.fingerprint])),
      loans,
      skipped,
      totals: totalEffect(loans, skipped),
    };
    return { effect, perLoan };
  }

  private changedSince(preview: ReliefEffect, targets: TargetedLoan[]): string[] {
    const now = new Map(targets.map((t) => [t.id, t.fingerprint]));
    const ids = new Set([...Object.keys(preview.loanFingerprints), ...now.keys()]);
    return [...ids].filter((id) => preview.loanFingerprints[id] !== now.get(id)).sort();
  }

  private async lockCampaign(tx: EntityManager, id: string): Promise<ReliefCampaign> {
    const campaign = await tx.findOne(ReliefCampaign, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!campaign) throw this.error(Code.CAMPAIGN_NOT_FOUND, ['id']);
    return campaign;
  }

  private checkParameters(kind: ReliefCampaignKind, p: Partial<ReliefParameters>): ReliefParameters {
    const bad = (field: string) => this.error(Code.INVALID_PARAMETERS, ['parameters', field]);
    const out: ReliefParameters = { periods: null, holidayKind: null, capitaliseUnpaidInterest: false, annualRateBp: null, extendMonths: null };
    switch (kind) {
      case ReliefCampaignKind.PAYMENT_HOLIDAY:
        if (!isInt(p.periods, 1, 24)) throw bad('periods');
        if (p.holidayKind != null && !HOLIDAY_KINDS.has(p.holidayKind)) throw bad('holidayKind');
        return { ...out, periods: p.periods, holidayKind: p.holidayKind ?? 'INTEREST_ONLY', capitaliseUnpaidInterest: !!p.capitaliseUnpaidInterest };
      case ReliefCampaignKind.RATE_CUT:
        if (!isInt(p.periods, 1, 120)) throw bad('periods');
        if (!isInt(p.annualRateBp, 0, 100_000)) throw bad('annualRateBp');
        return { ...out, periods: p.periods, annualRateBp: p.annualRateBp };
      case ReliefCampaignKind.JOBS_DEADLINE_EXTENSION:
        if (!isInt(p.extendMonths, 1, 60)) throw bad('extendMonths');
        return { ...out, extendMonths: p.extendMonths };
      default:
        throw this.error(Code.INVALID_PARAMETERS, ['kind']);
    }
  }

  private error(code: Code, field: string[] = [], detail?: string): ReliefCampaignError {
    return new ReliefCampaignError(code, this.locale, field, detail || undefined);
  }
}

/** One hash over the campaign's terms and every targeted loan's fingerprint, in id order. */
function fingerprintOf(campaign: ReliefCampaign, targets: TargetedLoan[]): string {
  const h = createHash('sha256');
  h.update(JSON.stringify({ kind: campaign.kind, parameters: campaign.parameters, target: campaign.target, businessDate: campaign.businessDate }));
  for (const t of targets) h.update(`\n${t.id}:${t.fingerprint}`);
  return h.digest('hex');
}

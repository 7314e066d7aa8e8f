import { Arg, Args, Authorized, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access/staff-role';
import { Money, toMoneyObject } from '../../shared/money';
import { ForwardPageArgs, pageWindow, toConnection } from '../../shared/relay';
import { BOOKS_READERS, toUserError } from '../books/books.resolver';
import { FundClient } from '../clients/fund-client.entity';
import { localIdFor } from '../clients/ids';
import { originationLoaders } from '../clients/origination.loaders';
import { exposureLimit } from './guarantee-rules';
import { GuaranteeError, GuaranteeErrorCode, guaranteeMessages } from './guarantee-errors';
import type { GuaranteeFundRecord, GuaranteeProductRecord, GuaranteeRecord, PartnerLenderRecord } from './guarantee-records';
import { GuaranteeService } from './guarantee.service';
import {
  GuaranteeCallInput,
  GuaranteeConnection,
  GuaranteeEventKindEnum,
  GuaranteeEventReverseInput,
  GuaranteeExposureReportInput,
  GuaranteeFilterInput,
  GuaranteeFundCreateInput,
  GuaranteeFundObject,
  GuaranteeFundPayload,
  GuaranteeIssueInput,
  GuaranteeObject,
  GuaranteePayload,
  GuaranteePayoutInput,
  GuaranteeProductCreateInput,
  GuaranteeProductObject,
  GuaranteeRecoveryInput,
  GuaranteeStatusEnum,
  PartnerLenderCreateInput,
  PartnerLenderCreatePayload,
  PartnerLenderObject,
} from './guarantee.graphql';

const pln = (minor: bigint) => toMoneyObject(Money.ofMinor(minor));
/** Basis points as a per-cent decimal: 8000 → "80.00". */
const percent = (bp: number) => Money.ofMinor(bp).toDecimal();

/** Złoty in a Decimal → grosze; a typed refusal (not a GraphQL error) when it has more than two decimals or is not a number. */
function grosze(value: string, field: string): bigint {
  try {
    return Money.parse(value).minor;
  } catch {
    throw new GuaranteeError(GuaranteeErrorCode.INVALID_AMOUNT, guaranteeMessages.amount(value), [field]);
  }
}
/** "80" or "0.5" (per cent, at most two decimals) → basis points. */
const basisPoints = (value: string, field: string): number => {
  try {
    return Number(Money.parse(value).minor);
  } catch {
    throw new GuaranteeError(GuaranteeErrorCode.INVALID_INPUT, guaranteeMessages.input(field), [field]);
  }
};

const toProduct = (p: GuaranteeProductRecord): GuaranteeProductObject =>
  Object.assign(new GuaranteeProductObject(), { id: p.id, fundId: p.fundId, name: p.name, coveragePercent: percent(p.coverageBp), cap: pln(p.capMinor), feePercent: percent(p.feeBp), maxTermMonths: p.maxTermMonths });
const toPartner = (p: PartnerLenderRecord) => Object.assign(new PartnerLenderObject(), p);

async function toFunds(service: GuaranteeService, funds: GuaranteeFundRecord[]): Promise<GuaranteeFundObject[]> {
  const products = await service.products(funds.map((f) => f.id));
  return funds.map((f) => {
    const limit = exposureLimit(f.capitalMinor, f.multiplierBp);
    return Object.assign(new GuaranteeFundObject(), {
      id: f.id,
      name: f.name,
      capital: pln(f.capitalMinor),
      multiplier: percent(f.multiplierBp / 100),
      limit: pln(limit),
      exposure: pln(f.exposureMinor),
      headroom: pln(limit - f.exposureMinor),
      paidOut: pln(f.paidOutMinor),
      recovered: pln(f.recoveredMinor),
      products: products.filter((p) => p.fundId === f.id).map(toProduct),
    });
  });
}

/** Builds the GraphQL view of guarantees with their products, partners and events in three batched reads. */
async function toGuarantees(service: GuaranteeService, rows: GuaranteeRecord[]): Promise<GuaranteeObject[]> {
  const [products, partners, events] = await Promise.all([
    service.products([...new Set(rows.map((g) => g.fundId))]),
    service.partners([...new Set(rows.map((g) => g.partnerLenderId))]),
    service.events(rows.map((g) => g.id)),
  ]);
  return rows.map((g) =>
    Object.assign(new GuaranteeObject(), {
      ...g,
      product: toProduct(products.find((p) => p.id === g.productId)!),
      partnerLender: toPartner(partners.find((p) => p.id === g.partnerLenderId)!),
      loanPrincipal: pln(g.loanPrincipalMinor),
      coveragePercent: percent(g.coverageBp),
      cap: pln(g.capMinor),
      fee: pln(g.feeMinor),
      reportedOutstanding: pln(g.reportedOutstandingMinor),
      exposure: pln(g.exposureMinor),
      status: g.status as GuaranteeStatusEnum,
      called: pln(g.calledMinor),
      paid: pln(g.paidMinor),
      recovered: pln(g.recoveredMinor),
      events: events
        .filter((e) => e.guaranteeId === g.id)
        .map((e) => ({
          ...e,
          kind: e.kind as GuaranteeEventKindEnum,
          amount: e.amountMinor == null ? null : pln(e.amountMinor),
          outstanding: e.outstandingMinor == null ? null : pln(e.outstandingMinor),
          exposure: pln(e.exposureMinor),
        })),
    }),
  );
}

@Resolver()
export class GuaranteeResolver {
  @Authorized(...BOOKS_READERS)
  @Query(() => [GuaranteeFundObject], { description: 'The guarantee funds with their capital, limit, current exposure and products (fund staff only).' })
  async guaranteeFunds(@Ctx() ctx: HubContext): Promise<GuaranteeFundObject[]> {
    const service = new GuaranteeService(ctx.em);
    return toFunds(service, await service.funds());
  }

  @Authorized(...BOOKS_READERS)
  @Query(() => [PartnerLenderObject], { description: 'Partner lenders whose loans the fund guarantees (fund staff only).' })
  async partnerLenders(@Ctx() ctx: HubContext): Promise<PartnerLenderObject[]> {
    return (await new GuaranteeService(ctx.em).partners()).map(toPartner);
  }

  @Authorized(...BOOKS_READERS)
  @Query(() => GuaranteeConnection, { description: 'Guarantees issued by the guarantee funds, most recently issued first (fund staff only).' })
  async guarantees(
    @Ctx() ctx: HubContext,
    @Args(() => ForwardPageArgs) page: ForwardPageArgs,
    @Arg('filter', () => GuaranteeFilterInput, { nullable: true, description: 'Which guarantees to list.' }) filter?: GuaranteeFilterInput | null,
  ) {
    const window = pageWindow(page);
    const service = new GuaranteeService(ctx.em);
    const { rows, total } = await service.guarantees(filter ?? {}, window);
    return toConnection(await toGuarantees(service, rows), total, window);
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => PartnerLenderCreatePayload, { description: 'Adds a partner lender (e.g. a cooperative bank) identified by NIP or KRS (fund officers).' })
  async partnerLenderCreate(@Arg('input', () => PartnerLenderCreateInput) input: PartnerLenderCreateInput, @Ctx() ctx: HubContext): Promise<PartnerLenderCreatePayload> {
    try {
      const partner = await ctx.em.transactional((em) => new GuaranteeService(em).createPartner(input));
      return Object.assign(new PartnerLenderCreatePayload(), { partnerLender: toPartner(partner), errors: [] });
    } catch (e) {
      return Object.assign(new PartnerLenderCreatePayload(), { partnerLender: null, errors: [toUserError(e, ctx)] });
    }
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteeFundPayload, { description: 'Creates a guarantee fund with its capital (booked as paid into the guarantee fund’s bank account) and its multiplier limit (fund officers).' })
  async guaranteeFundCreate(@Arg('input', () => GuaranteeFundCreateInput) input: GuaranteeFundCreateInput, @Ctx() ctx: HubContext): Promise<GuaranteeFundPayload> {
    return this.fundPayload(ctx, async (service) =>
      service.createFund({ name: input.name, capitalMinor: grosze(input.capital, 'capital'), multiplierBp: basisPoints(input.multiplier, 'multiplier') * 100, businessDate: input.businessDate, createdById: ctx.user?.id }),
    );
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteeFundPayload, { description: 'Adds a guarantee product to a fund: coverage, cap, fee and maximum term (fund officers).' })
  async guaranteeProductCreate(@Arg('input', () => GuaranteeProductCreateInput) input: GuaranteeProductCreateInput, @Ctx() ctx: HubContext): Promise<GuaranteeFundPayload> {
    return this.fundPayload(ctx, async (service) => {
      const p = await service.createProduct({
        fundId: input.fundId,
        name: input.name,
        coverageBp: basisPoints(input.coveragePercent, 'coveragePercent'),
        capMinor: grosze(input.cap, 'cap'),
        feeBp: basisPoints(input.feePercent, 'feePercent'),
        maxTermMonths: input.maxTermMonths,
      });
      return service.fund(p.fundId);
    });
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteePayload, { description: 'Issues a guarantee on a partner’s loan, covering the product’s share of the principal up to its cap; refused (EXPOSURE_LIMIT_EXCEEDED) if the fund’s total exposure would pass its limit. The fee is booked as income (fund officers).' })
  async guaranteeIssue(@Arg('input', () => GuaranteeIssueInput) input: GuaranteeIssueInput, @Ctx() ctx: HubContext): Promise<GuaranteePayload> {
    return this.payload(ctx, (s) =>
      s.issue({
        ...input,
        borrowerClientId: input.borrowerClientId != null ? localIdFor(input.borrowerClientId, 'FundClient', ['input', 'borrowerClientId']) : null,
        loanPrincipalMinor: grosze(input.loanPrincipal, 'loanPrincipal'),
        createdById: ctx.user?.id,
      }),
    );
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteePayload, { description: 'Records the partner’s report of the loan’s outstanding balance; the guarantee’s exposure follows it down as the loan is repaid (fund officers).' })
  async guaranteeExposureReport(@Arg('input', () => GuaranteeExposureReportInput) input: GuaranteeExposureReportInput, @Ctx() ctx: HubContext): Promise<GuaranteePayload> {
    return this.payload(ctx, (s) => s.reportExposure(input.guaranteeId, input.businessDate, grosze(input.outstanding, 'outstanding'), ctx.user?.id));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteePayload, { description: 'Records the partner calling the guarantee (at most its current exposure); the amount is booked as a loss and a liability (fund officers).' })
  async guaranteeCall(@Arg('input', () => GuaranteeCallInput) input: GuaranteeCallInput, @Ctx() ctx: HubContext): Promise<GuaranteePayload> {
    return this.payload(ctx, (s) => s.call(input.guaranteeId, input.businessDate, grosze(input.amount, 'amount'), ctx.user?.id));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteePayload, { description: 'Pays a called guarantee out of the guarantee fund’s bank account (fund officers).' })
  async guaranteePayout(@Arg('input', () => GuaranteePayoutInput) input: GuaranteePayoutInput, @Ctx() ctx: HubContext): Promise<GuaranteePayload> {
    return this.payload(ctx, (s) => s.payout(input.guaranteeId, input.businessDate, ctx.user?.id));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteePayload, { description: 'Records money recovered from the borrower after a payout, back into the guarantee fund (fund officers).' })
  async guaranteeRecovery(@Arg('input', () => GuaranteeRecoveryInput) input: GuaranteeRecoveryInput, @Ctx() ctx: HubContext): Promise<GuaranteePayload> {
    return this.payload(ctx, (s) => s.recover(input.guaranteeId, input.businessDate, grosze(input.amount, 'amount'), ctx.user?.id));
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => GuaranteePayload, { description: 'Reverses a mistaken recovery, or cancels a guarantee issued by mistake, by reversing its journal entry (fund officers).' })
  async guaranteeEventReverse(@Arg('input', () => GuaranteeEventReverseInput) input: GuaranteeEventReverseInput, @Ctx() ctx: HubContext): Promise<GuaranteePayload> {
    return this.payload(ctx, (s) => s.reverseEvent(input.eventId, input.businessDate, input.memo, ctx.user?.id));
  }

  private async payload(ctx: HubContext, work: (service: GuaranteeService) => Promise<GuaranteeRecord>): Promise<GuaranteePayload> {
    try {
      const g = await ctx.em.transactional((em) => work(new GuaranteeService(em)));
      const [guarantee] = await toGuarantees(new GuaranteeService(ctx.em), [g]);
      return Object.assign(new GuaranteePayload(), { guarantee, errors: [] });
    } catch (e) {
      return Object.assign(new GuaranteePayload(), { guarantee: null, errors: [toUserError(e, ctx)] });
    }
  }

  private async fundPayload(ctx: HubContext, work: (service: GuaranteeService) => Promise<GuaranteeFundRecord>): Promise<GuaranteeFundPayload> {
    try {
      const f = await ctx.em.transactional((em) => work(new GuaranteeService(em)));
      const service = new GuaranteeService(ctx.em);
      const [fund] = await toFunds(service, [await service.fund(f.id)]);
      return Object.assign(new GuaranteeFundPayload(), { fund, errors: [] });
    } catch (e) {
      return Object.assign(new GuaranteeFundPayload(), { fund: null, errors: [toUserError(e, ctx)] });
    }
  }
}

@Resolver(() => GuaranteeObject)
export class GuaranteeBorrowerResolver {
  @Authorized(...BOOKS_READERS)
  @FieldResolver(() => FundClient, { nullable: true, description: 'The borrower as a client of the Fund, when it is one (fund staff only); null for a partner’s borrower known only by name.' })
  async borrowerClient(@Root() guarantee: GuaranteeObject, @Ctx() ctx: HubContext): Promise<FundClient | null> {
    return guarantee.borrowerClientId ? originationLoaders(ctx).clientById.load(guarantee.borrowerClientId) : null;
  }
}

import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../context';
import { StaffRole } from '../../access';
import { Money } from '../../shared/money';
import { fail } from '../clients/fail';
import { intoPayload } from '../clients/payload';
import { LoanProduct } from './loan-product.entity';
import { LoanProductCreateInput, LoanProductCreatePayload } from './loan-product.graphql';
import { LoanProductErrorCode, loanProductMessages } from './loan-product-messages';
import { LoanProductService } from './loan-product.service';

@Resolver(() => LoanProduct)
export class LoanProductResolver {
  @Authorized(StaffRole.FUND_OFFICER, StaffRole.ADVISOR, StaffRole.COMMITTEE_MEMBER, StaffRole.ANALYST)
  @Query(() => [LoanProduct], { description: 'The fund’s loan products, by code (fund staff and analysts).' })
  async loanProducts(@Arg('activeOnly', () => Boolean, { nullable: true, defaultValue: false, description: 'Only products that take new applications.' }) activeOnly: boolean, @Ctx() ctx: HubContext): Promise<LoanProduct[]> {
    return new LoanProductService(ctx.em, ctx.locale).list(activeOnly);
  }

  @Authorized(StaffRole.FUND_OFFICER)
  @Mutation(() => LoanProductCreatePayload, { description: 'Configures a new loan product (fund officers).' })
  async loanProductCreate(@Arg('input', () => LoanProductCreateInput) input: LoanProductCreateInput, @Ctx() ctx: HubContext): Promise<LoanProductCreatePayload> {
    return intoPayload(new LoanProductCreatePayload(), 'product', async () => {
      const amount = (text: string, field: string) => {
        try {
          return Money.parse(text).minor;
        } catch {
          throw fail(loanProductMessages, LoanProductErrorCode.INVALID_AMOUNT, ctx.locale, ['input', field]);
        }
      };
      const { minAmount, maxAmount, arrangementFeeFixed, ...rest } = input;
      return new LoanProductService(ctx.em, ctx.locale).create({
        ...rest,
        minAmountMinor: amount(minAmount, 'minAmount'),
        maxAmountMinor: amount(maxAmount, 'maxAmount'),
        arrangementFeeFixedMinor: arrangementFeeFixed == null ? null : amount(arrangementFeeFixed, 'arrangementFeeFixed'),
      });
    });
  }
}

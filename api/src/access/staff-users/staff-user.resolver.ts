import { Arg, Args, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../context';
import { DomainError, HubError, HubErrorCode, UserError } from '../../shared/errors';
import { ForwardPageArgs, pageWindow, toConnection, type Connection } from '../../shared/relay';
import { accessMessage } from '../access-messages';
import { tokenSettings } from '../access-settings';
import { StaffRole } from '../staff-role';
import { StaffUser } from './staff-user.entity';
import { StaffLoginInput, StaffUserCreateInput } from './staff-user.inputs';
import { StaffLoginPayload, StaffUserConnection, StaffUserCreatePayload } from './staff-user.payloads';
import { StaffUserService } from './staff-user.service';

const serviceFor = (ctx: HubContext) => new StaffUserService(ctx.em, { locale: ctx.locale, tokens: tokenSettings() });

@Resolver(() => StaffUser)
export class StaffUserResolver {
  @Mutation(() => StaffLoginPayload, { description: 'Signs a staff member in and returns a short-lived token (15 minutes by default).' })
  async staffLogin(@Arg('input', () => StaffLoginInput) input: StaffLoginInput, @Ctx() ctx: HubContext): Promise<StaffLoginPayload> {
    const payload = new StaffLoginPayload();
    try {
      const { user, token, expiresAt } = await serviceFor(ctx).login(input);
      return Object.assign(payload, { user, token, expiresAt });
    } catch (error) {
      if (error instanceof DomainError) return Object.assign(payload, { errors: [UserError.from(error)] });
      throw error;
    }
  }

  @Authorized()
  @Query(() => StaffUser, { nullable: true, description: 'The signed-in staff member (needs a staff token).' })
  async me(@Ctx() ctx: HubContext): Promise<StaffUser> {
    const user = await serviceFor(ctx).findActive(ctx.user!.id);
    // The token outlived the account (deleted or disabled since sign-in): refuse, do not pretend.
    if (!user) throw new HubError(HubErrorCode.UNAUTHENTICATED, accessMessage('accountGone', ctx.locale), { reason: 'ACCOUNT_GONE' });
    return user;
  }

  @Authorized(StaffRole.ADMIN)
  @Mutation(() => StaffUserCreatePayload, { description: 'Creates a staff account (administrators only).' })
  async staffUserCreate(@Arg('input', () => StaffUserCreateInput) input: StaffUserCreateInput, @Ctx() ctx: HubContext): Promise<StaffUserCreatePayload> {
    const payload = new StaffUserCreatePayload();
    try {
      return Object.assign(payload, { staffUser: await serviceFor(ctx).create(input) });
    } catch (error) {
      if (error instanceof DomainError) return Object.assign(payload, { errors: [UserError.from(error)] });
      throw error;
    }
  }

  @Authorized(StaffRole.ADMIN)
  @Query(() => StaffUserConnection, { description: 'All staff accounts, ordered by email (administrators only).' })
  async staffUsers(@Args(() => ForwardPageArgs) args: ForwardPageArgs, @Ctx() ctx: HubContext): Promise<Connection<StaffUser>> {
    const window = pageWindow(args);
    const { rows, totalCount } = await serviceFor(ctx).list(window);
    return toConnection(rows, totalCount, window);
  }
}

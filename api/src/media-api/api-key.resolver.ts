import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../context';
import { StaffRole } from '../access';
import { DomainError, UserError } from '../shared/errors';
import { ApiKey, ApiKeyCreateInput, ApiKeyCreatePayload, ApiKeyRevokeInput, ApiKeyRevokePayload } from './api-key.types';
import { ApiKeyService } from './api-key.service';
import { mediaApiSettings } from './media-api-settings';

const serviceFor = (ctx: HubContext) => new ApiKeyService(ctx.em, { locale: ctx.locale, defaultPerMinute: mediaApiSettings().defaultKeyPerMinute });

@Resolver(() => ApiKey)
export class ApiKeyResolver {
  @Authorized(StaffRole.ADMIN)
  @Mutation(() => ApiKeyCreatePayload, { description: 'Creates an API key for a newsroom or partner site (administrators only). The secret is returned once and never again.' })
  async apiKeyCreate(@Arg('input', () => ApiKeyCreateInput) input: ApiKeyCreateInput, @Ctx() ctx: HubContext): Promise<ApiKeyCreatePayload> {
    const payload = new ApiKeyCreatePayload();
    try {
      return Object.assign(payload, await serviceFor(ctx).create(input, ctx.user?.id ?? null));
    } catch (error) {
      if (error instanceof DomainError) return Object.assign(payload, { errors: [UserError.from(error)] });
      throw error;
    }
  }

  @Authorized(StaffRole.ADMIN)
  @Mutation(() => ApiKeyRevokePayload, { description: 'Revokes an API key at once (administrators only); requests with it are then refused with 401.' })
  async apiKeyRevoke(@Arg('input', () => ApiKeyRevokeInput) input: ApiKeyRevokeInput, @Ctx() ctx: HubContext): Promise<ApiKeyRevokePayload> {
    const payload = new ApiKeyRevokePayload();
    try {
      return Object.assign(payload, { apiKey: await serviceFor(ctx).revoke(input.id) });
    } catch (error) {
      if (error instanceof DomainError) return Object.assign(payload, { errors: [UserError.from(error)] });
      throw error;
    }
  }

  @Authorized(StaffRole.ADMIN)
  @Query(() => [ApiKey], { description: 'Every API key, newest first, revoked ones included (administrators only). Secrets are never shown.' })
  async apiKeys(@Ctx() ctx: HubContext): Promise<ApiKey[]> {
    return serviceFor(ctx).list();
  }
}

import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../shared/errors';

@ObjectType({ description: 'A key a newsroom or partner site sends (header X-Api-Key) to query the API with its own rate limit. The secret itself is shown once, at creation, and stored only as a hash.' })
export class ApiKey {
  @Field(() => ID, { description: 'Identifier of the key (not the secret).' })
  id!: string;

  @Field({ description: 'Who the key is for, e.g. "Gazeta Regionalna — data desk".' })
  name!: string;

  @Field({ description: 'The first characters of the secret, to recognise a key without revealing it.' })
  prefix!: string;

  @Field(() => Int, { description: 'Requests per minute this key may make before it is answered 429 Too Many Requests.' })
  requestsPerMinute!: number;

  @Field(() => GraphQLISODateTime, { description: 'When the key was created.' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was revoked; null while it works.' })
  revokedAt!: Date | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the key was last used (updated at most once a minute).' })
  lastUsedAt!: Date | null;
}

@InputType({ description: 'A new API key for a newsroom or partner site.' })
export class ApiKeyCreateInput {
  @Field({ description: 'Who the key is for (1–200 characters).' })
  name!: string;

  @Field(() => Int, { nullable: true, description: 'Requests per minute allowed (1–100000); the hub default when omitted.' })
  requestsPerMinute?: number | null;
}

@InputType({ description: 'Which API key to revoke.' })
export class ApiKeyRevokeInput {
  @Field(() => ID, { description: 'Identifier of the key.' })
  id!: string;
}

@ObjectType({ description: 'Result of creating an API key.' })
export class ApiKeyCreatePayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key created; null when the input was refused.' })
  apiKey: ApiKey | null = null;

  @Field(() => String, { nullable: true, description: 'The secret to send in the X-Api-Key header. Shown only here, once: the hub keeps only its SHA-256 hash.' })
  secret: string | null = null;

  @Field(() => [UserError], { description: 'Why the input was refused; empty on success.' })
  errors: UserError[] = [];
}

@ObjectType({ description: 'Result of revoking an API key.' })
export class ApiKeyRevokePayload {
  @Field(() => ApiKey, { nullable: true, description: 'The key, now revoked; null when there is no such key.' })
  apiKey: ApiKey | null = null;

  @Field(() => [UserError], { description: 'Why the key could not be revoked; empty on success.' })
  errors: UserError[] = [];
}

import { ArgsType, Field, Int } from 'type-graphql';
import { badInput } from '../errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Forward Relay pagination arguments shared by every connection field. */
@ArgsType()
export class ForwardPageArgs {
  @Field(() => Int, { nullable: true, description: `How many items to return (1–${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).` })
  first?: number;

  @Field(() => String, { nullable: true, description: 'Return items after this cursor (from a previous pageInfo.endCursor).' })
  after?: string;
}

/** A resolved page window: SQL `limit`/`offset`. Cursors encode positions in a stable order. */
export interface PageWindow {
  limit: number;
  offset: number;
}

const CURSOR_PREFIX = 'o:';

export function encodeCursor(position: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${position}`, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, field = 'after'): number {
  const raw = Buffer.from(cursor, 'base64url').toString('utf8');
  const position = Number(raw.slice(CURSOR_PREFIX.length));
  if (!raw.startsWith(CURSOR_PREFIX) || !Number.isInteger(position) || position < 0) {
    throw badInput('INVALID_CURSOR', `"${cursor}" is not a valid cursor`, [field]);
  }
  return position;
}

/** Validates `first`/`after` and turns them into a window; throws a clear BAD_USER_INPUT otherwise. */
export function pageWindow(args: { first?: number | null; after?: string | null }): PageWindow {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw badInput('INVALID_PAGE_SIZE', `first must be between 0 and ${MAX_PAGE_SIZE}, got ${first}`, ['first']);
  }
  const offset = args.after ? decodeCursor(args.after) + 1 : 0;
  return { limit: first, offset };
}

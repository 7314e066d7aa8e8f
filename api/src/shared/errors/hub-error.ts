import { GraphQLError } from 'graphql';

/**
 * Top-level error codes. Only authentication, authorisation, malformed requests, limits and
 * internal faults are top-level errors; business rule failures go into payload `errors`.
 */
export enum HubErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  QUERY_TOO_DEEP = 'QUERY_TOO_DEEP',
  QUERY_TOO_COSTLY = 'QUERY_TOO_COSTLY',
  CMS_UNAVAILABLE = 'CMS_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

const HTTP_STATUS: Partial<Record<HubErrorCode, number>> = {
  [HubErrorCode.QUERY_TOO_DEEP]: 400,
  [HubErrorCode.QUERY_TOO_COSTLY]: 400,
};

/**
 * An error the client is meant to see: it carries a machine-readable `code` (and, for bad input,
 * the offending `field`) in `extensions`. Anything that is not a HubError is masked.
 */
export class HubError extends GraphQLError {
  constructor(
    readonly code: HubErrorCode | string,
    message: string,
    extra: { field?: string[]; reason?: string; httpStatus?: number } = {},
  ) {
    const status = extra.httpStatus ?? HTTP_STATUS[code as HubErrorCode];
    super(message, {
      extensions: {
        code,
        ...(extra.field ? { field: extra.field } : {}),
        ...(extra.reason ? { reason: extra.reason } : {}),
        ...(status ? { http: { status } } : {}),
      },
    });
    this.name = 'HubError';
  }
}

/** Bad input with a specific reason code (e.g. INVALID_KRS) and the argument path it concerns. */
export function badInput(reason: string, message: string, field: string[]): HubError {
  return new HubError(HubErrorCode.BAD_USER_INPUT, message, { field, reason });
}

export function notFound(reason: string, message: string, field?: string[]): HubError {
  return new HubError(HubErrorCode.NOT_FOUND, message, { field, reason });
}

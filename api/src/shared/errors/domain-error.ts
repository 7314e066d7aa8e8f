/**
 * A broken business rule, raised by services (which know nothing of GraphQL). Resolvers map it
 * into a payload's `errors` list as a UserError; `code` is the module's error-code enum value.
 */
export class DomainError<Code extends string = string> extends Error {
  constructor(
    readonly code: Code,
    message: string,
    readonly field: string[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

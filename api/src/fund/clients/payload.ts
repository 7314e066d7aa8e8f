import { DomainError, UserError } from '../../shared/errors';

/** Runs a command and fills the payload: its result under `key`, or the command's typed error. */
export async function intoPayload<P extends { errors: UserError[] }, K extends keyof P>(payload: P, key: K, command: () => Promise<P[K]>): Promise<P> {
  try {
    payload[key] = await command();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    payload.errors = [UserError.from(error)];
  }
  return payload;
}

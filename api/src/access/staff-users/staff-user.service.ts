import { randomBytes } from 'node:crypto';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError } from '../../shared/errors';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { accessMessage, StaffErrorCode } from '../access-messages';
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from '../password';
import { isStaffRole, type StaffRole } from '../staff-role';
import { issueStaffToken, type TokenSettings } from '../tokens';
import { isPlausibleEmail, isUuid, normaliseEmail } from './staff-email';
import { StaffUser } from './staff-user.entity';

export interface StaffLoginCommand {
  email: string;
  password: string;
}

export interface StaffLoginResult {
  user: StaffUser;
  token: string;
  expiresAt: Date;
}

export interface StaffUserCreateCommand {
  email: string;
  displayName: string;
  password: string;
  roles: StaffRole[];
}

export interface StaffUserServiceOptions {
  /** Language of DomainError messages (pl by default). */
  locale?: Locale;
  /** Needed only by `login`, which signs a token. */
  tokens?: TokenSettings;
  /** The clock; tests pass a fixed one. */
  now?: () => Date;
}

export type StaffDomainError = DomainError<StaffErrorCode>;

let dummyHash: Promise<string> | undefined;
/**
 * A hash of a random password, made once per process with today's parameters. Logins for unknown
 * emails verify against it, so the response time does not tell whether an account exists.
 */
function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return dummyHash;
}

/** Staff accounts: sign-in, creation, lookup. Knows nothing of GraphQL. */
export class StaffUserService {
  private readonly locale: Locale;
  private readonly now: () => Date;

  constructor(
    private readonly em: EntityManager,
    private readonly options: StaffUserServiceOptions = {},
  ) {
    this.locale = options.locale ?? DEFAULT_LOCALE;
    this.now = options.now ?? (() => new Date());
  }

  private fail(code: StaffErrorCode, field: string[] = []): StaffDomainError {
    return new DomainError(code, accessMessage(code, this.locale), field);
  }

  /**
   * Checks an email and password and signs a token. A wrong email and a wrong password fail the
   * same way, in about the same time. A disabled account is named as such only to someone who
   * knows its password. Old hashes are upgraded to today's parameters on a successful sign-in.
   */
  async login(command: StaffLoginCommand): Promise<StaffLoginResult> {
    const tokens = this.options.tokens;
    if (!tokens) throw new Error('StaffUserService.login needs token settings');
    const email = normaliseEmail(command.email);
    const user = isPlausibleEmail(email) ? await this.em.findOne(StaffUser, { email }) : null;
    const matches = await verifyPassword(command.password, user?.passwordHash ?? (await dummyPasswordHash()));
    if (!user || !matches) throw this.fail(StaffErrorCode.INVALID_CREDENTIALS);
    if (!user.active) throw this.fail(StaffErrorCode.ACCOUNT_DISABLED);

    if (needsRehash(user.passwordHash)) user.passwordHash = await hashPassword(command.password);
    const now = this.now();
    user.lastLoginAt = now;
    await this.em.flush();
    const issued = issueStaffToken({ id: user.id, email: user.email, roles: [...user.roles] }, tokens, now);
    return { user, ...issued };
  }

  /** Creates an active staff account. Fails with EMAIL_TAKEN, INVALID_EMAIL, PASSWORD_TOO_SHORT, … */
  async create(command: StaffUserCreateCommand): Promise<StaffUser> {
    const user = await this.build(command);
    if ((await this.em.count(StaffUser, { email: user.email })) > 0) throw this.fail(StaffErrorCode.EMAIL_TAKEN, ['input', 'email']);
    this.em.persist(user);
    try {
      await this.em.flush();
    } catch (error) {
      // Two creations with one email at the same moment: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) {
        this.em.clear();
        throw this.fail(StaffErrorCode.EMAIL_TAKEN, ['input', 'email']);
      }
      throw error;
    }
    return user;
  }

  /** Validates a command and returns an unsaved account with its password hashed. */
  async build(command: StaffUserCreateCommand): Promise<StaffUser> {
    const email = normaliseEmail(command.email);
    if (!isPlausibleEmail(email)) throw this.fail(StaffErrorCode.INVALID_EMAIL, ['input', 'email']);
    const displayName = command.displayName.trim();
    if (!displayName) throw this.fail(StaffErrorCode.DISPLAY_NAME_REQUIRED, ['input', 'displayName']);
    const roles = [...new Set(command.roles)];
    if (roles.length === 0 || !roles.every(isStaffRole)) throw this.fail(StaffErrorCode.ROLES_REQUIRED, ['input', 'roles']);
    const problem = checkPasswordPolicy(command.password);
    if (problem) throw this.fail(StaffErrorCode[problem], ['input', 'password']);

    return Object.assign(new StaffUser(), {
      email,
      displayName,
      roles,
      passwordHash: await hashPassword(command.password),
      createdAt: this.now(),
    });
  }

  /** The account a token was issued for, if it still exists and may sign in. */
  async findActive(id: string): Promise<StaffUser | null> {
    if (!isUuid(id)) return null;
    return this.em.findOne(StaffUser, { id, active: true });
  }

  /** Accounts by id, in the order asked (null where missing). */
  async findByIds(ids: readonly string[]): Promise<(StaffUser | null)[]> {
    const valid = ids.filter(isUuid);
    const rows = valid.length ? await this.em.find(StaffUser, { id: { $in: valid } }) : [];
    const byId = new Map(rows.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /** One page of accounts in a stable order (by email), with the total. */
  async list(window: { limit: number; offset: number }): Promise<{ rows: StaffUser[]; totalCount: number }> {
    if (window.limit === 0) return { rows: [], totalCount: await this.em.count(StaffUser, {}) };
    const [rows, totalCount] = await this.em.findAndCount(StaffUser, {}, { orderBy: { email: 'asc' }, limit: window.limit, offset: window.offset });
    return { rows, totalCount };
  }
}

import 'reflect-metadata';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { createTestDatabase } from '../support/test-database';
import { migrationsList } from '../../migrations';
import {
  StaffErrorCode,
  StaffRole,
  StaffUser,
  StaffUserService,
  ensureFirstAdmin,
  hashPassword,
  needsRehash,
  verifyStaffToken,
} from '../../api/src/access';
import { DomainError } from '../../api/src/shared/errors';
import { Locale } from '../../api/src/shared/i18n';

const tokens = { secret: 'db-test-secret-0123456789abcdef', ttlSeconds: 900 };
const PASSWORD = 'kasa-pożyczkowa-2026';

/**
 * This suite builds its own ORM over just the access entity (on the shared test database's URL),
 * so that the schema diff it checks is this module's alone and it does not depend on other modules.
 */
describe('staff accounts in PostgreSQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: MikroORM;
  const queries: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({
      clientUrl: db.url,
      entities: [StaffUser],
      extensions: [Migrator],
      allowGlobalContext: false,
      forceUtcTimezone: true,
      migrations: { migrationsList, tableName: 'mikro_orm_migrations', snapshot: false, transactional: true, allOrNothing: true },
      // As the hub's ORM logs (orm.ts): statements, without their parameter values.
      debug: ['query'],
      logger: (message: string) => queries.push(message),
      colors: false,
    });
    await orm.getMigrator().up();
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  const em = (): EntityManager => orm.em.fork();
  const service = (locale = Locale.pl) => new StaffUserService(em(), { locale, tokens });
  const clear = () => orm.em.fork().nativeDelete(StaffUser, {});

  async function failure(promise: Promise<unknown>): Promise<DomainError> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }

  describe('the first administrator', () => {
    beforeEach(clear);

    it('is created with a generated strong password when none is given, and can sign in with it', async () => {
      const result = await ensureFirstAdmin(em(), { email: ' Admin@EkonomiaSpoleczna.local ' });
      expect(result).toMatchObject({ created: true, email: 'admin@ekonomiaspoleczna.local' });
      expect(result.generatedPassword).toMatch(/^[A-Za-z0-9_-]{20,}$/);
      const login = await service().login({ email: 'admin@ekonomiaspoleczna.local', password: result.generatedPassword! });
      expect(login.user.roles).toEqual([StaffRole.ADMIN]);
    });

    it('is created only once: later starts change nothing and reveal no password', async () => {
      const first = await ensureFirstAdmin(em(), { email: 'admin@ekonomiaspoleczna.local' });
      const second = await ensureFirstAdmin(em(), { email: 'admin@ekonomiaspoleczna.local' });
      const third = await ensureFirstAdmin(em(), { email: 'someone-else@example.org', password: 'another long password' });
      expect(first.created).toBe(true);
      expect(second).toEqual({ created: false, email: 'admin@ekonomiaspoleczna.local' });
      expect(third.created).toBe(false);
      expect(await em().count(StaffUser, {})).toBe(1);
    });

    it('is created once even when several hub instances start at the same moment', async () => {
      const results = await Promise.all([1, 2, 3, 4].map(() => ensureFirstAdmin(em(), { email: 'admin@ekonomiaspoleczna.local' })));
      expect(results.filter((r) => r.created)).toHaveLength(1);
      expect(await em().count(StaffUser, {})).toBe(1);
    });

    it('uses a configured password and then returns none', async () => {
      const result = await ensureFirstAdmin(em(), { email: 'admin@ekonomiaspoleczna.local', password: PASSWORD });
      expect(result).toEqual({ created: true, email: 'admin@ekonomiaspoleczna.local' });
      await expect(service().login({ email: 'admin@ekonomiaspoleczna.local', password: PASSWORD })).resolves.toBeDefined();
    });

    it('refuses a configured password shorter than 12 characters and creates nothing', async () => {
      const error = await failure(ensureFirstAdmin(em(), { email: 'admin@ekonomiaspoleczna.local', password: 'short' }));
      expect(error.code).toBe(StaffErrorCode.PASSWORD_TOO_SHORT);
      expect(await em().count(StaffUser, {})).toBe(0);
    });
  });

  describe('signing in', () => {
    let anna: StaffUser;
    beforeAll(async () => {
      await clear();
      anna = await service().create({ email: 'Anna.Kowalska@Example.org', displayName: 'Anna Kowalska', password: PASSWORD, roles: [StaffRole.FUND_OFFICER] });
    });

    it('stores the email in lower case and never the password itself', async () => {
      const row = await em().findOneOrFail(StaffUser, { id: anna.id });
      expect(row.email).toBe('anna.kowalska@example.org');
      expect(row.passwordHash.startsWith('scrypt$32768$8$1$')).toBe(true);
      expect(row.passwordHash).not.toContain(PASSWORD);
    });

    it('signs in with the right password, any email letter case, and returns a token for her roles', async () => {
      const before = Date.now();
      const result = await service().login({ email: '  ANNA.kowalska@example.org', password: PASSWORD });
      expect(result.user.id).toBe(anna.id);
      expect(result.expiresAt.getTime() - before).toBeGreaterThan(890_000);
      expect(verifyStaffToken(result.token, tokens.secret)).toEqual({ id: anna.id, email: 'anna.kowalska@example.org', roles: [StaffRole.FUND_OFFICER] });
      const row = await em().findOneOrFail(StaffUser, { id: anna.id });
      expect(row.lastLoginAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    });

    it('refuses a wrong password and an unknown email with the same code and message', async () => {
      const wrongPassword = await failure(service().login({ email: 'anna.kowalska@example.org', password: 'not her password' }));
      const unknownEmail = await failure(service().login({ email: 'nobody@example.org', password: PASSWORD }));
      const notAnEmail = await failure(service().login({ email: 'nobody', password: PASSWORD }));
      for (const error of [wrongPassword, unknownEmail, notAnEmail]) {
        expect(error.code).toBe(StaffErrorCode.INVALID_CREDENTIALS);
        expect(error.message).toBe('Nieprawidłowy e-mail lub hasło.');
      }
      expect((await failure(new StaffUserService(em(), { locale: Locale.en, tokens }).login({ email: 'x@example.org', password: 'y' }))).message).toBe('Wrong email or password.');
    });

    it('takes about as long for an unknown email as for a wrong password, so timing does not reveal accounts', async () => {
      const time = async (email: string) => {
        const start = process.hrtime.bigint();
        await service().login({ email, password: 'not the password' }).catch(() => undefined);
        return Number(process.hrtime.bigint() - start) / 1e6;
      };
      await time('warm-up@example.org');
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 3; i++) {
        known.push(await time('anna.kowalska@example.org'));
        unknown.push(await time(`nobody-${i}@example.org`));
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1];
      expect(median(unknown) / median(known)).toBeGreaterThan(0.5);
    });

    it('tells a person who knows the password that the account is disabled, and a guesser nothing', async () => {
      const bob = await service().create({ email: 'bob@example.org', displayName: 'Bob', password: PASSWORD, roles: [StaffRole.TRAINER] });
      await em().nativeUpdate(StaffUser, { id: bob.id }, { active: false });
      expect((await failure(service().login({ email: 'bob@example.org', password: PASSWORD }))).code).toBe(StaffErrorCode.ACCOUNT_DISABLED);
      expect((await failure(service().login({ email: 'bob@example.org', password: 'wrong password!' }))).code).toBe(StaffErrorCode.INVALID_CREDENTIALS);
      await expect(service().findActive(bob.id)).resolves.toBeNull();
    });

    it('upgrades a hash made with older parameters when its owner signs in', async () => {
      const old = await hashPassword(PASSWORD, { N: 2 ** 14, r: 8, p: 1 });
      await em().nativeUpdate(StaffUser, { id: anna.id }, { passwordHash: old });
      await service().login({ email: 'anna.kowalska@example.org', password: PASSWORD });
      const row = await em().findOneOrFail(StaffUser, { id: anna.id });
      expect(row.passwordHash).not.toBe(old);
      expect(needsRehash(row.passwordHash)).toBe(false);
      await expect(service().login({ email: 'anna.kowalska@example.org', password: PASSWORD })).resolves.toBeDefined();
    });

    it('never writes the password hash into the query log or into JSON', async () => {
      queries.length = 0;
      const carol = await service().create({ email: 'carol@example.org', displayName: 'Carol', password: PASSWORD, roles: [StaffRole.ANALYST] });
      await service().login({ email: 'carol@example.org', password: PASSWORD });
      const hash = carol.passwordHash.split('$')[5];
      expect(queries.some((q) => q.includes('staff_user'))).toBe(true);
      expect(queries.filter((q) => q.includes(hash) || q.includes(PASSWORD))).toEqual([]);
      expect(JSON.stringify(carol)).not.toContain(hash);
      expect(JSON.stringify(carol)).not.toContain('passwordHash');
    });
  });

  describe('creating accounts', () => {
    beforeAll(clear);
    const valid = { email: 'dorota@example.org', displayName: 'Dorota Nowak', password: PASSWORD, roles: [StaffRole.ADVISOR] };

    it('refuses a second account with the same email in another letter case', async () => {
      await service().create(valid);
      const error = await failure(service().create({ ...valid, email: 'DOROTA@example.org' }));
      expect(error).toMatchObject({ code: StaffErrorCode.EMAIL_TAKEN, field: ['input', 'email'] });
    });

    it('lets the database refuse a duplicate that slips past the check (two requests at once)', async () => {
      const results = await Promise.allSettled([1, 2, 3].map(() => service().create({ ...valid, email: 'ewa@example.org' })));
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: StaffErrorCode.EMAIL_TAKEN });
    });

    it.each([
      [{ password: 'krótkie' }, StaffErrorCode.PASSWORD_TOO_SHORT, 'password'],
      [{ email: 'not-an-email' }, StaffErrorCode.INVALID_EMAIL, 'email'],
      [{ displayName: '   ' }, StaffErrorCode.DISPLAY_NAME_REQUIRED, 'displayName'],
      [{ roles: [] }, StaffErrorCode.ROLES_REQUIRED, 'roles'],
    ])('refuses %j with %s', async (change, code, field) => {
      const error = await failure(service(Locale.en).create({ ...valid, email: 'filip@example.org', ...change }));
      expect(error).toMatchObject({ code, field: ['input', field] });
      expect(await em().count(StaffUser, { email: 'filip@example.org' })).toBe(0);
    });

    it('says what is wrong in Polish by default', async () => {
      expect((await failure(service().create({ ...valid, password: 'krótkie' }))).message).toBe('Hasło musi mieć co najmniej 12 znaków.');
    });

    it('is backed by database checks that refuse unknown roles and upper-case emails written around the service', async () => {
      const conn = em().getConnection();
      const insert = (email: string, roles: string) =>
        conn.execute(`insert into staff_user (id, email, display_name, password_hash, roles) values (gen_random_uuid(), '${email}', 'X', 'x', '${roles}')`);
      await expect(insert('Upper@example.org', '{ADMIN}')).rejects.toThrow(/staff_user_email_lower_case/);
      await expect(insert('g@example.org', '{SUPERUSER}')).rejects.toThrow(/staff_user_roles_known/);
      await expect(insert('h@example.org', '{}')).rejects.toThrow(/staff_user_roles_known/);
    });

    it('lists accounts page by page in email order', async () => {
      const first = await service().list({ limit: 1, offset: 0 });
      const second = await service().list({ limit: 5, offset: 1 });
      expect(first.totalCount).toBe(2);
      expect([...first.rows, ...second.rows].map((u) => u.email)).toEqual(['dorota@example.org', 'ewa@example.org']);
      expect((await service().list({ limit: 0, offset: 0 })).rows).toEqual([]);
    });
  });
});

import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { graphql, type GraphQLSchema } from 'graphql';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { createTestDatabase } from '../support/test-database';
import { migrationsList } from '../../migrations';
import {
  StaffRole,
  StaffUser,
  StaffUserService,
  accessModule,
  authChecker,
  configureAccess,
  ensureFirstAdmin,
  principalFromAuthorizationHeader,
  type StaffPrincipal,
} from '../../api/src/access';
import type { HubContext } from '../../api/src/context';
import { Locale } from '../../api/src/shared/i18n';

const SECRET = 'graphql-test-secret-0123456789abcdef';
const ADMIN_PASSWORD = 'administrator-password-2026';
const ANALYST_PASSWORD = 'analityczka-password-2026';

/** The access module's part of the graph, executed in-process against a real database. */
describe('staff sign-in and accounts through GraphQL', () => {
  let db: Awaited<ReturnType<typeof createTestDatabase>>;
  let orm: MikroORM;
  let schema: GraphQLSchema;
  let admin: StaffPrincipal;
  let analyst: StaffPrincipal;

  beforeAll(async () => {
    db = await createTestDatabase();
    orm = await MikroORM.init({
      clientUrl: db.url,
      entities: [StaffUser],
      extensions: [Migrator],
      allowGlobalContext: false,
      migrations: { migrationsList, tableName: 'mikro_orm_migrations', snapshot: false },
      logger: () => undefined,
    });
    await orm.getMigrator().up();
    configureAccess({ jwtSecret: SECRET, jwtTtlSeconds: 900 });
    schema = await buildSchema({
      // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
      resolvers: [...accessModule.resolvers] as unknown as NonEmptyArray<Function>,
      authChecker,
      authMode: 'error',
      validate: false,
    });
    await ensureFirstAdmin(orm.em.fork(), { email: 'admin@ekonomiaspoleczna.local', password: ADMIN_PASSWORD });
    const a = await new StaffUserService(orm.em.fork()).create({ email: 'ala@example.org', displayName: 'Ala Analityczka', password: ANALYST_PASSWORD, roles: [StaffRole.ANALYST] });
    const adminRow = await orm.em.fork().findOneOrFail(StaffUser, { email: 'admin@ekonomiaspoleczna.local' });
    admin = { id: adminRow.id, email: adminRow.email, roles: [StaffRole.ADMIN] };
    analyst = { id: a.id, email: a.email, roles: [StaffRole.ANALYST] };
  }, 60_000);

  afterAll(async () => {
    await orm?.close(true);
    await db?.drop();
  });

  const contextFor = (user: StaffPrincipal | null, locale = Locale.pl) => ({ requestId: 'test', em: orm.em.fork(), user, locale }) as unknown as HubContext;

  async function run(source: string, { user = null as StaffPrincipal | null, locale = Locale.pl, variables = {} as Record<string, unknown> } = {}) {
    return graphql({ schema, source, contextValue: contextFor(user, locale), variableValues: variables });
  }

  const LOGIN = `mutation ($email: String!, $password: String!) {
    staffLogin(input: { email: $email, password: $password }) { token expiresAt user { id email roles lastLoginAt } errors { code field message } }
  }`;

  it('signs in and the token it returns identifies the caller to `me`', async () => {
    const result = await run(LOGIN, { variables: { email: 'ALA@example.org', password: ANALYST_PASSWORD } });
    expect(result.errors).toBeUndefined();
    const payload = (result.data as any).staffLogin;
    expect(payload.errors).toEqual([]);
    expect(payload.user).toMatchObject({ email: 'ala@example.org', roles: ['ANALYST'] });
    expect(new Date(payload.expiresAt).getTime() - Date.now()).toBeGreaterThan(800_000);

    const principal = principalFromAuthorizationHeader(`Bearer ${payload.token}`, SECRET);
    const me = await run('{ me { email displayName roles active } }', { user: principal });
    expect(me.errors).toBeUndefined();
    expect((me.data as any).me).toEqual({ email: 'ala@example.org', displayName: 'Ala Analityczka', roles: ['ANALYST'], active: true });
  });

  it('reports wrong credentials inside the payload, in the request language, with no token', async () => {
    const pl = await run(LOGIN, { variables: { email: 'ala@example.org', password: 'wrong-password-here' } });
    const en = await run(LOGIN, { locale: Locale.en, variables: { email: 'nobody@example.org', password: 'wrong-password-here' } });
    expect(pl.errors).toBeUndefined();
    expect((pl.data as any).staffLogin).toEqual({ token: null, expiresAt: null, user: null, errors: [{ code: 'INVALID_CREDENTIALS', field: null, message: 'Nieprawidłowy e-mail lub hasło.' }] });
    expect((en.data as any).staffLogin.errors).toEqual([{ code: 'INVALID_CREDENTIALS', field: null, message: 'Wrong email or password.' }]);
  });

  it('answers `me` for the anonymous public with UNAUTHENTICATED, not a null or a 500', async () => {
    const result = await run('{ me { email } }');
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
    expect(result.errors?.[0].message).toBe('Zaloguj się jako pracownik, aby zobaczyć te dane.');
  });

  it('refuses account management to staff who are not administrators with FORBIDDEN', async () => {
    const create = await run(
      `mutation { staffUserCreate(input: { email: "x@example.org", displayName: "X", password: "long enough password", roles: [TRAINER] }) { staffUser { id } errors { code } } }`,
      { user: analyst, locale: Locale.en },
    );
    expect(create.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(create.errors?.[0].message).toBe('Your roles do not allow this.');
    const list = await run('{ staffUsers { totalCount } }', { user: analyst });
    expect(list.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN' });
    const anonymous = await run('{ staffUsers { totalCount } }');
    expect(anonymous.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('lets an administrator create accounts, with typed errors for a taken email or a short password', async () => {
    const CREATE = `mutation ($input: StaffUserCreateInput!) { staffUserCreate(input: $input) { staffUser { email roles active } errors { code field } } }`;
    const input = { email: 'Tomasz@Example.org', displayName: 'Tomasz Trener', password: 'trener-password-2026', roles: ['TRAINER', 'ADVISOR'] };
    const created = await run(CREATE, { user: admin, variables: { input } });
    expect(created.errors).toBeUndefined();
    expect((created.data as any).staffUserCreate).toEqual({ staffUser: { email: 'tomasz@example.org', roles: ['TRAINER', 'ADVISOR'], active: true }, errors: [] });
    const again = await run(CREATE, { user: admin, variables: { input } });
    expect((again.data as any).staffUserCreate).toEqual({ staffUser: null, errors: [{ code: 'EMAIL_TAKEN', field: ['input', 'email'] }] });
    const short = await run(CREATE, { user: admin, variables: { input: { ...input, email: 'u@example.org', password: 'short' } } });
    expect((short.data as any).staffUserCreate.errors).toEqual([{ code: 'PASSWORD_TOO_SHORT', field: ['input', 'password'] }]);
  });

  it('pages through staff accounts for an administrator', async () => {
    const first = await run('{ staffUsers(first: 2) { totalCount nodes { email } pageInfo { hasNextPage endCursor } } }', { user: admin });
    expect(first.errors).toBeUndefined();
    const page = (first.data as any).staffUsers;
    expect(page.totalCount).toBe(3);
    expect(page.nodes.map((n: { email: string }) => n.email)).toEqual(['admin@ekonomiaspoleczna.local', 'ala@example.org']);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const rest = await run(`{ staffUsers(first: 2, after: "${page.pageInfo.endCursor}") { nodes { email } pageInfo { hasNextPage } } }`, { user: admin });
    expect((rest.data as any).staffUsers).toEqual({ nodes: [{ email: 'tomasz@example.org' }], pageInfo: { hasNextPage: false } });
  });

  it('does not expose a password hash field at all', async () => {
    const result = await run('{ __type(name: "StaffUser") { fields { name description } } }');
    const fields = (result.data as any).__type.fields as { name: string; description: string }[];
    expect(fields.map((f) => f.name).sort()).toEqual(['active', 'createdAt', 'displayName', 'email', 'id', 'lastLoginAt', 'roles']);
    for (const f of fields) expect(f.description).toBeTruthy();
  });

  it('lets `node(id:)` reach an account only for its owner or an administrator', async () => {
    const fetch = accessModule.nodeFetchers.StaffUser;
    const ids = [admin.id, analyst.id, 'not-a-uuid'];
    const emails = async (user: StaffPrincipal | null) => ((await fetch(ids, contextFor(user))) as (StaffUser | null)[]).map((u) => u?.email ?? null);
    expect(await emails(null)).toEqual([null, null, null]);
    expect(await emails(analyst)).toEqual([null, 'ala@example.org', null]);
    expect(await emails(admin)).toEqual(['admin@ekonomiaspoleczna.local', 'ala@example.org', null]);
  });

  it('stops honouring a still-valid token for `me` once the account is disabled', async () => {
    await orm.em.fork().nativeUpdate(StaffUser, { id: analyst.id }, { active: false });
    const result = await run('{ me { email } }', { user: analyst });
    expect(result.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'ACCOUNT_GONE' });
    const login = await run(LOGIN, { variables: { email: 'ala@example.org', password: ANALYST_PASSWORD } });
    expect((login.data as any).staffLogin.errors[0].code).toBe('ACCOUNT_DISABLED');
  });
});

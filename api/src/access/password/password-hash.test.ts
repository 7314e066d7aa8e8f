import { CURRENT_SCRYPT_PARAMS, hashPassword, needsRehash, verifyPassword } from './password-hash';
import { checkPasswordPolicy } from './password-policy';

const PASSWORD = 'Zażółć gęślą jaźń 2026';
const WEAKER = { N: 2 ** 14, r: 8, p: 1 };

describe('password hashing', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it('stores the scheme, its parameters, a salt and the hash in one string', () => {
    const [scheme, n, r, p, salt, key] = stored.split('$');
    expect([scheme, Number(n), Number(r), Number(p)]).toEqual(['scrypt', 2 ** 15, 8, 1]);
    expect(Buffer.from(salt, 'base64url')).toHaveLength(16);
    expect(Buffer.from(key, 'base64url')).toHaveLength(32);
    expect(stored).not.toContain(PASSWORD);
  });

  it('accepts the right password', async () => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it('refuses a wrong password, including one differing only in letter case or a trailing space', async () => {
    await expect(verifyPassword('Zażółć gęślą jaźń 2025', stored)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD.toUpperCase(), stored)).resolves.toBe(false);
    await expect(verifyPassword(`${PASSWORD} `, stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('accepts the same password typed in decomposed Unicode (NFD), as another keyboard may send it', async () => {
    await expect(verifyPassword(PASSWORD.normalize('NFD'), stored)).resolves.toBe(true);
  });

  it('salts each hash, so one password hashes differently twice', async () => {
    const again = await hashPassword(PASSWORD);
    expect(again).not.toBe(stored);
    await expect(verifyPassword(PASSWORD, again)).resolves.toBe(true);
  });

  it('refuses when one character of the stored hash or salt has been tampered with', async () => {
    const parts = stored.split('$');
    const flip = (text: string) => (text[3] === 'A' ? 'B' : 'A') + '';
    const tamperedKey = [...parts.slice(0, 5), parts[5].slice(0, 3) + flip(parts[5]) + parts[5].slice(4)].join('$');
    const tamperedSalt = [...parts.slice(0, 4), parts[4].slice(0, 3) + flip(parts[4]) + parts[4].slice(4), parts[5]].join('$');
    await expect(verifyPassword(PASSWORD, tamperedKey)).resolves.toBe(false);
    await expect(verifyPassword(PASSWORD, tamperedSalt)).resolves.toBe(false);
  });

  it('refuses, without throwing, stored strings that are malformed or ask for absurd parameters', async () => {
    const [, , , , salt, key] = stored.split('$');
    const bad = [
      '',
      'plaintext-password',
      stored.replace('scrypt$', 'bcrypt$'),
      stored.split('$').slice(0, 5).join('$'),
      `scrypt$32768$8$1$${salt}$${key}$extra`,
      `scrypt$32769$8$1$${salt}$${key}`, // N not a power of two
      `scrypt$1024$8$1$${salt}$${key}`.replace('1024', String(2 ** 30)), // would need 1 TiB
      `scrypt$1048576$32$1$${salt}$${key}`, // would need 4 GiB of memory
      `scrypt$16$8$1$${salt}$${key}`, // trivially weak
      `scrypt$32768$8$1$${salt}$`,
      `scrypt$32768$8$1$${salt}$${key}==`,
      `scrypt$032768$8$1$${salt}$${key}`,
    ];
    for (const value of bad) await expect(verifyPassword(PASSWORD, value)).resolves.toBe(false);
  });

  it('verifies a hash made with older, weaker parameters and says it needs a rehash', async () => {
    const old = await hashPassword(PASSWORD, WEAKER);
    expect(old.startsWith('scrypt$16384$8$1$')).toBe(true);
    await expect(verifyPassword(PASSWORD, old)).resolves.toBe(true);
    expect(needsRehash(old)).toBe(true);
    expect(needsRehash(stored)).toBe(false);
  });

  it('says every current hash needs a rehash once the parameters are raised', () => {
    expect(needsRehash(stored, { ...CURRENT_SCRYPT_PARAMS, N: 2 ** 16 })).toBe(true);
    expect(needsRehash(stored, { ...CURRENT_SCRYPT_PARAMS, r: 16 })).toBe(true);
    expect(needsRehash(stored, CURRENT_SCRYPT_PARAMS)).toBe(false);
  });

  it('says an unreadable stored string needs a rehash', () => {
    expect(needsRehash('garbage')).toBe(true);
  });
});

describe('password policy', () => {
  it.each([
    ['', 'PASSWORD_TOO_SHORT'],
    ['elevenchars', 'PASSWORD_TOO_SHORT'],
    ['twelve chars', null],
    ['żółćżółćżółć', null], // 12 characters but 24 bytes: characters count
    ['ąęść', 'PASSWORD_TOO_SHORT'],
    ['x'.repeat(256), null],
    ['x'.repeat(257), 'PASSWORD_TOO_LONG'],
  ])('judges %j as %s', (password, problem) => {
    expect(checkPasswordPolicy(password)).toBe(problem);
  });
});

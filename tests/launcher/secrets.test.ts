import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePassword, loadOrCreateSecrets, SECRET_NAMES, secretsEnv } from '../../api/src/launcher/secrets';

describe('launcher secrets (.data/secrets.json)', () => {
  let stateDir: string;
  beforeEach(() => {
    stateDir = mkdtempSync(join(tmpdir(), 'hub-secrets-'));
  });
  afterEach(() => rmSync(stateDir, { recursive: true, force: true }));

  it('generates every secret on the first start, into a file only its owner can read', () => {
    const first = loadOrCreateSecrets(stateDir);
    expect(first.generated).toEqual([...SECRET_NAMES]);
    for (const name of SECRET_NAMES) expect(first.secrets[name].length).toBeGreaterThanOrEqual(20);
    expect(statSync(first.file).mode & 0o777).toBe(0o600);
    expect(first.secrets.APP_KEYS.split(',')).toHaveLength(4);
  });

  it('reuses the stored secrets on every later start instead of generating new ones', () => {
    const first = loadOrCreateSecrets(stateDir);
    const stored = readFileSync(first.file, 'utf8');
    const second = loadOrCreateSecrets(stateDir);
    expect(second.generated).toEqual([]);
    expect(second.secrets).toEqual(first.secrets);
    expect(readFileSync(first.file, 'utf8')).toBe(stored);
  });

  it('adds a secret missing from an older file and keeps the others', () => {
    const first = loadOrCreateSecrets(stateDir);
    const { HUB_JWT_SECRET: _dropped, ...older } = first.secrets;
    writeFileSync(first.file, JSON.stringify(older));
    const second = loadOrCreateSecrets(stateDir);
    expect(second.generated).toEqual(['HUB_JWT_SECRET']);
    expect(second.secrets.CMS_TOKEN).toBe(first.secrets.CMS_TOKEN);
    expect(second.secrets.HUB_JWT_SECRET).not.toBe(first.secrets.HUB_JWT_SECRET);
  });

  it('refuses a damaged file rather than replacing the CMS secrets it holds', () => {
    writeFileSync(join(stateDir, 'secrets.json'), '{"CMS_TOKEN": "abc"');
    expect(() => loadOrCreateSecrets(stateDir)).toThrow(/not valid JSON/);
    expect(readFileSync(join(stateDir, 'secrets.json'), 'utf8')).toBe('{"CMS_TOKEN": "abc"');
  });

  it('lets a secret set in the environment win over the stored one', () => {
    const { secrets } = loadOrCreateSecrets(stateDir);
    const merged = secretsEnv(secrets, { CMS_TOKEN: 'from-the-deployment' });
    expect(merged.CMS_TOKEN).toBe('from-the-deployment');
    expect(merged.APP_KEYS).toBe(secrets.APP_KEYS);
  });

  it('makes first-account passwords that satisfy Strapi (lower, upper, digit) and never repeat', () => {
    const passwords = Array.from({ length: 200 }, () => generatePassword());
    for (const password of passwords) expect(password).toMatch(/^(?=.*[a-z])(?=.*[A-Z])(?=.*\d)[A-Za-z0-9]{20}$/);
    expect(new Set(passwords).size).toBe(passwords.length);
  });
});

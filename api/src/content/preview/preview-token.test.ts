import { signPreview, verifyPreview } from './preview-token';

const claim = { model: 'material', documentId: 'abc123', locale: 'pl' };
const now = 1_800_000_000;

describe('preview tokens', () => {
  it('open the one draft, in the one language, they were signed for', () => {
    const token = signPreview('secret', { ...claim, expiresAt: now + 600 });
    expect(verifyPreview('secret', token, claim, now)).toBe('VALID');
    expect(verifyPreview('secret', token, { ...claim, documentId: 'other' }, now)).toBe('MISMATCH');
    expect(verifyPreview('secret', token, { ...claim, locale: 'en' }, now)).toBe('MISMATCH');
    expect(verifyPreview('secret', token, { ...claim, model: 'course' }, now)).toBe('MISMATCH');
    expect(verifyPreview('other', token, claim, now)).toBe('MISMATCH');
  });

  it('expire, and refuse lifetimes longer than fifteen minutes', () => {
    expect(verifyPreview('secret', signPreview('secret', { ...claim, expiresAt: now - 1 }), claim, now)).toBe('EXPIRED');
    expect(verifyPreview('secret', signPreview('secret', { ...claim, expiresAt: now + 3600 }), claim, now)).toBe('TOO_LONG');
    expect(verifyPreview('secret', 'garbage', claim, now)).toBe('MALFORMED');
  });
});

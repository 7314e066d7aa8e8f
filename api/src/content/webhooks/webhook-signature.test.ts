import { signDelivery, verifyDelivery } from './webhook-signature';

const body = Buffer.from('{"event":"entry.publish","model":"course","documentId":"abc","locale":"pl","occurredAt":"2026-11-27T10:00:00Z"}');
const now = 1_800_000_000;

describe('CMS webhook signatures', () => {
  it('accepts a signature over the timestamp and the exact body', () => {
    expect(verifyDelivery('s3cret', signDelivery('s3cret', body, now), body, now + 10)).toBe('VALID');
  });

  it('refuses a changed body, a wrong secret, and a missing or garbled header', () => {
    const header = signDelivery('s3cret', body, now);
    expect(verifyDelivery('s3cret', header, Buffer.from(body.toString().replace('pl', 'en')), now)).toBe('MISMATCH');
    expect(verifyDelivery('other', header, body, now)).toBe('MISMATCH');
    expect(verifyDelivery('s3cret', undefined, body, now)).toBe('MISSING');
    expect(verifyDelivery('s3cret', 'v1=abc', body, now)).toBe('MALFORMED');
    expect(verifyDelivery('s3cret', 'nonsense', body, now)).toBe('MALFORMED');
  });

  it('refuses a timestamp more than five minutes away, and a replay with the timestamp swapped', () => {
    const header = signDelivery('s3cret', body, now);
    expect(verifyDelivery('s3cret', header, body, now + 301)).toBe('STALE');
    expect(verifyDelivery('s3cret', header, body, now - 301)).toBe('STALE');
    expect(verifyDelivery('s3cret', header.replace(`t=${now}`, `t=${now + 400}`), body, now + 400)).toBe('MISMATCH');
  });

  it('accepts any of several v1 signatures, for secret rotation', () => {
    const good = signDelivery('new', body, now).split(',v1=')[1];
    expect(verifyDelivery('new', `t=${now},v1=${'0'.repeat(64)},v1=${good}`, body, now)).toBe('VALID');
  });
});

import { contributionSql } from './compile-measure';
import { assertMeasure } from './measure';

describe('compiling measures to SQL', () => {
  it('counts entities of the listed legal forms and statuses', () => {
    expect(contributionSql({ kind: 'count', where: { legalForms: ['CIS', 'KIS'], statuses: ['ACTIVE'] } })).toBe(
      "case when f.legal_form in ('CIS', 'KIS') and f.status in ('ACTIVE') then 1 end",
    );
  });

  it('adds money fields in PLN and only for entities that reported them', () => {
    expect(contributionSql({ kind: 'sum', fields: ['revenue_market', 'revenue_public_grants'] })).toBe(
      'case when true and (f.revenue_market is not null or f.revenue_public_grants is not null) then (coalesce(f.revenue_market, 0) + coalesce(f.revenue_public_grants, 0)) / 100.0 end',
    );
  });

  it('has no entity contribution for area measures', () => {
    expect(contributionSql({ kind: 'population' })).toBeNull();
  });

  it('refuses unknown report fields and mixing money with counts', () => {
    expect(() => assertMeasure({ kind: 'sum', fields: ['salary'] }, 'X')).toThrow(/unknown report field/);
    expect(() => assertMeasure({ kind: 'sum', fields: ['members', 'result'] }, 'X')).toThrow(/money/);
  });

  it('strips anything but enum characters from condition values', () => {
    expect(contributionSql({ kind: 'count', where: { legalForms: ["CIS'); drop table x; --"] } })).not.toMatch(/drop|;|--/);
  });
});

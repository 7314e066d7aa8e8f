import { MONEY_FIELDS, type EntityCondition, type Measure } from './measure';

/**
 * Turns a registry measure into a SQL expression over one row of `entity_year_fact` (alias f):
 * the entity's contribution to the cell, or null when it does not contribute. Identifiers come
 * from the closed REPORT_FIELDS list and enum values are checked by assertMeasure, so the
 * interpolation below cannot carry user text.
 */
function conditionSql(where: EntityCondition | undefined): string {
  const parts: string[] = [];
  const list = (values: string[]) => values.map((v) => `'${v.replace(/[^A-Z_]/g, '')}'`).join(', ');
  if (where?.legalForms?.length) parts.push(`f.legal_form in (${list(where.legalForms)})`);
  if (where?.statuses?.length) parts.push(`f.status in (${list(where.statuses)})`);
  if (where?.socialEnterprise !== undefined) parts.push(where.socialEnterprise ? 'f.social_enterprise' : 'not f.social_enterprise');
  return parts.length ? parts.join(' and ') : 'true';
}

export function contributionSql(measure: Measure): string | null {
  switch (measure.kind) {
    case 'count':
      return `case when ${conditionSql(measure.where)} then 1 end`;
    case 'reporting':
      return `case when ${conditionSql(measure.where)} and f.reported then 1 end`;
    case 'sum': {
      const scale = measure.fields.every((field) => MONEY_FIELDS.includes(field)) ? ' / 100.0' : '';
      const present = measure.fields.map((field) => `f.${field} is not null`).join(' or ');
      const total = measure.fields.map((field) => `coalesce(f.${field}, 0)`).join(' + ');
      return `case when ${conditionSql(measure.where)} and (${present}) then (${total})${scale} end`;
    }
    default:
      return null; // population and powiats are properties of the area, not of entities
  }
}

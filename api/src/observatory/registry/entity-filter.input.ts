import { Field, InputType } from 'type-graphql';
import { badInput } from '../../shared/errors';
import { assertTerytCode } from '../../territory';
import { LegalForm, SocialEconomyEntityStatus } from './legal-form';

@InputType('SocialEconomyEntityFilter', { description: 'Narrows a list of social economy entities; every given condition must hold.' })
export class SocialEconomyEntityFilter {
  @Field(() => [LegalForm], { nullable: true, description: 'Only these legal forms (omit, or leave empty, for all).' })
  legalForms?: LegalForm[] | null;

  @Field(() => [SocialEconomyEntityStatus], { nullable: true, description: 'Only these statuses (omit, or leave empty, for all).' })
  statuses?: SocialEconomyEntityStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Only entities seated in this territorial unit or any unit inside it (TERYT code; PL for the whole country).' })
  terytCode?: string | null;

  @Field(() => String, { nullable: true, description: 'Only entities whose name contains this text (case-insensitive).' })
  nameContains?: string | null;
}

/** A validated filter in canonical form (sorted, deduplicated), so equal filters batch and cache together. */
export interface EntityFilter {
  legalForms: LegalForm[];
  statuses: SocialEconomyEntityStatus[];
  terytCode: string | null;
  nameContains: string | null;
}

export const NO_FILTER: EntityFilter = { legalForms: [], statuses: [], terytCode: null, nameContains: null };

const MAX_NAME_QUERY = 200;

/** Validates a filter argument (`path` names it in errors) and returns its canonical form. */
export function normaliseFilter(filter: SocialEconomyEntityFilter | null | undefined, path: string[] = ['filter']): EntityFilter {
  if (!filter) return NO_FILTER;
  const terytCode = filter.terytCode ?? null;
  if (terytCode !== null) assertTerytCode(terytCode, [...path, 'terytCode']);
  const nameContains = filter.nameContains?.trim() || null;
  if (nameContains && nameContains.length > MAX_NAME_QUERY) {
    throw badInput('INVALID_NAME_FILTER', `nameContains may have at most ${MAX_NAME_QUERY} characters`, [...path, 'nameContains']);
  }
  return {
    legalForms: [...new Set(filter.legalForms ?? [])].sort(),
    statuses: [...new Set(filter.statuses ?? [])].sort(),
    terytCode: terytCode === 'PL' ? null : terytCode,
    nameContains,
  };
}

import { Field, GraphQLISODateTime, InputType } from 'type-graphql';
import { badInput } from '../../shared/errors';
import { DateScalar, type CalendarDate } from '../../shared/dates';
import { assertTerytCode } from '../../territory';
import { LegalForm, SocialEconomyEntityStatus } from './legal-form';
import { isPkdCode, PkdSection } from './pkd';
import { foldForSearch } from './search-name';

@InputType('RegistryAsOf', { description: 'A point in the registry’s history: a day in the world (valid time) and/or a moment of the registry’s knowledge (record time).' })
export class RegistryAsOfInput {
  @Field(() => DateScalar, { nullable: true, description: 'Take the facts that held on this day (default: today).' })
  validAt?: CalendarDate | null;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Take the facts as the registry knew them at this moment (default: now), e.g. to reproduce an earlier publication.' })
  recordedAt?: Date | null;
}

@InputType('SocialEconomyEntityFilter', { description: 'Narrows a list of social economy entities; every given condition must hold.' })
export class SocialEconomyEntityFilter {
  @Field(() => [LegalForm], { nullable: true, description: 'Only these legal forms (omit, or leave empty, for all).' })
  legalForms?: LegalForm[] | null;

  @Field(() => [SocialEconomyEntityStatus], { nullable: true, description: 'Only these statuses (omit, or leave empty, for all).' })
  statuses?: SocialEconomyEntityStatus[] | null;

  @Field(() => String, { nullable: true, description: 'Only entities seated in this territorial unit or any unit inside it (TERYT code; PL for the whole country).' })
  terytCode?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Only entities whose name contains this text, ignoring case, Polish letters and punctuation: "spoldzielnia" finds "Spółdzielnia", "lodz" finds "Łódź".',
  })
  nameContains?: string | null;

  @Field(() => [String], { nullable: true, description: 'Only entities whose main activity is one of these PKD 2007 classes, e.g. ["88.10.Z", "56.29.Z"].' })
  pkdCodes?: string[] | null;

  @Field(() => PkdSection, { nullable: true, description: 'Only entities whose main activity falls in this PKD section (sector), e.g. Q for health and social work.' })
  pkdSection?: PkdSection | null;

  @Field(() => Boolean, { nullable: true, description: 'Only entities that hold (true) or do not hold (false) social enterprise status.' })
  socialEnterprise?: boolean | null;

  @Field(() => RegistryAsOfInput, {
    nullable: true,
    description: 'Judge legal form, status, social enterprise status and seat as they stood at this point of the registry’s history instead of today; entities not founded (or not yet known) then are left out.',
  })
  asOf?: RegistryAsOfInput | null;
}

/** A validated filter in canonical form (sorted, deduplicated), so equal filters batch and cache together. */
export interface EntityFilter {
  legalForms: LegalForm[];
  statuses: SocialEconomyEntityStatus[];
  terytCode: string | null;
  /** The name fragment folded by foldForSearch ("" matches nothing). */
  nameContains: string | null;
  pkdCodes: string[];
  pkdSection: PkdSection | null;
  socialEnterprise: boolean | null;
  /** Judge the state at this point instead of the snapshot; null dates mean today / now. */
  asOf: { validAt: CalendarDate | null; recordedAt: string | null } | null;
}

export const NO_FILTER: EntityFilter = { legalForms: [], statuses: [], terytCode: null, nameContains: null, pkdCodes: [], pkdSection: null, socialEnterprise: null, asOf: null };

const MAX_NAME_QUERY = 200;
const MAX_PKD_CODES = 50;

/** Validates a filter argument (`path` names it in errors) and returns its canonical form. */
export function normaliseFilter(filter: SocialEconomyEntityFilter | null | undefined, path: string[] = ['filter']): EntityFilter {
  if (!filter) return NO_FILTER;
  const terytCode = filter.terytCode ?? null;
  if (terytCode !== null) assertTerytCode(terytCode, [...path, 'terytCode']);
  const name = filter.nameContains?.trim() || null;
  if (name && name.length > MAX_NAME_QUERY) {
    throw badInput('INVALID_NAME_FILTER', `nameContains may have at most ${MAX_NAME_QUERY} characters`, [...path, 'nameContains']);
  }
  const pkdCodes = [...new Set((filter.pkdCodes ?? []).map((c) => c.trim().toUpperCase()))].sort();
  if (pkdCodes.length > MAX_PKD_CODES) throw badInput('INVALID_PKD_CODE', `pkdCodes may list at most ${MAX_PKD_CODES} codes`, [...path, 'pkdCodes']);
  const bad = pkdCodes.find((c) => !isPkdCode(c));
  if (bad !== undefined) throw badInput('INVALID_PKD_CODE', `"${bad}" is not a PKD 2007 class code such as "88.10.Z"`, [...path, 'pkdCodes']);
  const recordedAt = filter.asOf?.recordedAt ?? null;
  if (recordedAt && Number.isNaN(recordedAt.getTime())) throw badInput('INVALID_DATE', 'asOf.recordedAt is not a valid instant', [...path, 'asOf', 'recordedAt']);
  return {
    legalForms: [...new Set(filter.legalForms ?? [])].sort(),
    statuses: [...new Set(filter.statuses ?? [])].sort(),
    terytCode: terytCode === 'PL' ? null : terytCode,
    nameContains: name === null ? null : foldForSearch(name),
    pkdCodes,
    pkdSection: filter.pkdSection ?? null,
    socialEnterprise: filter.socialEnterprise ?? null,
    asOf: filter.asOf ? { validAt: filter.asOf.validAt ?? null, recordedAt: recordedAt?.toISOString() ?? null } : null,
  };
}

import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, notFound } from '../../shared/errors';
import { localIdOf } from '../../shared/relay';
import { checkKrs, checkNip, checkRegon, type IdentifierCheck } from '../../shared/ids';
import { SocialEconomyEntity } from './social-economy-entity.entity';
import { isUuid } from './registry.loaders';

export interface EntityLookup {
  id?: string | null;
  krs?: string | null;
  regon?: string | null;
  nip?: string | null;
}

const CHECKS: Record<'krs' | 'regon' | 'nip', { check: (v: string) => IdentifierCheck; reason: string; label: string }> = {
  krs: { check: checkKrs, reason: 'INVALID_KRS', label: 'KRS number' },
  regon: { check: checkRegon, reason: 'INVALID_REGON', label: 'REGON' },
  nip: { check: checkNip, reason: 'INVALID_NIP', label: 'NIP' },
};

/**
 * Finds one entity by exactly one identifier: its global id (or the bare UUID the CMS stores as
 * `entityKey`), KRS number, REGON or NIP. Identifiers are validated (check digits for REGON and
 * NIP) and normalised before the lookup, so "123-456-32-18" finds NIP 1234563218.
 */
export async function findEntity(em: EntityManager, lookup: EntityLookup): Promise<SocialEconomyEntity> {
  const given = (Object.keys(lookup) as (keyof EntityLookup)[]).filter((k) => lookup[k] != null);
  if (given.length !== 1) {
    throw badInput('EXACTLY_ONE_IDENTIFIER', 'Give exactly one of id, krs, regon or nip', given.length ? given : ['id', 'krs', 'regon', 'nip']);
  }
  const field = given[0];
  const raw = lookup[field]!;
  if (field === 'id') {
    const id = isUuid(raw) ? raw.toLowerCase() : localIdOf(raw, 'SocialEconomyEntity', ['id']);
    if (!isUuid(id)) throw badInput('INVALID_ID', `"${raw}" is not a social economy entity id`, ['id']);
    const entity = await em.findOne(SocialEconomyEntity, { id });
    if (!entity) throw notFound('ENTITY_NOT_FOUND', `No social economy entity has the id ${raw}`, ['id']);
    return entity;
  }
  const { check, reason, label } = CHECKS[field];
  const result = check(raw);
  if (!result.valid) throw badInput(reason, `"${raw}" is not a valid ${label}: ${result.message}`, [field]);
  const entity = await em.findOne(SocialEconomyEntity, { [field]: result.value });
  if (!entity) throw notFound('ENTITY_NOT_FOUND', `No social economy entity in the registry has ${label} ${result.value}`, [field]);
  return entity;
}

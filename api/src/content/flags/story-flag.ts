import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ObjectType, registerEnumType } from 'type-graphql';

/** Why a success story needs an editor's attention (values as in the CMS field `hubFlag`). */
export enum StoryFlagReason {
  ENTITY_LOST_STATUS = 'ENTITY_LOST_STATUS',
  ENTITY_STRUCK_OFF = 'ENTITY_STRUCK_OFF',
}
registerEnumType(StoryFlagReason, {
  name: 'StoryFlagReason',
  description: 'Why the hub flagged a success story.',
  valuesConfig: {
    ENTITY_LOST_STATUS: { description: 'The entity the story is about has lost its social enterprise status.' },
    ENTITY_STRUCK_OFF: { description: 'The entity the story is about has been struck off the register.' },
  },
});

@ObjectType({ description: 'A warning that a success story may no longer be accurate, raised by the hub from registry events.' })
export class StoryFlag {
  @Field(() => StoryFlagReason, { description: 'What changed about the entity.' })
  reason!: StoryFlagReason;

  @Field({ description: 'Explanation for readers and editors, in Polish and English.' })
  note!: string;
}

const NOTES: Record<StoryFlagReason, string> = {
  ENTITY_LOST_STATUS: 'Podmiot utracił status przedsiębiorstwa społecznego (rejestr huba). / The entity has lost its social enterprise status (hub registry).',
  ENTITY_STRUCK_OFF: 'Podmiot został wykreślony z rejestru (rejestr huba). / The entity has been struck off the register (hub registry).',
};

/**
 * The flag each entity's stories should carry, from current registry knowledge: struck off
 * (status DISSOLVED) wins; otherwise a withdrawn social enterprise status that has not been
 * granted again. One statement for any number of entities.
 */
export async function flagsForEntities(em: EntityManager, entityIds: readonly string[]): Promise<Map<string, StoryFlag | null>> {
  const ids = [...new Set(entityIds.map((id) => id.toLowerCase()))].filter((id) => /^[0-9a-f-]{36}$/.test(id));
  const result = new Map<string, StoryFlag | null>(ids.map((id) => [id, null]));
  if (!ids.length) return result;
  const rows = await em.execute<{ id: string; status: string; social_enterprise: boolean; lost: boolean }[]>(
    `select e.id, e.status, e.social_enterprise,
            exists (select 1 from registry_event r where r.entity_id = e.id and r.kind = 'SOCIAL_ENTERPRISE_WITHDRAWN') as lost
     from social_economy_entity e where e.id in (select value::uuid from jsonb_array_elements_text(?::jsonb))`,
    [JSON.stringify(ids)],
  );
  for (const row of rows) {
    const reason = row.status === 'DISSOLVED' ? StoryFlagReason.ENTITY_STRUCK_OFF : !row.social_enterprise && row.lost ? StoryFlagReason.ENTITY_LOST_STATUS : null;
    result.set(row.id, reason ? Object.assign(new StoryFlag(), { reason, note: NOTES[reason] }) : null);
  }
  return result;
}

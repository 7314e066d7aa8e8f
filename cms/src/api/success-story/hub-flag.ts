import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';
import { queueHubWebhook, webhookSettingsFromEnv } from '../../webhooks/hub-webhooks';

const STORY_UID = 'api::success-story.success-story';
export const HUB_FLAGS = ['ENTITY_LOST_STATUS', 'ENTITY_STRUCK_OFF'] as const;
export type HubFlag = (typeof HUB_FLAGS)[number];
const FLAG_FIELDS = ['hubFlag', 'hubFlagNote'];

export interface HubFlagInput {
  hubFlag: HubFlag | null;
  hubFlagNote: string | null;
}

/** Checks the body the hub sends: only the two flag fields, each a known value or null. */
export const parseHubFlagInput = (data: unknown): HubFlagInput => {
  if (!data || typeof data !== 'object' || Array.isArray(data)) {
    throw new errors.ValidationError('body must be {"data": {"hubFlag": …, "hubFlagNote": …}}');
  }
  const extra = Object.keys(data).filter((key) => !FLAG_FIELDS.includes(key));
  if (extra.length > 0) throw new errors.ValidationError(`only hubFlag and hubFlagNote may be set here, not ${extra.join(', ')}`);
  const { hubFlag = null, hubFlagNote = null } = data as Record<string, unknown>;
  if (hubFlag !== null && !HUB_FLAGS.includes(hubFlag as HubFlag)) {
    throw new errors.ValidationError(`hubFlag must be null or one of ${HUB_FLAGS.join(', ')}`);
  }
  if (hubFlagNote !== null && (typeof hubFlagNote !== 'string' || hubFlagNote.length > 500)) {
    throw new errors.ValidationError('hubFlagNote must be null or a string of at most 500 characters');
  }
  return { hubFlag: hubFlag as HubFlag | null, hubFlagNote: (hubFlagNote as string | null) || null };
};

/**
 * Writes the flag on every row of the story (draft and published, every locale) directly: the flag
 * is the hub's fact, not an edit, so it must reach the published story without publishing whatever
 * an editor has in the draft. Then tells the hub, as any change does.
 */
export const setHubFlag = async (strapi: Core.Strapi, documentId: string, data: unknown) => {
  const input = parseHubFlagInput(data);
  const { count } = await strapi.db.query(STORY_UID).updateMany({ where: { documentId }, data: input });
  if (count === 0) throw new errors.NotFoundError(`no success story has documentId ${documentId}`);
  queueHubWebhook(strapi, webhookSettingsFromEnv(), {
    event: 'entry.update',
    model: 'success-story',
    documentId,
    locale: null,
    occurredAt: new Date().toISOString(),
  });
  strapi.log.info(`[hub] success story ${documentId} flagged ${input.hubFlag ?? 'clear'} by the hub`);
  return { documentId, ...input };
};

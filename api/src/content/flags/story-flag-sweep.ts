import type { MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from 'pino';
import { encodeStrapiQuery } from '../cms/query-string';
import { flagsForEntities } from './story-flag';

/** Registry events that can change a story's flag. */
const RELEVANT = ['SOCIAL_ENTERPRISE_WITHDRAWN', 'SOCIAL_ENTERPRISE_GRANTED', 'DISSOLVED', 'STATUS_CHANGED', 'LIQUIDATION_STARTED'];
const BATCH = 500; // entities per CMS lookup stay within the CMS's 500-item $in limit
const SWEEP = 'story-flags';

export interface StoryFlagWriterOptions {
  orm: MikroORM;
  cmsUrl: string;
  /** Read token (CMS_TOKEN): to find the stories about an entity. */
  readToken: string | undefined;
  /** Write token (CMS_FLAG_TOKEN): `PUT /api/success-stories/:documentId/hub-flag` only. */
  flagToken: string | undefined;
  timeoutMs: number;
  log?: Logger;
}

/**
 * Writes the hub's story flags into the CMS (fields `hubFlag`, `hubFlagNote`) so editors see them.
 * A sweep reads registry events after its cursor, recomputes the flag of each entity concerned,
 * finds that entity's stories in the CMS and writes their flag; the cursor moves only when every
 * write succeeded, so a CMS outage delays flags, never loses them. Writes are idempotent.
 */
export class StoryFlagWriter {
  constructor(private readonly options: StoryFlagWriterOptions) {}

  get enabled(): boolean {
    return Boolean(this.options.flagToken && this.options.readToken);
  }

  /** One pass; returns how many stories were written. */
  async sweep(): Promise<{ events: number; storiesWritten: number }> {
    if (!this.enabled) return { events: 0, storiesWritten: 0 };
    const em = this.options.orm.em.fork();
    const [cursor] = await em.execute<{ last_event_id: string }[]>('select last_event_id from story_flag_sweep where name = ?', [SWEEP]);
    const events = await em.execute<{ id: string; entity_id: string }[]>(
      `select id, entity_id from registry_event where id > ? and kind in (select value from jsonb_array_elements_text(?::jsonb)) order by id limit ${BATCH}`,
      [cursor?.last_event_id ?? '0', JSON.stringify(RELEVANT)],
    );
    if (!events.length) return { events: 0, storiesWritten: 0 };
    const storiesWritten = await this.writeForEntities(events.map((e) => e.entity_id));
    const last = events[events.length - 1].id;
    await em.execute(
      `insert into story_flag_sweep (name, last_event_id, updated_at) values (?, ?, now()) on conflict (name) do update set last_event_id = excluded.last_event_id, updated_at = now()`,
      [SWEEP, last],
    );
    return { events: events.length, storiesWritten };
  }

  /** Re-checks one story (e.g. after the CMS reported it published), writing its flag if it differs. */
  async checkStory(documentId: string): Promise<boolean> {
    if (!this.enabled) return false;
    const stories = await this.findStories({ documentId: { $eq: documentId } });
    const story = stories[0];
    if (!story?.entityKey) return false;
    const flag = (await flagsForEntities(this.options.orm.em.fork(), [story.entityKey])).get(story.entityKey.toLowerCase()) ?? null;
    if ((story.hubFlag ?? null) === (flag?.reason ?? null)) return false;
    await this.write(story.documentId, flag?.reason ?? null, flag?.note ?? null);
    return true;
  }

  private async writeForEntities(entityIds: string[]): Promise<number> {
    const flags = await flagsForEntities(this.options.orm.em.fork(), entityIds);
    const stories = await this.findStories({ entityKey: { $in: [...flags.keys()] } });
    let written = 0;
    for (const story of stories) {
      const flag = flags.get((story.entityKey ?? '').toLowerCase()) ?? null;
      if ((story.hubFlag ?? null) === (flag?.reason ?? null)) continue;
      await this.write(story.documentId, flag?.reason ?? null, flag?.note ?? null);
      written += 1;
    }
    return written;
  }

  private async findStories(filters: Record<string, unknown>): Promise<{ documentId: string; entityKey: string | null; hubFlag?: string | null }[]> {
    const found = new Map<string, { documentId: string; entityKey: string | null; hubFlag?: string | null }>();
    for (const locale of ['pl', 'en']) {
      const query = encodeStrapiQuery({ locale, fields: ['documentId', 'entityKey', 'hubFlag'], pagination: { page: 1, pageSize: 100 }, filters: filters as never });
      const res = await fetch(`${this.options.cmsUrl}/api/success-stories?${query}`, {
        headers: { Authorization: `Bearer ${this.options.readToken}`, Accept: 'application/json' },
        signal: AbortSignal.timeout(this.options.timeoutMs),
      });
      if (!res.ok) throw new Error(`CMS answered ${res.status} when listing stories`);
      for (const story of ((await res.json()) as { data: { documentId: string; entityKey: string | null; hubFlag?: string | null }[] }).data) found.set(story.documentId, story);
    }
    return [...found.values()];
  }

  private async write(documentId: string, hubFlag: string | null, hubFlagNote: string | null): Promise<void> {
    const res = await fetch(`${this.options.cmsUrl}/api/success-stories/${encodeURIComponent(documentId)}/hub-flag`, {
      method: 'PUT',
      headers: { Authorization: `Bearer ${this.options.flagToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ data: { hubFlag, hubFlagNote } }),
      signal: AbortSignal.timeout(this.options.timeoutMs),
    });
    if (!res.ok) throw new Error(`CMS refused the flag of story ${documentId} with ${res.status}`);
    this.options.log?.info({ documentId, hubFlag }, 'story flag written to the CMS');
  }
}

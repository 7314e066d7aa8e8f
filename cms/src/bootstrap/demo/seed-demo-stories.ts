import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Core } from '@strapi/strapi';
import { envFlag } from '../check-env';
import { renderCoverPng } from './cover-image';
import { DEMO_STORIES, type DemoStory } from './demo-stories';

const STORY_UID = 'api::success-story.success-story';
/** strapi.store key that marks a database as seeded, so editors' deletions are never undone. */
export const DEMO_FLAG = { type: 'core', name: 'hub', key: 'demo-seeded' } as const;

const uploadCover = async (strapi: Core.Strapi, story: DemoStory, index: number): Promise<number | undefined> => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hub-cover-'));
  const filepath = path.join(dir, `${story.pl.slug}.png`);
  try {
    await fs.writeFile(filepath, renderCoverPng(story.palette, index + 1));
    const { size } = await fs.stat(filepath);
    const [file] = await strapi
      .plugin('upload')
      .service('upload')
      .upload({
        data: {
          fileInfo: {
            name: `${story.pl.slug}.png`,
            alternativeText: 'Ilustracja demonstracyjna: abstrakcyjny krajobraz / Demo illustration: abstract landscape',
            caption: 'Ilustracja wygenerowana dla danych demonstracyjnych / Generated illustration for demo data',
          },
        },
        files: { filepath, originalFilename: `${story.pl.slug}.png`, mimetype: 'image/png', size },
      });
    return file?.id;
  } catch (error) {
    // A story without a cover is still a story; never let a picture stop the CMS from starting.
    strapi.log.warn(`[hub] demo cover for ${story.pl.slug} not uploaded: ${(error as Error).message}`);
    return undefined;
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
};

/**
 * Seeds the demo success stories once per database, published in pl and en, through the Document
 * Service. CMS_SEED_DEMO=false skips it (and leaves the flag unset, so a later start may still seed).
 * Each story is skipped when its Polish slug exists, so a start interrupted mid-seed never duplicates.
 */
export const seedDemoStories = async (strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  if (!envFlag(env.CMS_SEED_DEMO, true)) {
    strapi.log.info('[hub] CMS_SEED_DEMO=false: demo success stories not seeded');
    return 0;
  }
  const store = strapi.store({ type: DEMO_FLAG.type, name: DEMO_FLAG.name });
  if (await store.get({ key: DEMO_FLAG.key })) return 0;

  const documents = strapi.documents(STORY_UID);
  let created = 0;
  for (const [index, story] of DEMO_STORIES.entries()) {
    const existing = await documents.findFirst({ locale: 'pl', filters: { slug: story.pl.slug } });
    if (existing) continue;
    const cover = await uploadCover(strapi, story, index);
    const shared = { entityKey: story.entityKey, terytCode: story.terytCode, ...(cover ? { cover } : {}) };
    // `as never`: without generated types (types/generated is not committed) the input type is empty.
    const { documentId } = await documents.create({ locale: 'pl', status: 'published', data: { ...story.pl, ...shared } as never });
    await documents.update({ documentId, locale: 'en', status: 'published', data: { ...story.en, ...shared } as never });
    created += 1;
  }
  await store.set({
    key: DEMO_FLAG.key,
    value: { seededAt: new Date().toISOString(), stories: DEMO_STORIES.length, created },
  });
  strapi.log.info(`[hub] seeded ${created} demo success stories (pl + en)`);
  return created;
};

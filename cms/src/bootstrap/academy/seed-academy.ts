import type { Core } from '@strapi/strapi';
import { envFlag } from '../check-env';
import { toBlocks } from './blocks';
import { COURSE, MODULES, TRAINERS } from './curriculum';
import { MATERIALS } from './materials';
import { CAMPAIGNS, NEWS, WORKSHOPS } from './promotion';
import type { Locale } from './types';

/** strapi.store key that marks a database as having had the academy seed (see the stories' DEMO_FLAG). */
export const ACADEMY_FLAG = { type: 'core', name: 'hub', key: 'academy-seeded' } as const;

const UID = {
  course: 'api::course.course',
  module: 'api::course-module.course-module',
  material: 'api::material.material',
  workshop: 'api::workshop.workshop',
  trainer: 'api::trainer.trainer',
  news: 'api::news.news',
  campaign: 'api::campaign.campaign',
  story: 'api::success-story.success-story',
} as const;

type Data = Record<string, unknown>;

/** Programme totals follow from its modules, so the seed cannot contradict itself. */
export const courseTotals = () => ({
  totalHours: MODULES.reduce((sum, m) => sum + m.hours, 0),
  ects: MODULES.reduce((sum, m) => sum + m.ects, 0),
});

/**
 * Seeds a demo curriculum once per database: the postgraduate programme and its eight modules,
 * trainers, materials (with the demo success stories as case studies), three regional workshops, a
 * campaign and its news — each published in Polish and English through the Document Service, so
 * relations link pl to pl and en to en. Runs after the story seed; CMS_SEED_DEMO=false skips it.
 * An entry whose Polish slug exists is reused, so a start interrupted mid-seed never duplicates.
 */
export const seedAcademy = async (strapi: Core.Strapi, env: NodeJS.ProcessEnv = process.env): Promise<number> => {
  if (!envFlag(env.CMS_SEED_DEMO, true)) {
    strapi.log.info('[hub] CMS_SEED_DEMO=false: demo academy content not seeded');
    return 0;
  }
  const store = strapi.store({ type: ACADEMY_FLAG.type, name: ACADEMY_FLAG.name });
  if (await store.get({ key: ACADEMY_FLAG.key })) return 0;

  const ids = new Map<string, string>();
  let created = 0;
  const id = (kind: string, key: string): string => {
    const documentId = ids.get(`${kind}:${key}`);
    if (!documentId) throw new Error(`academy seed: ${kind} ${key} is referenced before it is created`);
    return documentId;
  };

  /** Creates the pl version and publishes it, then the en version; relations per locale from `links`. */
  const put = async (uid: string, kind: string, key: string, text: Record<Locale, Data>, shared: Data, links: Data = {}) => {
    const documents = strapi.documents(uid as never);
    const existing = await documents.findFirst({ locale: 'pl', filters: { slug: text.pl.slug } } as never);
    if (existing) {
      ids.set(`${kind}:${key}`, (existing as { documentId: string }).documentId);
      return;
    }
    // `as never`: without generated types (types/generated is not committed) the input type is empty.
    const { documentId } = await documents.create({ locale: 'pl', status: 'published', data: { ...text.pl, ...shared, ...links } } as never);
    await documents.update({ documentId, locale: 'en', status: 'published', data: { ...text.en, ...shared, ...links } } as never);
    ids.set(`${kind}:${key}`, documentId);
    created += 1;
  };
  const bilingual = <T extends Data>(text: Record<Locale, T>, blocks: string[]): Record<Locale, Data> => {
    const convert = (t: T): Data => ({ ...t, ...Object.fromEntries(blocks.map((field) => [field, toBlocks(String(t[field] ?? ''))])) });
    return { pl: convert(text.pl), en: convert(text.en) };
  };

  for (const trainer of TRAINERS) {
    await put(UID.trainer, 'trainer', trainer.key, trainer.text, { name: trainer.name, academicTitle: trainer.academicTitle });
  }

  const stories = new Map<string, string>();
  for (const story of await strapi.documents(UID.story as never).findMany({ locale: 'pl', fields: ['entityKey'], limit: 1000 } as never)) {
    const { entityKey, documentId } = story as { entityKey?: string; documentId: string };
    if (entityKey) stories.set(entityKey, documentId);
  }
  for (const material of MATERIALS) {
    const caseStudies = material.caseStudyEntityKeys.map((key) => stories.get(key)).filter((d): d is string => Boolean(d));
    await put(
      UID.material,
      'material',
      material.key,
      bilingual(material.text, ['body']),
      { readingTimeMinutes: material.readingTimeMinutes, audience: material.audience, indicatorCodes: material.indicatorCodes },
      { caseStudies },
    );
  }

  await put(UID.course, 'course', 'postgraduate', bilingual(COURSE.text, ['description']), {
    level: COURSE.level,
    pqfLevel: COURSE.pqfLevel,
    semesters: COURSE.semesters,
    ...courseTotals(),
  });
  for (const m of MODULES) {
    await put(
      UID.module,
      'module',
      m.key,
      m.text,
      { order: m.order, semester: m.semester, hours: m.hours, ects: m.ects },
      {
        course: id('course', 'postgraduate'),
        prerequisites: m.prerequisites.map((key) => id('module', key)),
        materials: m.materials.map((key) => id('material', key)),
        trainers: m.trainers.map((key) => id('trainer', key)),
      },
    );
  }

  for (const w of WORKSHOPS) {
    await put(
      UID.workshop,
      'workshop',
      w.key,
      bilingual(w.text, ['programme']),
      { durationHours: w.durationHours, format: w.format, terytCode: w.terytCode },
      { materials: w.materials.map((key) => id('material', key)), trainers: w.trainers.map((key) => id('trainer', key)) },
    );
  }
  for (const c of CAMPAIGNS) {
    await put(
      UID.campaign,
      'campaign',
      c.key,
      bilingual(c.text, ['body']),
      { startsOn: c.startsOn, endsOn: c.endsOn, terytCode: c.terytCode },
      { courses: c.courses ? [id('course', 'postgraduate')] : [], workshops: c.workshops.map((key) => id('workshop', key)) },
    );
  }
  for (const n of NEWS) {
    await put(UID.news, 'news', n.key, bilingual(n.text, ['body']), { date: n.date }, n.campaign ? { campaign: id('campaign', n.campaign) } : {});
  }

  await store.set({ key: ACADEMY_FLAG.key, value: { seededAt: new Date().toISOString(), created } });
  strapi.log.info(`[hub] seeded ${created} academy documents (pl + en)`);
  return created;
};

import type { ContentReader } from '../content';
import { toCourse, toCourseModule, toMaterial, type Material } from '../content';
import { Locale } from '../shared/i18n';
import { blocksToPrint } from './blocks-to-print';
import { label } from './print-labels';
import type { Block, PrintChapter, PrintDocument, PrintImage } from './print-document';

const IMAGE_TIMEOUT_MS = 3000;
const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

const outcomeLabel = { KNOWLEDGE: { pl: 'Wiedza', en: 'Knowledge' }, SKILLS: { pl: 'Umiejętności', en: 'Skills' }, SOCIAL_COMPETENCES: { pl: 'Kompetencje społeczne', en: 'Social competences' } } as const;
const words = {
  pl: { reading: 'Czas czytania', minutes: 'min', audience: 'Odbiorcy', level: 'Poziom', pqf: 'Poziom PRK', semesters: 'Semestry', hours: 'Godziny', ects: 'ECTS', overview: 'O programie', outcomes: 'Efekty uczenia się', requirements: 'Warunki przyjęcia', trainers: 'Prowadzący', module: 'Moduł' },
  en: { reading: 'Reading time', minutes: 'min', audience: 'Audience', level: 'Level', pqf: 'PQF level', semesters: 'Semesters', hours: 'Hours', ects: 'ECTS', overview: 'About the programme', outcomes: 'Learning outcomes', requirements: 'Entry requirements', trainers: 'Taught by', module: 'Module' },
};

const text = (t: string) => ({ kind: 'paragraph' as const, inlines: [{ kind: 'text' as const, text: t }] });
const demote = (blocks: Block[]): Block[] => blocks.map((b) => (b.kind === 'heading' ? { ...b, level: 3 as const } : b));

/** Fetches the images of a document from the CMS (only from the CMS: no other host is contacted). */
export async function loadImages(blocks: Block[], cmsBaseUrl: string): Promise<void> {
  const images: PrintImage[] = blocks.filter((b): b is Extract<Block, { kind: 'image' }> => b.kind === 'image').map((b) => b.image);
  await Promise.all(
    images.map(async (image) => {
      if (!image.url.startsWith(`${cmsBaseUrl}/`)) return;
      try {
        const res = await fetch(image.url, { signal: AbortSignal.timeout(IMAGE_TIMEOUT_MS) });
        const data = Buffer.from(await res.arrayBuffer());
        if (res.ok && data.length <= IMAGE_MAX_BYTES) image.data = data;
      } catch {
        // A missing picture is printed as its caption; the document is still worth having.
      }
    }),
  );
}

const updatedOf = (...dates: (Date | null)[]): Date => new Date(Math.max(0, ...dates.map((d) => d?.getTime() ?? 0)));

function materialChapterBlocks(material: Material, cms: string): Block[] {
  return blocksToPrint(material.body, (u) => (u.startsWith('http') ? u : `${cms}${u}`));
}

/** A material as a printable document; null when the CMS has no such slug. */
export async function materialDocument(reader: ContentReader, slug: string, locale: Locale, publicBaseUrl: string): Promise<PrintDocument | null> {
  const academy = reader.academy;
  const record = (await academy.one('material', { by: 'slug', value: slug }, locale)) ?? (locale !== Locale.pl ? await academy.one('material', { by: 'slug', value: slug }, Locale.pl) : null);
  if (!record) return null;
  const material = toMaterial(record, academy.cmsBaseUrl);
  const w = words[material.locale];
  const blocks = materialChapterBlocks(material, academy.cmsBaseUrl);
  await loadImages(blocks, academy.cmsBaseUrl);
  const facts: [string, string][] = [];
  if (material.readingTimeMinutes) facts.push([w.reading, `${material.readingTimeMinutes} ${w.minutes}`]);
  if (material.audience) facts.push([w.audience, material.audience]);
  // Chapters are the material's first-level headings; text before the first one opens the document.
  const chapters: PrintChapter[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 1) chapters.push({ title: block.text, blocks: [] });
    else {
      if (!chapters.length) chapters.push({ title: material.title, blocks: [] });
      chapters[chapters.length - 1].blocks.push(block);
    }
  }
  if (!chapters.length) chapters.push({ title: material.title, blocks: material.summary ? [text(material.summary)] : [] });
  return {
    locale: material.locale,
    kindLabel: label('material', material.locale),
    title: material.title,
    subtitle: material.summary,
    facts,
    chapters,
    sourceUrl: `${publicBaseUrl}/print/materials/${encodeURIComponent(material.slug)}.html?locale=${material.locale}`,
    updatedAt: updatedOf(material.updatedAt, material.publishedAt),
  };
}

/** A course with its modules and their materials as one printable document. */
export async function courseDocument(reader: ContentReader, slug: string, locale: Locale, publicBaseUrl: string): Promise<PrintDocument | null> {
  const academy = reader.academy;
  const record = (await academy.one('course', { by: 'slug', value: slug }, locale)) ?? (locale !== Locale.pl ? await academy.one('course', { by: 'slug', value: slug }, Locale.pl) : null);
  if (!record) return null;
  const course = toCourse(record, academy.cmsBaseUrl);
  const w = words[course.locale];
  const modules = (await Promise.all(course.moduleIds.map((id) => academy.one('module', { by: 'document', value: id }, locale)))).filter((m) => m !== null).map(toCourseModule).sort((a, b) => a.order - b.order);
  const materialIds = [...new Set(modules.flatMap((m) => m.materialIds))];
  const materials = new Map((await Promise.all(materialIds.map((id) => academy.one('material', { by: 'document', value: id }, locale)))).filter((m) => m !== null).map((m) => [m.documentId, toMaterial(m, academy.cmsBaseUrl)]));

  const outcomesList = (list: { code: string | null; category: keyof typeof outcomeLabel; description: string }[]): Block[] =>
    list.length ? [{ kind: 'list', ordered: false, items: list.map((o) => [{ kind: 'text', text: `${o.code ? `${o.code} · ` : ''}${outcomeLabel[o.category][course.locale]}: `, bold: true }, { kind: 'text', text: o.description }]) }] : [];

  const overview: Block[] = [
    ...(course.lead ? [text(course.lead)] : []),
    ...blocksToPrint(course.description, (u) => (u.startsWith('http') ? u : `${academy.cmsBaseUrl}${u}`)),
    ...(course.learningOutcomes.length ? [{ kind: 'heading' as const, level: 2 as const, text: w.outcomes }, ...outcomesList(course.learningOutcomes)] : []),
    ...(course.entryRequirements ? [{ kind: 'heading' as const, level: 2 as const, text: w.requirements }, text(course.entryRequirements)] : []),
  ];
  const chapters: PrintChapter[] = [{ title: w.overview, blocks: overview }];
  for (const module of modules) {
    const facts = [module.semester ? `${w.semesters}: ${module.semester}` : null, module.hours ? `${w.hours}: ${module.hours}` : null, module.ects ? `${w.ects}: ${module.ects}` : null].filter(Boolean).join(' · ');
    const blocks: Block[] = [
      ...(facts ? [text(facts)] : []),
      ...(module.summary ? [text(module.summary)] : []),
      ...(module.trainers.length ? [text(`${w.trainers}: ${module.trainers.map((t) => [t.academicTitle, t.name].filter(Boolean).join(' ')).join(', ')}`)] : []),
      ...(module.outcomes.length ? [{ kind: 'heading' as const, level: 3 as const, text: w.outcomes }, ...outcomesList(module.outcomes)] : []),
    ];
    for (const id of module.materialIds) {
      const material = materials.get(id);
      if (!material) continue;
      blocks.push({ kind: 'heading', level: 2, text: material.title }, ...(material.summary ? [text(material.summary)] : []), ...demote(materialChapterBlocks(material, academy.cmsBaseUrl)));
    }
    chapters.push({ title: `${w.module} ${module.order}. ${module.title}`, blocks });
  }
  await loadImages(chapters.flatMap((c) => c.blocks), academy.cmsBaseUrl);
  const facts: [string, string][] = [];
  if (course.level) facts.push([w.level, course.level]);
  if (course.pqfLevel) facts.push([w.pqf, String(course.pqfLevel)]);
  if (course.semesters) facts.push([w.semesters, String(course.semesters)]);
  if (course.totalHours) facts.push([w.hours, String(course.totalHours)]);
  if (course.ects) facts.push([w.ects, String(course.ects)]);
  return {
    locale: course.locale,
    kindLabel: label('course', course.locale),
    title: course.title,
    subtitle: course.lead,
    facts,
    cover: course.cover ? { url: course.cover.url, alt: course.cover.alternativeText ?? '' } : null,
    chapters,
    sourceUrl: `${publicBaseUrl}/print/courses/${encodeURIComponent(course.slug)}.html?locale=${course.locale}`,
    updatedAt: updatedOf(course.updatedAt, course.publishedAt, ...modules.map((m) => m.updatedAt), ...[...materials.values()].map((m) => m.updatedAt)),
  };
}

/** Academy content as Strapi 5's REST API returns it (see /work/hub-contract-academy.md for the shapes). */
export interface StrapiMedia {
  url: string;
  alternativeText?: string | null;
  name?: string | null;
  mime?: string | null;
  width?: number | null;
  height?: number | null;
}

export interface StrapiOutcome {
  code?: string | null;
  category: 'KNOWLEDGE' | 'SKILLS' | 'SOCIAL_COMPETENCES';
  description: string;
}

export interface StrapiTrainer {
  documentId: string;
  name: string;
  academicTitle?: string | null;
  affiliation?: string | null;
}

interface Base {
  documentId: string;
  slug: string;
  title: string;
  locale: string;
  publishedAt?: string | null;
  updatedAt?: string | null;
}

export interface StrapiCourse extends Base {
  level?: string | null;
  pqfLevel?: number | null;
  semesters?: number | null;
  totalHours?: number | null;
  ects?: number | null;
  lead?: string | null;
  description?: unknown;
  entryRequirements?: string | null;
  learningOutcomes?: StrapiOutcome[] | null;
  cover?: StrapiMedia | null;
  modules?: { documentId: string; order?: number | null }[] | null;
}

export interface StrapiCourseModule extends Base {
  order: number;
  semester?: number | null;
  hours?: number | null;
  ects?: number | null;
  summary?: string | null;
  outcomes?: StrapiOutcome[] | null;
  materials?: { documentId: string }[] | null;
  trainers?: StrapiTrainer[] | null;
  course?: { documentId: string } | null;
}

export interface StrapiMaterial extends Base {
  summary?: string | null;
  body?: unknown;
  readingTimeMinutes?: number | null;
  audience?: string | null;
  indicatorCodes?: unknown;
  attachments?: StrapiMedia[] | null;
  caseStudies?: { documentId: string }[] | null;
}

export interface StrapiWorkshop extends Base {
  topic?: string | null;
  summary?: string | null;
  programme?: unknown;
  audience?: string | null;
  durationHours?: number | null;
  format?: string | null;
  terytCode?: string | null;
  cover?: StrapiMedia | null;
  materials?: { documentId: string }[] | null;
  trainers?: StrapiTrainer[] | null;
}

const MEDIA = { fields: ['url', 'alternativeText', 'name', 'mime', 'width', 'height'] };
const TRAINER = { fields: ['documentId', 'name', 'academicTitle', 'affiliation'] };
const REF = { fields: ['documentId'] };

/** Collection, cache prefix and the fields read, per type: listed explicitly, never `populate=*`. */
export const ACADEMY_TYPES = {
  course: {
    collection: 'courses',
    prefix: 'course',
    fields: ['documentId', 'title', 'slug', 'locale', 'publishedAt', 'updatedAt', 'level', 'pqfLevel', 'semesters', 'totalHours', 'ects', 'lead', 'description', 'entryRequirements'],
    populate: { learningOutcomes: true, cover: MEDIA, modules: { fields: ['documentId', 'order'] } },
  },
  module: {
    collection: 'course-modules',
    prefix: 'module',
    fields: ['documentId', 'title', 'slug', 'locale', 'publishedAt', 'updatedAt', 'order', 'semester', 'hours', 'ects', 'summary'],
    populate: { outcomes: true, materials: REF, trainers: TRAINER, course: REF },
  },
  material: {
    collection: 'materials',
    prefix: 'material',
    fields: ['documentId', 'title', 'slug', 'locale', 'publishedAt', 'updatedAt', 'summary', 'body', 'readingTimeMinutes', 'audience', 'indicatorCodes'],
    populate: { attachments: MEDIA, caseStudies: REF },
  },
  workshop: {
    collection: 'workshops',
    prefix: 'workshop',
    fields: ['documentId', 'title', 'slug', 'locale', 'publishedAt', 'updatedAt', 'topic', 'summary', 'programme', 'audience', 'durationHours', 'format', 'terytCode'],
    populate: { cover: MEDIA, materials: REF, trainers: TRAINER },
  },
} as const;

export type AcademyType = keyof typeof ACADEMY_TYPES;
export interface AcademyRecords {
  course: StrapiCourse;
  module: StrapiCourseModule;
  material: StrapiMaterial;
  workshop: StrapiWorkshop;
}

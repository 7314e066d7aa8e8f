import { Field, GraphQLISODateTime, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../../shared/relay';
import { Locale } from '../../shared/i18n';
import { ContentImage } from '../stories/success-story.type';
import type { StrapiCourse, StrapiCourseModule, StrapiMaterial, StrapiMedia, StrapiOutcome, StrapiTrainer, StrapiWorkshop } from './academy-records';

export enum LearningOutcomeCategory {
  KNOWLEDGE = 'KNOWLEDGE',
  SKILLS = 'SKILLS',
  SOCIAL_COMPETENCES = 'SOCIAL_COMPETENCES',
}
registerEnumType(LearningOutcomeCategory, {
  name: 'LearningOutcomeCategory',
  description: 'Category of a learning outcome in the Polish Qualifications Framework.',
  valuesConfig: { KNOWLEDGE: { description: 'Knowledge (wiedza).' }, SKILLS: { description: 'Skills (umiejętności).' }, SOCIAL_COMPETENCES: { description: 'Social competences (kompetencje społeczne).' } },
});

@ObjectType({ description: 'A learning outcome (efekt uczenia się): what a graduate knows, can do or is ready to do.' })
export class LearningOutcome {
  @Field(() => String, { nullable: true, description: 'Code in the programme, e.g. K_W01.' })
  code!: string | null;

  @Field(() => LearningOutcomeCategory, { description: 'Knowledge, skills or social competences.' })
  category!: LearningOutcomeCategory;

  @Field({ description: 'What the outcome says.' })
  description!: string;
}

@ObjectType({ description: 'A trainer or lecturer as presented in the CMS (public profile, not a staff account).' })
export class AcademyTrainer {
  @Field({ description: 'Full name.' })
  name!: string;

  @Field(() => String, { nullable: true, description: 'Academic title, e.g. "dr hab.".' })
  academicTitle!: string | null;

  @Field(() => String, { nullable: true, description: 'University or organisation.' })
  affiliation!: string | null;
}

@ObjectType({ description: 'A file attached to a material (handout, template, presentation).' })
export class MaterialAttachment {
  @Field({ description: 'Absolute URL of the file.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'File name.' })
  name!: string | null;

  @Field(() => String, { nullable: true, description: 'Media type, e.g. application/pdf.' })
  mime!: string | null;
}

// type-graphql honours `isAbstract` (fields inherited, no type of its own in the schema) but does not declare it in its typings.
const ABSTRACT_BASE = { isAbstract: true, description: 'Fields every academy content type has.' };
@ObjectType(ABSTRACT_BASE)
abstract class AcademyContent extends Node {
  /** Strapi's documentId: one id for all language versions. */
  documentId!: string;
  get localId(): string {
    return this.documentId;
  }

  @Field({ description: 'Title in the language served.' })
  title!: string;

  @Field({ description: 'URL-friendly name, unique within its language.' })
  slug!: string;

  @Field(() => Locale, { description: 'Language of this version; Polish when the requested translation does not exist.' })
  locale!: Locale;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was published.' })
  publishedAt!: Date | null;

  /** Last change, for print dates. */
  updatedAt!: Date | null;
}

@ObjectType({ implements: Node, description: 'A study programme of the academy (e.g. postgraduate programme in social economy), from the CMS.' })
export class Course extends AcademyContent {
  @Field(() => String, { nullable: true, description: 'POSTGRADUATE, SHORT_COURSE or E_LEARNING.' })
  level!: string | null;

  @Field(() => Int, { nullable: true, description: 'Level in the Polish Qualifications Framework (1–8).' })
  pqfLevel!: number | null;

  @Field(() => Int, { nullable: true, description: 'Number of semesters.' })
  semesters!: number | null;

  @Field(() => Int, { nullable: true, description: 'Contact hours in total.' })
  totalHours!: number | null;

  @Field(() => Int, { nullable: true, description: 'ECTS credits.' })
  ects!: number | null;

  @Field(() => String, { nullable: true, description: 'One or two sentences introducing the programme.' })
  lead!: string | null;

  @Field(() => String, { nullable: true, description: 'Who may enrol.' })
  entryRequirements!: string | null;

  @Field(() => [LearningOutcome], { description: 'Learning outcomes of the whole programme.' })
  learningOutcomes!: LearningOutcome[];

  @Field(() => ContentImage, { nullable: true, description: 'Cover picture.' })
  cover!: ContentImage | null;

  /** Strapi blocks JSON; printed and served as HTML through /print. */
  description!: unknown;
  moduleIds!: string[];
}

@ObjectType({ implements: Node, description: 'A module (subject) of a study programme.' })
export class CourseModule extends AcademyContent {
  @Field(() => Int, { description: 'Position in the programme.' })
  order!: number;

  @Field(() => Int, { nullable: true, description: 'Semester in which it is taught.' })
  semester!: number | null;

  @Field(() => Int, { nullable: true, description: 'Contact hours.' })
  hours!: number | null;

  @Field(() => Int, { nullable: true, description: 'ECTS credits.' })
  ects!: number | null;

  @Field(() => String, { nullable: true, description: 'What the module covers.' })
  summary!: string | null;

  @Field(() => [LearningOutcome], { description: 'Learning outcomes of the module.' })
  outcomes!: LearningOutcome[];

  @Field(() => [AcademyTrainer], { description: 'Who teaches it.' })
  trainers!: AcademyTrainer[];

  materialIds!: string[];
}

@ObjectType({ implements: Node, description: 'An educational material (article, guide, handout) from the CMS; printable as PDF.' })
export class Material extends AcademyContent {
  @Field(() => String, { nullable: true, description: 'What the material is about.' })
  summary!: string | null;

  @Field(() => Int, { nullable: true, description: 'Estimated reading time in minutes.' })
  readingTimeMinutes!: number | null;

  @Field(() => String, { nullable: true, description: 'Intended audience: GENERAL_PUBLIC, PRACTITIONERS, LOCAL_GOVERNMENT or STUDENTS.' })
  audience!: string | null;

  @Field(() => [String], { description: 'Codes of the hub indicators the material cites.' })
  indicatorCodes!: string[];

  @Field(() => [MaterialAttachment], { description: 'Attached files.' })
  attachments!: MaterialAttachment[];

  /** Strapi blocks JSON. */
  body!: unknown;
  caseStudyIds!: string[];
}

@ObjectType({ implements: Node, description: 'A regional social entrepreneurship workshop as described in the CMS; its dated runs are workshop editions.' })
export class Workshop extends AcademyContent {
  @Field(() => String, { nullable: true, description: 'Topic in a few words.' })
  topic!: string | null;

  @Field(() => String, { nullable: true, description: 'What participants will learn.' })
  summary!: string | null;

  @Field(() => String, { nullable: true, description: 'Who it is for.' })
  audience!: string | null;

  @Field(() => Int, { nullable: true, description: 'Length in hours.' })
  durationHours!: number | null;

  @Field(() => String, { nullable: true, description: 'IN_PERSON, ONLINE or HYBRID.' })
  format!: string | null;

  @Field(() => String, { nullable: true, description: 'TERYT code of the region it is offered in; null = nationwide.' })
  terytCode!: string | null;

  @Field(() => ContentImage, { nullable: true, description: 'Cover picture.' })
  cover!: ContentImage | null;

  @Field(() => [AcademyTrainer], { description: 'Trainers presented for the workshop.' })
  trainers!: AcademyTrainer[];

  programme!: unknown;
  materialIds!: string[];
}

export const absoluteUrl = (url: string, cmsBaseUrl: string): string => (/^https?:\/\//.test(url) ? url : `${cmsBaseUrl}${url.startsWith('/') ? '' : '/'}${url}`);

const image = (m: StrapiMedia | null | undefined, base: string): ContentImage | null =>
  m?.url ? Object.assign(new ContentImage(), { url: absoluteUrl(m.url, base), alternativeText: m.alternativeText ?? null, width: m.width ?? null, height: m.height ?? null }) : null;
const outcomes = (list: StrapiOutcome[] | null | undefined) => (list ?? []).map((o) => Object.assign(new LearningOutcome(), { code: o.code ?? null, category: o.category, description: o.description }));
const trainers = (list: StrapiTrainer[] | null | undefined) => (list ?? []).map((t) => Object.assign(new AcademyTrainer(), { name: t.name, academicTitle: t.academicTitle ?? null, affiliation: t.affiliation ?? null }));
const base = (r: { documentId: string; title: string; slug: string; locale: string; publishedAt?: string | null; updatedAt?: string | null }) => ({
  documentId: r.documentId,
  title: r.title,
  slug: r.slug,
  locale: r.locale === Locale.en ? Locale.en : Locale.pl,
  publishedAt: r.publishedAt ? new Date(r.publishedAt) : null,
  updatedAt: r.updatedAt ? new Date(r.updatedAt) : r.publishedAt ? new Date(r.publishedAt) : null,
});

export const toCourse = (r: StrapiCourse, cms: string): Course =>
  Object.assign(new Course(), base(r), {
    level: r.level ?? null, pqfLevel: r.pqfLevel ?? null, semesters: r.semesters ?? null, totalHours: r.totalHours ?? null, ects: r.ects ?? null,
    lead: r.lead ?? null, entryRequirements: r.entryRequirements ?? null, learningOutcomes: outcomes(r.learningOutcomes), cover: image(r.cover, cms),
    description: r.description ?? null,
    moduleIds: [...(r.modules ?? [])].sort((a, b) => (a.order ?? 0) - (b.order ?? 0)).map((m) => m.documentId),
  });

export const toCourseModule = (r: StrapiCourseModule): CourseModule =>
  Object.assign(new CourseModule(), base(r), {
    order: r.order, semester: r.semester ?? null, hours: r.hours ?? null, ects: r.ects ?? null, summary: r.summary ?? null,
    outcomes: outcomes(r.outcomes), trainers: trainers(r.trainers), materialIds: (r.materials ?? []).map((m) => m.documentId),
  });

export const toMaterial = (r: StrapiMaterial, cms: string): Material =>
  Object.assign(new Material(), base(r), {
    summary: r.summary ?? null, readingTimeMinutes: r.readingTimeMinutes ?? null, audience: r.audience ?? null,
    indicatorCodes: Array.isArray(r.indicatorCodes) ? r.indicatorCodes.filter((c): c is string => typeof c === 'string') : [],
    attachments: (r.attachments ?? []).filter((a) => a?.url).map((a) => Object.assign(new MaterialAttachment(), { url: absoluteUrl(a.url, cms), name: a.name ?? null, mime: a.mime ?? null })),
    body: r.body ?? null, caseStudyIds: (r.caseStudies ?? []).map((s) => s.documentId),
  });

export const toWorkshop = (r: StrapiWorkshop, cms: string): Workshop =>
  Object.assign(new Workshop(), base(r), {
    topic: r.topic ?? null, summary: r.summary ?? null, audience: r.audience ?? null, durationHours: r.durationHours ?? null, format: r.format ?? null,
    terytCode: r.terytCode || null, cover: image(r.cover, cms), trainers: trainers(r.trainers), programme: r.programme ?? null,
    materialIds: (r.materials ?? []).map((m) => m.documentId),
  });

/** Shapes of the academy seed (see the content types in src/api/ and /work/hub-contract-academy.md). */
export type Locale = 'pl' | 'en';
export type Bilingual<T> = Record<Locale, T>;

export interface Outcome {
  code: string;
  category: 'KNOWLEDGE' | 'SKILLS' | 'SOCIAL_COMPETENCES';
  description: string;
}

export interface TrainerSeed {
  key: string;
  name: string;
  academicTitle: string;
  text: Bilingual<{ slug: string; affiliation: string; bio: string }>;
}

export interface MaterialSeed {
  key: string;
  readingTimeMinutes: number;
  audience: 'GENERAL_PUBLIC' | 'PRACTITIONERS' | 'LOCAL_GOVERNMENT' | 'STUDENTS';
  indicatorCodes: string[];
  /** entityKey of the demo success stories used as case studies. */
  caseStudyEntityKeys: string[];
  /** Markdown subset, see blocks.ts. */
  text: Bilingual<{ title: string; slug: string; summary: string; body: string }>;
}

export interface ModuleSeed {
  key: string;
  order: number;
  semester: number;
  hours: number;
  ects: number;
  prerequisites: string[];
  materials: string[];
  trainers: string[];
  text: Bilingual<{ title: string; slug: string; summary: string; outcomes: Outcome[] }>;
}

export interface CourseSeed {
  level: 'POSTGRADUATE';
  pqfLevel: number;
  semesters: number;
  text: Bilingual<{ title: string; slug: string; lead: string; description: string; entryRequirements: string; learningOutcomes: Outcome[] }>;
}

export interface WorkshopSeed {
  key: string;
  durationHours: number;
  format: 'IN_PERSON' | 'ONLINE' | 'HYBRID';
  terytCode: string | null;
  materials: string[];
  trainers: string[];
  text: Bilingual<{ title: string; slug: string; topic: string; summary: string; programme: string; audience: string }>;
}

export interface CampaignSeed {
  key: string;
  startsOn: string;
  endsOn: string;
  terytCode: string | null;
  courses: boolean;
  workshops: string[];
  text: Bilingual<{ title: string; slug: string; lead: string; body: string; callToActionLabel: string; callToActionUrl: string }>;
}

export interface NewsSeed {
  key: string;
  date: string;
  campaign: string | null;
  text: Bilingual<{ title: string; slug: string; lead: string; body: string }>;
}

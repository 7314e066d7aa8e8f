import type { Core } from '@strapi/strapi';
import { errors } from '@strapi/utils';

const STORY_UID = 'api::success-story.success-story';

/** Tags are a JSON field, so Strapi accepts any JSON; the hub exposes them as `[String!]!`. */
export const findTagsProblem = (tags: unknown): string | null => {
  if (tags === undefined || tags === null) return null;
  if (!Array.isArray(tags)) return 'tags must be a JSON array of strings, e.g. ["reintegracja", "gastronomia"]';
  const bad = tags.find((tag) => typeof tag !== 'string' || tag.trim() === '' || tag.length > 60);
  if (bad !== undefined) return `tags must be non-empty strings of at most 60 characters; got ${JSON.stringify(bad)}`;
  return null;
};

export const registerTagsValidation = (strapi: Core.Strapi): void => {
  strapi.documents.use(async (context, next) => {
    if (context.uid === STORY_UID && (context.action === 'create' || context.action === 'update')) {
      const data = (context.params as { data?: { tags?: unknown } }).data;
      const problem = findTagsProblem(data?.tags);
      if (problem) throw new errors.ValidationError(problem, { path: ['tags'] });
    }
    return next();
  });
};

import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../context';
import { Locale, DEFAULT_LOCALE } from '../../shared/i18n';
import { badInput } from '../../shared/errors';
import { SuccessStory } from '../stories/success-story.type';
import { Course, CourseModule, Material, Workshop, toCourse, toCourseModule, toMaterial, toWorkshop } from './academy-content.types';

const checkSlug = (slug: string) => {
  if (!slug.trim() || slug.length > 200) throw badInput('INVALID_SLUG', 'slug must be 1–200 characters', ['slug']);
};
const localeArg = { defaultValue: DEFAULT_LOCALE, description: 'Language wanted; entries without a translation are served in Polish.' };

/** Served language of a parent: children are asked for in the language the parent was asked for. */
const asked = new WeakMap<object, Locale>();
const remember = <T extends object>(value: T, locale: Locale): T => {
  asked.set(value, locale);
  return value;
};
const localeOf = (value: object): Locale => asked.get(value) ?? DEFAULT_LOCALE;

@Resolver(() => Course)
export class CourseResolver {
  @Query(() => [Course], { nullable: true, description: 'Published study programmes of the academy. Null (with CMS_UNAVAILABLE) only when the CMS cannot be reached and nothing is cached.' })
  async courses(@Arg('locale', () => Locale, localeArg) locale: Locale, @Ctx() ctx: HubContext): Promise<Course[]> {
    const records = await ctx.content.academy.find('course', { by: 'all', value: '*' }, locale);
    return records.map((r) => remember(toCourse(r, ctx.content.academy.cmsBaseUrl), locale)).sort((a, b) => a.title.localeCompare(b.title, 'pl'));
  }

  @Query(() => Course, { nullable: true, description: 'One study programme by its slug; null when none has it.' })
  async course(@Arg('slug', { description: 'Slug in the language asked for.' }) slug: string, @Arg('locale', () => Locale, localeArg) locale: Locale, @Ctx() ctx: HubContext): Promise<Course | null> {
    checkSlug(slug);
    const record = (await ctx.content.academy.one('course', { by: 'slug', value: slug }, locale)) ?? (locale !== DEFAULT_LOCALE ? await ctx.content.academy.one('course', { by: 'slug', value: slug }, DEFAULT_LOCALE) : null);
    return record ? remember(toCourse(record, ctx.content.academy.cmsBaseUrl), locale) : null;
  }

  @FieldResolver(() => [CourseModule], { description: 'Modules of the programme, in programme order.' })
  async modules(@Root() course: Course, @Ctx() ctx: HubContext): Promise<CourseModule[]> {
    const locale = localeOf(course);
    const found = await Promise.all(course.moduleIds.map((id) => ctx.content.academy.one('module', { by: 'document', value: id }, locale)));
    return found.filter((m) => m !== null).map((m) => remember(toCourseModule(m), locale)).sort((a, b) => a.order - b.order);
  }

  @FieldResolver(() => String, { description: 'Address of the printable PDF of the whole programme (modules and their materials); `.html` gives the same as a web page.' })
  printUrl(@Root() course: Course): string {
    return `/print/courses/${encodeURIComponent(course.slug)}.pdf?locale=${course.locale}`;
  }
}

@Resolver(() => CourseModule)
export class CourseModuleResolver {
  @FieldResolver(() => [Material], { description: 'Materials used in the module.' })
  async materials(@Root() module: CourseModule, @Ctx() ctx: HubContext): Promise<Material[]> {
    const locale = localeOf(module);
    const found = await Promise.all(module.materialIds.map((id) => ctx.content.academy.one('material', { by: 'document', value: id }, locale)));
    return found.filter((m) => m !== null).map((m) => remember(toMaterial(m, ctx.content.academy.cmsBaseUrl), locale));
  }
}

@Resolver(() => Material)
export class MaterialResolver {
  @Query(() => Material, { nullable: true, description: 'One educational material by its slug; null when none has it.' })
  async material(@Arg('slug', { description: 'Slug in the language asked for.' }) slug: string, @Arg('locale', () => Locale, localeArg) locale: Locale, @Ctx() ctx: HubContext): Promise<Material | null> {
    checkSlug(slug);
    const record = (await ctx.content.academy.one('material', { by: 'slug', value: slug }, locale)) ?? (locale !== DEFAULT_LOCALE ? await ctx.content.academy.one('material', { by: 'slug', value: slug }, DEFAULT_LOCALE) : null);
    return record ? remember(toMaterial(record, ctx.content.academy.cmsBaseUrl), locale) : null;
  }

  @FieldResolver(() => [SuccessStory], { description: 'Success stories the material uses as case studies, each joined with its registry entity.' })
  async caseStudies(@Root() material: Material, @Ctx() ctx: HubContext): Promise<SuccessStory[]> {
    const found = await Promise.all(material.caseStudyIds.map((id) => ctx.content.stories({ kind: 'document', value: id }, localeOf(material))));
    return found.flat();
  }

  @FieldResolver(() => String, { description: 'Address of the printable PDF; `.html` gives a clean web page.' })
  printUrl(@Root() material: Material): string {
    return `/print/materials/${encodeURIComponent(material.slug)}.pdf?locale=${material.locale}`;
  }
}

@Resolver(() => Workshop)
export class WorkshopContentResolver {
  @Query(() => Workshop, { nullable: true, description: 'One workshop (as described in the CMS) by its slug; its dated runs are in `editions`.' })
  async workshop(@Arg('slug', { description: 'Slug in the language asked for.' }) slug: string, @Arg('locale', () => Locale, localeArg) locale: Locale, @Ctx() ctx: HubContext): Promise<Workshop | null> {
    checkSlug(slug);
    const record = (await ctx.content.academy.one('workshop', { by: 'slug', value: slug }, locale)) ?? (locale !== DEFAULT_LOCALE ? await ctx.content.academy.one('workshop', { by: 'slug', value: slug }, DEFAULT_LOCALE) : null);
    return record ? remember(toWorkshop(record, ctx.content.academy.cmsBaseUrl), locale) : null;
  }

  @FieldResolver(() => [Material], { description: 'Materials for participants.' })
  async materials(@Root() workshop: Workshop, @Ctx() ctx: HubContext): Promise<Material[]> {
    const locale = localeOf(workshop);
    const found = await Promise.all(workshop.materialIds.map((id) => ctx.content.academy.one('material', { by: 'document', value: id }, locale)));
    return found.filter((m) => m !== null).map((m) => remember(toMaterial(m, ctx.content.academy.cmsBaseUrl), locale));
  }
}

export { remember as rememberLocale, localeOf };

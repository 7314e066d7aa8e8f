import { Field, GraphQLISODateTime, Int, ObjectType } from 'type-graphql';
import { Node, ConnectionType } from '../../shared/relay';
import { Locale } from '../../shared/i18n';

@ObjectType({ description: 'An image stored in the CMS.' })
export class ContentImage {
  @Field({ description: 'Absolute URL of the image file.' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Text describing the image for people who cannot see it.' })
  alternativeText!: string | null;

  @Field(() => Int, { nullable: true, description: 'Width in pixels.' })
  width!: number | null;

  @Field(() => Int, { nullable: true, description: 'Height in pixels.' })
  height!: number | null;
}

/**
 * A success story, written and published by editors in the CMS. The hub adds what the CMS
 * does not know: the registry entity it is about and the territorial unit of its place.
 */
@ObjectType({ implements: Node, description: 'A published success story (good practice) from the CMS, joined with the registry entity it is about and its place.' })
export class SuccessStory extends Node {
  /** Strapi's documentId: one id for all language versions of the story. */
  documentId!: string;

  get localId(): string {
    return this.documentId;
  }

  @Field({ description: 'Headline of the story.' })
  title!: string;

  @Field({ description: 'URL-friendly name of the story, unique within its language.' })
  slug!: string;

  @Field(() => String, { nullable: true, description: 'One or two sentences introducing the story.' })
  lead!: string | null;

  @Field(() => String, { nullable: true, description: 'Full text of the story in Markdown.' })
  body!: string | null;

  @Field(() => ContentImage, { nullable: true, description: 'Cover picture, if the editors added one.' })
  cover!: ContentImage | null;

  @Field(() => [String], { description: 'Topic tags chosen by the editors.' })
  tags!: string[];

  @Field(() => Locale, { description: 'Language this version is in. It differs from the requested one when the story has no translation and the Polish original is served instead.' })
  locale!: Locale;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the story was published.' })
  publishedAt!: Date | null;

  /** Stable key of the registry entity (its UUID); resolved into `entity`. */
  entityKey!: string | null;

  /** TERYT code of the story's place; resolved into `territory`. */
  terytCode!: string | null;
}

export const SuccessStoryConnection = ConnectionType(SuccessStory, 'SuccessStory', 'A page of success stories, newest first.');

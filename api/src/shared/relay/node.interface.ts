import { Field, ID, InterfaceType } from 'type-graphql';
import { toGlobalId } from './global-id';

/** The GraphQL type name of a node: class names are the type names, by convention. */
export const nodeTypeName = (value: object): string => value.constructor.name;

/**
 * Base class for every major type: extend it (ORM entities may too) and declare
 * `@ObjectType({ implements: Node })`. The subclass keeps its own local `id`
 * (UUID or TERYT code); GraphQL sees only the global id.
 */
@InterfaceType({
  description: 'An object with a globally unique, opaque id (Relay Node).',
  resolveType: (value: object) => nodeTypeName(value),
})
export abstract class Node {
  abstract get localId(): string;

  @Field(() => ID, { name: 'id', description: 'Globally unique opaque id; pass it to `node(id:)` to fetch the object again.' })
  get globalId(): string {
    return toGlobalId(nodeTypeName(this), this.localId);
  }
}

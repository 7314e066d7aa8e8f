import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { encodeCursor, PageWindow } from './pagination';

@ObjectType({ description: 'Where a page of a list sits in the whole list (Relay PageInfo).' })
export class PageInfo {
  @Field({ description: 'Whether more items follow this page.' })
  hasNextPage!: boolean;

  @Field({ description: 'Whether items precede this page.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item; pass it as `after` for the next page.' })
  endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type.
 * Call once per node type, at module level, and use the returned class as the field's type.
 */
export function ConnectionType<T extends object>(nodeType: ClassType<T>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item; pass it as `after` to continue after it.' })
    cursor!: string;

    @Field(() => nodeType, { description: `The ${name}.` })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description })
  class ConnectionClass implements Connection<T> {
    @Field(() => [EdgeType], { description: 'The items of this page with their cursors.' })
    edges!: Edge<T>[];

    @Field(() => [nodeType], { description: 'The items of this page (shortcut for edges.node).' })
    nodes!: T[];

    @Field(() => PageInfo, { description: 'Paging information.' })
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount!: number;
  }
  return ConnectionClass;
}

/** Builds a connection from one page of rows fetched with `window` out of `totalCount`. */
export function toConnection<T>(rows: T[], totalCount: number, window: PageWindow): Connection<T> {
  const edges = rows.map((node, i) => ({ node, cursor: encodeCursor(window.offset + i) }));
  return {
    edges,
    nodes: rows,
    totalCount,
    pageInfo: Object.assign(new PageInfo(), {
      hasNextPage: window.offset + rows.length < totalCount,
      hasPreviousPage: window.offset > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    }),
  };
}

import 'reflect-metadata';
import { buildSchema, parse, GraphQLList, GraphQLNonNull, GraphQLObjectType, GraphQLSchema, GraphQLString, type OperationDefinitionNode, type FragmentDefinitionNode } from 'graphql';
import { measureOperation, enforceQueryLimits, DEFAULT_LIST_SIZE, BOUNDED_LIST_SIZES } from './query-limits';
import { HubError } from '../errors';

const schema = buildSchema(`
  type Query { unit(code: String!): Unit, units(first: Int): UnitConnection!, tags: [String!]! }
  type Unit { name: String!, children: [Unit!]!, entities(first: Int): EntityConnection! }
  type UnitConnection { edges: [UnitEdge!]!, nodes: [Unit!]!, totalCount: Int! }
  type UnitEdge { cursor: String!, node: Unit! }
  type EntityConnection { edges: [EntityEdge!]!, nodes: [Entity!]!, totalCount: Int! }
  type EntityEdge { cursor: String!, node: Entity! }
  type Entity { name: String! }
`);

const courseSchema = buildSchema(`
  type Query { course: Course }
  type Course { title: String!, modules(first: Int): [CourseModule!]! }
  type CourseModule { title: String!, materials: [Material!]!, entities: [Entity!]! }
  type Material { title: String! }
  type Entity { name: String! }
`);

function measure(query: string, variables: Record<string, unknown> = {}, against = schema) {
  const doc = parse(query);
  const operation = doc.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition');
  return measureOperation(against, operation, fragments, variables);
}

describe('query limits', () => {
  it('costs a single scalar field at 1', () => {
    expect(measure('{ tags }')).toEqual({ depth: 1, cost: 1 });
  });

  it('multiplies nested cost by the first argument of a connection', () => {
    const small = measure('{ units(first: 10) { nodes { name } } }');
    const large = measure('{ units(first: 100) { nodes { name } } }');
    expect(large.cost).toBeGreaterThan(small.cost * 9);
  });

  it('reads first from variables', () => {
    expect(measure('query Q($n: Int) { units(first: $n) { nodes { name } } }', { n: 50 })).toEqual(measure('{ units(first: 50) { nodes { name } } }'));
  });

  it('assumes the default list size for a list without first', () => {
    const { cost } = measure('{ unit(code: "02") { children { name } } }');
    expect(cost).toBe(1 + 1 + DEFAULT_LIST_SIZE * 1);
  });

  it('does not count edges and node as extra depth', () => {
    expect(measure('{ units { edges { node { name } } } }').depth).toBe(2);
  });

  it('follows fragments and counts their fields once per use', () => {
    const inline = measure('{ unit(code: "02") { name children { name } } }');
    const viaFragment = measure('{ unit(code: "02") { ...U } } fragment U on Unit { name children { name } }');
    expect(viaFragment).toEqual(inline);
  });

  it('survives a fragment cycle without looping (validation rejects it later)', () => {
    expect(() => measure('{ unit(code: "02") { ...A } } fragment A on Unit { children { ...A } }')).not.toThrow();
  });

  it('refuses a query deeper than the limit with QUERY_TOO_DEEP', () => {
    const deep = measure('{ unit(code: "02") { children { children { children { name } } } } }');
    expect(() => enforceQueryLimits(deep, { maxDepth: 3, maxCost: 1e9 })).toThrow(HubError);
    try {
      enforceQueryLimits(deep, { maxDepth: 3, maxCost: 1e9 });
    } catch (error) {
      expect((error as HubError).extensions.code).toBe('QUERY_TOO_DEEP');
    }
  });

  it('refuses a query costlier than the limit with QUERY_TOO_COSTLY', () => {
    const costly = measure('{ units(first: 100) { nodes { entities(first: 100) { nodes { name } } } } }');
    expect(costly.cost).toBeGreaterThan(10_000);
    expect(() => enforceQueryLimits(costly, { maxDepth: 10, maxCost: 5000 })).toThrow(/cost/);
  });

  it('charges a bounded CMS list its declared size instead of the default', () => {
    const { cost } = measure('{ course { modules { materials { title } } } }', {}, courseSchema);
    const materials = 1 + BOUNDED_LIST_SIZES['CourseModule.materials'] * 1;
    expect(cost).toBe(1 + 1 + BOUNDED_LIST_SIZES['Course.modules'] * materials);
    expect(BOUNDED_LIST_SIZES['Course.modules']).toBeLessThan(DEFAULT_LIST_SIZE);
  });

  it('still charges an undeclared list beside a declared one the default size', () => {
    const { cost } = measure('{ course { modules { entities { name } } } }', {}, courseSchema);
    expect(cost).toBe(1 + 1 + BOUNDED_LIST_SIZES['Course.modules'] * (1 + DEFAULT_LIST_SIZE * 1));
  });

  it('lets an explicit first override a declared size', () => {
    expect(measure('{ course { modules(first: 50) { title } } }', {}, courseSchema).cost).toBe(1 + 1 + 50 * 1);
  });

  it('reads a size declared on the field itself (extensions.listSize), ahead of the map', () => {
    const Item = new GraphQLObjectType({ name: 'Item', fields: { name: { type: GraphQLString } } });
    const declared = new GraphQLSchema({
      query: new GraphQLObjectType({
        name: 'Query',
        fields: {
          few: { type: new GraphQLNonNull(new GraphQLList(Item)), extensions: { listSize: 3 } },
          many: { type: new GraphQLNonNull(new GraphQLList(Item)) },
          broken: { type: new GraphQLNonNull(new GraphQLList(Item)), extensions: { listSize: 0 } },
        },
      }),
    });
    expect(measure('{ few { name } }', {}, declared).cost).toBe(1 + 3);
    expect(measure('{ many { name } }', {}, declared).cost).toBe(1 + DEFAULT_LIST_SIZE);
    expect(measure('{ broken { name } }', {}, declared).cost).toBe(1 + DEFAULT_LIST_SIZE); // a nonsense size is ignored
  });
});

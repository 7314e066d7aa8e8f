import {
  FieldNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  valueFromASTUntyped,
  type GraphQLCompositeType,
} from 'graphql';
import { HubError, HubErrorCode } from '../errors';

/**
 * Depth and cost of an operation, computed from the document and its variables alone, so a
 * query that is too deep or too costly is refused before any resolver (and so any SQL) runs.
 *
 * Cost model: every field costs 1; a list field multiplies the cost of what is selected under it
 * by the number of items it may return — its `first` (or `last`) argument when given, else the
 * list's declared size (below), else DEFAULT_LIST_SIZE for plain lists and connections. A
 * connection's `edges`/`nodes` are the list, so the multiplier sits on the connection field itself.
 *
 * Declared sizes: a list that is small and bounded by nature — a course's modules, a module's
 * materials, a material's case studies: editorial relations in the CMS, a handful each, read in
 * one batched request per content type whatever their number — would be overcharged by the
 * default ×20 (course → modules → materials → caseStudies → entity cost ~25,700 and was refused under
 * the default limit of 5,000). Such a field declares a realistic size, either beside its definition
 * with type-graphql's `@Extensions({ listSize: n })` (read from `field.extensions.listSize`) or in
 * BOUNDED_LIST_SIZES below, keyed `Type.field`; the extension wins. The size is a generous typical
 * upper figure, not a hard cap: nothing truncates the list. Lists that grow with the data (registry
 * entities, indicator values, events, children of a territorial unit, anything paginated) declare
 * nothing and stay at ×20 or their `first`.
 */
export const DEFAULT_LIST_SIZE = 20;

/**
 * Declared sizes of the CMS's editorial lists (see above). Measured against the demo curriculum:
 * 8 modules per programme, 1–3 materials per module, 1–2 case-study entities per material.
 */
export const BOUNDED_LIST_SIZES: Readonly<Record<string, number>> = {
  'Course.modules': 12,
  'Course.learningOutcomes': 10,
  'CourseModule.materials': 6,
  'CourseModule.outcomes': 10,
  'Material.caseStudies': 4,
  'Material.attachments': 5,
  'Workshop.materials': 6,
};

/** The declared size of a list field, if it has one (extension `listSize` first, then BOUNDED_LIST_SIZES). */
export function declaredListSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>): number | undefined {
  const fromExtension = (field.extensions as { listSize?: unknown } | undefined)?.listSize;
  const size = typeof fromExtension === 'number' ? fromExtension : BOUNDED_LIST_SIZES[`${parent.name}.${field.name}`];
  return size !== undefined && Number.isInteger(size) && size >= 1 ? size : undefined;
}

export interface QueryMeasure {
  depth: number;
  cost: number;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

function argumentValue(node: FieldNode, name: string, variables: Record<string, unknown>): unknown {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg ? valueFromASTUntyped(arg.value, variables) : undefined;
}

function isConnectionType(type: GraphQLCompositeType): boolean {
  return isObjectType(type) && type.name.endsWith('Connection') && 'edges' in type.getFields();
}

function multiplierOf(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): number {
  const returns = getNullableType(field.type);
  const named = getNamedType(field.type);
  const listLike = isListType(returns) || (isCompositeType(named) && isConnectionType(named));
  if (!listLike) return 1;
  const first = argumentValue(node, 'first', variables) ?? argumentValue(node, 'last', variables);
  if (typeof first === 'number' && first >= 0) return Math.max(first, 1);
  return declaredListSize(parent, field) ?? DEFAULT_LIST_SIZE;
}

function measureSelection(walk: Walk, parent: GraphQLCompositeType, selection: SelectionSetNode, seen: Set<string>): QueryMeasure {
  let depth = 0;
  let cost = 0;
  for (const sel of selection.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue; // introspection meta-fields are free
      const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[sel.name.value] : undefined;
      if (!field) continue; // unknown fields are rejected by validation, not here
      let childDepth = 0;
      let childCost = 0;
      const named = getNamedType(field.type);
      if (sel.selectionSet && isCompositeType(named)) {
        // Edges and nodes of a connection are not lists of their own: the connection carries the multiplier.
        const inner = measureSelection(walk, named, sel.selectionSet, seen);
        childDepth = inner.depth;
        childCost = inner.cost;
      }
      const isConnectionPart = isConnectionType(parent) && (sel.name.value === 'edges' || sel.name.value === 'nodes');
      const multiplier = isConnectionPart ? 1 : multiplierOf(parent, field, sel, walk.variables);
      depth = Math.max(depth, (isConnectionPart || sel.name.value === 'node' ? 0 : 1) + childDepth);
      cost += 1 + multiplier * childCost;
    } else {
      const fragment = sel.kind === Kind.INLINE_FRAGMENT ? sel : walk.fragments.get(sel.name.value);
      if (!fragment) continue;
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        if (seen.has(sel.name.value)) continue; // cycles are a validation error; do not loop here
        seen = new Set(seen).add(sel.name.value);
      }
      const typeName = fragment.typeCondition?.name.value;
      const target = typeName ? (walk.schema.getType(typeName) as GraphQLCompositeType | undefined) : parent;
      if (!target) continue;
      const inner = measureSelection(walk, target, fragment.selectionSet, seen);
      depth = Math.max(depth, inner.depth);
      cost += inner.cost;
    }
  }
  return { depth, cost };
}

export function measureOperation(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
  variables: Record<string, unknown> = {},
): QueryMeasure {
  const root = operation.operation === 'mutation' ? schema.getMutationType() : operation.operation === 'subscription' ? schema.getSubscriptionType() : schema.getQueryType();
  if (!root) return { depth: 0, cost: 0 };
  return measureSelection({ schema, fragments: new Map(fragments.map((f) => [f.name.value, f])), variables }, root, operation.selectionSet, new Set());
}

/** Throws a 400 with QUERY_TOO_DEEP or QUERY_TOO_COSTLY when an operation passes the limits. */
export function enforceQueryLimits(measure: QueryMeasure, limits: { maxDepth: number; maxCost: number }): void {
  if (measure.depth > limits.maxDepth) {
    throw new HubError(HubErrorCode.QUERY_TOO_DEEP, `Query depth ${measure.depth} exceeds the limit of ${limits.maxDepth}`, {
      reason: `depth=${measure.depth};max=${limits.maxDepth}`,
    });
  }
  if (measure.cost > limits.maxCost) {
    throw new HubError(HubErrorCode.QUERY_TOO_COSTLY, `Query cost ${measure.cost} exceeds the limit of ${limits.maxCost}; ask for fewer items (first) or fewer nested lists`, {
      reason: `cost=${measure.cost};max=${limits.maxCost}`,
    });
  }
}

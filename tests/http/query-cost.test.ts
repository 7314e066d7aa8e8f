import 'reflect-metadata';
import { getNamedType, getNullableType, isListType, isObjectType, parse, type OperationDefinitionNode } from 'graphql';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { startHubTestApp, type HubTestApp } from './hub-test-app';
import { hubSchema } from '../../api/src/schema';
import { BOUNDED_LIST_SIZES, DEFAULT_LIST_SIZE, measureOperation } from '../../api/src/shared/limits';

/**
 * Query cost against the hub's real schema and its default limit (HUB_MAX_QUERY_COST 5,000): a
 * journalist's course with its modules, materials and case studies is allowed, because those CMS lists
 * declare realistic sizes; registry lists that grow with the data stay at ×20 and a deep walk through
 * them is still refused before anything runs.
 */
const COURSE_QUERY = `{ course(slug: "studium-podyplomowe-zarzadzania-gospodarka-spoleczna", locale: pl) {
  title ects locale learningOutcomes { code category }
  modules { order title materials { slug title caseStudies { title entity { id name } } } } } }`;
const DEEP_REGISTRY_QUERY = `{ territorialUnits { nodes { name children { name entities { nodes { name stories { title } } } } } } }`;

describe('query cost of CMS joins and registry lists (real schema, default limit)', () => {
  let db: TestDatabase;
  let t: HubTestApp;

  beforeAll(async () => {
    db = await createTestDatabase('http_query_cost');
    t = await startHubTestApp(db.url); // the CMS is down: only the cost check is under test
  });

  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  const cost = async (query: string) => {
    const operation = parse(query).definitions[0] as OperationDefinitionNode;
    return measureOperation(await hubSchema(), operation, []).cost;
  };
  const codes = (res: { body: { errors?: { extensions?: { code?: string } }[] } }) => (res.body.errors ?? []).map((e) => e.extensions?.code);

  it('lets a course with its modules, materials and case studies through under the default limit', async () => {
    expect(t.config.limits.maxCost).toBe(5000);
    const courseCost = await cost(COURSE_QUERY);
    process.stdout.write(`course → modules → materials → caseStudies → entity costs ${courseCost}\n`);
    expect(courseCost).toBeLessThan(5000);
    const res = await t.gql(COURSE_QUERY);
    expect(codes(res)).not.toContain('QUERY_TOO_COSTLY');
    expect(codes(res)).toContain('CMS_UNAVAILABLE'); // it got as far as asking the CMS
  });

  it('still refuses a deep walk through registry lists, before any SQL runs', async () => {
    const deepCost = await cost(DEEP_REGISTRY_QUERY);
    process.stdout.write(`territorialUnits → children → entities → stories costs ${deepCost}\n`);
    expect(deepCost).toBeGreaterThan(5000);
    const before = t.sql.count;
    const res = await t.gql(DEEP_REGISTRY_QUERY);
    expect(codes(res)).toEqual(['QUERY_TOO_COSTLY']);
    expect(t.sql.count).toBe(before);
  });

  it('keeps the case studies of a material expensive once they reach into registry lists', async () => {
    // A bounded list does not make what hangs under it cheap: each case-study entity's stories are ×20.
    const wide = `{ course(slug: "x", locale: pl) { modules { materials { caseStudies { entity { stories { title entity { stories { title } } } } } } } } }`;
    expect(await cost(wide)).toBeGreaterThan(5000);
    expect(codes(await t.gql(wide))).toEqual(['QUERY_TOO_COSTLY']);
  });

  it('declares sizes only for list fields that exist in the schema, all smaller than the default', async () => {
    const schema = await hubSchema();
    for (const [key, size] of Object.entries(BOUNDED_LIST_SIZES)) {
      const [typeName, fieldName] = key.split('.');
      const type = schema.getType(typeName);
      const field = type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
      expect({ key, isList: field ? isListType(getNullableType(field.type)) : false }).toEqual({ key, isList: true });
      expect({ key, paginated: field?.args.some((a) => a.name === 'first') ?? false }).toEqual({ key, paginated: false });
      expect(size).toBeLessThan(DEFAULT_LIST_SIZE);
      expect(getNamedType(field!.type).name).not.toBe('SocialEconomyEntity'); // registry lists are never declared small
    }
  });
});

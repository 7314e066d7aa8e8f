import 'reflect-metadata';
import { committedSchema, hubSchema, printHubSchema } from '../../api/src/schema';

describe('schema.graphql', () => {
  it('is exactly what the code emits (run `npm run schema` after changing a type)', async () => {
    const emitted = printHubSchema(await hubSchema());
    expect(await committedSchema()).toBe(emitted);
  });

  it('describes every type and field for readers who never saw the code', async () => {
    const schema = await hubSchema();
    const undocumented: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
      const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
      if (!type.description && !isRoot) undocumented.push(type.name);
      if ('getFields' in type) {
        for (const field of Object.values(type.getFields())) if (!field.description) undocumented.push(`${type.name}.${field.name}`);
      }
    }
    expect(undocumented).toEqual([]);
  });
});

import 'reflect-metadata';
import { writeFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { buildSchema, type NonEmptyArray } from 'type-graphql';
import { GraphQLSchema, lexicographicSortSchema, printSchema } from 'graphql';
import { hubModules } from './modules';
import { NodeResolver } from './node.resolver';
import { authChecker } from './access';
import { repoRoot } from './config';

/** The committed SDL that clients read; a test fails when it differs from what the code emits. */
export const SCHEMA_FILE = resolve(repoRoot, 'schema.graphql');

let built: Promise<GraphQLSchema> | undefined;

/** Builds the executable schema once per process from every module's resolvers. */
export function hubSchema(): Promise<GraphQLSchema> {
  built ??= buildSchema({
    // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
    resolvers: [NodeResolver, ...hubModules.flatMap((m) => m.resolvers)] as NonEmptyArray<Function>,
    authChecker,
    authMode: 'error',
    // type-graphql's class-validator integration stays off: inputs are validated by services,
    // which return typed errors in payloads.
    validate: false,
    emitSchemaFile: false,
  });
  return built;
}

const HEADER = '# Social Economy Hub — GraphQL schema. Generated from the code by `npm run schema`; do not edit by hand.\n\n';

export function printHubSchema(schema: GraphQLSchema): string {
  return HEADER + printSchema(lexicographicSortSchema(schema)) + '\n';
}

export async function emitSchemaFile(path = SCHEMA_FILE): Promise<void> {
  await writeFile(path, printHubSchema(await hubSchema()), 'utf8');
}

export async function committedSchema(path = SCHEMA_FILE): Promise<string> {
  return readFile(path, 'utf8');
}

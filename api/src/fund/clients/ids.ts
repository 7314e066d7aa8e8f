import { fromGlobalId } from '../../shared/relay';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The local id behind an id argument: a global id of the expected type, or a bare UUID (as CMS
 * entries and scripts carry). A global id of another type yields a value that matches nothing,
 * so the service reports its own typed NOT_FOUND.
 */
export function localIdFor(id: string, expectedType: string, field: string[]): string {
  if (UUID.test(id)) return id.toLowerCase();
  const { typeName, localId } = fromGlobalId(id, field);
  return typeName === expectedType ? localId : '';
}

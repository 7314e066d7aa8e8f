import { badInput } from '../errors';

/** Relay global id: base64url("TypeName:localId"). Opaque to clients, stable for a record's life. */
export function toGlobalId(typeName: string, localId: string | number): string {
  return Buffer.from(`${typeName}:${localId}`, 'utf8').toString('base64url');
}

export function fromGlobalId(globalId: string, field: string[] = ['id']): { typeName: string; localId: string } {
  const decoded = Buffer.from(globalId, 'base64url').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0 || colon === decoded.length - 1 || !/^[A-Za-z]+$/.test(decoded.slice(0, colon))) {
    throw badInput('INVALID_ID', `"${globalId}" is not a valid id`, field);
  }
  return { typeName: decoded.slice(0, colon), localId: decoded.slice(colon + 1) };
}

/** Decodes a global id and checks it names the expected type. */
export function localIdOf(globalId: string, expectedType: string, field: string[] = ['id']): string {
  const { typeName, localId } = fromGlobalId(globalId, field);
  if (typeName !== expectedType) throw badInput('INVALID_ID', `id "${globalId}" is not a ${expectedType}`, field);
  return localId;
}

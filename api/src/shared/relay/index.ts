export { Node, nodeTypeName } from './node.interface';
export { toGlobalId, fromGlobalId, localIdOf } from './global-id';
export { ForwardPageArgs, pageWindow, encodeCursor, decodeCursor, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, type PageWindow } from './pagination';
export { ConnectionType, PageInfo, toConnection, type Connection, type Edge } from './connection';

export { measureOperation, enforceQueryLimits, DEFAULT_LIST_SIZE, type QueryMeasure } from './query-limits';

export { measureOperation, enforceQueryLimits, DEFAULT_LIST_SIZE, BOUNDED_LIST_SIZES, declaredListSize, type QueryMeasure } from './query-limits';

export { queryRows } from './query-rows';

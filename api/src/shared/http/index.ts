export { requestIdFor } from './request-id';

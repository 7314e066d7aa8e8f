export { HubError, HubErrorCode, badInput, notFound } from './hub-error';
export { DomainError } from './domain-error';
export { UserError } from './user-error.type';

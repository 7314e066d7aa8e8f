export { closeBusinessDate, closeThrough, lastClosedDate } from './close-of-business';
export { closeBusinessDatePerLoan } from './close-per-loan';
export type { CloseOptions, CloseProgress, CloseResult } from './close-policy';
export { runCloseOfBusinessCommand, CLOSE_OF_BUSINESS_USAGE } from './close-command';

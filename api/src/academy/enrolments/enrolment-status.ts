import { registerEnumType } from 'type-graphql';

/** Where an enrolment stands. */
export enum EnrolmentStatus {
  CONFIRMED = 'CONFIRMED',
  WAITLISTED = 'WAITLISTED',
  CANCELLED = 'CANCELLED',
}
registerEnumType(EnrolmentStatus, {
  name: 'EnrolmentStatus',
  description: 'Where an enrolment in a workshop edition stands.',
  valuesConfig: {
    CONFIRMED: { description: 'Has a seat.' },
    WAITLISTED: { description: 'On the waitlist; moves up automatically, first come first served, when a confirmed participant cancels.' },
    CANCELLED: { description: 'Cancelled by the participant or the coordinator.' },
  },
});

export enum CancelledBy {
  PARTICIPANT = 'PARTICIPANT',
  COORDINATOR = 'COORDINATOR',
}
registerEnumType(CancelledBy, {
  name: 'EnrolmentCancelledBy',
  description: 'Who cancelled an enrolment.',
  valuesConfig: { PARTICIPANT: { description: 'The participant, with the cancel token given at enrolment.' }, COORDINATOR: { description: 'The academy coordinator of the edition.' } },
});

import type { HubModule } from '../shared/module';
import type { HubContext } from '../context';
import { WorkshopEdition, WorkshopEditionTrainer } from './editions/workshop-edition.entity';
import { WorkshopSession } from './editions/workshop-session.entity';
import { WorkshopAttendance, WorkshopEnrolment } from './enrolments/workshop-enrolment.entity';
import { WorkshopCertificate } from './certificates/workshop-certificate.entity';
import { WorkshopEditionResolver, WorkshopEnrolmentResolver, WorkshopEditionsResolver, TerritoryWorkshopEditionsResolver } from './graphql/academy.resolver';
import { academyLoaders } from './graphql/academy.loaders';

export { WorkshopEdition, WorkshopEditionTrainer } from './editions/workshop-edition.entity';
export { WorkshopSession } from './editions/workshop-session.entity';
export { WorkshopEnrolment, WorkshopAttendance } from './enrolments/workshop-enrolment.entity';
export { WorkshopCertificate } from './certificates/workshop-certificate.entity';
export { EnrolmentStatus, CancelledBy } from './enrolments/enrolment-status';
export { WorkshopEditionService, loadEditionStaff, type WorkshopEditionCreateCommand, type WorkshopCatalogue, type WorkshopReference, type EditionSearch, type SessionInput } from './editions/workshop-edition.service';
export { EnrolmentService, waitlistPositions, hashCancelToken, type EnrolCommand, type EnrolResult, type CancelResult, type AttendanceEntry, type AttendanceResult } from './enrolments/enrolment.service';
export { CertificateService, hasCompleted, type CertificateVerification, type CompletionChange } from './certificates/certificate.service';
export { generateCertificateCode, normaliseCertificateCode, formatCertificateCode, checkCharacter } from './certificates/certificate-code';
export { AcademyError, isEditionStaff, isEditionCoordinator, type EditionStaff } from './academy-errors';
export { AcademyErrorCode } from './academy-messages';
export { academyLoaders, createAcademyLoaders, type AcademyLoaders } from './graphql/academy.loaders';

/** Academy: workshop editions, enrolments with a waitlist, attendance and certificates. */
export const academyModule = {
  name: 'academy',
  entities: [WorkshopEdition, WorkshopEditionTrainer, WorkshopSession, WorkshopEnrolment, WorkshopAttendance, WorkshopCertificate],
  resolvers: [WorkshopEditionResolver, WorkshopEnrolmentResolver, WorkshopEditionsResolver, TerritoryWorkshopEditionsResolver],
  nodeFetchers: {
    WorkshopEdition: (ids, ctx) => Promise.all(ids.map((id) => academyLoaders(ctx).editionById.load(id))),
    // Sessions are public (dates and times); enrolments are not refetchable by id: they carry personal data.
    WorkshopSession: async (ids, ctx) => {
      const rows = await ctx.em.find(WorkshopSession, { id: { $in: [...ids] } });
      return ids.map((id) => rows.find((r) => r.id === id) ?? null);
    },
  },
} satisfies HubModule<never, HubContext>;

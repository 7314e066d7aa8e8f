import type { EntityManager } from '@mikro-orm/postgresql';
import type { StaffPrincipal } from '../../access';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import { AcademyErrorCode } from '../academy-messages';
import { academyErrors, isEditionCoordinator, UUID } from '../academy-errors';
import { loadEditionStaff } from '../editions/workshop-edition.service';
import { generateCertificateCode, normaliseCertificateCode } from './certificate-code';
import { WorkshopCertificate } from './workshop-certificate.entity';

export interface CompletionChange {
  enrolmentId: string;
  attended: number;
  total: number;
  completed: boolean;
  /** What happened to the certificate: issued now, revoked now, re-validated, or nothing. */
  certificate: 'ISSUED' | 'REVOKED' | 'RESTORED' | 'UNCHANGED';
}

/**
 * The completion rule: a confirmed participant completes an edition when they attended at least
 * `completion_threshold_percent` of its sessions (attended × 100 ≥ threshold × sessions; 80 % by
 * default, set per edition). Integer arithmetic, so 4 of 5 sessions is exactly 80 % and passes.
 */
export function hasCompleted(attended: number, total: number, thresholdPercent: number): boolean {
  return total > 0 && attended * 100 >= thresholdPercent * total;
}

/** What `certificateVerify` reveals: the holder's name as printed, the edition and the dates; nothing more. */
export interface CertificateVerification {
  code: string;
  valid: boolean;
  holderName: string;
  editionId: string;
  workshopDocumentId: string;
  workshopSlug: string;
  territoryCode: string;
  startsOn: string;
  endsOn: string;
  issuedAt: Date;
  revokedAt: Date | null;
}

export class CertificateService {
  private readonly error: ReturnType<typeof academyErrors>;

  constructor(
    private readonly em: EntityManager,
    options: { locale?: Locale } = {},
  ) {
    this.error = academyErrors(options.locale ?? DEFAULT_LOCALE);
  }

  /** Applies the completion rule to some enrolments (in the caller's transaction): issue, revoke or restore. */
  async applyCompletionRule(enrolmentIds: readonly string[]): Promise<CompletionChange[]> {
    if (!enrolmentIds.length) return [];
    const rows = await this.em.execute<{ id: string; name: string; threshold: number; total: string; attended: string; certificate_id: string | null; revoked: boolean | null; status: string }[]>(
      `select w.id, w.participant_name as name, w.status, e.completion_threshold_percent as threshold,
              (select count(*) from workshop_session s where s.edition_id = e.id) as total,
              (select count(*) from workshop_attendance a where a.enrolment_id = w.id and a.present) as attended,
              c.id as certificate_id, c.revoked_at is not null as revoked
       from workshop_enrolment w join workshop_edition e on e.id = w.edition_id left join workshop_certificate c on c.enrolment_id = w.id
       where w.id in (select value::uuid from jsonb_array_elements_text(?::jsonb))
       order by w.id
       for update of w`,
      [JSON.stringify(enrolmentIds)],
    );
    const changes: CompletionChange[] = [];
    for (const row of rows) {
      const attended = Number(row.attended);
      const total = Number(row.total);
      const completed = row.status === 'CONFIRMED' && hasCompleted(attended, total, row.threshold);
      let certificate: CompletionChange['certificate'] = 'UNCHANGED';
      if (completed && !row.certificate_id) {
        await this.insertCertificate(row.id, row.name, attended, total);
        certificate = 'ISSUED';
      } else if (completed && row.revoked) {
        await this.em.execute('update workshop_certificate set revoked_at = null, attended_sessions = ? where id = ?', [attended, row.certificate_id]);
        certificate = 'RESTORED';
      } else if (!completed && row.certificate_id && !row.revoked) {
        await this.em.execute('update workshop_certificate set revoked_at = now(), attended_sessions = ? where id = ?', [attended, row.certificate_id]);
        certificate = 'REVOKED';
      } else if (completed && row.certificate_id) {
        await this.em.execute('update workshop_certificate set attended_sessions = ? where id = ?', [attended, row.certificate_id]);
      }
      changes.push({ enrolmentId: row.id, attended, total, completed, certificate });
    }
    return changes;
  }

  /** The coordinator issues (or re-checks) a certificate by hand; refused below the threshold. */
  async issue(actor: StaffPrincipal, enrolmentId: string): Promise<WorkshopCertificate> {
    if (!UUID.test(enrolmentId ?? '')) throw this.error(AcademyErrorCode.ENROLMENT_NOT_FOUND, ['enrolmentId']);
    const [row] = await this.em.execute<{ edition_id: string }[]>('select edition_id from workshop_enrolment where id = ?', [enrolmentId]);
    if (!row) throw this.error(AcademyErrorCode.ENROLMENT_NOT_FOUND, ['enrolmentId']);
    const staff = (await loadEditionStaff(this.em, [row.edition_id])).get(row.edition_id);
    if (!isEditionCoordinator(actor, staff)) throw this.error(AcademyErrorCode.NOT_EDITION_STAFF, ['enrolmentId']);
    const [change] = await this.em.transactional((tx) => new CertificateService(tx).applyCompletionRule([enrolmentId]));
    if (!change.completed) throw this.error(AcademyErrorCode.NOT_COMPLETED, ['enrolmentId']);
    return this.em.findOneOrFail(WorkshopCertificate, { enrolment: enrolmentId }, { refresh: true });
  }

  /** Looks a code up as a person typed it; null when it is malformed or unknown. */
  async verify(input: string): Promise<CertificateVerification | null> {
    const code = normaliseCertificateCode(input ?? '');
    if (!code) return null;
    const [row] = await this.em.execute<{ code: string; holder_name: string; edition_id: string; workshop_document_id: string; workshop_slug: string; territory_teryt_code: string; starts_on: string; ends_on: string; issued_at: Date; revoked_at: Date | null }[]>(
      `select c.code, c.holder_name, e.id as edition_id, e.workshop_document_id, e.workshop_slug, e.territory_teryt_code, e.starts_on, e.ends_on, c.issued_at, c.revoked_at
       from workshop_certificate c join workshop_enrolment w on w.id = c.enrolment_id join workshop_edition e on e.id = w.edition_id
       where c.code = ?`,
      [code],
    );
    if (!row) return null;
    return {
      code: row.code,
      valid: row.revoked_at === null,
      holderName: row.holder_name,
      editionId: row.edition_id,
      workshopDocumentId: row.workshop_document_id,
      workshopSlug: row.workshop_slug,
      territoryCode: row.territory_teryt_code,
      startsOn: row.starts_on,
      endsOn: row.ends_on,
      issuedAt: new Date(row.issued_at),
      revokedAt: row.revoked_at ? new Date(row.revoked_at) : null,
    };
  }

  private async insertCertificate(enrolmentId: string, holderName: string, attended: number, total: number): Promise<void> {
    // 55 random bits: a collision is astronomically unlikely, but the unique index decides, not hope.
    for (let attempt = 0; attempt < 5; attempt++) {
      const inserted = await this.em.execute<{ id: string }[]>(
        `insert into workshop_certificate (code, enrolment_id, holder_name, attended_sessions, total_sessions) values (?, ?, ?, ?, ?)
         on conflict (code) do nothing returning id`,
        [generateCertificateCode(), enrolmentId, holderName, attended, total],
      );
      if (inserted.length) return;
    }
    throw new Error('could not draw an unused certificate code in 5 attempts');
  }
}

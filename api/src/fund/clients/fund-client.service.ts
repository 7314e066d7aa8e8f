import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffUser, type StaffPrincipal } from '../../access';
import { LegalForm, SocialEconomyEntity } from '../../observatory';
import { DEFAULT_LOCALE, type Locale } from '../../shared/i18n';
import type { PageWindow } from '../../shared/relay';
import { TerritorialUnit, isTerytCode } from '../../territory';
import { fail } from './fail';
import { FundClient, FundClientMember } from './fund-client.entity';
import { FundClientKind } from './fund-client-kind';
import { FundClientErrorCode, fundClientMessages } from './fund-client-messages';

export interface FoundingGroupMemberInput {
  fullName: string;
  roleInGroup: string;
  email?: string | null;
}

export interface FoundingGroupRegistration {
  name: string;
  intendedLegalForm: LegalForm;
  /** Where the group intends to operate: a voivodeship, powiat or gmina code. */
  terytCode: string;
  members: FoundingGroupMemberInput[];
}

export interface FundClientFilter {
  kind?: FundClientKind | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** Registering and reading the fund's clients. Every command flushes once. */
export class FundClientService {
  constructor(
    private readonly em: EntityManager,
    private readonly locale: Locale = DEFAULT_LOCALE,
  ) {}

  private error(code: FundClientErrorCode, field: string[], vars: Record<string, string> = {}) {
    return fail(fundClientMessages, code, this.locale, field, vars);
  }

  /** Makes a registry entity a client; its seat becomes the client's territory. */
  async registerEntity(entityId: string, actor: Pick<StaffPrincipal, 'id'>): Promise<FundClient> {
    const entity = UUID.test(entityId) ? await this.em.findOne(SocialEconomyEntity, { id: entityId }) : null;
    if (!entity) throw this.error(FundClientErrorCode.ENTITY_NOT_FOUND, ['input', 'entityId']);
    if (await this.em.count(FundClient, { entity })) throw this.error(FundClientErrorCode.ALREADY_CLIENT, ['input', 'entityId']);
    const client = Object.assign(new FundClient(), {
      kind: FundClientKind.ENTITY,
      name: entity.name,
      entity,
      territory: entity.seat,
      registeredBy: this.em.getReference(StaffUser, actor.id),
    });
    this.em.persist(client);
    await this.em.flush();
    return client;
  }

  /** Registers a founding group with its members (minimal personal data). */
  async registerFoundingGroup(input: FoundingGroupRegistration, actor: Pick<StaffPrincipal, 'id'>): Promise<FundClient> {
    const name = input.name?.trim();
    if (!name) throw this.error(FundClientErrorCode.NAME_REQUIRED, ['input', 'name']);
    if (!input.members?.length) throw this.error(FundClientErrorCode.MEMBERS_REQUIRED, ['input', 'members']);
    const members = input.members.map((m, i) => {
      const field = (f: string) => ['input', 'members', String(i), f];
      const fullName = m.fullName?.trim();
      const roleInGroup = m.roleInGroup?.trim();
      const email = m.email?.trim().toLowerCase() || null;
      if (!fullName) throw this.error(FundClientErrorCode.MEMBER_NAME_REQUIRED, field('fullName'));
      if (!roleInGroup) throw this.error(FundClientErrorCode.MEMBER_ROLE_REQUIRED, field('roleInGroup'));
      if (email !== null && (email.length > 254 || !EMAIL.test(email))) throw this.error(FundClientErrorCode.INVALID_EMAIL, field('email'));
      return Object.assign(new FundClientMember(), { position: i + 1, fullName, roleInGroup, email });
    });
    const territory = await this.territory(input.terytCode, ['input', 'terytCode']);
    const client = Object.assign(new FundClient(), {
      kind: FundClientKind.FOUNDING_GROUP,
      name,
      intendedLegalForm: input.intendedLegalForm,
      territory,
      registeredBy: this.em.getReference(StaffUser, actor.id),
    });
    for (const member of members) client.members.add(member);
    this.em.persist(client);
    await this.em.flush();
    return client;
  }

  private async territory(code: string, field: string[]): Promise<TerritorialUnit> {
    if (!isTerytCode(code) || code === 'PL') throw this.error(FundClientErrorCode.INVALID_TERYT_CODE, field, { code });
    const unit = await this.em.findOne(TerritorialUnit, { terytCode: code });
    if (!unit) throw this.error(FundClientErrorCode.TERRITORY_NOT_FOUND, field, { code });
    return unit;
  }

  findById(id: string): Promise<FundClient | null> {
    return UUID.test(id) ? this.em.findOne(FundClient, { id }) : Promise.resolve(null);
  }

  /** The client or a typed CLIENT_NOT_FOUND. */
  async get(id: string, field: string[]): Promise<FundClient> {
    const client = await this.findById(id);
    if (!client) throw this.error(FundClientErrorCode.CLIENT_NOT_FOUND, field);
    return client;
  }

  /** One page of clients ordered by name (then id), with the total. */
  async list(filter: FundClientFilter, window: PageWindow): Promise<{ rows: FundClient[]; totalCount: number }> {
    const where = filter.kind ? { kind: filter.kind } : {};
    if (window.limit === 0) return { rows: [], totalCount: await this.em.count(FundClient, where) };
    const [rows, totalCount] = await this.em.findAndCount(FundClient, where, { orderBy: { name: 'asc', id: 'asc' }, limit: window.limit, offset: window.offset });
    return { rows, totalCount };
  }
}

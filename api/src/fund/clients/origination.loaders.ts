import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { StaffUser } from '../../access';
import { FundClient, FundClientMember } from './fund-client.entity';
import { AdvisoryCase, AdvisoryOutcome, AdvisorySession } from '../advisory/advisory-case.entity';
import { LoanProduct } from '../products/loan-product.entity';
import { CommitteeVote, LoanApplication, LoanApplicationScore, LoanContract } from '../applications/loan-application.entity';

type Keyed = { id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Loads rows by id, in key order, null where absent. */
function byId<T extends Keyed>(load: (ids: string[]) => Promise<T[]>) {
  return new DataLoader<string, T | null>(async (ids) => {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)))];
    const found = new Map((wanted.length ? await load(wanted) : []).map((row) => [row.id, row]));
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Loads child rows grouped by a parent id, in key order. */
function byParent<T>(load: (ids: string[]) => Promise<T[]>, parentOf: (row: T) => string) {
  return new DataLoader<string, T[]>(async (ids) => {
    const groups = new Map<string, T[]>(ids.map((id) => [id, []]));
    for (const row of await load([...new Set(ids)])) groups.get(parentOf(row))?.push(row);
    return ids.map((id) => groups.get(id) ?? []);
  });
}

/** Per-request loaders of fund origination: every edge of clients, advisory and applications is batched. */
export function createOriginationLoaders(em: EntityManager) {
  return {
    clientById: byId((ids) => em.find(FundClient, { id: { $in: ids } })),
    staffById: byId((ids) => em.find(StaffUser, { id: { $in: ids } })),
    productById: byId((ids) => em.find(LoanProduct, { id: { $in: ids } })),
    applicationById: byId((ids) => em.find(LoanApplication, { id: { $in: ids } })),
    membersByClient: byParent((ids) => em.find(FundClientMember, { client: { $in: ids } }, { orderBy: { position: 'asc' } }), (m) => m.client.id),
    sessionsByCase: byParent((ids) => em.find(AdvisorySession, { advisoryCase: { $in: ids } }, { orderBy: { heldOn: 'asc', id: 'asc' } }), (s) => s.advisoryCase.id),
    outcomesByCase: byParent((ids) => em.find(AdvisoryOutcome, { advisoryCase: { $in: ids } }, { orderBy: { achievedOn: 'asc', id: 'asc' } }), (o) => o.advisoryCase.id),
    casesByClient: byParent((ids) => em.find(AdvisoryCase, { client: { $in: ids } }, { orderBy: { openedOn: 'desc', id: 'asc' } }), (c) => c.client.id),
    votesByApplication: byParent((ids) => em.find(CommitteeVote, { application: { $in: ids } }, { orderBy: { castAt: 'asc', id: 'asc' } }), (v) => v.application.id),
    scoresByApplication: byParent((ids) => em.find(LoanApplicationScore, { application: { $in: ids } }, { populate: ['criterion'], orderBy: { criterion: { position: 'asc' } } }), (s) => s.application.id),
    contractByApplication: new DataLoader<string, LoanContract | null>(async (ids) => {
      const found = new Map((await em.find(LoanContract, { application: { $in: [...new Set(ids)] } })).map((c) => [c.application.id, c]));
      return ids.map((id) => found.get(id) ?? null);
    }),
  };
}

export type OriginationLoaders = ReturnType<typeof createOriginationLoaders>;

// Built lazily once per request context (keyed by the request's entity-manager fork), so the module
// needs no entry in the hub-wide loader registry.
const perRequest = new WeakMap<object, OriginationLoaders>();

export function originationLoaders(ctx: { em: EntityManager }): OriginationLoaders {
  let loaders = perRequest.get(ctx.em);
  if (!loaders) perRequest.set(ctx.em, (loaders = createOriginationLoaders(ctx.em)));
  return loaders;
}

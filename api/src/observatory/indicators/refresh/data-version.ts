import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The one way a data version is opened and published, shared by the recomputing refresh and by
 * publishers of values computed elsewhere (a diagnostics survey's aggregate). Both run inside the
 * caller's transaction under the same advisory lock, so two publications never interleave, and a
 * version is immutable once published: writers only close rows (valid_to_version = the new
 * version) and insert rows valid from it; every other indicator's open rows carry forward as they are.
 */
export interface OpenedDataVersion {
  id: number;
  label: string;
  citation: string;
}

/** Takes the publication lock and inserts a BUILDING version labelled `<day>.<n>`. */
export async function openDataVersion(tx: EntityManager, cause: string, now: Date): Promise<OpenedDataVersion> {
  await tx.execute(`select pg_advisory_xact_lock(hashtext('hub_indicator_refresh'))`);
  const day = now.toISOString().slice(0, 10);
  const [{ n }] = await tx.execute<{ n: number }[]>(`select count(*)::int as n from data_version where label like ?`, [`${day}.%`]);
  const label = `${day}.${n + 1}`;
  const citation = `Krajowe Obserwatorium Gospodarki Społecznej (Hub Ekonomii Społecznej), wersja danych ${label} / National Social Economy Observatory, data version ${label}`;
  const [version] = await tx.execute<{ id: number }[]>(`insert into data_version (label, status, cause, citation) values (?, 'BUILDING', ?, ?) returning id`, [label, cause, citation]);
  return { id: version.id, label, citation };
}

/** Makes a BUILDING version the published one; the previous published version becomes SUPERSEDED (still readable). */
export async function publishDataVersion(tx: EntityManager, versionId: number): Promise<void> {
  // Fresh statistics for the planner: serving reads pick their plan from them.
  await tx.execute('analyze indicator_value');
  await tx.execute(`update data_version set status = 'SUPERSEDED' where status = 'PUBLISHED'`);
  await tx.execute(`update data_version set status = 'PUBLISHED', published_at = now() where id = ?`, [versionId]);
}

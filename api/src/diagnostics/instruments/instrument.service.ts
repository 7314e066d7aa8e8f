import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnswerValue } from './expression';
import type { InstrumentDefinition } from './instrument-model';
import { isAnswerable } from './instrument-model';
import { BUILTIN_INSTRUMENTS } from './builtin-instruments';
import { DiagnosticsError, DiagnosticsErrorCode } from '../diagnostics-errors';

export interface StoredVersion {
  id: string;
  instrumentId: string;
  version: number;
  definition: InstrumentDefinition;
  launchedAt: Date | null;
}

interface VersionRow { id: string; instrument_id: string; version: number; definition: InstrumentDefinition; launched_at: Date | null }
const toStored = (r: VersionRow): StoredVersion => ({
  id: r.id, instrumentId: r.instrument_id, version: r.version, definition: r.definition, launchedAt: r.launched_at,
});

export async function listVersions(em: EntityManager, code: string): Promise<StoredVersion[]> {
  const rows = await em.execute<VersionRow[]>(
    `select v.* from diagnostics_instrument_version v join diagnostics_instrument i on i.id = v.instrument_id where i.code = ? order by v.version`, [code]);
  return rows.map(toStored);
}

export async function loadVersion(em: EntityManager, id: string): Promise<StoredVersion | null> {
  const [row] = await em.execute<VersionRow[]>(`select * from diagnostics_instrument_version where id = ?`, [id]);
  return row ? toStored(row) : null;
}

/**
 * Stores an instrument version. A version used by a launched campaign is frozen: re-importing it
 * is refused, a change needs a higher version number. Renames and merges (previousNames) must
 * point at codes of earlier versions, so every earlier answer keeps a place in later results.
 */
export async function saveInstrumentVersion(em: EntityManager, def: InstrumentDefinition): Promise<StoredVersion> {
  const versions = await listVersions(em, def.code);
  const earlierNames = new Set(versions.filter((v) => v.version < def.version).flatMap((v) => v.definition.questions.map((q) => q.name)));
  for (const q of def.questions) {
    for (const old of q.previousNames) if (!earlierNames.has(old)) throw new DiagnosticsError(DiagnosticsErrorCode.UNKNOWN_PREVIOUS_NAME, 'pl', [q.name], old);
  }
  const same = versions.find((v) => v.version === def.version);
  if (same?.launchedAt) throw new DiagnosticsError(DiagnosticsErrorCode.VERSION_FROZEN, 'pl', ['version']);
  if (versions.some((v) => v.version > def.version)) throw new DiagnosticsError(DiagnosticsErrorCode.VERSION_OUTDATED, 'pl', ['version']);
  if (same) {
    await em.execute(`update diagnostics_instrument_version set definition = ?::jsonb where id = ?`, [JSON.stringify(def), same.id]);
    return { ...same, definition: def };
  }
  let instrumentId = versions[0]?.instrumentId;
  if (!instrumentId) {
    instrumentId = randomUUID();
    await em.execute(`insert into diagnostics_instrument (id, code) values (?, ?)`, [instrumentId, def.code]);
  }
  const id = randomUUID();
  await em.execute(`insert into diagnostics_instrument_version (id, instrument_id, version, definition) values (?, ?, ?, ?::jsonb)`, [id, instrumentId, def.version, JSON.stringify(def)]);
  return { id, instrumentId, version: def.version, definition: def, launchedAt: null };
}

/** Installs the built-in instruments that are not there yet (version 1 each). */
export async function installBuiltinInstruments(em: EntityManager): Promise<StoredVersion[]> {
  const out: StoredVersion[] = [];
  for (const def of BUILTIN_INSTRUMENTS) {
    const existing = await listVersions(em, def.code);
    out.push(existing[existing.length - 1] ?? (await saveInstrumentVersion(em, def)));
  }
  return out;
}

/**
 * For every version, where each of its variables lives in the newest version: its own name when
 * kept, the new name when renamed or merged (previousNames), or its own name when later dropped
 * (a dropped variable keeps its column, so no earlier answer is lost).
 */
export function canonicalNames(definitions: readonly InstrumentDefinition[]): Map<number, Map<string, string>> {
  const sorted = [...definitions].sort((a, b) => b.version - a.version);
  const out = new Map<number, Map<string, string>>();
  let later: Map<string, string> | null = null;
  let laterDef: InstrumentDefinition | null = null;
  for (const def of sorted) {
    const map = new Map<string, string>();
    for (const q of def.questions.filter(isAnswerable)) {
      if (!later || !laterDef) { map.set(q.name, q.name); continue; }
      const successor = laterDef.questions.find((x) => x.previousNames.includes(q.name)) ?? laterDef.questions.find((x) => x.name === q.name && x.previousNames.length === 0);
      map.set(q.name, successor ? later.get(successor.name) ?? successor.name : q.name);
    }
    out.set(def.version, map);
    later = map;
    laterDef = def;
  }
  return out;
}

/**
 * Re-keys one version's answers by the newest codes. A merge takes the first non-empty old answer
 * in the order of the new question's previousNames.
 */
export function alignAnswers(answers: Readonly<Record<string, AnswerValue>>, canonical: Map<string, string>, newest: InstrumentDefinition): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  const order = new Map<string, string[]>(newest.questions.map((q) => [q.name, q.previousNames]));
  const entries = Object.entries(answers).sort(([a], [b]) => {
    const ca = canonical.get(a) ?? a, cb = canonical.get(b) ?? b;
    const prev = order.get(ca) ?? [];
    return ca === cb ? prev.indexOf(a) - prev.indexOf(b) : 0;
  });
  for (const [name, value] of entries) {
    const target = canonical.get(name) ?? name;
    if (out[target] === undefined || out[target] === null || out[target] === '') out[target] = value;
  }
  return out;
}

/** One page of instrument versions (optionally of one instrument), by code then newest version first, with the total. */
export async function pageVersions(em: EntityManager, filter: { code?: string | null }, window: { limit: number; offset: number }): Promise<{ rows: StoredVersion[]; totalCount: number }> {
  const where = filter.code ? 'where i.code = ?' : '';
  const params = filter.code ? [filter.code] : [];
  const rows = await em.execute<(VersionRow & { total: string })[]>(
    `select v.*, count(*) over () as total from diagnostics_instrument_version v join diagnostics_instrument i on i.id = v.instrument_id
      ${where} order by i.code, v.version desc limit ? offset ?`, [...params, window.limit, window.offset]);
  if (rows.length) return { rows: rows.map(toStored), totalCount: Number(rows[0].total) };
  const [{ n }] = await em.execute<{ n: number }[]>(`select count(*)::int as n from diagnostics_instrument_version v join diagnostics_instrument i on i.id = v.instrument_id ${where}`, params);
  return { rows: [], totalCount: n };
}

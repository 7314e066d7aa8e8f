import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { IndicatorBreakdown, IndicatorService, type Indicator, type IndicatorValue } from '../observatory/indicators';
import { StatisticalArea } from '../territory';
import { badParameter, exportNotFound } from './export-error';
import { buildExportDataset, type ExportDataset, type ExportVersion } from './export-dataset';
import type { ExportRequest } from './export-request';

/** What a request resolves to before any value is read: enough to name and validate the export. */
export interface ResolvedExport {
  indicator: Indicator;
  version: ExportVersion;
  /** Changes whenever the indicator's wording does (definitions are not versioned with the data). */
  definitionFingerprint: string;
}

/**
 * Reads what an export needs through the indicators module, always as the public: suppressed
 * values are never asked for (`revealSuppressed: false`), whoever calls.
 */
export class ExportsService {
  private readonly indicators: IndicatorService;

  constructor(private readonly em: EntityManager) {
    this.indicators = new IndicatorService(em);
  }

  /** Indicator, data version and parent area: two or three small queries, no values yet. */
  async resolve(request: ExportRequest): Promise<ResolvedExport> {
    const [[indicator], versions, parent] = await Promise.all([
      this.indicators.definitions([request.code]),
      this.indicators.versions(),
      request.parent ? this.em.count(StatisticalArea, { code: request.parent }) : Promise.resolve(1),
    ]);
    if (!indicator) throw exportNotFound('INDICATOR_NOT_FOUND', `No indicator with code "${request.code}"`, 'code');
    if (request.breakdown !== IndicatorBreakdown.TOTAL && !indicator.breakdowns.includes(request.breakdown)) {
      const offered = ['TOTAL', ...indicator.breakdowns].join(', ');
      throw badParameter('BREAKDOWN_NOT_AVAILABLE', `${indicator.code} has no ${request.breakdown} breakdown; it offers ${offered}`, 'breakdown');
    }
    const version = request.version ? versions.find((v) => v.label === request.version) : versions.find((v) => v.status === 'PUBLISHED');
    if (!version) {
      throw request.version
        ? exportNotFound('DATA_VERSION_NOT_FOUND', `No published data version "${request.version}"`, 'version')
        : exportNotFound('NO_PUBLISHED_DATA', 'No data version has been published yet', 'version');
    }
    if (parent === 0) throw exportNotFound('AREA_NOT_FOUND', `No statistical area with code "${request.parent}"`, 'parent');
    const definitionFingerprint = createHash('sha256')
      .update(JSON.stringify([indicator.code, indicator.namePl, indicator.nameEn, indicator.descriptionPl, indicator.descriptionEn, indicator.unit, indicator.source, indicator.citation]))
      .digest('base64url');
    // Raw SQL hands timestamps over as strings; the formats need a Date.
    const publishedAt = version.publishedAt ? new Date(version.publishedAt) : null;
    return { indicator, version: { label: version.label, status: version.status, citation: version.citation, publishedAt }, definitionFingerprint };
  }

  /** The slice's public values from exactly the resolved version; a breakdown comes with its TOTAL. */
  async dataset(request: ExportRequest, resolved: ResolvedExport, canonicalUrl: string): Promise<ExportDataset> {
    const query = { indicatorCodes: [request.code], level: request.level, years: request.years ?? undefined, within: request.parent ?? undefined, version: resolved.version.label };
    const breakdowns = request.breakdown === IndicatorBreakdown.TOTAL ? [IndicatorBreakdown.TOTAL] : [IndicatorBreakdown.TOTAL, request.breakdown];
    const values: IndicatorValue[] = [];
    for (const breakdown of breakdowns) values.push(...(await this.indicators.values({ ...query, breakdown }, { revealSuppressed: false })));
    return buildExportDataset({ request, indicator: resolved.indicator, version: resolved.version, canonicalUrl, values });
  }
}

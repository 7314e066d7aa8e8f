import type { ExportDataset, ExportCell } from './export-dataset';
import { CellFlag } from './labels';

/**
 * SDMX-CSV 2.0.0 (the data message of SDMX 3.0; field guide in github.com/sdmx-twg/sdmx-csv):
 * comma-separated, RFC 4180 quoting and CRLF, UTF-8 without a byte-order mark, one row per
 * observation, header `STRUCTURE[;],STRUCTURE_ID,ACTION` then dimensions, the measure, attributes
 * and custom columns. `labels=id`: codes only, no names; the one free-text attribute (UNIT) is
 * multilingual (`UNIT[pl;en]`, values `pl:…;en:…`), which is why the first header declares `;` as
 * the sub-field separator.
 *
 * The dataflow `KOGS:DF_<CODE>(1.0.0)` is the hub's own: no DSD is registered with an SDMX
 * registry. Dimensions: FREQ (A), INDICATOR, REF_AREA (TERYT code, PL, or the NUTS code without the
 * hub's "NUTS:" prefix, since SDMX ids allow no colon), BREAKDOWN, CATEGORY, TIME_PERIOD (year).
 * Confidential cells: OBS_VALUE empty, OBS_STATUS Q ("Missing value; suppressed", CL_OBS_STATUS) and
 * CONF_STATUS C (primary, "Confidential statistical information") or D (secondary, "Secondary
 * confidentiality set by the sender, not for publication"), both SDMX cross-domain code lists.
 */
export const SDMX_AGENCY = 'KOGS';
export const SDMX_CSV_MEDIA_TYPE = 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8';
export const SDMX_DIMENSIONS = ['FREQ', 'INDICATOR', 'REF_AREA', 'BREAKDOWN', 'CATEGORY', 'TIME_PERIOD'];
export const SDMX_HEADER = ['STRUCTURE[;]', 'STRUCTURE_ID', 'ACTION', ...SDMX_DIMENSIONS, 'OBS_VALUE', 'OBS_STATUS', 'CONF_STATUS', 'UNIT[pl;en]', 'SUPPRESSION_REASON', 'DATA_VERSION'];

const EOL = '\r\n';

export const sdmxAreaId = (areaCode: string): string => areaCode.replace(/^NUTS:/, '');

export function sdmxStatus(cell: ExportCell): { obsStatus: string; confStatus: string } {
  if (cell.flag === CellFlag.CONFIDENTIAL) return { obsStatus: 'Q', confStatus: cell.suppressionReason === 'SECONDARY' ? 'D' : 'C' };
  if (cell.flag === CellFlag.NOT_AVAILABLE) return { obsStatus: 'O', confStatus: 'F' };
  return { obsStatus: 'A', confStatus: 'F' };
}

const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
// A language value may not contain the sub-field separator itself.
const multilingual = (pl: string, en: string): string => `pl:${pl.replace(/;/g, ',')};en:${en.replace(/;/g, ',')}`;

export function formatSdmxCsv(ds: ExportDataset): Buffer {
  const structureId = `${SDMX_AGENCY}:DF_${ds.indicator.code}(1.0.0)`;
  const unit = multilingual(ds.indicator.unit.pl, ds.indicator.unit.en);
  const out: string[] = [SDMX_HEADER.join(',') + EOL];
  for (const { area, year, category, cell } of ds.cells()) {
    const { obsStatus, confStatus } = sdmxStatus(cell);
    const row = [
      'dataflow',
      structureId,
      'I',
      'A',
      ds.indicator.code,
      sdmxAreaId(area.code),
      ds.request.breakdown,
      category,
      String(year),
      cell.value === null ? '' : Number.isInteger(cell.value) ? cell.value.toFixed(0) : String(cell.value),
      obsStatus,
      confStatus,
      unit,
      cell.suppressionReason ?? '',
      ds.version.label,
    ];
    out.push(row.map(field).join(',') + EOL);
  }
  return Buffer.from(out.join(''), 'utf8');
}

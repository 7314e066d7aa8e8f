/**
 * Exports: public statistics as files (CSV, XLSX, JSON-stat 2.0, SDMX-CSV 2.0) at stable,
 * cacheable URLs under /exports. No GraphQL here: the hub mounts the router in app.ts.
 */
export { createExportsRouter, exportEtag, matchesIfNoneMatch, EXPORT_FORMAT_REVISION, IMMUTABLE, SHORT_LIVED, type ExportsRouterDeps } from './exports.router';
export { parseExportRequest, canonicalQuery, exportFileName, EXPORT_FORMATS, EXPORT_LEVELS, type ExportFormat, type ExportRequest } from './export-request';
export { ExportError } from './export-error';
export { buildExportDataset, type ExportDataset, type ExportCell, type ExportVersion } from './export-dataset';
export { formatCsv, formatCsvMetadata, CSV_HEADERS, CSV_SEPARATOR } from './format-csv';
export { formatJsonStat } from './format-jsonstat';
export { formatSdmxCsv, SDMX_HEADER, SDMX_DIMENSIONS, SDMX_CSV_MEDIA_TYPE } from './format-sdmx-csv';
export { formatXlsx } from './format-xlsx';
export { CellFlag } from './labels';

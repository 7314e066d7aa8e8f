import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { UserError } from '../../shared/errors';
import { ImportKind } from './import-run.entity';
import { ImportRowErrorCode } from './messages';
import { ImportFormat } from './table';

@InputType('RegistryImportInput', { description: 'One registry file to import, sent inside the request as base64. The whole HTTP request may be at most 100 KB (a file of about 70 KB); import larger files from the command line: npm run hub -- import entities|reports <file>.' })
export class RegistryImportInput {
  @Field(() => ImportKind, { description: 'What the file holds: entities, or annual reports.' })
  kind!: ImportKind;

  @Field(() => ImportFormat, { description: 'The file format: CSV (separator ; or , found from the header; UTF-8) or XLSX (first visible worksheet).' })
  format!: ImportFormat;

  @Field({ description: 'The file’s name, for messages and the import audit (e.g. "podmioty-2025.csv").' })
  fileName!: string;

  @Field({ description: 'The file’s bytes in base64 (a "data:…;base64," prefix and line breaks are allowed).' })
  contentBase64!: string;

  @Field({ nullable: true, defaultValue: false, description: 'Only validate and count what would change; write nothing.' })
  dryRun?: boolean;
}

@ObjectType('RegistryImportRowError', { description: 'A problem in one row (or in the header, row 1) of an import file, with its place and an explanation in Polish and English.' })
export class RegistryImportRowErrorType {
  @Field(() => Int, { description: 'Row number as a spreadsheet shows it: the header is row 1, the first data row is row 2.' })
  row!: number;

  @Field(() => String, { nullable: true, description: 'The column, as the file’s header names it; null when the problem concerns the row as a whole.' })
  column!: string | null;

  @Field(() => ImportRowErrorCode, { description: 'What is wrong, as a stable machine-readable code.' })
  code!: ImportRowErrorCode;

  @Field({ description: 'Explanation in Polish.' })
  messagePl!: string;

  @Field({ description: 'Explanation in English.' })
  messageEn!: string;

  @Field({ description: 'The explanation in the request’s language (Accept-Language: pl or en).' })
  message!: string;
}

@ObjectType('RegistryImportReport', {
  description:
    'What an import did with a file: rows read and valid, entities (or reports) created, updated and left unchanged, and every problem found. When any row has a problem nothing at all is written; fix the file and send it again — a repeated import of the same file changes nothing.',
})
export class RegistryImportReportType {
  @Field(() => ImportKind, { description: 'What the file holds.' })
  kind!: ImportKind;

  @Field({ description: 'The file’s name as sent.' })
  fileName!: string;

  @Field(() => Int, { description: 'Data rows in the file (blank rows not counted).' })
  rowsRead!: number;

  @Field(() => Int, { description: 'Rows without any problem.' })
  rowsValid!: number;

  @Field(() => Int, { description: 'Entities (or reports) the import added; for a dry run, that it would add. Zero when the file has problems.' })
  created!: number;

  @Field(() => Int, { description: 'Existing entities (or reports) the import changed (or would change).' })
  updated!: number;

  @Field(() => Int, { description: 'Rows that matched an existing entity (or report) without changing anything.' })
  unchanged!: number;

  @Field(() => Int, { description: 'How many problems were found in all (the list holds the first 1,000).' })
  errorCount!: number;

  @Field(() => [RegistryImportRowErrorType], { description: 'The problems, by row then column; empty when the file is clean.' })
  errors!: RegistryImportRowErrorType[];

  @Field(() => ID, { nullable: true, description: 'The audit record of this import when it was written; null when nothing was written.' })
  importRunId!: string | null;
}

@ObjectType('RegistryImportPayload', { description: 'The result of a registry import.' })
export class RegistryImportPayload {
  @Field(() => RegistryImportReportType, { nullable: true, description: 'What the import did with the file; null when the file could not be read at all.' })
  report: RegistryImportReportType | null = null;

  @Field({ description: 'True when the file was written to the registry (false when it had problems, and for a dry run).' })
  applied: boolean = false;

  @Field(() => String, { nullable: true, description: 'The data version of the indicators recomputed after the import (e.g. "2026-11-27.3"); null when nothing changed.' })
  dataVersion: string | null = null;

  @Field(() => [UserError], {
    description:
      'Problems with the file as a whole: FILE_UNREADABLE (not the declared format, not UTF-8, not base64), EMPTY_FILE (no data rows), FILE_TOO_LARGE, ROWS_INVALID (rows have problems, listed in report.errors; nothing was written). Empty on success.',
  })
  errors: UserError[] = [];
}

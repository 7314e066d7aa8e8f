/**
 * A request the exports cannot serve, with the HTTP status and a stable machine-readable code.
 * The router turns it into `{ error: { code, message, field? } }`; nothing else reaches clients.
 */
export class ExportError extends Error {
  constructor(
    readonly status: 400 | 404,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'ExportError';
  }

  toJSON(): { error: { code: string; message: string; field?: string } } {
    return { error: { code: this.code, message: this.message, ...(this.field ? { field: this.field } : {}) } };
  }
}

export const badParameter = (code: string, message: string, field: string) => new ExportError(400, code, message, field);
export const exportNotFound = (code: string, message: string, field?: string) => new ExportError(404, code, message, field);

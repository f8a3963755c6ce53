/** The import file's columns, as the API's import reads them (README, "Importing from the student records"). */
export const IMPORT_REQUIRED_COLUMNS = ['external_id', 'first_name', 'last_name', 'department_code', 'degree_type', 'credits'] as const;
export const IMPORT_OPTIONAL_COLUMNS = ['personal_identity_number', 'email', 'programme', 'start_year', 'end_year'] as const;
export const IMPORT_DEGREE_TYPES = ['none', 'bachelor', 'master', 'phd', 'professional', 'exchange'] as const;

/** How many rejected rows the report lists; the rest are in the download. */
export const REJECTIONS_SHOWN = 10;

/** NDJSON by its name (.ndjson, .jsonl), else CSV. */
export function importContentType(fileName: string): 'text/csv' | 'application/x-ndjson' {
  return /\.(ndjson|jsonl)$/i.test(fileName) ? 'application/x-ndjson' : 'text/csv';
}

/** The file's name as the API accepts it: no markup or control characters, at most 200 characters. */
export function importFileName(name: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[<>\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '').trim();
  return clean ? clean.slice(0, 200) : undefined;
}

/** A fresh Idempotency-Key for one "start the import". */
export function newIdempotencyKey(): string {
  if (typeof crypto !== 'undefined' && typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

export interface Rejection {
  row: number;
  reason: string;
}

/** The records of a CSV text (RFC 4180 quoting), at most `limit` of them. */
export function readCsv(text: string, limit: number = Number.POSITIVE_INFINITY): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < source.length && records.length < limit; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else {
      field += c;
    }
  }
  if ((field !== '' || record.length > 0) && records.length < limit) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** The first rejected rows of the rejected-rows file (header `row,reason`). */
export function firstRejections(csv: string, count: number = REJECTIONS_SHOWN): Rejection[] {
  return readCsv(csv, count + 1)
    .slice(1)
    .filter((record) => record.length >= 2)
    .map(([row, reason]) => ({ row: Number(row), reason }));
}

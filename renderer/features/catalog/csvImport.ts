/** The core refuses CSV text longer than this (catalog.importCsv); checked before sending a file over the link. */
export const CSV_MAX_CHARS = 5_000_000;

/** Files this much larger than the limit are refused before they are even read. */
export const CSV_MAX_BYTES = CSV_MAX_CHARS * 4;

export type CsvCheck = { ok: true } | { ok: false; reason: 'tooLarge' };

export function checkCsvText(text: string): CsvCheck {
  return text.length > CSV_MAX_CHARS ? { ok: false, reason: 'tooLarge' } : { ok: true };
}

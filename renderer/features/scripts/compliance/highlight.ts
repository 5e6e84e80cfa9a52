import type { TextFinding } from '../../../../shared/contract/cues.js';

/** A run of text, flagged or not. */
export interface Piece {
  readonly text: string;
  readonly finding: TextFinding | null;
}

/**
 * Splits `text` into plain and flagged runs for highlighting. Findings may come from an older version of the text
 * (the scan answers after the person typed on): one that no longer matches the text at its place is left out
 * rather than marking the wrong letters. Overlapping findings keep the first.
 */
export function highlightPieces(text: string, findings: readonly TextFinding[]): Piece[] {
  const valid = findings
    .filter((f) => f.index >= 0 && f.length > 0 && f.index + f.length <= text.length)
    .filter((f) => text.slice(f.index, f.index + f.length).toLowerCase() === f.matched.toLowerCase())
    .sort((a, b) => a.index - b.index);
  const out: Piece[] = [];
  let at = 0;
  for (const f of valid) {
    if (f.index < at) continue;
    if (f.index > at) out.push({ text: text.slice(at, f.index), finding: null });
    out.push({ text: text.slice(f.index, f.index + f.length), finding: f });
    at = f.index + f.length;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), finding: null });
  return out;
}

/** The findings that still match `text` (see highlightPieces), in order. */
export function currentFindings(text: string, findings: readonly TextFinding[]): TextFinding[] {
  return highlightPieces(text, findings).flatMap((p) => (p.finding ? [p.finding] : []));
}

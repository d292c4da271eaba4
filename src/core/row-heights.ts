import type { Area, PlanFont, PlanValue } from "./sheet-plan";

/**
 * Measured in Excel on 10 pt Arial (the Lembar's font, LEMBAR_FONT in lembar.ts): points per line,
 * the padding of a row, and the characters that fit in one unit of Excel column width, on average
 * for mixed text. A plan in another size scales them; another face is taken as Arial-wide.
 */
const MEASURED_SIZE = 10;
const LINE_POINTS = 12.75;
const PADDING_POINTS = 2.25;
const CHARS_PER_WIDTH = 1.15;

function linesFor(text: string, widthChars: number, charsPerWidth: number): number {
  const perLine = Math.max(1, Math.floor(widthChars * charsPerWidth));
  if (text.length <= perLine) return 1;
  let lines = 1;
  let used = 0;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    let length = word.length;
    if (used > 0 && used + 1 + length <= perLine) {
      used += 1 + length;
      continue;
    }
    if (used > 0) lines++;
    // A word longer than a line breaks across lines.
    while (length > perLine) {
      lines++;
      length -= perLine;
    }
    used = length;
  }
  return lines;
}

/**
 * Row heights that show wrapped text whole in the plan's font: neither a written .xlsx nor
 * LibreOffice fits rows to their text when a file is opened, so the plan says how tall each wrapped
 * row must be. A text merged across columns uses their total width; one merged down several rows
 * shares its lines among them.
 */
export function fittedRowHeights(
  values: readonly PlanValue[][],
  merges: readonly Area[],
  columnWidths: readonly number[],
  wrappedRows: readonly [number, number][],
  font: PlanFont
): { row: number; height: number }[] {
  const scale = font.size / MEASURED_SIZE;
  const linePoints = LINE_POINTS * scale;
  const charsPerWidth = CHARS_PER_WIDTH / scale;
  // Cells keyed by number (row × 1024 + column): a sheet plan has far fewer than 1024 columns.
  const key = (r: number, c: number) => r * 1024 + c;
  const mergeAt = new Map<number, Area>();
  const covered = new Set<number>();
  for (const m of merges) {
    mergeAt.set(key(m.top, m.left), m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(key(r, c));
  }
  const lines = new Map<number, number>();
  for (const [first, last] of wrappedRows) {
    for (let r = first; r <= last; r++) {
      const row = values[r - 1] ?? [];
      for (let i = 0; i < row.length; i++) {
        const value = row[i];
        const c = i + 1;
        if (value === null || typeof value === "number" || covered.has(key(r, c))) continue;
        const m = mergeAt.get(key(r, c));
        const top = m?.top ?? r;
        const bottom = m?.bottom ?? r;
        let width = 0;
        for (let k = m?.left ?? c; k <= (m?.right ?? c); k++) width += columnWidths[k - 1] ?? 8.43;
        const n = Math.ceil(linesFor(value, width, charsPerWidth) / (bottom - top + 1));
        if (n > 1) for (let k = top; k <= bottom; k++) lines.set(k, Math.max(lines.get(k) ?? 1, n));
      }
    }
  }
  return [...lines.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([row, n]) => ({
      row,
      height: Math.round((n * linePoints + PADDING_POINTS) * 100) / 100,
    }));
}

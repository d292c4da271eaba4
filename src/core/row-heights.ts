import type { Area, PlanValue } from "./sheet-plan";

/** Points per line of 10 pt Arial, and the padding of a row. */
const LINE_POINTS = 12.75;
const PADDING_POINTS = 2.25;
/** Characters of 10 pt Arial that fit in one unit of Excel column width, on average for mixed text. */
const CHARS_PER_WIDTH = 1.15;

function linesFor(text: string, widthChars: number): number {
  const perLine = Math.max(1, Math.floor(widthChars * CHARS_PER_WIDTH));
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
 * Row heights that show wrapped text whole: neither exceljs nor LibreOffice fits rows to their text
 * when a file is opened, so the plan says how tall each wrapped row must be. A text merged across
 * columns uses their total width; one merged down several rows shares its lines among them.
 */
export function fittedRowHeights(
  values: readonly PlanValue[][],
  merges: readonly Area[],
  columnWidths: readonly number[],
  wrappedRows: readonly [number, number][]
): { row: number; height: number }[] {
  const mergeAt = new Map<string, Area>();
  const covered = new Set<string>();
  for (const m of merges) {
    mergeAt.set(`${m.top},${m.left}`, m);
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const lines = new Map<number, number>();
  const need = (row: number, n: number) => lines.set(row, Math.max(lines.get(row) ?? 1, n));
  for (const [first, last] of wrappedRows) {
    for (let r = first; r <= last; r++) {
      (values[r - 1] ?? []).forEach((value, i) => {
        const c = i + 1;
        if (value === null || covered.has(`${r},${c}`)) return;
        const m = mergeAt.get(`${r},${c}`) ?? { top: r, left: c, bottom: r, right: c };
        let width = 0;
        for (let k = m.left; k <= m.right; k++) width += columnWidths[k - 1] ?? 8.43;
        const rows = m.bottom - m.top + 1;
        const n = Math.ceil(linesFor(String(value), width) / rows);
        for (let k = m.top; k <= m.bottom; k++) need(k, n);
      });
    }
  }
  return [...lines.entries()]
    .filter(([, n]) => n > 1)
    .sort((a, b) => a[0] - b[0])
    .map(([row, n]) => ({
      row,
      height: Math.round((n * LINE_POINTS + PADDING_POINTS) * 100) / 100,
    }));
}

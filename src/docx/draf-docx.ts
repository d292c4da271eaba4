/**
 * The Draf BAB III (src/core/draf.ts) as an editable Word document, through the `docx` library:
 * Bab III on A4 portrait, the Lembar Pengukuran Kinerja as an appendix on A4 landscape. Works in
 * Node and in the browser alike (no fs, no DOM).
 *
 * Every text of the workbook goes into a text run, which the library escapes: a cell holding
 * `<w:fldSimple …/>`, `{ DATE }` or `&` is shown as those characters, never read as markup or a field.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  ShadingType,
  Table,
  TableCell as DocxCell,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IBorderOptions,
  type ISectionOptions,
} from "docx";
import {
  DrafBlock,
  DrafDocument,
  planStyleGrid,
  shownPlanValue,
  shownTableCell,
} from "../core/draf";
import type { CellStyle, SheetPlan } from "../core/sheet-plan";
import type { TableCell, TableModel } from "../core/tabel-model";

const FONT = "Arial";
/** Half-points. */
const BODY_SIZE = 22;
const TABLE_SIZE = 18;
const NOTE_COLOR = "C00000";
const HEADER_FILL = "D9E1F2";
/** Rows up to which a table is kept on one page. */
const KEEP_TOGETHER = 20;

/** A4 in twips, portrait; margins as an LKjIP is usually set (3 cm left, 2,5 cm elsewhere). */
const A4 = { width: 11906, height: 16838 };
const PORTRAIT_MARGIN = { top: 1418, bottom: 1418, left: 1701, right: 1418 };
const PORTRAIT_TEXT = A4.width - PORTRAIT_MARGIN.left - PORTRAIT_MARGIN.right;

// Characters XML 1.0 does not allow, and halves of a surrogate pair: a workbook can hold them
// (pasted from elsewhere); left in, Word would refuse the file.
const INVALID_XML =
  // eslint-disable-next-line no-control-regex
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

interface RunStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  size?: number;
  color?: string;
}

/**
 * Text runs of one text: line breaks as breaks, tabs as spaces, characters XML refuses left out;
 * "Rp" and "%" kept on the line of their figure (a no-break space).
 */
function runs(text: string, style: RunStyle = {}): TextRun[] {
  const clean = text
    .replace(INVALID_XML, "")
    .replace(/\t/g, " ")
    .replace(/\bRp (?=\d)/g, "Rp\u00a0")
    .replace(/(\d) %/g, "$1\u00a0%");
  return clean.split(/\r\n|\r|\n/).map(
    (line, i) =>
      new TextRun({
        text: line,
        break: i > 0 ? 1 : undefined,
        bold: style.bold,
        italics: style.italic,
        underline: style.underline ? {} : undefined,
        size: style.size,
        color: style.color,
      })
  );
}

const thin: IBorderOptions = { style: BorderStyle.SINGLE, size: 4, color: "000000" };
const none: IBorderOptions = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };
const allBorders = (b: IBorderOptions) => ({ top: b, bottom: b, left: b, right: b });
const tableBorders = (b: IBorderOptions) => ({
  ...allBorders(b),
  insideHorizontal: b,
  insideVertical: b,
});

// ---------------------------------------------------------------------------------------------
// Bab III

/** Relative widths of each table's columns (the narrow model drops its last column). */
const WEIGHTS: Record<TableModel["id"], number[]> = {
  iku: [5, 38, 12, 22, 10, 13],
  pk: [5, 15, 19, 11, 9, 18, 9, 14],
  sasaran: [5, 28, 11, 10, 22, 10, 14],
  perbandingan: [5, 28, 11, 11, 14.5, 14, 16.5],
  efisiensi: [4, 13, 10.5, 18, 18, 10.5, 12, 14],
  keuangan: [5, 27, 19, 19, 17, 13],
};

function twipsOf(weights: number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w * total) / sum));
  widths[widths.length - 1] += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function columnWidths(model: TableModel): number[] {
  let weights = WEIGHTS[model.id].slice(0, model.columns);
  if (model.id === "perbandingan" && model.columns === 5) weights = [5, 45, 16, 16, 18];
  while (weights.length < model.columns) weights.push(10);
  return twipsOf(weights, PORTRAIT_TEXT);
}

function alignmentOf(cell: TableCell, header: boolean) {
  if (header || cell.kind === "nomor") return AlignmentType.CENTER;
  return typeof cell.value === "number" ? AlignmentType.RIGHT : AlignmentType.LEFT;
}

/** Tables of eight columns (rupiah among them) in a smaller size, so that a figure stays on one line. */
const sizeOf = (model: TableModel) => (model.columns >= 8 ? 16 : TABLE_SIZE);

function modelCell(cell: TableCell, header: boolean, decimals: number, size: number): DocxCell {
  return new DocxCell({
    columnSpan: cell.span && cell.span > 1 ? cell.span : undefined,
    rowSpan: cell.rowSpan && cell.rowSpan > 1 ? cell.rowSpan : undefined,
    verticalAlign: header ? VerticalAlignTable.CENTER : VerticalAlignTable.TOP,
    shading: header ? { type: ShadingType.CLEAR, color: "auto", fill: HEADER_FILL } : undefined,
    margins: { left: 50, right: 50, top: 20, bottom: 20 },
    children: [
      new Paragraph({
        alignment: alignmentOf(cell, header),
        children: runs(shownTableCell(cell, decimals), {
          bold: header || cell.bold,
          italic: cell.italic,
          size,
        }),
      }),
    ],
  });
}

function modelTable(model: TableModel, decimals: number): (Paragraph | Table)[] {
  const caption = (text: string) =>
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 0, after: 60 },
      children: runs(text, { bold: true }),
    });
  const size = sizeOf(model);
  // A short table is kept on one page with its caption; a long one breaks between rows.
  const together = model.header.length + model.rows.length <= KEEP_TOGETHER;
  const last = model.header.length + model.rows.length - 1;
  const rows = [...model.header, ...model.rows].map(
    (cells, i) =>
      new TableRow({
        tableHeader: i < model.header.length,
        cantSplit: true,
        keepNext: together && i < last,
        children: cells.map((c) => modelCell(c, i < model.header.length, decimals, size)),
      })
  );
  const widths = columnWidths(model);
  return [
    new Paragraph({ spacing: { before: 120, after: 0 }, keepNext: true, children: [] }),
    caption(`Tabel ${model.number}`),
    caption(model.title),
    new Table({
      rows,
      columnWidths: widths,
      width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
      borders: tableBorders(thin),
    }),
    ...model.notes.map(
      (note) =>
        new Paragraph({
          spacing: { before: 60, after: 0 },
          children: runs(note, { italic: true, size: TABLE_SIZE, color: NOTE_COLOR }),
        })
    ),
    new Paragraph({ spacing: { after: 120 }, children: [] }),
  ];
}

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

function block(b: DrafBlock, decimals: number): (Paragraph | Table)[] {
  switch (b.type) {
    case "heading":
      return [
        new Paragraph({
          heading: HEADINGS[b.level],
          alignment: b.level === 1 ? AlignmentType.CENTER : AlignmentType.LEFT,
          keepNext: true,
          children: runs(b.text),
        }),
      ];
    case "paragraph":
      return [
        new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: b.note ? undefined : { firstLine: 720 },
          spacing: { after: 120, line: 360 },
          children: runs(b.text, b.note ? { italic: true, color: NOTE_COLOR } : {}),
        }),
      ];
    case "table":
      return modelTable(b.table, decimals);
  }
}

// ---------------------------------------------------------------------------------------------
// The Lembar appendix

const HORIZONTAL = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
} as const;
const VERTICAL = {
  top: VerticalAlignTable.TOP,
  middle: VerticalAlignTable.CENTER,
  bottom: VerticalAlignTable.BOTTOM,
} as const;

/**
 * Word does not shrink a table to the page as the sheet's print setup does (fit to one page wide):
 * the Lembar's table is set a point smaller than the sheet's font, so that the seed's Lembar and
 * its signature block fit one landscape page.
 */
const LEMBAR_TABLE_SCALE = 0.9;

function planRunStyle(plan: SheetPlan, style: CellStyle, scale = 1): RunStyle {
  return {
    bold: style.bold,
    italic: style.italic,
    underline: style.underline,
    size: Math.round((style.fontSize ?? plan.font.size) * 2 * scale),
  };
}

/** The plan's print margins (inches) in twips. */
function marginsOf(plan: SheetPlan) {
  const twips = (inches: number) => Math.round(inches * 1440);
  const m = plan.print.margins;
  return {
    top: twips(m.top),
    bottom: twips(m.bottom),
    left: twips(m.left),
    right: twips(m.right),
    header: twips(m.header),
    footer: twips(m.footer),
  };
}

function lembar(plan: SheetPlan, title: string): (Paragraph | Table)[] {
  const margins = marginsOf(plan);
  const landscapeText = A4.height - margins.left - margins.right;
  const styles = planStyleGrid(plan);
  const rowCount = plan.values.length;
  const columns = styles[0]?.length ?? plan.columnWidths.length;
  const out: (Paragraph | Table)[] = [
    new Paragraph({
      heading: HeadingLevel.HEADING_2,
      spacing: { before: 0, after: 60 },
      children: runs(title),
    }),
  ];
  // Lines above the table (title, OPD, year): paragraphs, so the header rows can repeat on each page.
  const first = Math.min(plan.print.titleRows.first, rowCount + 1);
  let lastLine = 0;
  for (let r = 1; r < first; r++) if (plan.values[r - 1].some((v) => v !== null)) lastLine = r;
  for (let r = 1; r < first; r++) {
    const c = plan.values[r - 1].findIndex((v) => v !== null);
    if (c < 0) continue;
    const style = styles[r - 1][c];
    out.push(
      new Paragraph({
        alignment: HORIZONTAL[style.horizontal ?? "left"],
        spacing: { after: r === lastLine ? 160 : 40 },
        children: runs(
          shownPlanValue(plan.values[r - 1][c], style.numberFormat),
          planRunStyle(plan, style)
        ),
      })
    );
  }

  // Which cell each merge starts at, and which cells it covers.
  const starts = new Map<string, { rows: number; columns: number }>();
  const covered = new Set<string>();
  for (const m of plan.merges) {
    if (m.top < first) continue;
    starts.set(`${m.top}:${m.left}`, { rows: m.bottom - m.top + 1, columns: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++)
        if (r !== m.top || c !== m.left) covered.add(`${r}:${c}`);
  }
  // The rows after the last bordered one (the signature block) are kept on one page.
  let lastBordered = first;
  for (let r = first; r <= rowCount; r++) if (styles[r - 1].some((s) => s.border)) lastBordered = r;
  const rows: TableRow[] = [];
  for (let r = first; r <= rowCount; r++) {
    const cells: DocxCell[] = [];
    for (let c = 1; c <= columns; c++) {
      // A cell a merge above covers is added by the library (vertical merge); one to the left, skipped.
      if (covered.has(`${r}:${c}`)) continue;
      const merge = starts.get(`${r}:${c}`);
      const style = styles[r - 1][c - 1];
      const value = plan.values[r - 1][c - 1] ?? null;
      const text = shownPlanValue(value, style.numberFormat);
      const numeric = typeof value === "number";
      cells.push(
        new DocxCell({
          columnSpan: merge && merge.columns > 1 ? merge.columns : undefined,
          rowSpan: merge && merge.rows > 1 ? merge.rows : undefined,
          borders: allBorders(style.border ? thin : none),
          shading: style.fill
            ? { type: ShadingType.CLEAR, color: "auto", fill: style.fill.replace(/^#/, "") }
            : undefined,
          verticalAlign: VERTICAL[style.vertical ?? "top"],
          margins: { left: 60, right: 60, top: 0, bottom: 0 },
          children: [
            new Paragraph({
              alignment: HORIZONTAL[style.horizontal ?? (numeric ? "right" : "left")],
              children: runs(text, planRunStyle(plan, style, LEMBAR_TABLE_SCALE)),
            }),
          ],
        })
      );
    }
    const titleRow = r >= plan.print.titleRows.first && r <= plan.print.titleRows.last;
    rows.push(
      new TableRow({
        children: cells,
        tableHeader: titleRow,
        cantSplit: true,
        keepNext: r > lastBordered && r < rowCount,
      })
    );
  }
  const widths = twipsOf(
    Array.from({ length: columns }, (_, c) => plan.columnWidths[c] ?? 10),
    landscapeText
  );
  if (rows.length > 0)
    out.push(
      new Table({
        rows,
        columnWidths: widths,
        width: { size: landscapeText, type: WidthType.DXA },
        borders: tableBorders(none),
      })
    );
  return out;
}

/** The Draf BAB III as a .docx file. */
export async function drafDocx(doc: DrafDocument): Promise<Uint8Array> {
  const portrait: ISectionOptions = {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.PORTRAIT },
        margin: PORTRAIT_MARGIN,
      },
    },
    children: doc.blocks.flatMap((b) => block(b, doc.decimals)),
  };
  const landscape: ISectionOptions = {
    properties: {
      page: {
        size: { width: A4.width, height: A4.height, orientation: PageOrientation.LANDSCAPE },
        margin: marginsOf(doc.appendix.plan),
      },
    },
    children: lembar(doc.appendix.plan, doc.appendix.title),
  };
  const heading = (id: string, name: string, size: number, before: number) => ({
    id,
    name,
    basedOn: "Normal",
    next: "Normal",
    quickFormat: true,
    run: { font: FONT, size, bold: true, color: "000000" },
    paragraph: { spacing: { before, after: 120 }, keepNext: true },
  });
  const document = new Document({
    creator: "Capaian Kinerja",
    title: `Draf BAB III LKjIP${doc.tahun ? ` ${doc.tahun}` : ""}`.replace(INVALID_XML, ""),
    description: "Draf Bab III Akuntabilitas Kinerja; angka dari buku kerja Capaian Kinerja.",
    styles: {
      default: {
        document: { run: { font: FONT, size: BODY_SIZE } },
      },
      paragraphStyles: [
        heading("Heading1", "Heading 1", 28, 0),
        heading("Heading2", "Heading 2", 24, 240),
        heading("Heading3", "Heading 3", 22, 180),
      ],
    },
    sections: [portrait, landscape],
  });
  return Packer.pack(document, "uint8array");
}

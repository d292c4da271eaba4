/**
 * A plan's charts as DrawingML (CONTRACT §7): one chart part per chart (a clustered column chart,
 * with a line on the same axes for "line" series: the 100 % mark), and the drawing part that
 * anchors them over the sheet's cells. Every series refers to cells of the plan's own sheet, and
 * carries their current values as its cache, so that a viewer that does not recalculate shows them.
 */
import { columnLetters } from "../../core/address";
import type { Area, ChartPlan, ChartSeries, SheetPlan } from "../../core/sheet-plan";
import { encodeXstring } from "./shared-strings";
import { escapeXml } from "./splices";

export const CHART_CONTENT_TYPE = {
  drawing: "application/vnd.openxmlformats-officedocument.drawing+xml",
  chart: "application/vnd.openxmlformats-officedocument.drawingml.chart+xml",
} as const;

/** DrawingML namespaces, transitional or strict (the workbook's own flavour). */
function namespaces(strict: boolean) {
  return strict
    ? {
        c: "http://purl.oclc.org/ooxml/drawingml/chart",
        a: "http://purl.oclc.org/ooxml/drawingml/main",
        xdr: "http://purl.oclc.org/ooxml/drawingml/spreadsheetDrawing",
        r: "http://purl.oclc.org/ooxml/officeDocument/relationships",
      }
    : {
        c: "http://schemas.openxmlformats.org/drawingml/2006/chart",
        a: "http://schemas.openxmlformats.org/drawingml/2006/main",
        xdr: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
        r: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      };
}

/** A text as XML content or attribute: characters XML cannot hold escaped Excel's way (_x0001_). */
const text = (value: string) => escapeXml(encodeXstring(value));

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** Bars in Office's first accent blue; the 100 % line in red, dashed. */
const COLUMN_COLOUR = "4472C4";
const LINE_COLOUR = "C00000";
const CATEGORY_AXIS = 500000001;
const VALUE_AXIS = 500000002;

/** An absolute reference to an area of a sheet, the sheet always quoted: 'Tabel LKjIP'!$D$58:$D$60. */
export function chartReference(sheet: string, a: Area): string {
  const cell = (row: number, column: number) => `$${columnLetters(column)}$${row}`;
  const first = cell(a.top, a.left);
  const last = cell(a.bottom, a.right);
  return `'${sheet.replace(/'/g, "''")}'!${first === last ? first : `${first}:${last}`}`;
}

/** The cells of an area in order (a column, or a row), with the plan's values. */
function cellsOf(plan: SheetPlan, a: Area) {
  const out: { row: number; column: number; value: string | number | null }[] = [];
  for (let row = a.top; row <= a.bottom; row++)
    for (let column = a.left; column <= a.right; column++)
      out.push({ row, column, value: plan.values[row - 1]?.[column - 1] ?? null });
  return out;
}

/** The number format the plan gives a cell (the last style that sets one), or General. */
function formatAt(plan: SheetPlan, row: number, column: number): string {
  let format = "General";
  for (const { area, style } of plan.styles)
    if (
      style.numberFormat &&
      row >= area.top &&
      row <= area.bottom &&
      column >= area.left &&
      column <= area.right
    )
      format = style.numberFormat;
  return format;
}

/** Text in the chart's font: bold for titles. */
function richText(title: string, size: number, bold: boolean, rotated = false): string {
  const b = bold ? ' b="1"' : ' b="0"';
  const body = rotated ? '<a:bodyPr rot="-5400000" vert="horz"/>' : "<a:bodyPr/>";
  return `<c:tx><c:rich>${body}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="${size}"${b}/></a:pPr><a:r><a:rPr lang="id-ID" sz="${size}"${b}/><a:t>${text(title)}</a:t></a:r></a:p></c:rich></c:tx>`;
}

function shape(series: ChartSeries): string {
  return series.type === "line"
    ? `<c:spPr><a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${LINE_COLOUR}"/></a:solidFill><a:prstDash val="dash"/><a:round/></a:ln></c:spPr>`
    : `<c:spPr><a:solidFill><a:srgbClr val="${COLUMN_COLOUR}"/></a:solidFill><a:ln><a:noFill/></a:ln></c:spPr>`;
}

/** One series: its name as a literal, categories and values as references with their caches. */
function seriesXml(plan: SheetPlan, chart: ChartPlan, series: ChartSeries, index: number): string {
  const categories = cellsOf(plan, chart.categories);
  const values = cellsOf(plan, series.values);
  const format = values.length ? formatAt(plan, values[0].row, values[0].column) : "General";
  const strPts = categories
    .map((c, i) =>
      c.value === null ? "" : `<c:pt idx="${i}"><c:v>${text(String(c.value))}</c:v></c:pt>`
    )
    .join("");
  const numPts = values
    .map((c, i) =>
      typeof c.value === "number" && Number.isFinite(c.value)
        ? `<c:pt idx="${i}"><c:v>${c.value}</c:v></c:pt>`
        : ""
    )
    .join("");
  const column = series.type === "column";
  // Columns show their figure above the bar, in the cells' own format (102,95 in Indonesian).
  const labels = column
    ? `<c:dLbls><c:numFmt formatCode="${escapeXml(format)}" sourceLinked="1"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr><c:dLblPos val="outEnd"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/><c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>`
    : "";
  return [
    `<c:ser><c:idx val="${index}"/><c:order val="${index}"/>`,
    `<c:tx><c:v>${text(series.name)}</c:v></c:tx>`,
    shape(series),
    column ? `<c:invertIfNegative val="0"/>` : `<c:marker><c:symbol val="none"/></c:marker>`,
    labels,
    `<c:cat><c:strRef><c:f>${escapeXml(chartReference(plan.name, chart.categories))}</c:f><c:strCache><c:ptCount val="${categories.length}"/>${strPts}</c:strCache></c:strRef></c:cat>`,
    `<c:val><c:numRef><c:f>${escapeXml(chartReference(plan.name, series.values))}</c:f><c:numCache><c:formatCode>${escapeXml(format)}</c:formatCode><c:ptCount val="${values.length}"/>${numPts}</c:numCache></c:numRef></c:val>`,
    column ? "" : `<c:smooth val="0"/>`,
    `</c:ser>`,
  ].join("");
}

const axisIds = `<c:axId val="${CATEGORY_AXIS}"/><c:axId val="${VALUE_AXIS}"/>`;

/** The chart part (xl/charts/chartN.xml) for one of the plan's charts. */
export function chartXml(plan: SheetPlan, chart: ChartPlan, strict = false): string {
  const ns = namespaces(strict);
  let index = 0;
  const group = (type: ChartSeries["type"]) =>
    chart.series
      .filter((s) => s.type === type)
      .map((s) => seriesXml(plan, chart, s, index++))
      .join("");
  const columns = group("column");
  const lines = group("line");
  // gapWidth is a percentage: a plain number in transitional, "80%" in strict.
  const bar = columns
    ? `<c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/>${columns}<c:gapWidth val="${strict ? "80%" : "80"}"/>${axisIds}</c:barChart>`
    : "";
  const line = lines
    ? `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${lines}<c:marker val="1"/>${axisIds}</c:lineChart>`
    : "";
  const gridColour = `<c:spPr><a:ln w="9525"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr>`;
  return [
    DECLARATION,
    `<c:chartSpace xmlns:c="${ns.c}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">`,
    `<c:roundedCorners val="0"/>`,
    `<c:chart>`,
    `<c:title>${richText(chart.title, 1200, true)}<c:overlay val="0"/></c:title>`,
    `<c:autoTitleDeleted val="0"/>`,
    `<c:plotArea><c:layout/>${bar}${line}`,
    `<c:catAx><c:axId val="${CATEGORY_AXIS}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${VALUE_AXIS}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:noMultiLvlLbl val="0"/></c:catAx>`,
    `<c:valAx><c:axId val="${VALUE_AXIS}"/><c:scaling><c:orientation val="minMax"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:majorGridlines>${gridColour}</c:majorGridlines><c:title>${richText(chart.valueTitle, 900, false, true)}<c:overlay val="0"/></c:title><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`,
    `</c:plotArea>`,
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>`,
    `<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/>`,
    `</c:chart>`,
    `<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"><a:latin typeface="${escapeXml(plan.font.name)}"/><a:cs typeface="${escapeXml(plan.font.name)}"/></a:defRPr></a:pPr><a:endParaRPr lang="id-ID"/></a:p></c:txPr>`,
    `</c:chartSpace>`,
  ].join("");
}

/**
 * The drawing part (xl/drawings/drawingN.xml): one anchor per chart, covering exactly the chart's
 * anchor cells (0-based in the XML: `from` is the first cell's corner, `to` the corner after the
 * last cell), and a frame pointing at the chart part by its relationship id.
 */
export function drawingXml(
  charts: readonly ChartPlan[],
  relIds: readonly string[],
  strict = false
): string {
  const ns = namespaces(strict);
  const anchors = charts.map((chart, i) => {
    const { top, left, bottom, right } = chart.anchor;
    const marker = (tag: string, column: number, row: number) =>
      `<xdr:${tag}><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:${tag}>`;
    return [
      `<xdr:twoCellAnchor editAs="oneCell">`,
      marker("from", left - 1, top - 1),
      marker("to", right, bottom),
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${i + 2}" name="Grafik ${i + 1}" descr="${text(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>`,
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>`,
      `<a:graphic><a:graphicData uri="${ns.c}"><c:chart xmlns:c="${ns.c}" r:id="${relIds[i]}"/></a:graphicData></a:graphic>`,
      `</xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
    ].join("");
  });
  return `${DECLARATION}<xdr:wsDr xmlns:xdr="${ns.xdr}" xmlns:a="${ns.a}" xmlns:r="${ns.r}">${anchors.join("")}</xdr:wsDr>`;
}

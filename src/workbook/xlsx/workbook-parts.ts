import type JSZip from "jszip";

/** A defined name as workbook.xml holds it: exceljs keeps neither sheet scope nor #REF! names, so we read them ourselves. */
export interface RawDefinedName {
  name: string;
  /** Index of the sheet a sheet-scoped name belongs to. */
  localSheetId: number | null;
  /** The formula without "=": "'PK 2020'!$E$7:$E$9", "#REF!", "0.5". */
  formula: string;
  hidden: boolean;
}

export interface WorkbookParts {
  sheetNames: string[];
  activeTab: number;
  definedNames: RawDefinedName[];
  /** What the Excel add-in stored with this workbook (Office document settings), if any. */
  addinSettings: unknown;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#\d+|#x[0-9a-f]+);/gi, (_m, e: string) => {
    switch (e.toLowerCase()) {
      case "lt":
        return "<";
      case "gt":
        return ">";
      case "quot":
        return '"';
      case "apos":
        return "'";
      case "amp":
        return "&";
      default:
        return String.fromCodePoint(
          e[1].toLowerCase() === "x" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10)
        );
    }
  });
}

const attr = (attrs: string, name: string): string | undefined => {
  const m = new RegExp(`(?:^|\\s)${name}="([^"]*)"`).exec(attrs);
  return m ? unescapeXml(m[1]) : undefined;
};

/** Office stores an add-in's document settings in a web extension part, as JSON in a property value. */
async function addinSettings(zip: JSZip, key: string): Promise<unknown> {
  const parts = Object.keys(zip.files).filter((f) =>
    /^xl\/webextensions\/webextension\d*\.xml$/.test(f)
  );
  for (const part of parts) {
    const xml = await zip.file(part)!.async("string");
    for (const m of xml.matchAll(/<(?:\w+:)?property\s+([^>]*?)\/?>/g)) {
      if (attr(m[1], "name") !== key) continue;
      try {
        return JSON.parse(attr(m[1], "value") ?? "");
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

export async function readWorkbookParts(zip: JSZip, settingsKey: string): Promise<WorkbookParts> {
  const xml = await zip.file("xl/workbook.xml")!.async("string");
  const sheetNames = [...xml.matchAll(/<(?:\w+:)?sheet\s+([^>]*?)\/?>/g)].map(
    (m) => attr(m[1], "name") ?? ""
  );
  const activeTab = Number(
    attr(/<(?:\w+:)?workbookView\s+([^>]*?)\/?>/.exec(xml)?.[1] ?? "", "activeTab") ?? 0
  );
  const definedNames = [
    ...xml.matchAll(/<(?:\w+:)?definedName\s+([^>]*?)>([\s\S]*?)<\/(?:\w+:)?definedName>/g),
  ].map((m) => {
    const local = attr(m[1], "localSheetId");
    return {
      name: attr(m[1], "name") ?? "",
      localSheetId: local === undefined ? null : Number(local),
      formula: unescapeXml(m[2]).trim(),
      hidden: attr(m[1], "hidden") === "1" || attr(m[1], "hidden") === "true",
    };
  });
  return {
    sheetNames,
    activeTab,
    definedNames,
    addinSettings: await addinSettings(zip, settingsKey),
  };
}

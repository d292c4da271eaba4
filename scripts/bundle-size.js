// The add-in pane's JavaScript as Excel loads it: gzip size, and a check that it carries no .xlsx file
// code (inside Excel the workbook is reached through Office.js; the package reader is for files).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_KB = 150;

function taskpaneScripts(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src));
}

function measure(dist) {
  const files = taskpaneScripts(dist);
  const code = files.map((f) => fs.readFileSync(path.join(dist, f)));
  const gzipKb = code.reduce((sum, c) => sum + zlib.gzipSync(c, { level: 9 }).length, 0) / 1024;
  const xlsxCode = code.some((c) => /exceljs|central directory damaged/.test(c.toString()));
  return { files, gzipKb, xlsxCode };
}

module.exports = { measure, BUDGET_KB };

if (require.main === module) {
  const result = measure(path.join(__dirname, "..", "dist"));
  console.log(`BENCH addin.taskpane.gzip.kb ${result.gzipKb.toFixed(1)}`);
  console.log(`BENCH addin.taskpane.xlsx_code ${result.xlsxCode ? 1 : 0}`);
}

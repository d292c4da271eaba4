// The add-in pane's JavaScript as Excel loads it: the gzip size of what taskpane.html loads before
// the pane can show (its own <script src>: the old-Office fallback and the bundle; office.js comes
// from Microsoft), the chunks loaded after it (the engine at once, the tabs when opened), and a
// check that none of it carries .xlsx file code (inside Excel the workbook is reached through
// Office.js; the package reader is for files).
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const BUDGET_KB = 119;

function taskpaneScripts(dist) {
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  return [...html.matchAll(/<script[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src));
}

const gzipKb = (code) => zlib.gzipSync(code, { level: 9 }).length / 1024;
const carriesXlsxCode = (code) => /exceljs|central directory damaged/.test(code.toString());

function measure(dist) {
  const files = taskpaneScripts(dist);
  const code = files.map((f) => fs.readFileSync(path.join(dist, f)));
  // Every other script beside taskpane.html is a chunk the bundle loads later (dist/web/ is the browser page).
  const chunks = fs
    .readdirSync(dist)
    .filter((f) => f.endsWith(".js") && !files.includes(f))
    .map((file) => ({ file, code: fs.readFileSync(path.join(dist, file)) }));
  return {
    files,
    gzipKb: code.reduce((sum, c) => sum + gzipKb(c), 0),
    chunks: chunks.map(({ file, code: c }) => ({ file, gzipKb: gzipKb(c) })),
    xlsxCode: [...code, ...chunks.map((c) => c.code)].some(carriesXlsxCode),
  };
}

module.exports = { measure, BUDGET_KB };

if (require.main === module) {
  const result = measure(path.join(__dirname, "..", "dist"));
  const later = result.chunks.reduce((sum, c) => sum + c.gzipKb, 0);
  console.log(`BENCH addin.taskpane.gzip.kb ${result.gzipKb.toFixed(1)}`);
  console.log(`BENCH addin.taskpane.chunks.gzip.kb ${later.toFixed(1)}`);
  console.log(`BENCH addin.taskpane.xlsx_code ${result.xlsxCode ? 1 : 0}`);
}

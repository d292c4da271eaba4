// Bundles the CLI bench's baseline (bench/exceljs-only.js) the way the command is bundled: esbuild,
// Node 20, one file; and with exceljs's Workbook only (not its streaming reader and writer, whose
// dependencies would add start-up time the command does not pay). A fair baseline: same trimming,
// same start-up.
const esbuild = require("esbuild");
const path = require("path");

const ROOT = path.join(__dirname, "..");

const exceljsWorkbookOnly = {
  name: "exceljs-workbook-only",
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({
      path: path.join(ROOT, "bench", "exceljs-workbook.js"),
    }));
  },
};

module.exports = () =>
  esbuild.build({
    entryPoints: [path.join(ROOT, "bench", "exceljs-only.js")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile: path.join(ROOT, "dist-bench", "exceljs-only.js"),
    logLevel: "warning",
    plugins: [exceljsWorkbookOnly],
  });

if (require.main === module) module.exports().catch(() => process.exit(1));

// Builds dist-cli/capaian.js, the `capaian` command (bin/capaian.js runs it), with esbuild.
const esbuild = require("esbuild");
const path = require("path");

const ROOT = path.join(__dirname, "..");

/**
 * The command line uses exceljs's Workbook (a whole .xlsx read into memory and written back), never
 * its streaming reader and writer. exceljs's main module loads those too, and their dependencies
 * (archiver, unzipper, bluebird, ...) would double the bundle and the time every run takes to start.
 */
const exceljsWorkbookOnly = {
  name: "exceljs-workbook-only",
  setup(build) {
    build.onResolve({ filter: /^exceljs$/ }, () => ({
      path: path.join(ROOT, "scripts", "exceljs-workbook.js"),
    }));
  },
};

esbuild
  .build({
    entryPoints: [path.join(ROOT, "src", "cli", "index.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile: path.join(ROOT, "dist-cli", "capaian.js"),
    logLevel: "warning",
    plugins: [exceljsWorkbookOnly],
  })
  .catch(() => process.exit(1));

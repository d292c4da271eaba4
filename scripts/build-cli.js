// Builds dist-cli/capaian.js, the `capaian` command (bin/capaian.js runs it), with esbuild.
const esbuild = require("esbuild");
const path = require("path");

const ROOT = path.join(__dirname, "..");

esbuild
  .build({
    entryPoints: [path.join(ROOT, "src", "cli", "index.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    outfile: path.join(ROOT, "dist-cli", "capaian.js"),
    // The Word writer (over a megabyte) is required from node_modules only when --laporan asks for
    // a draft: every other run starts without parsing it.
    external: ["docx"],
    logLevel: "warning",
  })
  .catch(() => process.exit(1));

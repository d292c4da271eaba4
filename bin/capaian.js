#!/usr/bin/env node
// The `capaian` command. dist-cli/ is built by `npm install` (the prepare script) with esbuild.
try {
  require("../dist-cli/capaian.js");
} catch (error) {
  if (error && error.code === "MODULE_NOT_FOUND" && String(error.message).includes("dist-cli")) {
    process.stderr.write("Perintah capaian belum dibangun. Jalankan: npm install (atau npm run build:cli)\n");
    process.exit(2);
  }
  throw error;
}

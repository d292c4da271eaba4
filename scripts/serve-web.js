// Serves the browser page (dist/web/) over plain HTTP on localhost until stopped: `npm run web`.
const http = require("http");
const path = require("path");
const sirv = require("sirv");

const ROOT = path.join(__dirname, "..", "dist", "web");

/** Starts the static server; port 0 picks a free one (the browser tests do). */
function startServer(port, root = ROOT) {
  const serve = sirv(root, { etag: true, extensions: ["html"] });
  return new Promise((resolve) => {
    const server = http.createServer(serve).listen(port, "localhost", () => resolve(server));
  });
}

module.exports = { startServer };

if (require.main === module) {
  const port = Number(process.env.PORT || 3000);
  startServer(port).then(() => console.log(`Capaian Kinerja di peramban: http://localhost:${port}/  (hentikan dengan Ctrl+C)`));
}

// Preloaded with --require: reports the process's peak resident memory (KB) on stderr as it exits.
const fs = require("fs");
process.on("exit", () => fs.writeSync(2, `PEAK_RSS_KB ${process.resourceUsage().maxRSS}\n`));

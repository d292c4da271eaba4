// A webpack loader for the project's own .ts/.tsx: `tokens.spacingVerticalM` becomes the string that
// Fluent UI's `tokens` object holds for it ("var(--spacingVerticalM)"). Fluent's components ship
// their styles precompiled; only our makeStyles read the `tokens` object, which lists all of
// Fluent's ~470 design tokens and cannot be tree-shaken property by property. Folded, it leaves
// the bundle (about 6 KB gzip). Names Fluent does not define are left as written.
const { tokens } = require("@fluentui/tokens");

const IMPORTS_TOKENS =
  /import\s*\{[^}]*\btokens\b[^}]*\}\s*from\s*["']@fluentui\/(?:react-components|react-theme|tokens)["']/;

function foldTokens(source) {
  if (!IMPORTS_TOKENS.test(source)) return source;
  return source.replace(/(?<![\w$.])tokens\.([A-Za-z_$][\w$]*)/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(tokens, name) && typeof tokens[name] === "string"
      ? JSON.stringify(tokens[name])
      : whole
  );
}

module.exports = function fluentTokensLoader(source) {
  return foldTokens(source);
};
module.exports.foldTokens = foldTokens;

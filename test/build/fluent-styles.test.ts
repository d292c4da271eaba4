// The build step webpack.config.js runs on Fluent's precompiled component styles: their tokens
// folded into the strings they stand for, so that Fluent's tokens object leaves the bundle. Our own
// makeStyles are resolved at build time by Griffel's official loader (@griffel/webpack-loader).
const { foldTokens } = require("../../scripts/fluent-tokens-loader") as {
  foldTokens: (source: string) => string;
};
describe("Fluent's tokens folded at build time (scripts/fluent-tokens-loader.js)", () => {
  test("a token becomes the string Fluent's tokens object holds; anything else stays", () => {
    const source = [
      'import { makeStyles, tokens } from "@fluentui/react-components";',
      "const a = tokens.spacingVerticalM;",
      "const b = `1px solid ${tokens.colorNeutralStroke2}`;",
      "const c = tokens.noSuchToken;",
      "const d = other.tokens.spacingVerticalM;",
    ].join("\n");
    const folded = foldTokens(source);
    expect(folded).toContain('const a = "var(--spacingVerticalM)";');
    expect(folded).toContain('const b = `1px solid ${"var(--colorNeutralStroke2)"}`;');
    expect(folded).toContain("const c = tokens.noSuchToken;");
    expect(folded).toContain("const d = other.tokens.spacingVerticalM;");
    // Only where `tokens` is Fluent's.
    const local = "const tokens = { spacingVerticalM: 1 };\nconst a = tokens.spacingVerticalM;";
    expect(foldTokens(local)).toBe(local);
  });
});

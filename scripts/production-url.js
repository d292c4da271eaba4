// The manifest as an agency deploys it: every development URL (https://localhost:3000/…) moved under
// the production URL, and the AppDomain set to the production origin. webpack.config.js runs this on
// manifest.xml in a production build; test/build/production-manifest.test.ts runs the same function.

const DEV_ORIGIN = "https://localhost:3000";

/** The production URL as a base: https only, no query or fragment, always ending in "/". */
function productionBase(productionUrl) {
  let url;
  try {
    url = new URL(String(productionUrl).trim());
  } catch {
    throw new Error(`ADDIN_PRODUCTION_URL is not a URL: ${productionUrl}`);
  }
  if (url.protocol !== "https:")
    throw new Error(
      `ADDIN_PRODUCTION_URL must be https (Office loads add-ins over https only): ${productionUrl}`
    );
  if (url.search || url.hash || url.username || url.password)
    throw new Error(
      `ADDIN_PRODUCTION_URL must be a plain address without query, fragment or user: ${productionUrl}`
    );
  const path = url.pathname.endsWith("/") ? url.pathname : `${url.pathname}/`;
  return { origin: url.origin, base: `${url.origin}${path}` };
}

const xmlEscape = (text) =>
  text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");

// The development origin, optionally followed by a path up to the end of the attribute or element.
const DEV_URL_PATTERN = /https:\/\/localhost:3000(?:\/([^"'<>\s]*))?/g;

/**
 * manifest.xml's text with every development URL under `productionUrl` (a file's path kept) and a bare
 * development origin (the AppDomain) replaced by the production origin. Throws when something of the
 * development address would survive.
 */
function productionManifest(xml, productionUrl) {
  const { origin, base } = productionBase(productionUrl);
  const rewritten = String(xml).replace(DEV_URL_PATTERN, (_, path) =>
    xmlEscape(path === undefined ? origin : `${base}${path}`)
  );
  if (!base.startsWith(`${DEV_ORIGIN}/`) && /localhost/i.test(rewritten))
    throw new Error("manifest.xml still names localhost after the production rewrite");
  return rewritten;
}

module.exports = { productionManifest, productionBase, DEV_ORIGIN };

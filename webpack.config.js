/* eslint-disable no-undef */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { measure, BUDGET_KB } = require("./scripts/bundle-size");
const { productionManifest } = require("./scripts/production-url");

/**
 * After a production build: print the gzip size of what taskpane.html itself loads (not the chunks
 * the bundle loads after it) and fail past the budget, or with .xlsx file code in any of it.
 */
class TaskpaneBudgetPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("TaskpaneBudgetPlugin", (compilation) => {
      const { gzipKb, chunks, xlsxCode } = measure(compiler.outputPath);
      const later = chunks.map((c) => `${c.file} ${c.gzipKb.toFixed(1)}`).join(", ");
      console.log(`taskpane.html loads ${gzipKb.toFixed(1)} KB of JavaScript (gzip); budget ${BUDGET_KB} KB`);
      console.log(`chunks loaded after it (KB gzip): ${later || "none"}`);
      if (gzipKb > BUDGET_KB) compilation.errors.push(new Error(`taskpane bundle ${gzipKb.toFixed(1)} KB gzip is over ${BUDGET_KB} KB`));
      if (xlsxCode) compilation.errors.push(new Error("taskpane bundle carries the .xlsx package code"));
    });
  }
}

// Where an agency hosts the add-in in production; manifest.xml names the development server
// (https://localhost:3000/), and scripts/production-url.js moves its URLs there.
const PRODUCTION_URL = process.env.ADDIN_PRODUCTION_URL || "https://capaian-kinerja.example.go.id/";

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: [
    // Loaders run last to first: TypeScript to JavaScript, then Griffel's own ahead-of-time
    // transform resolves every makeStyles at build time (the bundle then needs no CSS resolver).
    { loader: "@griffel/webpack-loader" },
    {
      loader: "ts-loader",
      // Type checking is `tsc --noEmit` in npm test; the bundle only transpiles.
      options: { transpileOnly: true, configFile: "tsconfig.webpack.json" },
    },
  ],
};

// Fluent's precompiled styles name a few tokens too; folded there as well, the tokens object goes.
const fluentStylesRule = {
  test: /\.js$/,
  include: /node_modules[\\/]@fluentui[\\/]/,
  use: { loader: path.resolve(__dirname, "scripts", "fluent-tokens-loader.js") },
};

/** The browser page: the same pane over an uploaded .xlsx, the package code only in its Web Worker (dist/web/). */
function webConfig(dev) {
  return {
    name: "web",
    devtool: dev ? "source-map" : false,
    entry: { web: "./src/web/index.tsx" },
    output: {
      path: path.resolve(__dirname, "dist", "web"),
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: { rules: [tsRule, fluentStylesRule] },
    plugins: [
      new HtmlWebpackPlugin({ filename: "index.html", template: "./src/web/index.html" }),
      new CopyWebpackPlugin({ patterns: [{ from: "assets/contoh/*.xlsx", to: "contoh/[name][ext]" }] }),
    ],
    performance: { hints: false },
  };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = !!process.env.WEBPACK_SERVE;
  const addin = {
    name: "addin",
    devtool: dev || process.env.BUNDLE_MAP ? "source-map" : false,
    // One bundle for the pane and the ribbon's command: they share one runtime (manifest <Runtimes>).
    entry: { taskpane: "./src/taskpane/taskpane.tsx" },
    output: {
      path: path.resolve(__dirname, "dist"),
      // Named by content: a new build never meets an older file in Office's cache (taskpane.html
      // itself should be served for revalidation). Chunks: the engine and the tabs, loaded after;
      // publicPath "auto" resolves them beside taskpane.js, wherever it is hosted.
      filename: "[name].[contenthash:8].js",
      chunkFilename: "[name].[contenthash:8].js",
      publicPath: "auto",
      clean: { keep: /^web[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: { rules: [tsRule, fluentStylesRule] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/commands/dialog.html", to: "dialog.html" },
          // The help page (SupportUrl, GetStarted) and the message for Office's old browsers.
          { from: "src/help/bantuan.html", to: "bantuan.html" },
          // As written (ES5): not through the minimizer.
          { from: "src/taskpane/fallback-es5.js", to: "fallback-es5.js", info: { minimized: true } },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : productionManifest(content.toString(), PRODUCTION_URL)),
          },
        ],
      }),
      ...(dev ? [] : [new TaskpaneBudgetPlugin()]),
    ],
    devServer: serving
      ? {
          headers: { "Access-Control-Allow-Origin": "*" },
          server: { type: "https", options: await httpsOptions() },
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
        }
      : undefined,
    performance: { hints: false },
  };
  return serving ? addin : [addin, webConfig(dev)];
};

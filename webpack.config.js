/* eslint-disable no-undef */
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { measure, BUDGET_KB } = require("./scripts/bundle-size");

/** After a production build: print the pane's gzip size and fail past the budget or with .xlsx file code inside. */
class TaskpaneBudgetPlugin {
  apply(compiler) {
    compiler.hooks.afterEmit.tap("TaskpaneBudgetPlugin", (compilation) => {
      const { gzipKb, xlsxCode } = measure(compiler.outputPath);
      console.log(`taskpane.html loads ${gzipKb.toFixed(1)} KB of JavaScript (gzip); budget ${BUDGET_KB} KB`);
      if (gzipKb > BUDGET_KB) compilation.errors.push(new Error(`taskpane bundle ${gzipKb.toFixed(1)} KB gzip is over ${BUDGET_KB} KB`));
      if (xlsxCode) compilation.errors.push(new Error("taskpane bundle carries the .xlsx package code"));
    });
  }
}

// Where the add-in is served from in development, and where an agency hosts it in production.
const DEV_URL = "https://localhost:3000/";
const PRODUCTION_URL = process.env.ADDIN_PRODUCTION_URL || "https://capaian-kinerja.example.go.id/";

async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  return devCerts.getHttpsServerOptions();
}

const tsRule = {
  test: /\.tsx?$/,
  exclude: /node_modules/,
  use: {
    loader: "ts-loader",
    // Type checking is `tsc --noEmit` in npm test; the bundle only transpiles.
    options: { transpileOnly: true, configFile: "tsconfig.webpack.json" },
  },
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
    module: { rules: [tsRule] },
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
    entry: {
      taskpane: "./src/taskpane/taskpane.tsx",
      commands: "./src/commands/commands.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      clean: { keep: /^web[\\/]/ },
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: { rules: [tsRule] },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/commands/dialog.html", to: "dialog.html" },
          {
            from: "manifest.xml",
            to: "[name][ext]",
            transform: (content) => (dev ? content : content.toString().replaceAll(DEV_URL, PRODUCTION_URL)),
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

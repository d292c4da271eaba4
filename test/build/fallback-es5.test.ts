/**
 * @jest-environment jsdom
 * @jest-environment-options {"url": "https://kinerja.semarangkota.go.id/capaian/taskpane.html?_host_Info=Excel$Win32$16.01$id-ID"}
 */
import fs from "fs";
import path from "path";
import { parse } from "acorn";

const root = path.join(__dirname, "..", "..");
const script = fs.readFileSync(path.join(root, "src", "taskpane", "fallback-es5.js"), "utf8");

const USER_AGENTS = {
  // Office 2016/2019 on Windows: Internet Explorer 11's engine, and the old Edge's.
  ie11: "Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; .NET CLR 2.0.50727; rv:11.0) like Gecko",
  edgeHtml:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045",
  // Microsoft 365 and Office 2021+: WebView2 (Chromium Edge, "Edg/"), Safari's WebKit on the Mac.
  webView2:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/138.0.0.0 Safari/537.36 Edg/138.0.0.0",
  mac: "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
};

function runAs(userAgent: string): void {
  Object.defineProperty(window.navigator, "userAgent", { value: userAgent, configurable: true });
  new Function(script)();
}

beforeEach(() => {
  if (!document.body) document.documentElement.appendChild(document.createElement("body"));
  document.body.removeAttribute("style");
  document.body.innerHTML = '<div id="root"></div>';
  document.title = "Capaian Kinerja";
});

describe("the fallback for Office's old browsers (src/taskpane/fallback-es5.js)", () => {
  test("is plain ECMAScript 5, which Internet Explorer 11 runs", () => {
    expect(() => parse(script, { ecmaVersion: 5, sourceType: "script" })).not.toThrow();
    // The check would catch what IE11 cannot parse.
    for (const later of [
      "const a = 1;",
      "let a = 1;",
      "var f = () => 1;",
      "var s = `x`;",
      "class A {}",
    ])
      expect(() => parse(script + later, { ecmaVersion: 5, sourceType: "script" })).toThrow();
  });

  test.each([
    ["WebView2 (Microsoft 365, Office 2021+)", USER_AGENTS.webView2],
    ["the Mac", USER_AGENTS.mac],
  ])("does nothing in %s", (_, userAgent) => {
    runAs(userAgent);
    expect(document.getElementById("root")).not.toBeNull();
    expect(document.body.textContent).toBe("");
    expect(document.title).toBe("Capaian Kinerja");
  });

  test.each([
    ["Internet Explorer 11 (Trident)", USER_AGENTS.ie11],
    ["the old Edge (EdgeHTML)", USER_AGENTS.edgeHtml],
  ])("in %s replaces the pane with what to use instead", (_, userAgent) => {
    runAs(userAgent);
    // No root left: the bundle, should it run at all, renders nothing over the message.
    expect(document.getElementById("root")).toBeNull();
    const text = document.body.textContent ?? "";
    expect(text).toContain("Office ini tidak dapat menjalankan Capaian Kinerja");
    expect(text).toContain("Microsoft 365");
    expect(text).toContain("Office 2021");
    expect(text).toContain("Chrome, Edge, atau Firefox");
    expect(text).toContain("capaian hitung");
    // The browser page beside the pane, as a relative link and as the full address to copy.
    const links = [...document.querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["web/index.html", "bantuan.html"]);
    expect(text).toContain("https://kinerja.semarangkota.go.id/capaian/web/index.html");
    expect(document.querySelector("[role=alert]")).not.toBeNull();
  });

  test("run in <head> before the body exists, it waits for the page and then shows the message", () => {
    document.documentElement.removeChild(document.body);
    expect(document.body).toBeNull();
    runAs(USER_AGENTS.ie11);
    const body = document.createElement("body");
    body.innerHTML = '<div id="root"></div>';
    document.documentElement.appendChild(body);
    expect(document.getElementById("root")).not.toBeNull();
    document.dispatchEvent(new Event("DOMContentLoaded"));
    expect(document.getElementById("root")).toBeNull();
    expect(document.body.textContent).toContain(
      "Office ini tidak dapat menjalankan Capaian Kinerja"
    );
  });

  test("taskpane.html (the template) loads it first, before office.js and the bundle", () => {
    const html = fs.readFileSync(path.join(root, "src", "taskpane", "taskpane.html"), "utf8");
    const page = new DOMParser().parseFromString(html, "text/html");
    const scripts = [...page.querySelectorAll("script")].map((s) => s.getAttribute("src"));
    expect(scripts[0]).toBe("fallback-es5.js");
    expect(scripts).toContain("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    // In <head>, where html-webpack-plugin appends the bundle after it.
    expect(page.head.querySelector("script")?.getAttribute("src")).toBe("fallback-es5.js");
    const first = page.querySelector("script") as HTMLScriptElement;
    expect(first.hasAttribute("async") || first.hasAttribute("defer")).toBe(false);
  });
});

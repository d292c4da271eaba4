/* global document, window */
// Office 2016 and 2019 show an add-in's pane in Internet Explorer 11 (Trident) or the old Edge
// (EdgeHTML), which cannot run the pane's bundle: the pane would stay blank. taskpane.html loads this
// script first, before office.js and the bundle. It is plain ECMAScript 5 (no let, const, arrow
// functions, template literals or classes; test/build/fallback-es5.test.ts parses it as such), so
// that those browsers run it, and it replaces the page with what to use instead.
(function () {
  "use strict";

  var userAgent = (window.navigator && window.navigator.userAgent) || "";
  if (!/Trident\//.test(userAgent) && !/Edge\/\d/.test(userAgent)) return;

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.appendChild(document.createTextNode(text));
    return node;
  }

  function paragraph(parts) {
    var p = element("p");
    for (var i = 0; i < parts.length; i++) {
      p.appendChild(typeof parts[i] === "string" ? document.createTextNode(parts[i]) : parts[i]);
    }
    return p;
  }

  function link(href, text) {
    var a = element("a", text);
    a.setAttribute("href", href);
    a.setAttribute("target", "_blank");
    a.setAttribute("rel", "noopener");
    return a;
  }

  function show() {
    // The browser page sits beside the pane: web/index.html under the same address.
    var here = String(window.location.href).replace(/[?#].*$/, "");
    var folder = here.slice(0, here.lastIndexOf("/") + 1);
    var webPage = folder + "web/index.html";

    var body = document.body;
    while (body.firstChild) body.removeChild(body.firstChild);
    body.setAttribute(
      "style",
      "font-family: 'Segoe UI', Tahoma, sans-serif; font-size: 14px; line-height: 1.45; margin: 12px; color: #242424;"
    );
    document.title = "Capaian Kinerja tidak dapat berjalan di Office ini";

    var main = element("main");
    main.setAttribute("role", "alert");
    main.appendChild(element("h1", "Office ini tidak dapat menjalankan Capaian Kinerja"));
    main.firstChild.setAttribute("style", "font-size: 18px; margin: 0 0 8px;");
    main.appendChild(
      paragraph([
        "Panel Capaian Kinerja memerlukan Microsoft 365 (Windows, Mac, atau Excel di web) atau " +
          "Office 2021 ke atas. Office 2016 dan 2019 menampilkan panel add-in dengan peramban lama " +
          "yang tidak dapat menjalankannya.",
      ])
    );
    main.appendChild(element("p", "Tanpa Excel terbaru, Anda tetap dapat menghitung capaian:"));

    var list = element("ul");
    var web = element("li");
    web.appendChild(
      paragraph([
        "Halaman peramban ",
        link("web/index.html", "web/index.html"),
        ": buka alamat berikut di Chrome, Edge, atau Firefox, lalu pilih buku kerja Anda.",
      ])
    );
    var address = element("code", webPage);
    address.setAttribute("style", "display: block; margin-top: 4px; word-break: break-all;");
    web.appendChild(address);
    list.appendChild(web);

    var cli = element("li");
    cli.appendChild(
      paragraph([
        "Baris perintah: ",
        element("code", "capaian hitung berkas.xlsx"),
        " menghitung dan memeriksa buku kerja tanpa Excel.",
      ])
    );
    list.appendChild(cli);
    main.appendChild(list);

    main.appendChild(
      paragraph(["Petunjuk lengkap: ", link("bantuan.html", "Bantuan Capaian Kinerja"), "."])
    );
    body.appendChild(main);
  }

  if (document.body) show();
  else document.addEventListener("DOMContentLoaded", show);
})();

import fc from "fast-check";
import { escapeXml } from "../../src/workbook/xlsx/splices";
import { CLOSE, END, OPEN, TEXT, XmlError, XmlScanner } from "../../src/workbook/xlsx/xml-scanner";
import { parseXml } from "../../src/workbook/xlsx/xml-tree";

const bytes = (xml: string) => new TextEncoder().encode(xml);

function tokens(xml: string): string[] {
  const s = new XmlScanner(bytes(xml), "uji.xml");
  const out: string[] = [];
  for (let k = s.next(); k !== END; k = s.next()) {
    if (k === OPEN) out.push(`<${s.qualifiedName()}${s.selfClosing ? "/" : ""}>`);
    else if (k === CLOSE) out.push(`</${s.qualifiedName()}>`);
    else if (k === TEXT) out.push(JSON.stringify(s.textValue()));
  }
  return out;
}

function failure(xml: string): XmlError {
  try {
    tokens(xml);
  } catch (error) {
    if (error instanceof XmlError) return error;
    throw error;
  }
  throw new Error(`accepted: ${xml}`);
}

describe("the XML scanner", () => {
  test("reads start tags, end tags and text, with references and CDATA decoded", () => {
    expect(
      tokens(
        '<?xml version="1.0"?>\n<!-- a note --><a x="1 &amp; 2"><b/>t&lt;&#65;&#x42;<![CDATA[<raw & text>]]></a>\n'
      )
    ).toEqual(["<a>", "<b/>", '"t<AB"', '"<raw & text>"', "</a>"]);
  });

  test("attribute values are normalised as XML says; references survive", () => {
    const s = new XmlScanner(bytes('<a v="x\ty&#10;z" w=\'"q"\'/>'), "uji.xml");
    s.next();
    expect(s.attr("v")).toBe("x y\nz");
    expect(s.attr("w")).toBe('"q"');
    expect(s.attrInt("w", -1)).toBe(-1);
  });

  test.each([
    ["<a><b></a>", 1, "</a> closes <b>"],
    ["<a>\n<b x=1/></a>", 2, "without quotes"],
    ["<a>\n\n&nbsp;</a>", 3, "undefined entity"],
    ["<a/>text", 1, "outside the root"],
    ["<a/><b/>", 1, "second root"],
    ['<a x="<"/>', 1, "'<' inside an attribute value"],
    ["<a>\n<b>", 2, "never closed"],
    ["", 1, "no root"],
    ["<a>&#0;</a>", 1, "character reference"],
  ])("refuses %j at line %d (%s)", (xml, line, reason) => {
    const error = failure(xml);
    expect(error.line).toBe(line);
    expect(error.reason).toContain(reason);
    expect(error.problem).toBe("malformed");
  });

  test("refuses any document type declaration before expanding anything", () => {
    const bomb =
      '<!DOCTYPE a [<!ENTITY x "xxxxxxxxxx"><!ENTITY y "&x;&x;&x;&x;&x;&x;&x;&x;&x;&x;">]><a>&y;</a>';
    expect(failure(bomb).problem).toBe("dtd");
    expect(failure('<!DOCTYPE a SYSTEM "file:///etc/passwd"><a/>').problem).toBe("dtd");
  });

  test("namespaces resolve whatever the prefix, and nested rebinding wins inside its element", () => {
    const root = parseXml(
      bytes(
        '<x:workbook xmlns:x="urn:main" xmlns:r="urn:rel"><x:sheet r:id="1"/><y xmlns:x="urn:other"><x:sheet/></y></x:workbook>'
      ),
      "uji.xml"
    );
    expect(root.ns).toBe("urn:main");
    expect(root.children[0].ns).toBe("urn:main");
    expect(root.children[0].attributes[0]).toMatchObject({ local: "id", ns: "urn:rel" });
    expect(root.children[1].children[0].ns).toBe("urn:other");
  });

  test("whatever text is escaped for XML reads back as it was (property)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme" }), (text) => {
        const clean = text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\r]/g, "");
        const s = new XmlScanner(bytes(`<a v="${escapeXml(clean)}">${escapeXml(clean)}</a>`), "p");
        s.next();
        const attr = s.attr("v");
        const text2 = s.next() === TEXT ? s.textValue() : "";
        expect(text2).toBe(clean);
        expect(attr).toBe(clean.replace(/[\t\n]/g, " "));
      })
    );
  });
});

describe("a <v>'s plain decimal read from its bytes", () => {
  const numberOf = (text: string) => {
    const scanner = new XmlScanner(new TextEncoder().encode(`<v>${text}</v>`), "t");
    scanner.next();
    expect(scanner.next()).toBe(TEXT);
    return scanner.textNumber();
  };

  test("is exactly Number(text) for every plain decimal of up to 15 digits", () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.stringMatching(/^[0-9]{1,9}$/),
        fc.option(fc.stringMatching(/^[0-9]{1,6}$/), { nil: undefined }),
        (negative, whole, fraction) => {
          const text = `${negative ? "-" : ""}${whole}${fraction !== undefined ? `.${fraction}` : ""}`;
          expect(Object.is(numberOf(text), Number(text))).toBe(true);
        }
      ),
      { numRuns: 20000 }
    );
    for (const text of ["0.1", "0.3", "9500000.5", "0.29", "1.005", "-0", ".5", "123456789012345"])
      expect(Object.is(numberOf(text), Number(text))).toBe(true);
  });

  test("leaves anything else to the text (exponents, spaces, entities, 16 digits, a lone dot)", () => {
    for (const text of [
      "1e3",
      " 12",
      "12 ",
      "1&#48;",
      "1234567890123456",
      ".",
      "1.",

      "+3",
      "1.2.3",
    ])
      expect([text, numberOf(text)]).toEqual([text, undefined]);
  });
});

describe("one step over a cell's value or a string's text", () => {
  /** Tokens as `tokens` gives them, taking each element's only text child in one step where it can. */
  function tokensTaking(xml: string, local: string): string[] {
    const s = new XmlScanner(bytes(xml), "uji.xml");
    const out: string[] = [];
    for (let k = s.next(); k !== END; k = s.next()) {
      if (k === OPEN) {
        const name = s.qualifiedName();
        out.push(`<${name}${s.selfClosing ? "/" : ""}>`);
        const prefix = name.includes(":") ? name.slice(0, name.indexOf(":") + 1) : "";
        if (s.takeTextChild(local)) {
          expect(s.kind).toBe(TEXT);
          expect(
            new TextDecoder().decode(bytes(xml).subarray(s.takenEnd - name.length - 3, s.takenEnd))
          ).toBe(`</${name}>`);
          out.push(`<${prefix}${local}>`);
          if (s.end > s.start) out.push(JSON.stringify(s.textValue()));
          out.push(`</${prefix}${local}>`, `</${name}>`);
        }
      } else if (k === CLOSE) out.push(`</${s.qualifiedName()}>`);
      else if (k === TEXT) out.push(JSON.stringify(s.textValue()));
    }
    return out;
  }

  const outcome = (read: () => string[]) => {
    try {
      return read();
    } catch (error) {
      if (error instanceof XmlError) return `XmlError: ${error.reason}`;
      throw error;
    }
  };

  const pieces = [
    '<c r="A1" s="2"><v>12.5</v></c>',
    "<c><v></v></c>",
    "<x:c><x:v>7</x:v></x:c>",
    "<x:c><v>7</v></x:c>",
    "<c><v>a &amp; b&#65;</v></c>",
    '<c><v a="1">3</v></c>',
    "<c><f>A1</f><v>3</v></c>",
    "<c><v>3</v ></c>",
    "<c><v>3</v></c >",
    "<c><v><![CDATA[x]]></v></c>",
    "<c><vm>3</vm></c>",
    "<c><v>3</v><v>4</v></c>",
    "<c/>",
    "<c><is><t>x</t></is></c>",
    "<c>\n<v>3</v></c>",
    "<c><v>3\r\n4</v></c>",
    "<si><t>Dinas</t></si>",
    "<c><v>3</w></c>",
    "<c><v>3</v></d>",
    "<c><v>&bad;</v></c>",
    "<c><v>3</v>",
  ];

  test("gives what the tokens one by one give, and refuses what they refuse (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 6 }), (chosen) => {
        const xml = `<ws xmlns:x="urn:x">${chosen.join("")}</ws>`;
        expect(outcome(() => tokensTaking(xml, "v"))).toEqual(outcome(() => tokens(xml)));
        expect(outcome(() => tokensTaking(xml, "t"))).toEqual(outcome(() => tokens(xml)));
      }),
      { numRuns: 400 }
    );
  });

  test("a cell's r, s and t in one pass are what asking for each gives", () => {
    const attributes = fc.shuffledSubarray(
      ['r="AB12"', 's="7"', 't="s"', 'cm="1"', 'x:r="Z9"', 's="x"', 'r="12"', 't="inlineStr"'],
      { minLength: 0 }
    );
    fc.assert(
      fc.property(attributes, fc.constantFrom(" ", "\n  "), (list, space) => {
        const s = new XmlScanner(
          bytes(`<c xmlns:x="urn:x"${space}${list.join(space)}/>`),
          "uji.xml"
        );
        s.next();
        s.readCellAttributes();
        const { cellHasRef, cellStyle, refColumn, refRow } = s;
        const type =
          s.cellTypeStart < 0
            ? undefined
            : new TextDecoder().decode(
                bytes(`<c xmlns:x="urn:x"${space}${list.join(space)}/>`).subarray(
                  s.cellTypeStart,
                  s.cellTypeEnd
                )
              );
        expect(cellHasRef).toBe(s.attrCellRef("r"));
        if (cellHasRef) expect([refColumn, refRow]).toEqual([s.refColumn, s.refRow]);
        expect(cellStyle).toBe(s.attrInt("s", 0));
        expect(type).toBe(s.attr("t"));
      })
    );
  });
});

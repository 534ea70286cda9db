/**
 * documentIds().compare must order ids exactly as comparing the id strings does, including
 * where one source id starts another ("a", "a-2", "a-e1"), where numbers have different
 * lengths ("e10" sorts before "e2") and where the characters around '-' and the digits decide.
 */
import { describe, expect, it } from "vitest";
import { compareText } from "../../pipeline/doc.js";
import { compareDecimalText, documentIds } from "../../pipeline/resolve/ids.js";
import { seededRandom as random } from "../helpers/random.js";

const sign = (x: number) => Math.sign(x);

describe("compareDecimalText", () => {
  it("orders whole numbers as their decimal text", () => {
    const r = random(7);
    const values = [0, 1, 2, 9, 10, 11, 19, 20, 99, 100, 101, 1000, 123456789, 2 ** 31, Number.MAX_SAFE_INTEGER];
    for (let k = 0; k < 2000; k++) values.push(Math.floor(r(10 ** (1 + Math.floor(r(9))))));
    const wrong: string[] = [];
    for (const x of values) {
      for (const y of values.slice(0, 60)) if (sign(compareDecimalText(x, y)) !== sign(compareText(String(x), String(y)))) wrong.push(`${x} vs ${y}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe("documentIds", () => {
  it("orders (source, n) as the id strings, for source ids that start one another", () => {
    const r = random(11);
    const alphabet = ["a", "b", "-", "e", "f", "1", "2", "0", "é", "Z", "_", "."];
    const sourceIds = new Set<string>(["a", "a-", "a-e", "a-e1", "a-e10", "a-2", "a-f", "ab", "a.b", "b", "1", "10", "-"]);
    while (sourceIds.size < 80) {
      let s = "";
      const len = 1 + Math.floor(r(6));
      for (let k = 0; k < len; k++) s += alphabet[Math.floor(r(alphabet.length))];
      sourceIds.add(s);
    }
    const list = [...sourceIds];
    for (const letter of ["e", "f"]) {
      const ids = documentIds(list, letter);
      const items: [number, number][] = [];
      for (let k = 0; k < 400; k++) items.push([Math.floor(r(list.length)), 1 + Math.floor(r(r(2) < 1 ? 12 : 5000))]);
      const wrong: string[] = [];
      for (const [sa, na] of items) {
        for (const [sb, nb] of items.slice(0, 120)) {
          const want = sign(compareText(`${list[sa]}-${letter}${na}`, `${list[sb]}-${letter}${nb}`));
          if (sign(ids.compare(sa, na, sb, nb)) !== want) wrong.push(`${ids.id(sa, na)} vs ${ids.id(sb, nb)}`);
        }
      }
      expect(wrong).toEqual([]);
    }
  });

  it("makes the runner's ids", () => {
    expect(documentIds(["doc-1"], "e").id(0, 12)).toBe("doc-1-e12");
  });
});

/**
 * Hostile input: every case ends in correct rows or one rejects row with a clear
 * reason — never a crash, never silence — and the run goes on.
 */
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { tempDirs } from "../helpers/temp-dirs.js";
import { ROOT, readCsv, readParquet, runCli } from "./helpers.js";

const tempDir = tempDirs();

const ARTICLE = "Rebels attacked the town of Kidal on Monday, the army said.\n\nAt least 12 soldiers were killed in the fighting, according to Reuters.\n";
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const cp1252 = Buffer.from([...Buffer.from("Militants seized "), 0x93, ...Buffer.from("the base"), 0x94, ...Buffer.from(" near Goma on Friday, officials said.\n")]);

function write(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [name, body] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), body);
  }
}

describe("hostile input", () => {
  let out = "";
  let status: number | null = null;
  let stderr = "";
  const input = tempDir("hostile-");

  beforeAll(() => {
    write(input, {
      "empty.txt": "",
      "blank.txt": " \n\t\n  ",
      "image.txt": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "archive.txt": Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]),
      "nul.txt": "Text with a \u0000 NUL byte inside.\n",
      "utf16.txt": utf16le(ARTICLE),
      "latin.txt": cp1252,
      "crlf.txt": ARTICLE.replace(/\n/g, "\r\n"),
      "cr.txt": ARTICLE.replace(/\n/g, "\r"),
      "dir with spaces/Ünïcödé article.txt": ARTICLE,
      "formula.txt": "=HYPERLINK(\"http://x\")\n\n+1 more\n\n-dash line\n\n@mention here\n\n" + ARTICLE,
      "one-line.txt": (ARTICLE.replace(/\n/g, " ") + " ").repeat(37_500), // 5 MB, no line break
      "big.txt": ARTICLE.repeat(380_000), // 50 MB: over the 8 MB default limit for one article
    });
    symlinkSync(input, join(input, "loop"), "dir");
    symlinkSync(join(input, "nowhere.txt"), join(input, "dangling.txt"));
    writeFileSync(join(input, "locked.txt"), ARTICLE);
    chmodSync(join(input, "locked.txt"), 0o000);
    out = join(tempDir("hostile-out-"), "out");
    const r = runCli(["--input", input, "--out", out]);
    status = r.status;
    stderr = r.stderr;
  });

  const rejectsByPath = () => new Map(readCsv(join(out, "csv", "rejects.csv")).map((r) => [r.path!, r]));
  const sources = () => new Map(readCsv(join(out, "csv", "sources.csv")).map((r) => [r.path!, r]));

  it("finishes with exit 3 and a one-line summary of the rejects", () => {
    expect(status, stderr).toBe(3);
    expect(stderr).toMatch(/input\(s\) rejected, see .*rejects\.csv/);
  });

  it("rejects empty, blank, binary, NUL-byte, oversized and unreadable files with a clear reason", () => {
    const rj = rejectsByPath();
    expect(rj.get("empty.txt")?.reason).toBe("empty file");
    expect(rj.get("blank.txt")?.reason).toBe("no text");
    expect(rj.get("image.txt")?.detail).toMatch(/PNG/);
    expect(rj.get("archive.txt")?.detail).toMatch(/ZIP/);
    expect(rj.get("nul.txt")?.detail).toMatch(/NUL byte/);
    expect(rj.get("big.txt")?.reason).toBe("file too large");
    expect(rj.get("dangling.txt")?.reason).toBe("unreadable file");
    expect(rj.get("loop")?.reason).toBe("symlink loop");
    // root reads files whatever their mode; anyone else gets a rejects row
    if (process.getuid?.() === 0) expect(sources().has("locked.txt")).toBe(true);
    else expect(rj.get("locked.txt")?.reason).toBe("unreadable file");
  });

  it("decodes UTF-16 and Windows-1252 and says so in sources", () => {
    const s = sources();
    expect(s.get("utf16.txt")?.encoding).toBe("utf-16le");
    expect(s.get("latin.txt")?.encoding).toBe("windows-1252");
    const sent = readCsv(join(out, "csv", "sentences.csv")).filter((r) => r.source_id === "latin");
    expect(sent.map((r) => r.text).join(" ")).toContain("\u201cthe base\u201d");
  });

  it("keeps offsets right with CRLF and lone CR line ends", () => {
    for (const [name, text] of [["crlf", ARTICLE.replace(/\n/g, "\r\n")], ["cr", ARTICLE.replace(/\n/g, "\r")]] as const) {
      const cps = [...text];
      const rows = readCsv(join(out, "csv", "sentences.csv")).filter((r) => r.source_id === name);
      expect(rows.length).toBe(2);
      for (const r of rows) expect(cps.slice(Number(r.char_start), Number(r.char_end)).join("")).toBe(r.text);
      const figs = readCsv(join(out, "csv", "figures.csv")).filter((r) => r.source_id === name);
      expect(figs.map((f) => f.value)).toContain("");
    }
  });

  it("reads paths with spaces and non-ASCII, and a 5 MB single line", () => {
    const s = sources();
    expect(s.get("dir with spaces/Ünïcödé article.txt")?.source_id).toBe("Ünïcödé article");
    expect(Number(s.get("one-line.txt")?.chars_raw)).toBeGreaterThan(5_000_000);
    expect(Number(s.get("one-line.txt")?.sentences)).toBe(75_000);
  });

  it("escapes formula-like text in CSV and keeps it exact in Parquet", async () => {
    // the lines land in sentences or, as page furniture, in boilerplate: look in both
    const csv: string[] = [];
    const pq: string[] = [];
    for (const table of ["sentences", "boilerplate"]) {
      csv.push(...readCsv(join(out, "csv", `${table}.csv`)).filter((r) => r.source_id === "formula").map((r) => r.text!));
      const { rows } = await readParquet(join(out, "parquet", `${table}.parquet`));
      pq.push(...rows.filter((r) => r.source_id === "formula").map((r) => String(r.text)));
    }
    for (const start of ["=", "+", "-", "@"]) {
      const exact = pq.find((t) => t.startsWith(start));
      expect(exact, start).toBeDefined();
      expect(csv).toContain(`'${exact}`);
      expect(csv).not.toContain(exact);
    }
  });

  it("handles a manifest with unknown paths, bad dates and duplicate rows", () => {
    const dir = tempDir("manifest-in-");
    write(dir, { "a.txt": ARTICLE, "b.txt": ARTICLE });
    // outside the input folder, in a temporary folder of its own
    const manifest = join(tempDir("manifest-file-"), `m-${process.pid}.csv`);
    writeFileSync(manifest, "path,published_date,outlet\na.txt,2017-07-10,Wire\na.txt,2017-07-11,Other\nb.txt,10/07/2017,\nghost.txt,2017-01-01,\n");
    const o = join(tempDir("manifest-out-"), "out");
    const r = runCli(["--input", dir, "--out", o, "--manifest", manifest]);
    expect(r.status).toBe(3);
    const reasons = readCsv(join(o, "csv", "rejects.csv")).map((x) => x.reason).sort();
    expect(reasons).toEqual(["bad manifest date", "duplicate manifest row", "unknown path"]);
    const s = new Map(readCsv(join(o, "csv", "sources.csv")).map((x) => [x.path!, x]));
    expect(s.get("a.txt")).toMatchObject({ published_date: "2017-07-10", outlet: "Wire", published_date_basis: "manifest" });
    expect(s.get("b.txt")?.published_date_basis).not.toBe("manifest");
    const dates = readCsv(join(o, "csv", "dates.csv")).filter((d) => d.source_id === "a");
    expect(dates.find((d) => /Monday/.test(d.text!))?.value).toBe("2017-07-10");
  });
});

describe("scale and interruption", () => {
  it("processes 10,000 tiny files", () => {
    const dir = tempDir("tiny-");
    for (let i = 0; i < 10_000; i++) {
      const sub = join(dir, String(Math.floor(i / 1000)));
      if (i % 1000 === 0) mkdirSync(sub);
      writeFileSync(join(sub, `t${String(i).padStart(5, "0")}.txt`), `Gunmen killed ${i % 50 + 2} villagers in Kasai on Sunday.\n`);
    }
    const o = join(tempDir("tiny-out-"), "out");
    const r = runCli(["--input", dir, "--out", o]);
    expect(r.status, r.stderr).toBe(0);
    expect(readCsv(join(o, "csv", "sources.csv"))).toHaveLength(10_000);
    expect(readCsv(join(o, "csv", "figures.csv")).length).toBeGreaterThanOrEqual(10_000);
  });

  it("leaves the previous dataset intact when a run is killed, and cleans up after it", async () => {
    const small = tempDir("prev-in-");
    write(small, { "a.txt": ARTICLE });
    const parent = tempDir("kill-out-");
    const o = join(parent, "out");
    expect(runCli(["--input", small, "--out", o]).status).toBe(0);
    const before = readFileSync(join(o, "csv", "sources.csv"));

    const big = tempDir("kill-in-");
    const seed = readFileSync(join(ROOT, "seeds", readdirSync(join(ROOT, "seeds")).sort()[0]!), "utf8");
    for (let i = 0; i < 400; i++) writeFileSync(join(big, `k${i}.txt`), seed);
    const child = spawn(join(ROOT, "node_modules", ".bin", "tsx"), [join(ROOT, "bin", "conflict-dataset.ts"), "--input", big, "--out", o, "--jobs", "1"], { stdio: "ignore", detached: true });
    // wait until the run has started writing its temporary folder, then kill it hard
    const deadline = Date.now() + 60_000;
    while (!readdirSync(parent).some((n) => n.includes(".tmp-")) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));
    process.kill(-child.pid!, "SIGKILL");
    await new Promise((r) => child.once("exit", r));

    expect(readFileSync(join(o, "csv", "sources.csv")).equals(before)).toBe(true);
    expect(existsSync(join(o, "datapackage.json"))).toBe(true);
    expect(readdirSync(parent).some((n) => n.includes(".tmp-"))).toBe(true);
    expect(runCli(["--input", small, "--out", o]).status).toBe(0);
    expect(readdirSync(parent)).toEqual(["out"]);
  });
});

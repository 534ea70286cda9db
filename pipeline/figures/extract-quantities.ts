/**
 * Quantities as news writes them: a number (parse-number.ts) or a vague amount, with its
 * currency, unit or percent sign, joined into ranges ("between 200 and 300", "5-10"),
 * and bounded by the qualifier before it ("at least", "nearly", "as many as").
 * Pure: text in, quantities out, UTF-16 offsets into that text. The figures stage decides
 * which of them are figures; the Recognizers-Text suite reads the same output.
 */
import type { Qualifier } from "../doc.js";
import { NUMBER_WORDS } from "./number-words.js";
import { type NumberForm, type NumberMatch, scanNumbers } from "./parse-number.js";
import {
  type Currency,
  CURRENCY,
  CURRENCY_AFTER,
  CURRENCY_BEFORE,
  keyOf,
  mayEndWithPercentOf,
  mayEndWithPrefixCurrency,
  mayEndWithQualifier,
  mayStartMeasure,
  PERCENT_AFTER,
  PERCENT_BEFORE,
  QUALIFIER,
  quantityTriggerWords,
  QUALIFIER_BEFORE,
  UNIT,
  UNIT_AFTER,
  type UnitInfo,
  VAGUE,
} from "./quantity-lexicons.js";

export type QuantityKind = "count" | "money" | "percent" | "share" | "ratio" | UnitInfo["kind"];

export type Quantity = {
  start: number; // UTF-16, the whole phrase: qualifier + currency + amount + unit
  end: number;
  text: string;
  value: number | null;
  low: number | null;
  high: number | null;
  qualifier: Qualifier;
  kind: QuantityKind;
  /** ISO 4217 code or dataset unit ("meter", "month", "percent"); null for a bare count */
  unit: string | null;
  currency: Currency | null;
  /** how the amount is written: a number form, or "vague" ("tens of thousands") */
  form: NumberForm | "vague";
  /** the unit is glued by a hyphen ("eight-month battle", "850-year-old mosque") */
  compound: "duration" | "age" | null;
  /** where the amount itself starts and ends (without qualifier and unit) */
  amount: { start: number; end: number };
  /** the amount with its currency or unit, before a qualifier or range widened the phrase */
  measure: { start: number; end: number };
  /** what the unit multiplied the amount by (1000 for km): a bare lower bound of a range gets the same */
  factor: number;
};

const MINOR_UNITS = new Set(["Cent", "Pence", "Penny"]);
const CENTS_AFTER = /^(?:\s+and)?\s+(\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)(\s+cents?)?(?![A-Za-z])/iu;
const RANGE_JOIN = /^\s*(?:-|–|—|to|and|or)\s*$/iu;
/** "one in five", "1 in 10": a share written as two counts */
const ONE_IN_JOIN = /^\s+in\s+$/iu;
/** "a boy aged 14", "ages 5": the amount is an age in years */
const AGE_BEFORE = /(?:^|[^A-Za-z])(aged|ages?)\s+$/iu;
const YEAR_UNIT = UNIT.get("year");

/**
 * A copy of `q`, field by field in the order every Quantity is built in, so the caller's
 * changes land where a spread (`{ ...q, end }`) would put them. A spread of this many fields
 * takes V8's slow path, and quantities are copied several times each.
 */
function copyOf(q: Quantity): Quantity {
  return {
    start: q.start,
    end: q.end,
    text: q.text,
    value: q.value,
    low: q.low,
    high: q.high,
    qualifier: q.qualifier,
    kind: q.kind,
    unit: q.unit,
    currency: q.currency,
    form: q.form,
    compound: q.compound,
    amount: q.amount,
    measure: q.measure,
    factor: q.factor,
  };
}

function quantityOf(n: NumberMatch): Quantity {
  return {
    start: n.start,
    end: n.end,
    text: n.text,
    value: n.value,
    low: null,
    high: null,
    qualifier: "exact",
    kind: n.form === "fraction" ? "share" : "count",
    unit: null,
    currency: null,
    form: n.form,
    compound: null,
    amount: { start: n.start, end: n.end },
    measure: { start: n.start, end: n.end },
    factor: 1,
  };
}

/** Currency, percent sign or unit around one amount. */
function attachUnit(text: string, q: Quantity, n: NumberMatch | null, numbers: readonly NumberMatch[], k: number): Quantity {
  const before = text.slice(Math.max(0, q.start - 12), q.start);
  const after = text.slice(q.end, q.end + 40);
  const pre = mayEndWithPrefixCurrency(text, q.start) ? CURRENCY_BEFORE.exec(before) : null;
  if (pre && q.value !== null) {
    const currency = CURRENCY.get(keyOf(pre[1]!))!;
    // "$1m", "£2bn": after a currency sign a glued "m" is million, not metres
    const value = n?.suffix === "m" ? q.value * 1e6 : n?.suffix === "bn" ? q.value * 1e9 : q.value;
    const start = q.start - before.length + pre.index + pre[0].indexOf(pre[1]!);
    return { ...q, start, value, kind: "money", unit: currency.iso ?? currency.name, currency };
  }
  const post = CURRENCY_AFTER.exec(after);
  if (post && q.value !== null && n?.suffix === null) {
    const currency = CURRENCY.get(keyOf(post[1]!))!;
    let value = q.value;
    let end = q.end + post[0].length;
    if (!MINOR_UNITS.has(currency.name)) {
      // "3 dollars 50 cents", "thirteen dollars and forty-five cents"
      const cents = CENTS_AFTER.exec(text.slice(end, end + 40));
      const next = numbers[k + 1];
      const another = next ? CURRENCY_AFTER.exec(text.slice(next.end, next.end + 30)) : null;
      const anotherIsMajor = another !== null && !MINOR_UNITS.has(CURRENCY.get(keyOf(another[1]!))!.name);
      if (cents && next && !anotherIsMajor && next.start === end + cents[0].indexOf(cents[1]!) && next.value < 100 && Number.isInteger(next.value)) {
        value += next.value / 100;
        end = next.end + (cents[2] && next.end === end + cents[0].length - cents[2].length ? cents[2].length : 0);
      }
    }
    return { ...q, end, text: text.slice(q.start, end), value, kind: "money", unit: currency.iso ?? currency.name, currency };
  }
  const pct = PERCENT_AFTER.exec(after);
  if (pct) return { ...q, end: q.end + pct[0].length, kind: "percent", unit: "percent" };
  const pctBefore = mayEndWithPercentOf(text, q.start) ? PERCENT_BEFORE.exec(text.slice(Math.max(0, q.start - 20), q.start)) : null;
  if (pctBefore) return { ...q, start: q.start - pctBefore[0].length + pctBefore[0].indexOf(pctBefore[1]!), kind: "percent", unit: "percent" };
  const glued = n?.suffix ? UNIT.get(keyOf(n.suffix)) : undefined;
  if (glued) return withUnit(q, glued, q.end, null);
  const u = n?.suffix ? null : UNIT_AFTER.exec(after);
  if (u) {
    const info = UNIT.get(keyOf(u[2]!))!;
    // "850-year-old", and spaced "14 years old"
    const old = (u[1] === "-" && u[3]?.toLowerCase() === "-old") || (/^\s+old$/iu.test(u[3] ?? "") && info.kind === "duration");
    const compound = old ? "age" : u[1] === "-" && info.kind === "duration" ? "duration" : null;
    return withUnit(q, info, q.end + u[0].length, compound);
  }
  const age = q.kind === "count" && q.value !== null && YEAR_UNIT ? AGE_BEFORE.exec(before) : null;
  if (age && YEAR_UNIT) return { ...withUnit(q, YEAR_UNIT, q.end, "age"), start: q.start - before.length + age.index + age[0].indexOf(age[1]!) };
  return q;
}

function withUnit(q: Quantity, info: UnitInfo, end: number, compound: Quantity["compound"]): Quantity {
  const r = copyOf(q);
  r.end = end;
  r.value = q.value === null ? null : q.value * info.factor;
  r.kind = info.kind;
  r.unit = info.unit;
  r.compound = compound;
  r.factor = info.factor;
  return r;
}

/** Vague amounts ("tens of thousands of", "scores of", "several") that no number overlaps. */
function vagueAmounts(text: string, numbers: readonly NumberMatch[]): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(VAGUE)) {
    const start = m.index;
    const end = start + m[0].length;
    if (numbers.some((n) => n.start < end && start < n.end)) continue;
    out.push({
      start, end, text: m[0], value: null, low: null, high: null, qualifier: "vague", kind: "count", unit: null,
      currency: null, form: "vague", compound: null, amount: { start, end: start + m[1]!.length }, measure: { start, end }, factor: 1,
    });
  }
  return out;
}

/** Join "200 to 300", "15,000 and 20,000" (after "between"), "5-10": the later unit applies to both. */
function joinRanges(text: string, qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < qs.length; i++) {
    const a = qs[i]!;
    const b = qs[i + 1];
    if (b && a.value !== null && b.value !== null && a.form !== "vague" && b.form !== "vague") {
      const gap = text.slice(a.end, b.start);
      // "one in five residents" (not "killed 3 in 2024": a four-digit number there is a year)
      const yearLike = /^\d{4}$/u.test(text.slice(b.amount.start, b.amount.end));
      if (ONE_IN_JOIN.test(gap) && a.kind === "count" && b.kind === "count" && a.unit === null && b.unit === null && a.value >= 1 && b.value > a.value && !yearLike && Number.isInteger(a.value) && Number.isInteger(b.value)) {
        out.push({ ...a, end: b.end, text: text.slice(a.start, b.end), value: a.value / b.value, kind: "share", form: "fraction", amount: { start: a.amount.start, end: b.amount.end } });
        i++;
        continue;
      }
      const joiner = RANGE_JOIN.exec(gap)?.[0].trim().toLowerCase();
      const lead = /\b(between|from)\s+$/iu.exec(text.slice(Math.max(0, a.start - 10), a.start));
      const sameKind = a.kind === b.kind || (a.unit === null && a.kind === "count");
      const okJoin = joiner !== undefined && (joiner === "and" ? lead?.[1]?.toLowerCase() === "between" : true) && !(joiner === "to" && lead?.[1]?.toLowerCase() === "between");
      if (okJoin && sameKind && (a.compound === null)) {
        if (joiner === "to" && b.value === 1 && a.value > 1 && a.kind === "count") {
          // "ten to one": a ratio, not a range
          out.push({ ...a, end: b.end, text: text.slice(a.start, b.end), kind: "ratio", unit: "ratio", form: a.form });
          i++;
          continue;
        }
        const low = a.unit === null ? a.value * b.factor : a.value;
        if (low < b.value) {
          const start = lead ? Math.max(0, a.start - 10) + lead.index : a.start;
          out.push({
            ...b, start, text: text.slice(start, b.end), value: null, low, high: b.value, qualifier: "range",
            amount: { start: a.amount.start, end: b.amount.end },
          });
          i++;
          continue;
        }
      }
    }
    out.push(a);
  }
  return out;
}

/** The qualifier just before a quantity: "at least 35", "nearly one million", "as many as 2,500". */
function applyQualifier(text: string, q: Quantity): Quantity {
  if (q.qualifier === "range") return q;
  const m = mayEndWithQualifier(text, q.start) ? QUALIFIER_BEFORE.exec(text.slice(Math.max(0, q.start - 30), q.start)) : null;
  if (!m) return q.form === "vague" ? q : applyPostQualifier(text, q);
  const start = q.start - m[0].length + m[0].indexOf(m[1]!);
  if (q.form === "vague") return { ...q, start, text: text.slice(start, q.end) }; // "no more than a few hundred" stays vague
  const rule = QUALIFIER.get(keyOf(m[1]!))!;
  const v = q.value;
  const r = copyOf(q);
  r.value = rule.bound === "value" || rule.bound === "value_high" ? v : null;
  r.low = rule.bound === "low" ? v : null;
  r.high = rule.bound === "high" || rule.bound === "value_high" ? v : null;
  r.start = start;
  r.text = text.slice(start, q.end);
  r.qualifier = rule.qualifier;
  return r;
}

const ARTICLE = /(?<![A-Za-z])an?(?=\s)/giu;

/** "less than a square mile", "a mile away": the article is the amount one, for lengths and areas only ("a day" is not a figure). */
function articleMeasures(text: string, numbers: readonly NumberMatch[]): Quantity[] {
  const out: Quantity[] = [];
  for (const m of text.matchAll(ARTICLE)) {
    const end = m.index + m[0].length;
    if (!mayStartMeasure(text, end)) continue;
    const u = UNIT_AFTER.exec(text.slice(end, end + 30));
    if (!u || u[1] !== " ") continue;
    const info = UNIT.get(keyOf(u[2]!))!;
    if (info.kind !== "distance" && info.kind !== "area") continue;
    if (numbers.some((n) => n.start < end + u[0].length && m.index < n.end)) continue;
    const q: Quantity = {
      start: m.index, end, text: m[0], value: 1, low: null, high: null, qualifier: "exact", kind: "count", unit: null,
      currency: null, form: "words", compound: null, amount: { start: m.index, end }, measure: { start: m.index, end }, factor: 1,
    };
    out.push(withUnit(q, info, end + u[0].length, null));
  }
  return out;
}

/** "a dozen or so", "40-odd" (about); "100 or more", "50-plus" (at least). */
const POST_APPROX = /^(?:\s+or\s+so|-odd|\s+odd)(?![A-Za-z])/iu;
const POST_AT_LEAST = /^(?:\s+or\s+more|-plus|\s*\+)(?![A-Za-z\d])/iu;

function applyPostQualifier(text: string, q: Quantity): Quantity {
  const after = text.slice(q.end, q.end + 12);
  const approx = POST_APPROX.exec(after);
  if (approx) return { ...q, end: q.end + approx[0].length, text: text.slice(q.start, q.end + approx[0].length), qualifier: "approx" };
  const atLeast = POST_AT_LEAST.exec(after);
  if (atLeast && q.value !== null) {
    const end = q.end + atLeast[0].length;
    return { ...q, end, text: text.slice(q.start, end), value: null, low: q.value, qualifier: "at_least" };
  }
  return q;
}

const TRIGGER_WORDS = quantityTriggerWords(NUMBER_WORDS);
const TRIGGER = TRIGGER_WORDS.length === 0 ? /[\s\S]/ : new RegExp(`\\d|(?<![A-Za-z])(?:${TRIGGER_WORDS.join("|")})(?![A-Za-z])`, "i");

/** Every quantity in `text`, in text order. */
export function extractQuantities(text: string): Quantity[] {
  // most sentences hold no number at all: one regex test spares them the tokenizer
  if (!TRIGGER.test(text)) return [];
  const numbers = scanNumbers(text).filter((n) => n.form !== "dotted");
  const single = numbers.map((n, k) => attachUnit(text, quantityOf(n), n, numbers, k));
  // a currency word eaten as the cents of the amount before it leaves its own number behind
  const kept = single.filter((q, k) => k === 0 || q.start >= single[k - 1]!.end);
  const vague = vagueAmounts(text, numbers).map((q) => attachUnit(text, q, null, numbers, -1));
  const all = [...kept, ...vague, ...articleMeasures(text, numbers)].sort(
    (a, b) => a.start - b.start || b.end - a.end,
  );
  const measured = all.map((q) => {
    const r = copyOf(q);
    r.measure = { start: q.start, end: q.end };
    return r;
  });
  return joinRanges(text, measured).map((q) => {
    const r = copyOf(q);
    r.text = text.slice(q.start, q.end);
    return applyQualifier(text, r);
  });
}

import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import type { Doc, DocEntity, Mention } from "../../pipeline/doc.js";
import { entities } from "../../pipeline/entities/index.js";
import { segment } from "../../pipeline/segment/index.js";
import { bodyLines } from "../helpers/body-lines.js";

/** Every line is a body line (clean is not under test); "#" lines are boilerplate. */
function run(text: string): Doc {
  const base = createDoc({ sourceId: "t", path: "t.txt", text });
  const lines = bodyLines(base, text);
  return entities.run(segment.run({ ...base, lines }, { options: {} }), { options: {} });
}

const texts = (d: Doc) => d.mentions.map((m) => m.text);
const mention = (d: Doc, text: string, nth = 0): Mention => {
  const m = d.mentions.filter((x) => x.text === text)[nth];
  if (!m) throw new Error(`no mention "${text}" in ${JSON.stringify(texts(d))}`);
  return m;
};
const entity = (d: Doc, m: Mention): DocEntity => d.entities.find((e) => e.key === m.entityKey)!;
const cps = (d: Doc, m: Mention) => [...d.text].slice(m.start, m.end).join("");

describe("entities: people", () => {
  it("strips titles, records roles and counts code points", () => {
    const d = run("😀 Iraqi Prime Minister Haider al-Abadi declared victory in Mosul.");
    const m = mention(d, "Haider al-Abadi");
    expect(m.type).toBe("PERSON");
    expect(m.start).toBe(23); // the emoji is one code point
    expect(cps(d, m)).toBe("Haider al-Abadi");
    expect(entity(d, m).roles).toEqual(["prime minister"]);
    expect(texts(d)).toEqual(["Haider al-Abadi", "Mosul"]); // "Iraqi" is an adjective here
    expect(d.mentions.map((x) => x.id)).toEqual(["t-m1", "t-m2"]);
    expect(m.sentenceId).toBe("t-s1");
  });

  it("resolves a surname back to the full name", () => {
    const d = run("😀 Coalition spokesman Col. Ryan Dillon said victory was near. Dillon added that the fight was dense.");
    const full = mention(d, "Ryan Dillon");
    const back = mention(d, "Dillon");
    expect(back.entityKey).toBe(full.entityKey);
    expect(back.type).toBe("PERSON");
    expect(entity(d, full).name).toBe("Ryan Dillon");
    expect(entity(d, full).roles).toContain("colonel");
  });

  it("ties a spokesman to the organization he speaks for", () => {
    const d = run("😀 Civilians are trapped, according to Joint Operation Command spokesman Brigadier General Yahya Rasool.");
    const person = entity(d, mention(d, "Yahya Rasool"));
    const org = mention(d, "Joint Operation Command");
    expect(person.roles).toEqual(["brigadier general", "spokesman"]);
    expect(person.affiliations).toEqual([org.entityKey]);
  });
});

describe("entities: people without a full name", () => {
  it("reads a lone proper noun that acts as a person and ties its other mentions to it", () => {
    const d = run("😀 Fischler proposed new measures. Ministers accused Fischler of alarm.");
    expect(d.mentions.map((m) => [m.text, m.type])).toEqual([
      ["Fischler", "PERSON"],
      ["Fischler", "PERSON"],
    ]);
    expect(d.mentions[0]!.entityKey).toBe(d.mentions[1]!.entityKey);
  });

  it("keeps a title that spans 'of' whole and does not split a headed name at a title", () => {
    const d = run("😀 Secretary of State Mike Pompeo met the General Staff of the Armed Forces of Ukraine.");
    expect(texts(d)).toEqual(["Mike Pompeo", "General Staff of the Armed Forces of Ukraine"]);
    expect(entity(d, mention(d, "Mike Pompeo")).roles).toEqual(["secretary of state"]);
    expect(mention(d, "General Staff of the Armed Forces of Ukraine").type).toBe("ORG");
  });
});

describe("entities: organizations", () => {
  it("puts every alias of a curated group under one key", () => {
    const d = run("😀 ISIS lost ground. The Islamic State and Daesh are one group; ISIL fighters fled.");
    const keys = new Set(["ISIS", "Islamic State", "Daesh", "ISIL"].map((t) => mention(d, t).entityKey));
    expect(keys.size).toBe(1);
    const e = entity(d, mention(d, "ISIS"));
    expect(e.lexiconId).toBe("islamic_state");
    expect(e.subtype).toBe("armed_group");
  });

  it("reads demonym + force or government noun as a state organization, a lone demonym as nothing", () => {
    const d = run("😀 Iraqi forces planted the Iraqi flag, and the Iraqi government thanked Iraqi troops.");
    expect(texts(d)).toEqual(["Iraqi forces", "Iraqi government", "Iraqi troops"]);
    const forces = entity(d, mention(d, "Iraqi forces"));
    expect(forces.name).toBe("Iraqi Security Forces");
    expect(forces.subtype).toBe("military");
    expect(mention(d, "Iraqi troops").entityKey).toBe(forces.key);
    expect(entity(d, mention(d, "Iraqi government")).name).toBe("Government of Iraq");
  });

  it("makes an acronym defined in the text an alias of the long form", () => {
    const d = run("😀 Half the city is displaced, the Norwegian Refugee Council (NRC) said. The NRC’s director spoke.");
    const long = mention(d, "Norwegian Refugee Council");
    expect(mention(d, "NRC", 0).entityKey).toBe(long.entityKey);
    expect(mention(d, "NRC", 1).entityKey).toBe(long.entityKey);
    expect(long.type).toBe("ORG");
  });

  it("finds organizations by their head word and news agencies by the alias list", () => {
    const d = run("😀 Units from Federal Police took the hospital, the Syrian Observatory for Human Rights told Reuters.");
    expect(mention(d, "Federal Police").type).toBe("ORG");
    expect(entity(d, mention(d, "Syrian Observatory for Human Rights")).subtype).toBe("ngo");
    expect(entity(d, mention(d, "Reuters")).subtype).toBe("media");
  });

  it("reads 'US-led coalition' as one name, 'US-backed' as the country, and a later 'coalition' as the coalition", () => {
    const d = run("😀 The US-led coalition backed the US-backed militia. A coalition spokesman spoke.");
    expect(texts(d)).toEqual(["US-led coalition", "US", "coalition"]); // mentions never nest
    const us = mention(d, "US");
    const coalition = mention(d, "US-led coalition");
    expect(us.type).toBe("LOCATION");
    expect(entity(d, us).name).toBe("United States");
    expect(coalition.type).toBe("ORG");
    expect(mention(d, "coalition").entityKey).toBe(coalition.entityKey);
  });
});

describe("entities: places", () => {
  it("reads place heads, toponym prefixes and bare back-references", () => {
    const d = run("😀 Troops reached the Tigris River and Nujaifi street, Bab al-Toub and al-Shahwan district. Bodies floated along the Tigris.");
    const river = mention(d, "Tigris River");
    expect(entity(d, river).subtype).toBe("river");
    expect(mention(d, "Tigris").entityKey).toBe(river.entityKey);
    for (const t of ["Nujaifi street", "Bab al-Toub", "al-Shahwan district"]) expect(mention(d, t).type).toBe("LOCATION");
  });

  it("reads 'Old City of Mosul' and 'Old Mosul' as one place and ties 'Old City' to it", () => {
    const d = run("😀 Fighters hold the Old City of Mosul. The Old City is dense, and Old Mosul is ruined.");
    expect(texts(d)).toEqual(["Old City of Mosul", "Old City", "Old Mosul"]);
    const old = mention(d, "Old City of Mosul");
    expect(mention(d, "Old Mosul").entityKey).toBe(old.entityKey);
    expect(mention(d, "Old City").entityKey).toBe(old.entityKey);
    expect(entity(d, old).name).toBe("Old City of Mosul");
  });

  it("uses the gazetteer for countries and cities", () => {
    const d = run("😀 Strikes hit Kharkiv and Aleppo province, far from Iraq.");
    expect(entity(d, mention(d, "Kharkiv")).subtype).toBe("city");
    expect(entity(d, mention(d, "Aleppo province")).subtype).toBe("region");
    expect(entity(d, mention(d, "Iraq")).subtype).toBe("country");
  });
});

describe("entities: what is not an entity", () => {
  it("ignores boilerplate lines and sentence-initial capitals", () => {
    const d = run("# Read Next: Iraqi PM visits Mosul\n😀 Hungry and haggard, they told AFP they had fled.");
    expect(texts(d)).toEqual(["AFP"]);
  });

  it("skips banner sentences in capitals", () => {
    const d = run("😀 BATTLE FOR MOSUL: IRAQI FORCES PURGING REMAINING ISIS TERRORISTS IN OLD MOSUL");
    expect(d.mentions).toEqual([]);
  });

  it("reads a title-case headline by known phrases and heads only", () => {
    const d = run("😀 Haider al-Abadi Visits Mosul As Troops Advance Near Tigris River");
    expect(texts(d)).toEqual(["Mosul", "Tigris River"]);
  });

  it("does not read sentence-initial plurals as people", () => {
    const d = run("😀 Officials said the strike hit. Fighters hold the town.");
    expect(d.mentions).toEqual([]);
  });

  it("leaves lone unknown capitalized words out", () => {
    const d = run("😀 The Caliphate fell, and Muslims and Arabs prayed.");
    expect(d.mentions).toEqual([]);
  });
});

/**
 * Wire-style passages from wars other than the seed articles' (Ukraine, Gaza,
 * Sudan, Sahel, DRC, Myanmar) and one ordinary business/sport passage, each with
 * the mentions a careful coder would mark. Each passage starts with an emoji so a
 * UTF-16 offset bug moves every span.
 */
import { describe, expect, it } from "vitest";
import { createDoc } from "../../pipeline/create-doc.js";
import type { Doc, DocEntity, Mention } from "../../pipeline/doc.js";
import { runStages, stages } from "../../pipeline/index.js";

const upToEntities = stages.slice(0, stages.findIndex((s) => s.name === "entities") + 1);

function run(text: string): Doc {
  return runStages(createDoc({ sourceId: "w", path: "w.txt", text: `😀 ${text}` }), { options: {} }, upToEntities);
}

function mention(d: Doc, text: string, nth = 0): Mention {
  const m = d.mentions.filter((x) => x.text === text)[nth];
  if (!m) throw new Error(`no mention "${text}" in ${JSON.stringify(d.mentions.map((x) => x.text))}`);
  // the span, counted in code points, gives the text back
  expect([...d.text].slice(m.start, m.end).join("")).toBe(text);
  return m;
}
const entity = (d: Doc, m: Mention): DocEntity => d.entities.find((e) => e.key === m.entityKey)!;
/** [text, type] of a mention, and its entity's name */
const read = (d: Doc, text: string, nth = 0) => {
  const m = mention(d, text, nth);
  return [m.type, entity(d, m).name];
};
const texts = (d: Doc) => d.mentions.map((m) => m.text);

describe("entities in other wars", () => {
  it("Ukraine: spellings of one city and one president are one entity each", () => {
    const d = run(
      "KYIV, Feb 24 (Reuters) - Russian forces shelled the eastern town of Bakhmut overnight, Ukraine's military said on Saturday. " +
        "President Volodymyr Zelensky said Kyiv would not give up the city. Fighters from the Wagner Group, founded by Yevgeny Prigozhin, have led the assault. " +
        "Regional governor Pavlo Kyrylenko said two more people were wounded in Kostiantynivka. " +
        "In the southern Zaporizhzhia region, a missile hit a building near Orikhiv. Zelenskiy later met NATO Secretary General Jens Stoltenberg in Kiev.",
    );
    expect(read(d, "Russian forces")).toEqual(["ORG", "Russian Security Forces"]);
    expect(read(d, "Volodymyr Zelensky")).toEqual(["PERSON", "Volodymyr Zelensky"]);
    // another transliteration of the surname joins the full name
    expect(mention(d, "Zelenskiy").entityKey).toBe(mention(d, "Volodymyr Zelensky").entityKey);
    expect(mention(d, "Kiev").entityKey).toBe(mention(d, "Kyiv").entityKey);
    expect(read(d, "Kiev")).toEqual(["LOCATION", "Kyiv"]);
    expect(read(d, "Kostiantynivka")[0]).toBe("LOCATION");
    expect(read(d, "Orikhiv")[0]).toBe("LOCATION");
    expect(read(d, "Pavlo Kyrylenko")[0]).toBe("PERSON");
    expect(entity(d, mention(d, "Pavlo Kyrylenko")).roles).toEqual(["governor"]);
    expect(texts(d)).not.toContain("Regional"); // a sentence-initial adjective before a title is no name
    expect(entity(d, mention(d, "Jens Stoltenberg")).affiliations).toEqual([mention(d, "NATO").entityKey]);
  });

  it("Ukraine: towns listed after a preposition are places; a speaker after a comma is not", () => {
    const d = run(
      "Speaking to reporters in Brussels, Stoltenberg said allies would help. " +
        "Shelling was reported in Druzhkivka, Kramatorsk and Sloviansk.",
    );
    expect(read(d, "Stoltenberg")).toEqual(["PERSON", "Stoltenberg"]);
    for (const town of ["Druzhkivka", "Kramatorsk", "Sloviansk"]) expect(read(d, town)[0]).toBe("LOCATION");
  });

  it("Gaza: acronyms, ministries and a person tied to the agency he heads", () => {
    const d = run(
      "Israeli airstrikes pounded Khan Younis on Sunday as the Israel Defense Forces expanded its offensive. " +
        "The Gaza health ministry, which is run by Hamas, said more than 700 people had been killed. The IDF said its troops struck 400 targets. " +
        "Philippe Lazzarini, head of UNRWA, said shelters in Rafah were overwhelmed.",
    );
    expect(read(d, "Khan Younis")).toEqual(["LOCATION", "Khan Younis"]);
    expect(mention(d, "IDF").entityKey).toBe(mention(d, "Israel Defense Forces").entityKey);
    expect(read(d, "Gaza health ministry")[0]).toBe("ORG");
    expect(read(d, "Hamas")[0]).toBe("ORG");
    expect(entity(d, mention(d, "Philippe Lazzarini")).affiliations).toEqual([mention(d, "UNRWA").entityKey]);
    expect(read(d, "Rafah")[0]).toBe("LOCATION");
  });

  it("Sudan: a nickname after 'better known as', and a place that is not a speaker", () => {
    const d = run(
      "The paramilitary Rapid Support Forces (RSF) said it had seized the army's last base in El Fasher. " +
        "The RSF, led by Mohamed Hamdan Dagalo, better known as Hemedti, has fought the Sudanese Armed Forces since April 2023. " +
        "Local activists in Tawila said thousands had fled. Hemedti said his forces would stay. The SAF denied losing the base.",
    );
    expect(mention(d, "RSF").entityKey).toBe(mention(d, "Rapid Support Forces").entityKey);
    expect(mention(d, "SAF").entityKey).toBe(mention(d, "Sudanese Armed Forces").entityKey);
    expect(read(d, "Hemedti")).toEqual(["PERSON", "Mohamed Hamdan Dagalo"]);
    expect(mention(d, "Hemedti", 1).entityKey).toBe(mention(d, "Mohamed Hamdan Dagalo").entityKey);
    expect(read(d, "Tawila")[0]).toBe("LOCATION"); // "activists in Tawila said": the place does not speak
    expect(read(d, "El Fasher")[0]).toBe("LOCATION");
  });

  it("Sudan: 'government forces' take the state the sentence names", () => {
    const d = run("Residents of Sudan's North Kordofan state said government forces had shelled the market. Sudanese troops later withdrew.");
    expect(read(d, "government forces")).toEqual(["ORG", "Sudanese Security Forces"]);
    expect(mention(d, "government forces").entityKey).toBe(mention(d, "Sudanese troops").entityKey);
    // with two states in view, the phrase stays generic
    const two = run("Fighting in Syria and Iraq went on. Government forces advanced.");
    expect(read(two, "Government forces")).toEqual(["ORG", "Government Forces"]);
  });

  it("Sahel: armed groups by acronym and the national army by demonym", () => {
    const d = run(
      "The al-Qaida-linked group JNIM claimed an ambush on the Malian army near Timbuktu. " +
        "Malian troops and Russian mercenaries from the Wagner Group have been fighting across the north. " +
        "Government spokesman Col. Abdoulaye Maiga said dozens were killed in the Gao region near Menaka.",
    );
    expect(read(d, "JNIM")[0]).toBe("ORG");
    expect(entity(d, mention(d, "JNIM")).subtype).toBe("armed_group");
    expect(mention(d, "Malian troops").entityKey).toBe(mention(d, "Malian army").entityKey);
    expect(read(d, "Timbuktu")[0]).toBe("LOCATION");
    expect(read(d, "Menaka")[0]).toBe("LOCATION");
    expect(read(d, "Abdoulaye Maiga")[0]).toBe("PERSON");
    expect(entity(d, mention(d, "Abdoulaye Maiga")).roles).toEqual(["colonel", "spokesman"]);
    expect(texts(d)).not.toContain("Government");
  });

  it("DRC: places after prepositions and in lists are places, not people", () => {
    const d = run(
      "M23 rebels seized the town of Rubaya in North Kivu province after fighting with the Congolese army (FARDC). " +
        "Thousands fled to camps near Sake. The UN mission said its bases in Kitshanga were hit by shells. " +
        "Bertrand Bisimwa, the head of the M23, said the group was ready for talks.",
    );
    expect(read(d, "M23")[0]).toBe("ORG");
    expect(mention(d, "FARDC").entityKey).toBe(mention(d, "Congolese army").entityKey);
    expect(read(d, "Kitshanga")[0]).toBe("LOCATION"); // "bases in Kitshanga were hit"
    expect(read(d, "Sake")[0]).toBe("LOCATION");
    expect(read(d, "Bertrand Bisimwa")[0]).toBe("PERSON");
    expect(entity(d, mention(d, "Bertrand Bisimwa")).affiliations).toEqual([mention(d, "M23", 1).entityKey]);
  });

  it("Myanmar: junta spokesman, ethnic armed group and a coordinated list of towns", () => {
    const d = run(
      "The Arakan Army said it had captured the town of Paletwa in Myanmar's Chin state. Junta spokesman Major General Zaw Min Tun said troops had withdrawn. " +
        "The Tatmadaw has bombed villages around Mrauk-U and Kyauktaw, residents said. Aung San Suu Kyi remains in detention in Naypyitaw.",
    );
    expect(read(d, "Arakan Army")).toEqual(["ORG", "Arakan Army"]);
    expect(read(d, "Zaw Min Tun")[0]).toBe("PERSON");
    expect(entity(d, mention(d, "Zaw Min Tun")).roles).toEqual(["major general", "spokesman"]);
    expect(read(d, "Tatmadaw")[0]).toBe("ORG");
    expect(read(d, "Mrauk-U")[0]).toBe("LOCATION");
    expect(read(d, "Kyauktaw")[0]).toBe("LOCATION"); // second of a list after "around"
    expect(read(d, "Aung San Suu Kyi")[0]).toBe("PERSON");
    expect(read(d, "Naypyitaw")).toEqual(["LOCATION", "Naypyitaw"]);
    expect(texts(d)).not.toContain("Junta");
  });

  it("Afghanistan and Colombia: a title inside a district name, an article before a longer name", () => {
    const d = run(
      "A bomber killed 14 people in Kunduz province, a Taliban spokesman said. Residents of Imam Sahib district said the blast destroyed the mosque. " +
        "The National Liberation Army (ELN) denied involvement, Colombia's army said.",
    );
    expect(read(d, "Imam Sahib district")[0]).toBe("LOCATION"); // not a person titled "Imam"
    expect(texts(d)).not.toContain("Sahib");
    expect(read(d, "National Liberation Army")).toEqual(["ORG", "National Liberation Army"]);
    expect(mention(d, "ELN").entityKey).toBe(mention(d, "National Liberation Army").entityKey);
    expect(texts(d)).not.toContain("The National");
  });

  it("ordinary news: clubs before a title are organizations, venues after 'at' are places", () => {
    const d = run(
      "Manchester United beat Arsenal 2-1 at Old Trafford on Sunday, with Bruno Fernandes scoring the winner. " +
        "Real Madrid coach Carlo Ancelotti said Kylian Mbappe would miss the match. Toyota Motor Corp said sales in Brazil fell.",
    );
    expect(read(d, "Manchester United")[0]).toBe("ORG");
    expect(read(d, "Old Trafford")[0]).toBe("LOCATION");
    expect(read(d, "Bruno Fernandes")[0]).toBe("PERSON");
    expect(read(d, "Real Madrid")[0]).toBe("ORG");
    expect(entity(d, mention(d, "Carlo Ancelotti")).affiliations).toEqual([mention(d, "Real Madrid").entityKey]);
    expect(read(d, "Kylian Mbappe")[0]).toBe("PERSON");
    expect(read(d, "Toyota Motor Corp")[0]).toBe("ORG");
    expect(read(d, "Brazil")).toEqual(["LOCATION", "Brazil"]);
  });
});

/**
 * Wire copy from other wars (Ukraine, Gaza, Sudan, Somalia and the Sahel, Nigeria and the DRC),
 * coded as a careful ACLED coder would. Mentions, dates and figures are given by hand so these
 * tests exercise the attribution and events stages only.
 */
import { describe, expect, it } from "vitest";
import type { EventMention } from "../../pipeline/doc.js";
import type { MentionSpec } from "../attribution/helpers.js";
import { runEvents } from "./run-events.js";

const run = runEvents;

const coded = (e: EventMention) => [e.trigger, e.eventType, e.subEventType];
const REUTERS: MentionSpec = { text: "Reuters", type: "ORG", subtype: "media", key: "ORG:reuters" };

describe("events: other wars", () => {
  it("😀 Ukraine: a missile strike carries the toll of its participle clause; a dateline agency is no actor; a country subject acts", () => {
    const text =
      "😀 KYIV, March 3 (Reuters) - A Russian missile struck a residential building in the city of Dnipro on Sunday, killing 12 people, regional governor Serhiy Lysak said.\n" +
      "Russia launched 40 drones and three missiles at Ukraine overnight, the Ukrainian air force said in a statement.\n" +
      "The Russian defence ministry said its forces had captured the village of Krasnohorivka.";
    const { evs } = run(
      text,
      [
        { text: "KYIV", type: "LOCATION", subtype: "city" },
        REUTERS,
        { text: "Dnipro", type: "LOCATION", subtype: "city" },
        { text: "Serhiy Lysak", type: "PERSON", roles: ["governor"] },
        { text: "Russia", type: "LOCATION", subtype: "country", occurrence: 2 },
        { text: "Ukraine", type: "LOCATION", subtype: "country" },
        { text: "Ukrainian air force", type: "ORG", subtype: "military" },
        { text: "Krasnohorivka", type: "LOCATION", subtype: "village" },
      ],
      [{ text: "on Sunday", value: "2024-03-03" }],
      [{ text: "12 people", value: 12 }],
    );
    expect(evs.map(coded)).toEqual([
      ["missile struck", "Explosions/Remote violence", "Shelling/artillery/missile attack"],
      ["launched 40 drones", "Explosions/Remote violence", "Air/drone strike"],
      ["captured", "Battles", "Government regains territory"],
    ]);
    const [strike, drones, capture] = evs as [EventMention, EventMention, EventMention];
    expect([strike.actor1Key, strike.locationKey, strike.eventDate, strike.fatalities]).toEqual([null, "LOCATION:dnipro", "2024-03-03", 12]);
    expect([drones.actor1Key, drones.locationKey, drones.certainty]).toEqual(["LOCATION:russia", "LOCATION:ukraine", "claimed"]);
    expect(capture.certainty).toBe("claimed"); // a party's ministry says so
  });

  it("😀 Gaza: strikes, a claim through 'the group's armed wing', protests by scene, a ceasefire", () => {
    const text =
      "😀 Israeli air strikes killed at least 30 people in Rafah overnight, Palestinian health officials said on Tuesday.\n" +
      "Hamas fighters ambushed an Israeli patrol in Khan Younis, the group's armed wing said.\n" +
      "Thousands of people protested in Tel Aviv on Saturday to demand a deal to free the hostages. Protesters clashed with police, who used water cannon to disperse them.\n" +
      "The two sides agreed a ceasefire on Wednesday, according to Egyptian mediators.";
    const { evs } = run(
      text,
      [
        { text: "Rafah", type: "LOCATION", subtype: "city" },
        { text: "Hamas", type: "ORG", subtype: "armed_group" },
        { text: "Khan Younis", type: "LOCATION", subtype: "city" },
        { text: "Tel Aviv", type: "LOCATION", subtype: "city" },
      ],
      [{ text: "on Wednesday", value: "2024-01-10" }],
      [{ text: "at least 30 people", value: 30 }],
    );
    expect(evs.map(coded)).toEqual([
      ["air strikes", "Explosions/Remote violence", "Air/drone strike"],
      ["ambushed", "Battles", "Armed clash"],
      ["protested", "Protests", "Peaceful protest"],
      ["Protesters", "Riots", "Violent demonstration"],
      ["ceasefire", "Strategic developments", "Agreement"],
    ]);
    expect([evs[0]!.fatalities, evs[0]!.certainty]).toEqual([30, "reported"]); // health officials are no party
    expect([evs[1]!.actor1Key, evs[1]!.attributedToKey, evs[1]!.certainty]).toEqual(["ORG:hamas", "ORG:hamas", "claimed"]);
    expect([evs[4]!.eventDate, evs[4]!.certainty]).toEqual(["2024-01-10", "reported"]);
  });

  it("😀 Protest scenes: police intervention and lethal force change the sub-event type", () => {
    const { evs } = run("😀 Police fired tear gas at protesters in Nairobi. Security forces shot dead five demonstrators in Khartoum.", [
      { text: "Nairobi", type: "LOCATION", subtype: "city" },
      { text: "Khartoum", type: "LOCATION", subtype: "city" },
    ]);
    expect(evs.map((e) => e.subEventType)).toEqual(["Protest with intervention", "Excessive force against protesters"]);
  });

  it("😀 Sudan: shelling takes the toll of ', killing ...'; burning homes is property destruction; a new headquarters", () => {
    const text =
      "😀 The paramilitary Rapid Support Forces shelled El Fasher on Monday, killing at least 15 civilians, medics said.\n" +
      "RSF fighters looted the main market and burned homes in the town of Tawila, residents told AFP.\n" +
      "The army has established a new headquarters in Port Sudan.";
    const { evs } = run(
      text,
      [
        { text: "Rapid Support Forces", type: "ORG", subtype: "paramilitary", key: "ORG:rsf" },
        { text: "El Fasher", type: "LOCATION", subtype: "city" },
        { text: "RSF", type: "ORG", subtype: "paramilitary", key: "ORG:rsf" },
        { text: "Tawila", type: "LOCATION", subtype: "town" },
        { text: "AFP", type: "ORG", subtype: "media" },
        { text: "Port Sudan", type: "LOCATION", subtype: "city" },
      ],
      [{ text: "on Monday", value: "2024-06-10" }],
      [{ text: "at least 15 civilians", value: 15 }],
    );
    expect(evs.map(coded)).toEqual([
      ["shelled", "Explosions/Remote violence", "Shelling/artillery/missile attack"],
      ["looted", "Strategic developments", "Looting/property destruction"],
      ["burned", "Strategic developments", "Looting/property destruction"],
      ["established a new headquarters", "Strategic developments", "Headquarters or base established"],
    ]);
    expect([evs[0]!.actor1Key, evs[0]!.fatalities, evs[0]!.eventDate, evs[0]!.certainty]).toEqual(["ORG:rsf", 15, "2024-06-10", "reported"]);
    expect([evs[2]!.actor1Key, evs[2]!.locationKey]).toEqual(["ORG:rsf", "LOCATION:tawila"]);
  });

  it("😀 Somalia and the Sahel: an IED, a claimed ambush, and a new unnamed attacker is not the last one", () => {
    const text =
      "😀 A roadside bomb killed four soldiers near the town of Afgoye on Thursday, a military officer said.\n" +
      "Al-Shabaab militants ambushed a convoy of African Union troops in the Lower Shabelle region, the group said in a statement.\n" +
      "In Burkina Faso, suspected jihadists killed 20 villagers in an attack on the village of Barsalogho, a local official told AFP.";
    const { evs } = run(
      text,
      [
        { text: "Afgoye", type: "LOCATION", subtype: "town" },
        { text: "Al-Shabaab", type: "ORG", subtype: "armed_group" },
        { text: "African Union", type: "ORG", subtype: "igo" },
        { text: "Lower Shabelle region", type: "LOCATION", subtype: "region" },
        { text: "Burkina Faso", type: "LOCATION", subtype: "country" },
        { text: "Barsalogho", type: "LOCATION", subtype: "village" },
        { text: "AFP", type: "ORG", subtype: "media" },
      ],
      [],
      [
        { text: "four soldiers", value: 4 },
        { text: "20 villagers", value: 20 },
      ],
    );
    expect(evs.map(coded)).toEqual([
      ["roadside bomb", "Explosions/Remote violence", "Remote explosive/landmine/IED"],
      ["ambushed", "Battles", "Armed clash"],
      ["killed", "Violence against civilians", "Attack"],
    ]);
    expect(evs[0]!.fatalities).toBe(4);
    expect([evs[1]!.actor1Key, evs[1]!.actor2Key, evs[1]!.certainty]).toEqual(["ORG:al-shabaab", "ORG:african union", "claimed"]);
    expect([evs[2]!.actor1Key, evs[2]!.locationKey, evs[2]!.fatalities]).toEqual([null, "LOCATION:barsalogho", 20]);
  });

  it("😀 Nigeria and the DRC: abduction and massacre; figurative 'fighting corruption' is no event; a planned offensive is expected", () => {
    const text =
      "😀 Gunmen abducted 200 students from a school in Kuriga on Thursday, police said.\n" +
      "The government is fighting corruption and the battle for public opinion is heating up, analysts said.\n" +
      "The army is expected to launch an offensive against the rebels next month.";
    const { evs } = run(text, [{ text: "Kuriga", type: "LOCATION", subtype: "town" }], [{ text: "on Thursday", value: "2024-03-07" }]);
    expect(evs.map(coded)).toEqual([
      ["abducted", "Violence against civilians", "Abduction/forced disappearance"],
      ["offensive", "Battles", "Armed clash"],
    ]);
    expect([evs[0]!.locationKey, evs[0]!.eventDate]).toEqual(["LOCATION:kuriga", "2024-03-07"]);
    expect([evs[1]!.certainty, evs[1]!.eventDate]).toEqual(["expected", null]);
  });

  it("😀 Myanmar and Afghanistan: a speaker's noun phrase, a name and a claim of responsibility report no event", () => {
    const text =
      "😀 A military air strike on a village in the Sagaing region killed at least 40 people, witnesses and a local resistance group said.\n" +
      "A spokesman for the military government said troops had attacked a gathering of People's Defence Force fighters.\n" +
      "The Islamic State group claimed responsibility for the bombing in a statement.\n" +
      "Gunmen attacked a school in Kabul, killing five children.";
    const { evs } = run(
      text,
      [
        { text: "Sagaing region", type: "LOCATION", subtype: "region" },
        { text: "People's Defence Force", type: "ORG", subtype: "armed_group", key: "ORG:pdf" },
        { text: "Islamic State group", type: "ORG", subtype: "armed_group" },
        { text: "Kabul", type: "LOCATION", subtype: "city" },
      ],
      [],
      [
        { text: "at least 40 people", value: 40 },
        { text: "five children", value: 5 },
      ],
    );
    expect(evs.map(coded)).toEqual([
      ["air strike", "Explosions/Remote violence", "Air/drone strike"],
      ["attacked", "Battles", "Armed clash"], // fighters of a named group, not "people"
      ["attacked", "Violence against civilians", "Attack"], // the children, not the school, are what the attack acts on
    ]);
    expect([evs[0]!.fatalities, evs[1]!.actor2Key, evs[2]!.fatalities]).toEqual([40, "ORG:pdf", 5]);
  });

  it("😀 Passive voice: a toll yields to the means named by 'by'; the agent of a passive ambush acts", () => {
    const text = "😀 Five civilians were killed by Russian shelling in Kherson on Monday, the regional administration said. A convoy was ambushed by al-Shabaab fighters near Baidoa.";
    const { evs } = run(
      text,
      [
        { text: "Kherson", type: "LOCATION", subtype: "city" },
        { text: "al-Shabaab", type: "ORG", subtype: "armed_group" },
        { text: "Baidoa", type: "LOCATION", subtype: "town" },
      ],
      [{ text: "on Monday", value: "2024-05-06" }],
      [{ text: "Five civilians", value: 5 }],
    );
    expect(evs.map(coded)).toEqual([
      ["shelling", "Explosions/Remote violence", "Shelling/artillery/missile attack"],
      ["ambushed", "Battles", "Armed clash"],
    ]);
    expect([evs[0]!.fatalities, evs[0]!.locationKey, evs[0]!.eventDate, evs[0]!.certainty]).toEqual([5, "LOCATION:kherson", "2024-05-06", "reported"]);
    expect([evs[1]!.actor1Key, evs[1]!.locationKey]).toEqual(["ORG:al-shabaab", "LOCATION:baidoa"]);
  });
});

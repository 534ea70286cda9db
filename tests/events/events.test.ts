import { describe, expect, it } from "vitest";
import type { MentionSpec } from "../attribution/helpers.js";
import { runEvents } from "./run-events.js";

const run = runEvents;

const ARMY: MentionSpec = { text: "Iraqi forces", type: "ORG", subtype: "military", key: "ORG:isf" };
const ISIS: MentionSpec = { text: "ISIS", type: "ORG", subtype: "armed_group", key: "ORG:is" };

describe("events: detection and coding", () => {
  it("codes a state force's capture with actor, place, date, and code-point spans", () => {
    const text = "😀 Iraqi forces captured the Grand Mosque from ISIS on Wednesday.";
    const { doc, evs } = run(text, [ARMY, ISIS, { text: "Grand Mosque", type: "LOCATION", subtype: "facility" }], [{ text: "on Wednesday", value: "2017-06-28" }]);
    expect(evs).toHaveLength(1);
    const e = evs[0]!;
    expect([e.eventType, e.subEventType]).toEqual(["Battles", "Government regains territory"]);
    expect(e.trigger).toBe("captured");
    expect(doc.index.slice(e.triggerSpan.start, e.triggerSpan.end)).toBe("captured");
    expect(e.triggerSpan.start).toBe([...text.slice(0, text.indexOf("captured"))].length);
    expect([e.actor1Key, e.actor2Key, e.locationKey]).toEqual(["ORG:isf", "ORG:is", "LOCATION:grand mosque"]);
    expect([e.eventDate, e.datePrecision, e.dateId]).toEqual(["2017-06-28", "day", "t-d1"]);
    expect(e.certainty).toBe("reported");
    expect(e.id).toBe("t-e1");
  });

  it("codes a non-state group's seizure as non-state overtaking, through a subject pronoun", () => {
    const { evs } = run("😀 The fall of Mosul would be the biggest defeat yet for ISIS three years after it seized the city.", [ISIS, { text: "Mosul", type: "LOCATION", subtype: "city" }]);
    expect(evs.map((e) => [e.trigger, e.subEventType, e.certainty])).toEqual([
      ["fall of", "Government regains territory", "expected"],
      ["seized", "Non-state actor overtakes territory", "reported"],
    ]);
    expect(evs[1]!.actor1Key).toBe("ORG:is");
  });

  it("takes actor1 from 'by' in a passive and drops negated events", () => {
    const { evs } = run("😀 The village was captured by ISIS. Iraqi forces did not capture the bridge.", [ISIS, ARMY]);
    expect(evs).toHaveLength(1);
    expect(evs[0]!.actor1Key).toBe("ORG:is");
  });

  it("splits clauses and codes remote violence, abductions and looting", () => {
    const { evs } = run(
      "😀 Scattered bursts of gunfire could be heard and several air strikes were carried out. They had spent months being held as human shields by ISIS fighters. The group also captured a Humvee and a tank.",
      [ISIS],
    );
    expect(evs.map((e) => [e.eventType, e.subEventType, e.certainty])).toEqual([
      ["Battles", "Armed clash", "reported"],
      ["Explosions/Remote violence", "Air/drone strike", "reported"],
      ["Violence against civilians", "Abduction/forced disappearance", "reported"],
      ["Strategic developments", "Looting/property destruction", "reported"],
    ]);
    expect(evs.map((e) => e.id)).toEqual(["t-e1", "t-e2", "t-e3", "t-e4"]);
  });

  it("flags hedged and party-attributed events as claimed, forecasts as expected", () => {
    const { evs } = run(
      "😀 At least 35 members were reportedly killed. “Iraqi forces have liberated the mosque,” the army spokesman said. Officials expect ISIS to carry out suicide attacks. Victory was imminent.",
      [ARMY, ISIS],
      [],
      [{ text: "At least 35 members", value: 35 }],
    );
    expect(evs.map((e) => [e.subEventType, e.certainty])).toEqual([
      ["Armed clash", "claimed"],
      ["Government regains territory", "claimed"],
      ["Suicide bomb", "expected"],
      ["Government regains territory", "expected"],
    ]);
    expect(evs[0]!.fatalities).toBe(35);
  });

  it("gives an expected event no date, and a report's own date ('said on Friday') to no event", () => {
    const { evs } = run("😀 ISIS will be defeated on Friday. Troops advanced, a commander said on Friday.", [ISIS], [
      { text: "on Friday", value: "2017-06-30" },
      { text: "on Friday", value: "2017-06-30", occurrence: 2 },
    ]);
    // a commander is a party to the fighting: his report is a claim
    expect(evs.map((e) => [e.trigger, e.certainty, e.eventDate, e.dateId])).toEqual([
      ["defeated", "expected", null, "t-d1"],
      ["advanced", "claimed", null, null],
    ]);
  });

  it("keeps a coordinated subject in one clause and splits verbs chained by 'and'", () => {
    const { evs } = run(
      "😀 Fighting between the army and the RSF has killed more than 12,000 people. Iraqi forces broke through the lines and de-facto reached the river.",
      [{ text: "RSF", type: "ORG", subtype: "armed_group" }, ARMY, { text: "river", type: "LOCATION", subtype: "river" }],
    );
    expect(evs.map((e) => [e.trigger, e.text])).toEqual([
      ["Fighting", "Fighting between the army and the RSF has killed more than 12,000 people"],
      ["broke through the lines", "Iraqi forces broke through the lines"],
      ["reached", "and de-facto reached the river"],
    ]);
    expect(evs[2]!.actor1Key).toBe("ORG:isf");
  });

  it("reads both sides of 'clashes between X and Y'", () => {
    const { evs } = run("😀 Clashes between Iraqi forces and ISIS erupted on Monday.", [ARMY, ISIS]);
    expect(evs.map((e) => [e.subEventType, e.actor1Key, e.actor2Key])).toEqual([["Armed clash", "ORG:isf", "ORG:is"]]);
  });

  it("does not read cues inside names, hyphenated compounds or modifiers", () => {
    const { evs } = run("😀 Police were seen flashing V-for-victory signs near the Joint Operation Command headquarters.", [
      { text: "Joint Operation Command", type: "ORG", subtype: "military" },
    ]);
    expect(evs).toEqual([]);
  });
});

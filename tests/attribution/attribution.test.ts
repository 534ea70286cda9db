import { describe, expect, it } from "vitest";
import { attributionForSpan } from "../../pipeline/link.js";
import { runAttribution as run, sliceOf as slice, spanOf } from "./helpers.js";


describe("attribution: cues and speakers", () => {
  it("reads a trailing 'according to' with a media speaker, in code points", () => {
    const text = "😀 About 300 fighters remained in the Old City, according to the Associated Press.";
    const d = run(text, [{ text: "Associated Press", type: "ORG", subtype: "media" }]);
    expect(d.attributions).toHaveLength(1);
    const a = d.attributions[0]!;
    expect(a.cue).toBe("according to");
    expect(slice(d, a.cueSpan)).toBe("according to");
    expect(a.sourceText).toBe("the Associated Press");
    expect(a.sourceKey).toBe("ORG:associated press");
    expect(a.party).toBe(false);
    expect(a.cueSpan.start).toBe([...text.slice(0, text.indexOf("according"))].length); // code points, not UTF-16 units
    expect(a.end).toBe([...text].length - 1); // the report runs to the speaker's end, before the period
    expect(a.sentenceId).toBe("t-s1");
  });

  it("takes the speaker before 'told', not the outlet told", () => {
    const d = run("😀 Rasool told AFP that troops had entered the town.", [
      { text: "Rasool", type: "PERSON" },
      { text: "AFP", type: "ORG", subtype: "media" },
    ]);
    const a = d.attributions[0]!;
    expect(a.cue).toBe("told");
    expect(a.sourceKey).toBe("PERSON:rasool");
  });

  it("resolves a spokesman for a command to the command and counts it as a party", () => {
    const d = run("😀 “Units recaptured the hospital,” a spokesman for the Joint Operation Command said in a statement.", [
      { text: "Joint Operation Command", type: "ORG", subtype: "military" },
    ]);
    const a = d.attributions[0]!;
    expect(a.sourceText).toBe("a spokesman for the Joint Operation Command");
    expect(a.sourceKey).toBe("ORG:joint operation command");
    expect(a.party).toBe(true);
    // the quote is covered, so an event inside it is attributed
    const inside = spanOf(d, "Units recaptured the hospital");
    expect(attributionForSpan(d, inside, "t-s1")?.sourceKey).toBe("ORG:joint operation command");
  });

  it("keeps an apposition and inverted order in the speaker phrase; a monitor is no party", () => {
    const d = run("😀 “The group withdrew from 17 villages,” said Rami Abdel Rahman, head of the Syrian Observatory for Human Rights.", [
      { text: "Rami Abdel Rahman", type: "PERSON" },
      { text: "Syrian Observatory for Human Rights", type: "ORG", subtype: "ngo" },
    ]);
    const a = d.attributions[0]!;
    expect(a.sourceText).toBe("Rami Abdel Rahman, head of the Syrian Observatory for Human Rights");
    expect(a.sourceKey).toBe("PERSON:rami abdel rahman");
    expect(a.party).toBe(false);
  });

  it("resolves 'the agency' to the news agency named before", () => {
    const d = run("😀 Fighters fled on Sunday, according to Reuters news agency.\nThe agency also reported plumes of smoke over the city.", [
      { text: "Reuters", type: "ORG", subtype: "media" },
    ]);
    expect(d.attributions.map((a) => a.sourceKey)).toEqual(["ORG:reuters", "ORG:reuters"]);
    expect(d.attributions[1]!.cue).toBe("reported");
  });

  it("carries a party judgement to a speaker named again by surname", () => {
    const d = run("😀 Civilians are trapped, according to Joint Operation Command spokesman Brigadier General Yahya Rasool.\n“Forces liberated the mosque,” Rasool said.");
    expect(d.attributions).toHaveLength(2);
    expect(d.attributions[1]!.sourceText).toBe("Rasool");
    expect(d.attributions[1]!.party).toBe(true);
  });

  it("gives the inner report the shorter span: 'X said that ..., the AP reported'", () => {
    const d = run("😀 Coalition spokesman Col. Ryan Dillon said that victory was imminent, the AP also reported.");
    const said = d.attributions.find((a) => a.cue === "said")!;
    const reported = d.attributions.find((a) => a.cue === "reported")!;
    expect(said.party).toBe(true);
    expect(reported.party).toBe(false);
    expect(attributionForSpan(d, spanOf(d, "victory was imminent"), "t-s1")?.cue).toBe("said");
  });

  it("ignores passive reports, nouns and plain transitive uses of weak cues", () => {
    const d = run("😀 About 100 fighters had earlier been reported to be trapped. More reports today speak of troops. The government declared victory over the group.");
    expect(d.attributions).toEqual([]);
  });

  it("treats a trailing weak cue after a clause as an attribution", () => {
    const d = run("😀 On Saturday, security forces liberated the old city, the last stronghold of the group, the Iraqi military has declared.");
    expect(d.attributions).toHaveLength(1);
    expect(d.attributions[0]!.sourceText).toBe("the Iraqi military");
    expect(d.attributions[0]!.party).toBe(true);
  });
});

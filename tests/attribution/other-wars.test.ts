/** Speakers in wire copy from other wars: armed groups referred back to, medical sources, party ministries. */
import { describe, expect, it } from "vitest";
import { runAttribution as run, sliceOf as slice } from "./helpers.js";


describe("attribution: other wars", () => {
  it("😀 'the group said in a statement' refers back to the armed group named before, a party", () => {
    const text = "😀 Al-Shabaab militants ambushed a convoy near Afgoye, the group said in a statement. The attack lasted two hours.";
    const d = run(text, [{ text: "Al-Shabaab", type: "ORG", subtype: "armed_group" }]);
    expect(d.attributions).toHaveLength(1);
    const a = d.attributions[0]!;
    expect([a.sourceText, a.sourceKey, a.party]).toEqual(["the group", "ORG:al-shabaab", true]);
    expect(slice(d, a)).toBe("😀 Al-Shabaab militants ambushed a convoy near Afgoye, the group said");
  });

  it("😀 'the group's armed wing said' also resolves to the group; a media agency before it is skipped", () => {
    const text = "😀 Hamas fighters ambushed a patrol in Khan Younis, Reuters reported. The group's armed wing said two soldiers were killed.";
    const d = run(text, [
      { text: "Hamas", type: "ORG", subtype: "armed_group" },
      { text: "Reuters", type: "ORG", subtype: "media" },
    ]);
    const wing = d.attributions.find((a) => a.sourceText.includes("armed wing"))!;
    expect([wing.sourceKey, wing.party]).toEqual(["ORG:hamas", true]);
  });

  it("😀 health officials, medics and rescuers are no party; a defence ministry is", () => {
    const d = run(
      "😀 Strikes killed 30 people in Rafah, Palestinian health officials said. Medics said the toll could rise. The Russian defence ministry said its forces captured the village.",
    );
    expect(d.attributions.map((a) => [a.sourceText, a.party])).toEqual([
      ["Palestinian health officials", false],
      ["Medics", false],
      ["The Russian defence ministry", true],
    ]);
  });
});

/*
 * The two shared-purpose projects of the demo town, their task boards, and a few
 * comments. Claims name people by email; hours are recorded only on verified claims.
 */

type Effort = "low" | "medium" | "high";

export interface TaskSeed {
  key: string;
  title: string;
  description: string;
  placesNeeded: number;
  effort: Effort;
  fromHome: boolean;
  estimatedHours: string;
  /** Days from today for an optional due date. */
  dueInDays?: number;
  claims: { email: string; status: "claimed" | "done" | "verified"; hours?: string }[];
}

export interface ProjectSeed {
  key: string;
  group: string;
  title: string;
  goal: string;
  description: string;
  tasks: TaskSeed[];
}

export const PROJECTS: ProjectSeed[] = [
  {
    key: "garden-rebuild",
    group: "riverside-gardeners",
    title: "Riverside garden rebuild",
    goal: "Six new raised beds and a step-free path to every bed before spring planting.",
    description:
      "The old beds have rotted and the path floods. Over the winter we are rebuilding both, so that everyone — including people using wheelchairs or walking frames — can reach a bed of their own.",
    tasks: [
      { key: "beds", title: "Build two new raised beds", description: "Cut and screw together the larch boards; we'll show you how.", placesNeeded: 4, effort: "high", fromHome: false, estimatedHours: "3", claims: [{ email: "organizer@example.com", status: "claimed" }, { email: "tariq.hussain@example.com", status: "claimed" }, { email: "ben.whitaker@example.com", status: "claimed" }] },
      { key: "path", title: "Lay bark on the accessible path", description: "Barrow bark chippings from the heap and rake them level.", placesNeeded: 3, effort: "high", fromHome: false, estimatedHours: "2.5", claims: [{ email: "callum.reid@example.com", status: "verified", hours: "2.5" }] },
      { key: "broad-beans", title: "Sow winter broad beans", description: "Gentle job at the potting bench; seated.", placesNeeded: 2, effort: "low", fromHome: false, estimatedHours: "1", claims: [{ email: "member@example.com", status: "done", hours: "1" }, { email: "nia.campbell@example.com", status: "claimed" }] },
      { key: "labels", title: "Make plant labels", description: "Paint names on slate offcuts at home; we'll drop them round.", placesNeeded: 2, effort: "low", fromHome: true, estimatedHours: "2", dueInDays: 21, claims: [{ email: "una.byrne@example.com", status: "claimed" }] },
      { key: "timber", title: "Ring round for donated timber", description: "Call three builders' merchants from our list and ask about offcuts.", placesNeeded: 1, effort: "low", fromHome: true, estimatedHours: "1", dueInDays: 10, claims: [] },
    ],
  },
  {
    key: "hamper-drive",
    group: "food-bank-volunteers",
    title: "Winter hamper drive",
    goal: "150 winter hampers packed and delivered to families across Millbrook.",
    description: "Every winter we pack hampers with food, a warm hat and a handwritten card. Drivers, packers and card writers all needed.",
    tasks: [
      { key: "pack", title: "Pack hampers", description: "Join a packing shift at the warehouse.", placesNeeded: 6, effort: "medium", fromHome: false, estimatedHours: "3", claims: [{ email: "yasmin.okoro@example.com", status: "claimed" }, { email: "fatima.begum@example.com", status: "claimed" }, { email: "owen.hughes@example.com", status: "verified", hours: "3" }] },
      { key: "drive", title: "Deliver hampers by car", description: "Deliver ten hampers on a planned route; a second person rides along to carry.", placesNeeded: 3, effort: "medium", fromHome: false, estimatedHours: "2", claims: [{ email: "jess.thornton@example.com", status: "claimed" }] },
      { key: "cards", title: "Write welcome cards", description: "Write short, warm cards at home. Blank cards and pens can be collected from the library.", placesNeeded: 4, effort: "low", fromHome: true, estimatedHours: "1.5", dueInDays: 14, claims: [{ email: "wendy.clarke@example.com", status: "done", hours: "1.5" }, { email: "sophie.marsh@example.com", status: "claimed" }] },
      { key: "stock", title: "Update the stock sheet", description: "Tally the donation boxes and update the shared stock sheet.", placesNeeded: 1, effort: "low", fromHome: true, estimatedHours: "1", claims: [{ email: "grace.mensah@example.com", status: "claimed" }] },
    ],
  },
];

/** Comments on the first upcoming occurrence of a series, on a one-off, or on a project. */
export const COMMENTS: { on: { activity: string } | { project: string }; email: string; body: string }[] = [
  { on: { activity: "saturday-loop" }, email: "oliver.grant@example.com", body: "Is the loop OK for someone who walks slowly? My knee is still recovering." },
  { on: { activity: "saturday-loop" }, email: "margaret.doyle@example.com", body: "Absolutely. We go at the pace of the slowest person and there are benches at the bandstand. See you there!" },
  { on: { activity: "lino-printing" }, email: "zoe.kettering@example.com", body: "I'm on the waitlist, fingers crossed. Would love a second session in the new year." },
  { on: { activity: "games-night" }, email: "rashid.karim@example.com", body: "I'll bring Wingspan if anyone fancies a calmer game at the back table." },
  { on: { project: "garden-rebuild" }, email: "tariq.hussain@example.com", body: "I have a few bags of leftover bark chippings. I'll bring them on Saturday for the path." },
  { on: { project: "hamper-drive" }, email: "jess.thornton@example.com", body: "I can do a second delivery round if someone can ride along." },
];

/*
 * The two shared-purpose projects of the demo town, their task boards, and a few
 * comments. The garden rebuild is nearly complete; the hamper drive has just started.
 * Claims name people by email; hours are recorded only on verified claims (the task's
 * estimate unless other hours are given).
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
  status: "planning" | "active" | "done";
  /** Days from today the project started, and runs until. */
  startsInDays: number;
  endsInDays: number;
  tasks: TaskSeed[];
}

export const PROJECTS: ProjectSeed[] = [
  {
    key: "garden-rebuild",
    group: "riverside-gardeners",
    title: "Riverside garden rebuild",
    goal: "Six new raised beds and a step-free path to every bed before spring planting.",
    description:
      "The old beds have rotted and the path floods. Over the winter we are rebuilding both, so that everyone — including people using wheelchairs or walking frames — can reach a bed of their own.\n\nAlmost there: the beds are built and the path is down. What's left is small and mostly sitting down.",
    status: "active",
    startsInDays: -42,
    endsInDays: 21,
    tasks: [
      { key: "beds", title: "Build the raised beds", description: "Cut and screw together the larch boards; we'll show you how.", placesNeeded: 4, effort: "high", fromHome: false, estimatedHours: "3", claims: [{ email: "organizer@example.com", status: "verified" }, { email: "tariq.hussain@example.com", status: "verified" }, { email: "ben.whitaker@example.com", status: "verified", hours: "4" }, { email: "callum.reid@example.com", status: "verified" }] },
      { key: "path", title: "Lay bark on the accessible path", description: "Barrow bark chippings from the heap and rake them level.", placesNeeded: 3, effort: "high", fromHome: false, estimatedHours: "2.5", claims: [{ email: "callum.reid@example.com", status: "verified" }, { email: "member@example.com", status: "verified" }, { email: "nia.campbell@example.com", status: "verified", hours: "2" }] },
      { key: "broad-beans", title: "Sow winter broad beans", description: "Gentle job at the potting bench; seated.", placesNeeded: 2, effort: "low", fromHome: false, estimatedHours: "1", claims: [{ email: "member@example.com", status: "verified" }, { email: "nia.campbell@example.com", status: "done" }] },
      { key: "labels", title: "Make plant labels", description: "Paint names on slate offcuts at home; we'll drop them round.", placesNeeded: 2, effort: "low", fromHome: true, estimatedHours: "2", dueInDays: 21, claims: [{ email: "una.byrne@example.com", status: "claimed" }] },
      { key: "timber", title: "Ring round for donated timber", description: "Call three builders' merchants from our list and ask about offcuts.", placesNeeded: 1, effort: "low", fromHome: true, estimatedHours: "1", claims: [{ email: "tariq.hussain@example.com", status: "verified" }] },
    ],
  },
  {
    key: "hamper-drive",
    group: "food-bank-volunteers",
    title: "Winter hamper drive",
    goal: "150 winter hampers packed and delivered to families across Millbrook.",
    description: "Every winter we pack hampers with food, a warm hat and a handwritten card. Drivers, packers and card writers all needed — we've only just started, so there's room for everyone.",
    status: "active",
    startsInDays: -2,
    endsInDays: 35,
    tasks: [
      { key: "pack", title: "Pack hampers", description: "Join a packing shift at the warehouse.", placesNeeded: 6, effort: "medium", fromHome: false, estimatedHours: "3", claims: [{ email: "yasmin.okoro@example.com", status: "claimed" }] },
      { key: "drive", title: "Deliver hampers by car", description: "Deliver ten hampers on a planned route; a second person rides along to carry.", placesNeeded: 3, effort: "medium", fromHome: false, estimatedHours: "2", claims: [] },
      { key: "cards", title: "Write welcome cards", description: "Write short, warm cards at home. Blank cards and pens can be collected from the library.", placesNeeded: 4, effort: "low", fromHome: true, estimatedHours: "1.5", dueInDays: 14, claims: [{ email: "wendy.clarke@example.com", status: "claimed" }] },
      { key: "stock", title: "Update the stock sheet", description: "Tally the donation boxes and update the shared stock sheet.", placesNeeded: 1, effort: "low", fromHome: true, estimatedHours: "1", claims: [] },
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
  { on: { project: "garden-rebuild" }, email: "nia.campbell@example.com", body: "I feel a bit lost when the work-day plan changes on the morning itself; could we post any changes here the evening before? Then I know what to bring." },
  { on: { project: "garden-rebuild" }, email: "organizer@example.com", body: "Good idea, Nia. From now on any change goes up here by 6pm the day before." },
  { on: { project: "hamper-drive" }, email: "jess.thornton@example.com", body: "I can do a second delivery round if someone can ride along." },
  { on: { project: "hamper-drive" }, email: "fatima.begum@example.com", body: "I'd find it easier to write cards if the pack was at the library desk; could it wait there instead of the warehouse?" },
];

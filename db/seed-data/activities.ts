import type { PlaceKey } from "./town";

/*
 * What happens in Millbrook: recurring series and one-off activities, as templates that
 * db/seed.ts places on the calendar relative to "now". Times are local to Europe/London.
 */

type Kind = "volunteer" | "walk" | "hobby";
type Energy = "low" | "medium" | "high";
type Talk = "quiet" | "some_chat" | "conversation";

export interface ActivityTemplate {
  key: string;
  group: string;
  kind: Kind;
  title: string;
  /** Markdown. */
  description: string;
  place: PlaceKey;
  meetingPoint?: string;
  localStart: string;
  durationMinutes: number;
  /** Null means unlimited. */
  capacity: number | null;
  energy: Energy;
  talk: Talk;
  lateArrivalOk: boolean;
  quietSpace: boolean;
  substanceFree: boolean;
  firstTimerFriendly: boolean;
  project?: string;
  /** How full to make it: for a series this applies to its first upcoming occurrence. */
  fill?: "nearly_full" | "full_with_waitlist";
}

export interface SeriesTemplate extends ActivityTemplate {
  frequency: "weekly" | "biweekly" | "monthly_nth_weekday";
  /** ISO weekday, 1 = Monday. */
  weekday: number;
  /** For monthly series: the nth weekday of the month. */
  nth?: number;
}

export interface OneOffTemplate extends ActivityTemplate {
  /** Days from today (in the town's zone); negative for activities that already happened. */
  dayOffset: number;
}

const md = (...lines: string[]) => lines.join("\n");

export const SERIES: SeriesTemplate[] = [
  {
    key: "saturday-loop", group: "millbrook-walking-group", kind: "walk", frequency: "weekly", weekday: 6,
    title: "Saturday riverside loop",
    description: md("A gentle **3-mile loop** along the river and back through the meadows, about 90 minutes with a stop at the bandstand.", "", "- Flat, surfaced path all the way", "- We walk at the pace of the slowest person", "- Finishes near the number 12 bus stop", "", "Wear shoes you don't mind getting muddy."),
    place: "meadows", meetingPoint: "By the bandstand, look for the green flag", localStart: "10:00", durationMinutes: 90, capacity: null,
    energy: "low", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: true,
  },
  {
    key: "lunchtime-stroll", group: "millbrook-walking-group", kind: "walk", frequency: "weekly", weekday: 3,
    title: "Lunchtime stroll around Hillcrest Park",
    description: md("Forty minutes around the park in the middle of the week. Bring your lunch and eat it on the benches afterwards if the weather allows.", "", "Nobody minds if you only do one lap."),
    place: "park", meetingPoint: "Inside the main gates by the noticeboard", localStart: "12:30", durationMinutes: 45, capacity: null,
    energy: "low", talk: "quiet", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true,
  },
  {
    key: "garden-morning", group: "riverside-gardeners", kind: "volunteer", frequency: "weekly", weekday: 6,
    title: "Garden work morning",
    description: md("Our weekly work morning at the community garden. This winter we're **rebuilding the raised beds** and laying the new path.", "", "Jobs for every energy level: digging and barrow runs, or sitting at the potting bench sowing seeds.", "", "Gloves, tools and tea provided. Come for an hour or the whole morning."),
    place: "garden", meetingPoint: "At the green shed", localStart: "09:30", durationMinutes: 180, capacity: 16,
    energy: "medium", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true, project: "garden-rebuild",
  },
  {
    key: "food-bank-tuesday", group: "food-bank-volunteers", kind: "volunteer", frequency: "weekly", weekday: 2,
    title: "Food bank sorting shift",
    description: md("Sort the week's donations: check dates, group tins, restock the shelves. Seated sorting tables available.", "", "First shift? Grace will show you round and pair you with a regular."),
    place: "foodBank", meetingPoint: "Side door with the blue sign", localStart: "10:00", durationMinutes: 150, capacity: 10,
    energy: "medium", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: true,
  },
  {
    key: "food-bank-friday", group: "food-bank-volunteers", kind: "volunteer", frequency: "weekly", weekday: 5,
    title: "Parcel packing and welcome desk",
    description: md("Pack food parcels for the weekend and welcome guests at the front desk.", "", "- **Packing**: standing, some lifting", "- **Welcome desk**: seated, friendly chat, kettle duty"),
    place: "foodBank", meetingPoint: "Front entrance", localStart: "14:00", durationMinutes: 180, capacity: 12,
    energy: "high", talk: "conversation", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: false, project: "hamper-drive",
  },
  {
    key: "sunday-sketch", group: "sunday-sketchers", kind: "hobby", frequency: "weekly", weekday: 7,
    title: "Sunday afternoon sketching",
    description: md("Two hours of drawing together in the Arts Room. We set up a still life; draw that, the view from the window, or whatever you like.", "", "Paper and pencils provided. Tea at half time; talking optional."),
    place: "artsRoom", localStart: "14:00", durationMinutes: 120, capacity: 14,
    energy: "low", talk: "quiet", lateArrivalOk: true, quietSpace: true, substanceFree: true, firstTimerFriendly: true, fill: "nearly_full",
  },
  {
    key: "craft-table", group: "sunday-sketchers", kind: "hobby", frequency: "weekly", weekday: 4,
    title: "Thursday quiet craft table",
    description: md("Bring whatever you're working on — knitting, sketching, a jigsaw, letter writing — and work on it alongside others.", "", "It's a **quiet table**: conversation is welcome at the tea urn."),
    place: "library", localStart: "14:00", durationMinutes: 120, capacity: 10,
    energy: "low", talk: "quiet", lateArrivalOk: true, quietSpace: true, substanceFree: true, firstTimerFriendly: true,
  },
  {
    key: "games-night", group: "station-quarter-board-games", kind: "hobby", frequency: "biweekly", weekday: 4,
    title: "Board game night",
    description: md("Every other Thursday at the Signal Box Café (alcohol-free). We bring thirty-odd games; you bring yourself.", "", "- Quick games at the front, longer strategy games at the back", "- Someone will teach you the rules", "- Hot chocolate is excellent"),
    place: "cafe", localStart: "19:00", durationMinutes: 150, capacity: 20,
    energy: "medium", talk: "conversation", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true, fill: "nearly_full",
  },
  {
    key: "repair-cafe", group: "repair-cafe", kind: "volunteer", frequency: "monthly_nth_weekday", weekday: 6, nth: 1,
    title: "Repair Café",
    description: md("First Saturday of the month. Bring something broken and fix it with one of our volunteers: small electricals, clothes, bikes, toys, furniture.", "", "Volunteers wanted too: greeters, tea-makers and fixers.", "", "_Two steps at the entrance; ask and we'll help with the ramp._"),
    place: "workshop", localStart: "10:30", durationMinutes: 180, capacity: 18,
    energy: "medium", talk: "conversation", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true,
  },
  {
    key: "tuesday-circle", group: "tuesday-evening-circle", kind: "hobby", frequency: "weekly", weekday: 2,
    title: "Tuesday evening tea and conversation",
    description: md("Our weekly circle in the quiet room. Tea from seven, then an hour of conversation on a gentle theme.", "", "Listening is as welcome as speaking."),
    place: "hall", meetingPoint: "Quiet room, first door on the left", localStart: "19:00", durationMinutes: 90, capacity: 12,
    energy: "low", talk: "conversation", lateArrivalOk: false, quietSpace: true, substanceFree: true, firstTimerFriendly: false,
  },
];

// Walks on public paths and streets cannot promise a substance-free venue, so they say so.
const oneOff = (t: OneOffTemplate) => t;

export const ONE_OFFS: OneOffTemplate[] = [
  oneOff({ key: "past-leaf-clearing", dayOffset: -6, group: "riverside-gardeners", kind: "volunteer", title: "Autumn leaf clearing", description: md("Raking leaves into the leaf-mould cages so they can become next year's compost."), place: "garden", localStart: "10:00", durationMinutes: 120, capacity: 12, energy: "medium", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "past-park-walk", dayOffset: -3, group: "millbrook-walking-group", kind: "walk", title: "Gentle walk to the Hillcrest viewpoint", description: md("A slow climb to the viewpoint above the park, with benches on the way up."), place: "park", localStart: "11:00", durationMinutes: 75, capacity: null, energy: "low", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "towpath-walk", dayOffset: 2, group: "millbrook-walking-group", kind: "walk", title: "Canal towpath walk to Kirkby Lock", description: md("A brisker **6-mile** walk along the towpath and back. Some muddy stretches and a stile.", "", "Bring water and a snack; there's a café at the turnaround."), place: "lock", meetingPoint: "Top of the steps at Lock 7", localStart: "09:30", durationMinutes: 180, capacity: 15, energy: "high", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: false, firstTimerFriendly: false }),
  oneOff({ key: "lino-printing", dayOffset: 3, group: "sunday-sketchers", kind: "hobby", title: "Lino printing taster", description: md("Carve a small design into lino and print it onto cards. All tools and materials provided.", "", "Places are limited by the number of carving sets."), place: "artsRoom", localStart: "13:30", durationMinutes: 150, capacity: 8, energy: "low", talk: "some_chat", lateArrivalOk: false, quietSpace: true, substanceFree: true, firstTimerFriendly: true, fill: "full_with_waitlist" }),
  oneOff({ key: "litter-pick", dayOffset: 4, group: "riverside-gardeners", kind: "volunteer", title: "Riverbank litter pick", description: md("An hour and a half clearing litter from the riverbank between the footbridge and the weir. Pickers, bags and gloves provided.", "", "Followed by tea at the garden."), place: "meadows", meetingPoint: "Footbridge end of Riverside Walk", localStart: "10:00", durationMinutes: 90, capacity: null, energy: "medium", talk: "quiet", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "chess-beginners", dayOffset: 5, group: "station-quarter-board-games", kind: "hobby", title: "Beginners' chess evening", description: md("Never played, or haven't played since school? Kofi and Victor will teach the moves and play friendly games at your pace."), place: "cafe", localStart: "18:30", durationMinutes: 120, capacity: 12, energy: "low", talk: "some_chat", lateArrivalOk: true, quietSpace: true, substanceFree: true, firstTimerFriendly: true, fill: "nearly_full" }),
  oneOff({ key: "bread-baking", dayOffset: 6, group: "food-bank-volunteers", kind: "volunteer", title: "Bake bread for the food bank", description: md("We bake thirty loaves in the community centre kitchen for Saturday's parcels. Flour-covered fun; recipes to take home."), place: "centre", localStart: "10:00", durationMinutes: 180, capacity: 8, energy: "medium", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: true, fill: "nearly_full" }),
  oneOff({ key: "bike-clinic", dayOffset: 8, group: "repair-cafe", kind: "volunteer", title: "Winter bike clinic", description: md("Lights, brakes and chains: get your bike ready for dark evenings. Martin and the fixers will show you how.", "", "Help with pumping tyres is a perfect first job."), place: "workshop", localStart: "17:30", durationMinutes: 120, capacity: 10, energy: "medium", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "jigsaw-afternoon", dayOffset: 9, group: "station-quarter-board-games", kind: "hobby", title: "Jigsaw afternoon", description: md("A 2,000-piece puzzle, plenty of tea and no hurry. Quiet company for a dark afternoon."), place: "library", localStart: "14:00", durationMinutes: 150, capacity: null, energy: "low", talk: "quiet", lateArrivalOk: true, quietSpace: true, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "hamper-packing", dayOffset: 11, group: "food-bank-volunteers", kind: "volunteer", title: "Winter hamper packing day", description: md("The big packing day for the **winter hamper drive**. Conveyor-belt style: some stand and pack, some sit and write cards."), place: "foodBank", localStart: "10:00", durationMinutes: 240, capacity: 20, energy: "high", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true, project: "hamper-drive" }),
  oneOff({ key: "bird-walk", dayOffset: 12, group: "millbrook-walking-group", kind: "walk", title: "Winter bird walk along the river", description: md("A slow walk with binoculars, counting the birds that winter on the river. Hannah brings a guide book; no knowledge needed."), place: "meadows", localStart: "08:30", durationMinutes: 120, capacity: 12, energy: "low", talk: "quiet", lateArrivalOk: false, quietSpace: false, substanceFree: false, firstTimerFriendly: true }),
  oneOff({ key: "seed-catalogue", dayOffset: 13, group: "riverside-gardeners", kind: "hobby", title: "Seed catalogue evening", description: md("Plan next year's planting over tea and seed catalogues. Bring your wish list."), place: "hall", localStart: "18:30", durationMinutes: 90, capacity: 15, energy: "low", talk: "conversation", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "mending-bee", dayOffset: 15, group: "repair-cafe", kind: "hobby", title: "Mending bee: buttons, hems and patches", description: md("Laura teaches the basics of hand sewing. Bring a garment that needs a little love."), place: "hall", localStart: "14:00", durationMinutes: 120, capacity: 10, energy: "low", talk: "some_chat", lateArrivalOk: true, quietSpace: true, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "night-sky-walk", dayOffset: 16, group: "millbrook-walking-group", kind: "walk", title: "Night sky walk on Hillcrest", description: md("A short walk up to the darkest corner of the park to look at the winter stars. Torches with red film provided."), place: "park", localStart: "18:00", durationMinutes: 90, capacity: 15, energy: "low", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "library-shelving", dayOffset: 18, group: "food-bank-volunteers", kind: "volunteer", title: "Community fridge clean and restock", description: md("Help keep the community fridge at the library clean and stocked. Calm, short and very useful."), place: "library", localStart: "11:00", durationMinutes: 60, capacity: 4, energy: "low", talk: "quiet", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "wreath-making", dayOffset: 20, group: "riverside-gardeners", kind: "hobby", title: "Evergreen wreath making", description: md("Make a wreath from greenery pruned in the garden. Frames, wire and ribbon provided; take it home."), place: "garden", localStart: "13:00", durationMinutes: 120, capacity: 12, energy: "low", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "station-heritage-walk", dayOffset: 22, group: "millbrook-walking-group", kind: "walk", title: "Station Quarter heritage walk", description: md("An hour around the old railway streets with Wendy, who taught local history for thirty years. Level pavements throughout."), place: "station", meetingPoint: "Under the station clock", localStart: "11:00", durationMinutes: 60, capacity: 20, energy: "low", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: false, firstTimerFriendly: true }),
  oneOff({ key: "soup-cooking", dayOffset: 25, group: "food-bank-volunteers", kind: "volunteer", title: "Soup cooking for the warm space", description: md("Cook big pots of soup for the Westfield warm space. Mohammed leads; lots of chopping, which can be done sitting down."), place: "centre", localStart: "10:30", durationMinutes: 150, capacity: 8, energy: "medium", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "strategy-afternoon", dayOffset: 27, group: "station-quarter-board-games", kind: "hobby", title: "Long strategy game afternoon", description: md("One big game, four hours, snacks included. This time: a cooperative game, so we all win or lose together."), place: "cafe", localStart: "13:00", durationMinutes: 240, capacity: 6, energy: "medium", talk: "conversation", lateArrivalOk: false, quietSpace: false, substanceFree: true, firstTimerFriendly: false }),
  oneOff({ key: "hill-walk", dayOffset: 29, group: "millbrook-walking-group", kind: "walk", title: "Westfield to Hillcrest ridge walk", description: md("Our longest walk of the season: **8 miles** with two steep climbs. Good boots needed; lunch at the top."), place: "centre", meetingPoint: "Car park of the community centre", localStart: "09:00", durationMinutes: 300, capacity: 14, energy: "high", talk: "some_chat", lateArrivalOk: false, quietSpace: false, substanceFree: false, firstTimerFriendly: false }),
  oneOff({ key: "portrait-swap", dayOffset: 31, group: "sunday-sketchers", kind: "hobby", title: "Portrait swap", description: md("Pair up and draw each other for ten minutes, then swap. Laughter guaranteed, likeness not."), place: "artsRoom", localStart: "14:00", durationMinutes: 90, capacity: 12, energy: "low", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "toy-repair", dayOffset: 34, group: "repair-cafe", kind: "volunteer", title: "Toy repair morning", description: md("Fix donated toys so they can go to families through the food bank. Glue, screwdrivers and patience."), place: "workshop", localStart: "10:00", durationMinutes: 150, capacity: 10, energy: "low", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
  oneOff({ key: "shed-painting", dayOffset: 37, group: "riverside-gardeners", kind: "volunteer", title: "Tool shed painting day", description: md("Two coats of paint for the tool shed, weather permitting. Old clothes recommended."), place: "garden", localStart: "10:00", durationMinutes: 180, capacity: 8, energy: "medium", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true, project: "garden-rebuild" }),
  oneOff({ key: "card-games", dayOffset: 39, group: "station-quarter-board-games", kind: "hobby", title: "Card games and cocoa", description: md("Quick card games for two to six players. A relaxed evening; come for one game or five."), place: "cafe", localStart: "19:00", durationMinutes: 120, capacity: null, energy: "low", talk: "some_chat", lateArrivalOk: true, quietSpace: false, substanceFree: true, firstTimerFriendly: true }),
];

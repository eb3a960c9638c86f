/*
 * Millbrook, the fictional town of the demo: its places, groups and people. Plain data,
 * no database access; db/seed.ts turns it into rows.
 */

export const TOWN_ZONE = "Europe/London";

export const NEIGHBOURHOODS = ["Riverside", "Old Mill", "Hillcrest", "Station Quarter", "Westfield"] as const;
export type Neighbourhood = (typeof NEIGHBOURHOODS)[number];

export interface Place {
  name: string;
  address: string;
  neighbourhood: Neighbourhood;
  latitude: number;
  longitude: number;
  stepFree: boolean;
  seatingAvailable: boolean;
}

export const PLACES = {
  garden: { name: "Riverside Community Garden", address: "Mill Lane Allotments, Riverside, Millbrook MB2 4RG", neighbourhood: "Riverside", latitude: 53.7962, longitude: -1.5431, stepFree: true, seatingAvailable: true },
  meadows: { name: "Riverside Meadows bandstand", address: "Riverside Walk, Riverside, Millbrook MB2 1RW", neighbourhood: "Riverside", latitude: 53.7948, longitude: -1.5402, stepFree: true, seatingAvailable: true },
  hall: { name: "Old Mill Community Hall", address: "14 Weaver Street, Old Mill, Millbrook MB1 3LT", neighbourhood: "Old Mill", latitude: 53.8021, longitude: -1.5512, stepFree: true, seatingAvailable: true },
  workshop: { name: "The Old Mill Workshop", address: "Unit 3, The Old Mill, Canal Wharf, Millbrook MB1 3CW", neighbourhood: "Old Mill", latitude: 53.8009, longitude: -1.5537, stepFree: false, seatingAvailable: true },
  lock: { name: "Canal towpath at Lock 7", address: "Towpath steps by Lock 7, Canal Road, Old Mill, Millbrook MB1 3CR", neighbourhood: "Old Mill", latitude: 53.8031, longitude: -1.5571, stepFree: false, seatingAvailable: false },
  park: { name: "Hillcrest Park main gates", address: "Hillcrest Road, Hillcrest, Millbrook MB3 2HP", neighbourhood: "Hillcrest", latitude: 53.8087, longitude: -1.5603, stepFree: true, seatingAvailable: false },
  artsRoom: { name: "Hillcrest Library Arts Room", address: "18 Crescent Road, Hillcrest, Millbrook MB3 1CR", neighbourhood: "Hillcrest", latitude: 53.8069, longitude: -1.5581, stepFree: true, seatingAvailable: true },
  library: { name: "Station Quarter Library", address: "2 Platform Road, Station Quarter, Millbrook MB1 1SQ", neighbourhood: "Station Quarter", latitude: 53.7989, longitude: -1.5476, stepFree: true, seatingAvailable: true },
  cafe: { name: "The Signal Box Café", address: "5 Signal Street, Station Quarter, Millbrook MB1 1SB", neighbourhood: "Station Quarter", latitude: 53.7978, longitude: -1.5459, stepFree: true, seatingAvailable: true },
  station: { name: "Millbrook Station forecourt", address: "Station Approach, Station Quarter, Millbrook MB1 1AA", neighbourhood: "Station Quarter", latitude: 53.7983, longitude: -1.549, stepFree: true, seatingAvailable: false },
  foodBank: { name: "Millbrook Food Bank warehouse", address: "Unit 6, Westfield Trading Estate, Westfield, Millbrook MB4 6WF", neighbourhood: "Westfield", latitude: 53.7935, longitude: -1.5688, stepFree: true, seatingAvailable: true },
  centre: { name: "Westfield Community Centre", address: "40 Westfield Avenue, Westfield, Millbrook MB4 2WA", neighbourhood: "Westfield", latitude: 53.7951, longitude: -1.572, stepFree: true, seatingAvailable: true },
} satisfies Record<string, Place>;
export type PlaceKey = keyof typeof PLACES;

const LISTENING = [
  "- **Listening over fixing.** Share if you want to; nobody has to. We don't give advice unless it's asked for.",
  "- **What is said here stays here.** Stories and names shared in the group are not repeated outside it.",
  "- **Come as you are.** Arrive late, leave early, sit one out: all fine, no explanation needed.",
].join("\n");

export interface GroupSeed {
  slug: string;
  name: string;
  about: string;
  agreements: string;
  neighbourhood: Neighbourhood;
  visibility: "public" | "private";
  joinPolicy: "open" | "approval";
  /** Email of the owner; organizers listed separately. */
  owner: string;
  organizers: string[];
}

export const GROUPS: GroupSeed[] = [
  {
    slug: "riverside-gardeners",
    name: "Riverside Gardeners",
    about:
      "We look after the community garden on Mill Lane: twelve raised beds, a polytunnel that has seen better days and a bench with the best view of the river. No experience needed — there is always weeding, and someone happy to show you how to prick out seedlings.\n\nThis winter we are rebuilding the beds and the path so everyone can reach them.",
    agreements: `${LISTENING}\n- **Work at your own pace.** Heavy jobs are shared; light jobs are just as useful.`,
    neighbourhood: "Riverside",
    visibility: "public",
    joinPolicy: "open",
    owner: "organizer@example.com",
    organizers: ["nia.campbell@example.com"],
  },
  {
    slug: "millbrook-walking-group",
    name: "Millbrook Walking Group",
    about:
      "Friendly walks around Millbrook at an easy pace. We walk at the speed of the slowest person and stop for the view. Most walks are under five miles and end near a café or a bus stop.",
    agreements: `${LISTENING}\n- **Nobody walks alone.** A back marker stays with the last person on every walk.`,
    neighbourhood: "Hillcrest",
    visibility: "public",
    joinPolicy: "open",
    owner: "margaret.doyle@example.com",
    organizers: ["kwame.asante@example.com"],
  },
  {
    slug: "repair-cafe",
    name: "Millbrook Repair Café",
    about:
      "Bring a broken lamp, a torn coat or a bike with a squeak, and fix it together with a volunteer. Fixers, tea-makers and greeters are all welcome; you don't need to know how to repair anything to help.",
    agreements: `${LISTENING}\n- **We fix with you, not for you.** The owner stays with their item and learns as we go.`,
    neighbourhood: "Old Mill",
    visibility: "public",
    joinPolicy: "open",
    owner: "tomasz.nowak@example.com",
    organizers: ["organizer@example.com"],
  },
  {
    slug: "sunday-sketchers",
    name: "Sunday Sketchers",
    about:
      "We draw together, mostly in silence, sometimes with a chat over tea at the end. Pencils and paper provided. Nobody looks at your sketchbook unless you want them to.",
    agreements: `${LISTENING}\n- **No critiques unless asked.** Every drawing is a good drawing here.`,
    neighbourhood: "Hillcrest",
    visibility: "public",
    joinPolicy: "open",
    owner: "aisha.rahman@example.com",
    organizers: ["organizer@example.com"],
  },
  {
    slug: "food-bank-volunteers",
    name: "Food Bank Volunteers",
    about:
      "Sorting donations, packing food parcels and welcoming people at the Westfield warehouse. Shifts are two to three hours, with a tea break in the middle. There are seated jobs as well as lifting ones.",
    agreements: `${LISTENING}\n- **Dignity first.** We never comment on what people need or why; everyone who comes through the door is a guest.`,
    neighbourhood: "Westfield",
    visibility: "public",
    joinPolicy: "open",
    owner: "grace.mensah@example.com",
    organizers: ["owen.hughes@example.com"],
  },
  {
    slug: "station-quarter-board-games",
    name: "Station Quarter Board Games",
    about:
      "Board games and card games at the Signal Box Café, an alcohol-free café by the station. We have a shelf of games, and someone will always teach you the rules. Quiet games table in the back room.",
    agreements: `${LISTENING}\n- **Play kind.** Winning is fun; making someone feel small is not.`,
    neighbourhood: "Station Quarter",
    visibility: "public",
    joinPolicy: "open",
    owner: "dev.patel@example.com",
    organizers: ["lucy.fairweather@example.com"],
  },
  {
    slug: "tuesday-evening-circle",
    name: "Tuesday Evening Circle",
    about:
      "A small, steady group that meets every Tuesday evening for tea and conversation in the quiet room at the Old Mill Community Hall. Ask to join and an organizer will say hello first.",
    agreements: `${LISTENING}\n- **One voice at a time.** We pass the talking stone; passing it on without speaking is always fine.`,
    neighbourhood: "Old Mill",
    visibility: "private",
    joinPolicy: "approval",
    owner: "organizer@example.com",
    organizers: ["ruth.ellison@example.com"],
  },
];

export interface PersonSeed {
  email: string;
  name: string;
  neighbourhood: Neighbourhood;
  bio: string;
  listedAsGoing: boolean;
  role?: "admin";
}

export const DEMO_PASSWORD = "commonthread";

export const DEMO_ACCOUNTS: PersonSeed[] = [
  { email: "member@example.com", name: "Sam Member", neighbourhood: "Riverside", bio: "New to Millbrook. Likes walking, drawing badly and good tea.", listedAsGoing: true },
  { email: "organizer@example.com", name: "Alex Organizer", neighbourhood: "Old Mill", bio: "Gardener, tinkerer, tea-maker.", listedAsGoing: true },
  { email: "admin@example.com", name: "Ada Admin", neighbourhood: "Station Quarter", bio: "Keeps the hub tidy.", listedAsGoing: false, role: "admin" },
];

/** [name, neighbourhood, bio]; emails are derived from the name. */
const PEOPLE: [string, Neighbourhood, string][] = [
  ["Margaret Doyle", "Hillcrest", "Retired postwoman; knows every footpath in town."],
  ["Kwame Asante", "Hillcrest", "Back marker on Saturday walks."],
  ["Tomasz Nowak", "Old Mill", "Electrician by trade, fixer by nature."],
  ["Aisha Rahman", "Hillcrest", "Illustrator. Always has spare pencils."],
  ["Grace Mensah", "Westfield", "Runs the Tuesday shift at the food bank."],
  ["Owen Hughes", "Westfield", "Forklift licence, terrible jokes."],
  ["Dev Patel", "Station Quarter", "Will teach you any game in five minutes."],
  ["Lucy Fairweather", "Station Quarter", "Cribbage champion of the Signal Box, 2025."],
  ["Ruth Ellison", "Old Mill", "Makes the tea on Tuesdays."],
  ["Nia Campbell", "Riverside", "Grows far too many courgettes."],
  ["Ben Whitaker", "Riverside", "Learning to garden, one weed at a time."],
  ["Priya Sharma", "Station Quarter", "Commutes by train, walks at weekends."],
  ["Callum Reid", "Westfield", "Likes to be useful with his hands."],
  ["Fatima Begum", "Westfield", "Knitter, baker, food bank regular."],
  ["George Atkinson", "Old Mill", "Restores old radios."],
  ["Hannah Lowe", "Hillcrest", "Sketches birds in the park."],
  ["Ibrahim Yusuf", "Riverside", "Morning walker."],
  ["Jess Thornton", "Riverside", "Volunteer driver for the hamper drive."],
  ["Kofi Boateng", "Station Quarter", "Chess player looking for opponents."],
  ["Laura Pickering", "Old Mill", "Sews, mends, repairs."],
  ["Mohammed Ali", "Westfield", "Cooks for a crowd."],
  ["Nora Sullivan", "Hillcrest", "Watercolours on Sunday afternoons."],
  ["Oliver Grant", "Riverside", "Recently moved here with his dog, Biscuit."],
  ["Pauline Hargreaves", "Hillcrest", "Seventy-three and still out-walks everyone."],
  ["Rashid Karim", "Station Quarter", "Quiet games, good company."],
  ["Sophie Marsh", "Old Mill", "Beginner at everything, happily."],
  ["Tariq Hussain", "Westfield", "Saturday mornings belong to the garden."],
  ["Una Byrne", "Riverside", "Photographs the river in every season."],
  ["Victor Adeyemi", "Station Quarter", "Plays a mean game of Carcassonne."],
  ["Wendy Clarke", "Old Mill", "Retired teacher, patient explainer."],
  ["Yasmin Okoro", "Westfield", "Packs the neatest food parcels in Millbrook."],
  ["Zoe Kettering", "Hillcrest", "Draws on the bus."],
  ["Martin Fell", "Riverside", "Fixes bikes for the Repair Café."],
  ["Eleanor Voss", "Station Quarter", "Walks to clear her head."],
];

export const TOWNSFOLK: PersonSeed[] = PEOPLE.map(([name, neighbourhood, bio], index) => ({
  email: `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@example.com`,
  name,
  neighbourhood,
  bio,
  // About half opt in to being listed on "who's going"; the rest are counted only.
  listedAsGoing: index % 2 === 0,
}));

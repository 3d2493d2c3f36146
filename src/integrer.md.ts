// The chart-only embed view (route /integrer), printed by src/factsheet/embed.ts.
import {printEmbed} from "./factsheet/embed.js";

await printEmbed();

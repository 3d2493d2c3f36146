// The factsheet of one département (route /departements/<code>), printed by src/factsheet/page.ts.
import {printFactsheet, routeParameter} from "../factsheet/page.js";

await printFactsheet(`D${routeParameter("code")}`);

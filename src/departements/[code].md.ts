// The factsheet of one département (route /departements/<code>), printed by src/factsheet/page.ts.
import {printFactsheet, routeParameter} from "../factsheet/page.ts";

await printFactsheet(`D${routeParameter("code")}`);

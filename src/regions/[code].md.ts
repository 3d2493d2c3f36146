// The factsheet of one région (route /regions/<code>), printed by src/factsheet/page.ts.
import {printFactsheet, routeParameter} from "../factsheet/page.js";

await printFactsheet(`R${routeParameter("code")}`);

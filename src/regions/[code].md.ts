// The factsheet of one région (route /regions/<code>), printed by src/factsheet/page.ts.
import {printFactsheet, routeParameter} from "../factsheet/page.ts";

await printFactsheet(`R${routeParameter("code")}`);

// The factsheet of France entière (route /france), printed by src/factsheet/page.ts.
import {printFactsheet} from "./factsheet/page.js";

await printFactsheet("FR");

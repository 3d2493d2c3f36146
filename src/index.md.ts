// The home page (route /), complete in its HTML: printed by src/factsheet/home.ts.
import {printHome} from "./factsheet/home.js";

await printHome();

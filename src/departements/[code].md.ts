// The factsheet of one département (route /departements/<code>), printed by src/factsheet/page.ts.
import {loadFigures} from "../factsheet/figures.ts";
import {factsheetMarkdown, routeParameter} from "../factsheet/page.ts";

process.stdout.write(factsheetMarkdown(`D${routeParameter("code")}`, await loadFigures()));

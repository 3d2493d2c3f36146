// The factsheet of one région (route /regions/<code>), printed by src/factsheet/page.ts.
import {loadFigures} from "../factsheet/figures.ts";
import {factsheetMarkdown, routeParameter} from "../factsheet/page.ts";

process.stdout.write(factsheetMarkdown(`R${routeParameter("code")}`, await loadFigures()));

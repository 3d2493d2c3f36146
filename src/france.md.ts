// The factsheet of France entière (route /france), printed by src/factsheet/page.ts.
import {loadFigures} from "./factsheet/figures.ts";
import {factsheetMarkdown} from "./factsheet/page.ts";

process.stdout.write(factsheetMarkdown("FR", await loadFigures()));

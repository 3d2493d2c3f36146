// The chart-only embed view (route /integrer), printed by src/factsheet/embed.ts.
import {embedMarkdown} from "./factsheet/embed.js";
import {loadFigures} from "./factsheet/figures.js";

process.stdout.write(embedMarkdown(await loadFigures()));

// The chart-only embed view (route /integrer), printed by src/factsheet/embed.ts.
import {embedMarkdown} from "./factsheet/embed.ts";
import {loadFigures} from "./factsheet/figures.ts";

process.stdout.write(embedMarkdown(await loadFigures()));

// The comparison page (route /comparer), the default comparison drawn at build time: printed by src/factsheet/comparison.ts.
import {printComparison} from "./factsheet/comparison.js";

await printComparison();

/**
 * One profile per département: its rough size ([exports, imports] in billions
 * of euros a year, before calibration) and its specialisations, so that the
 * factsheets differ the way real ones do (aircraft in Haute-Garonne, crude oil
 * arriving in the big ports, champagne in the Marne, clothing in the Aube…).
 *
 * Specialisation tokens: `E14.13*25` multiplies a product's weight at export,
 * `I06.10*40` at import, `B20.42*6` both; `@DE*3` multiplies a partner (border
 * neighbours, or the overseas départements' region).
 */
import type {Flow} from "../canonical.ts";

type ProfileRow = readonly [exports: number, imports: number, specialisations: string];

const PROFILE_TABLE: Record<string, ProfileRow> = {
  "01": [6.5, 6, "B22.29*5 B22.21*4 E21.20*2 @CH*4"],
  "02": [3.5, 3, "E01.11*4 E10.81*6 B23.13*3 E10.61*3"],
  "03": [1.5, 1.3, "B29.32*3 E10.11*4 B22.11*2"],
  "04": [0.8, 0.5, "E20.14*6 E20.59*6 E01.28*30 @IT*2"],
  "05": [0.15, 0.2, "E10.51*4 E01.24*5 @IT*3"],
  "06": [3.5, 4, "B20.42*8 E20.59*6 B30.30*2 E01.28*20 @IT*4"],
  "07": [0.8, 0.7, "E22.29*3 E10.82*4 B30.30*2"],
  "08": [1.4, 1.1, "B24.10*4 B25.99*4 E24.20*4 @BE*4"],
  "09": [0.4, 0.3, "B30.30*6 E08.11*40 @ES*3 @AD*8"],
  "11": [0.9, 0.8, "E11.02*10 I01.13*3 @ES*3"],
  "12": [0.8, 0.6, "B29.32*6 E10.51*8"],
  "13": [20, 35, "I06.10*15 I06.20*4 B19.20*5 B20.14*4 B24.10*3 E30.30*1.5 E20.16*4 @DZ*3 @MA*2 @QS*25"],
  "14": [2.2, 2.5, "E10.51*4 E01.11*3 B29.32*2"],
  "15": [0.2, 0.15, "E10.51*12 E01.49*8"],
  "16": [4.5, 1, "E11.01*60 E17.21*3"],
  "17": [2.8, 2.2, "E11.01*12 E30.20*10 E01.11*4 B30.11*3 I16.10*4"],
  "18": [1, 0.9, "E21.20*3 B28.29*2 E01.11*3"],
  "19": [0.6, 0.5, "E10.11*5 B27.12*3"],
  "2A": [0.05, 0.2, "E10.13*8 I19.20*8 E11.02*4 @IT*4 @QS*25"],
  "2B": [0.08, 0.25, "E11.02*6 E10.51*6 I19.20*8 @IT*4"],
  "21": [2.5, 2, "E11.02*10 B21.20*2 E10.89*4"],
  "22": [1.8, 1.5, "E10.12*8 E10.11*6 E10.13*4 I10.91*5"],
  "23": [0.1, 0.1, "E10.11*6 B25.99*3"],
  "24": [0.8, 0.6, "E10.13*4 E11.02*4 E15.12*4"],
  "25": [3.5, 3, "B29.10*4 B29.32*4 E26.52*20 I26.52*8 @CH*6"],
  "26": [2, 2.2, "B21.20*3 E01.24*4 E10.39*4 E20.42*2"],
  "27": [5, 4, "B21.20*5 B20.42*4 E10.82*3"],
  "28": [3.5, 3.8, "B20.42*8 B21.20*3 E01.11*4"],
  "29": [1.8, 1.6, "E10.12*8 E10.20*5 E03.11*10 B30.11*3 @QS*25"],
  "30": [1.5, 1.6, "B20.14*4 E11.02*4 E01.24*4"],
  "31": [35, 18, "E30.30*25 I30.30*8 B26.51*3 B26.30*2 @DE*1.5"],
  "32": [0.6, 0.3, "E11.01*40 E01.11*6 B30.30*3 E10.12*5"],
  "33": [8, 6.5, "E11.02*25 B30.30*3 B21.20*2 I19.20*3 E16.10*3 @QS*25"],
  "34": [2.2, 2.8, "E11.02*6 B21.20*3 B26.12*3 @ES*2"],
  "35": [3.5, 4, "B29.10*4 E10.11*5 E10.51*4 I10.91*4"],
  "36": [0.6, 0.5, "B30.30*3 E15.12*5 E01.11*4"],
  "37": [2, 1.8, "B21.20*5 E11.02*3 B26.11*2"],
  "38": [8, 7, "B26.11*12 B20.13*3 B27.12*5 E20.59*3 @IT*2"],
  "39": [0.9, 0.7, "E10.51*10 B22.29*4 E32.99*6 @CH*3"],
  "40": [1.5, 1.2, "E16.10*8 E17.11*10 E16.21*6 E10.12*4"],
  "41": [1.5, 1.6, "B20.42*5 B21.20*3 E11.02*3"],
  "42": [2.2, 2, "B25.73*4 B25.99*3 B13.96*4 E32.50*4"],
  "43": [0.7, 0.5, "E22.22*4 E32.50*4 B13.96*3"],
  "44": [9, 16, "I06.10*20 B19.20*4 E30.30*3 E30.11*15 E10.72*4 @QS*25"],
  "45": [4, 4.5, "B20.42*8 B21.20*4 B17.12*2"],
  "46": [0.3, 0.2, "B30.30*8 E10.13*4"],
  "47": [0.8, 0.6, "E01.24*10 E10.39*6 E21.20*3"],
  "48": [0.05, 0.04, "E10.51*8 E10.13*6"],
  "49": [3, 3, "E11.02*5 E01.30*12 B29.32*3 B26.12*3"],
  "50": [1.5, 1.2, "E10.51*10 E01.49*6 E03.11*8"],
  "51": [6.5, 3.5, "E11.02*35 E01.11*5 E10.81*5 @BE*2"],
  "52": [1, 0.6, "B25.99*6 B24.10*4 E32.50*4 E25.71*20"],
  "53": [1.5, 1.1, "E10.51*12 E10.11*4 B29.32*2"],
  "54": [3.5, 3.8, "B24.10*3 B17.12*3 E23.13*3 B20.59*3 @LU*4 @BE*2"],
  "55": [1.2, 0.9, "E10.51*8 E01.11*5 B17.12*3 @LU*3"],
  "56": [1.5, 1.5, "E10.12*6 E10.20*6 B30.11*2"],
  "57": [13, 14, "B29.10*4 B29.32*3 B24.10*3 B20.14*2 @DE*3 @LU*4"],
  "58": [0.4, 0.3, "B29.32*3 E01.11*3 E10.11*3"],
  "59": [25, 32, "I06.10*8 I06.20*3 B19.20*3 B24.10*4 E29.10*3 B20.16*2 @BE*3 @QS*25"],
  "60": [5.5, 6.5, "B20.42*4 B21.20*3 E28.30*8 B22.29*2"],
  "61": [0.8, 0.6, "E10.51*6 B29.32*3"],
  "62": [6, 7, "E23.13*8 B29.32*3 E10.39*3 E10.72*3 @GB*2 @BE*2"],
  "63": [4, 3, "B22.11*15 E21.20*3 E11.07*6"],
  "64": [4, 3, "B30.30*6 B20.14*4 E10.13*3 @ES*5"],
  "65": [0.6, 0.5, "B30.30*6 E30.20*10 @ES*3"],
  "66": [1.2, 2.5, "B01.13*12 B01.24*8 E11.02*4 @ES*6 @MA*4"],
  "67": [15, 16, "B21.20*3 B29.32*2 B20.59*3 E11.05*6 @DE*3"],
  "68": [14, 12, "B29.10*5 B20.14*3 B21.10*4 B28.29*2 @CH*3 @DE*3"],
  "69": [20, 22, "B21.20*5 B20.14*3 E29.20*6 E11.02*3 B20.59*2"],
  "70": [1, 0.8, "B29.32*6 B25.99*3"],
  "71": [3, 2.5, "E24.20*6 E11.02*6 B28.29*3 E10.11*4"],
  "72": [2.5, 2.3, "B29.32*4 E10.13*4 B26.51*2"],
  "73": [1.8, 1.5, "B24.42*8 B24.45*4 E10.51*3 @IT*4"],
  "74": [3.5, 3.5, "B28.99*4 B25.99*4 E32.30*6 B25.73*3 @CH*6"],
  "75": [28, 40, "B20.42*6 B15.12*6 B32.12*6 B14.13*3 B24.41*4 B14.19*3 I26.30*2"],
  "76": [15, 25, "I06.10*15 B19.20*6 B20.14*4 B20.16*4 E29.10*2 B21.20*2 @QS*25"],
  "77": [9, 14, "B21.20*3 B30.30*2 I26.20*2 E20.42*2 B10.89*2"],
  "78": [15, 14, "B29.10*6 B29.32*4 B30.30*3 B26.51*2"],
  "79": [1, 0.8, "E10.51*5 B28.29*2 E10.13*4"],
  "80": [2, 1.8, "B30.30*4 E10.39*4 E01.11*5"],
  "81": [1, 0.8, "B21.20*6 E15.11*8"],
  "82": [0.7, 0.5, "E01.24*12 B30.30*3"],
  "83": [1.5, 2, "B30.11*4 E20.42*2 E11.02*4 @IT*2"],
  "84": [2.5, 2.5, "E11.02*5 E10.39*6 E01.13*4 I01.13*3"],
  "85": [2, 1.8, "E30.12*25 E10.13*4 E10.12*4"],
  "86": [1, 0.9, "B29.32*2 E01.11*4 B22.29*2"],
  "87": [1.5, 1, "B27.12*8 E23.41*15 E15.12*4"],
  "88": [3.2, 2.5, "B17.12*6 B16.10*5 B13.92*4 B13.20*3 @DE*2"],
  "89": [1.5, 1.2, "E11.02*8 E01.11*4 B25.99*2"],
  "90": [2.5, 1.5, "E28.11*15 E30.20*6 @CH*3"],
  "91": [10, 13, "B21.20*3 B26.11*3 B30.30*3 B26.51*2"],
  "92": [22, 35, "B21.20*3 B20.42*4 B26.20*3 B26.30*3 B29.10*2"],
  "93": [9, 16, "B20.42*3 B30.30*2 I14.13*5 I14.19*5 I26.40*3"],
  "94": [10, 18, "B10.89*3 I01.13*4 I01.25*4 B30.30*2 B26.20*2"],
  "95": [10, 16, "B26.30*3 B21.20*3 B32.12*3 I26.20*3 B30.30*2"],
  "971": [0.25, 1.8, "E01.25*30 E11.01*40 E10.81*20 I19.20*10 I29.10*4 @US*18 @DO*90 @TT*90 @LC*120 @DM*120 @AG*120 @BL*180 @SX*120 @CW*60"],
  "972": [0.35, 1.9, "E01.25*40 E11.01*50 E19.20*30 I06.10*20 I29.10*4 @US*18 @TT*120 @LC*120 @DM*120 @BB*120 @DO*60 @CW*60 @QS*25"],
  "973": [0.2, 0.9, "E24.41*200 E03.11*30 E16.10*20 I30.30*15 I19.20*10 @BR*180 @SR*600 @GY*300 @TT*120 @US*12"],
  "974": [0.4, 2.8, "E10.81*60 E11.01*20 E03.11*20 I19.20*8 I29.10*4 @MU*240 @MG*180 @ZA*45 @SC*180 @KM*180 @SG*24 @IN*9 @AU*18"],
  "976": [0.02, 0.45, "E03.11*300 E01.28*400 I10.12*10 I19.20*8 @MG*600 @KM*900 @MU*180 @ZA*60 @TZ*120 @KE*90"]
};

/** The Aube's own profile, kept separate because it drives the reference factsheet. */
PROFILE_TABLE["10"] = [
  1.82, 1.7,
  "E14.13*40 E14.14*45 E14.19*30 E14.39*40 E11.02*45 B13.91*20 B13.20*6 E01.11*3 E10.81*4 " +
    "I14.13*6 I14.14*8 I14.39*8 B28.99*2 @BE*2"
];

export interface Profile {
  exportsWeight: number;
  importsWeight: number;
  productBoost(product: string, flow: Flow): number;
  partnerBoost(country: string): number;
}

const TOKEN = /^([EIB@])([0-9A-Z.]+)\*([0-9.]+)$/;

function parseSpecialisations(code: string, text: string) {
  const products = {export: new Map<string, number>(), import: new Map<string, number>()};
  const partners = new Map<string, number>();
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const match = TOKEN.exec(token);
    if (!match) throw new Error(`Profil du département ${code} : spécialisation illisible « ${token} »`);
    const [, kind, key, factorText] = match;
    const factor = Number(factorText);
    if (kind === "@") partners.set(key, factor);
    if (kind === "E" || kind === "B") products.export.set(key, factor);
    if (kind === "I" || kind === "B") products.import.set(key, factor);
  }
  return {products, partners};
}

const profileCache = new Map<string, Profile>();

/** The demo profile of a département, or an error naming the code. */
export function profileOf(code: string): Profile {
  let profile = profileCache.get(code);
  if (!profile) profileCache.set(code, (profile = buildProfile(code)));
  return profile;
}

function buildProfile(code: string): Profile {
  const row = PROFILE_TABLE[code];
  if (!row) throw new Error(`La démo n'a pas de profil pour le département « ${code} »`);
  const {products, partners} = parseSpecialisations(code, row[2]);
  return {
    exportsWeight: row[0],
    importsWeight: row[1],
    productBoost: (product, flow) => products[flow].get(product) ?? 1,
    partnerBoost: (country) => partners.get(country) ?? 1
  };
}

/** Codes that have a profile (tests check it matches the territories list). */
export const profiledDepartements: string[] = Object.keys(PROFILE_TABLE);

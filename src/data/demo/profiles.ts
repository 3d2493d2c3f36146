/**
 * One profile per département of the customs' geography (Corsica "20", Monaco
 * "99", overseas "9A" … "9E"): its rough size ([exports, imports] in billions
 * of euros a year, before calibration) and its specialisations, so that the
 * factsheets differ the way real ones do (aircraft in Haute-Garonne, crude oil
 * arriving in the big ports, champagne in the Marne, clothing in the Aube,
 * perfumes and jewellery in Monaco…).
 *
 * Specialisation tokens, on four-digit CPF codes: `E1413*25` multiplies a
 * product's weight at export, `I0610*40` at import, `B2042*6` both; `@DE*3`
 * multiplies a partner (border neighbours, or the overseas départements' region).
 */
import type {Flow} from "../canonical.js";

type ProfileRow = readonly [exports: number, imports: number, specialisations: string];

const PROFILE_TABLE: Record<string, ProfileRow> = {
  "01": [6.5, 6, "B2229*5 B2221*4 E2120*2 @CH*4"],
  "02": [3.5, 3, "E0111*4 E1081*6 B2313*3 E1061*3"],
  "03": [1.5, 1.3, "B2932*3 E1011*4 B2211*2"],
  "04": [0.8, 0.5, "E2014*6 E2059*6 E0128*30 @IT*2"],
  "05": [0.15, 0.2, "E1051*4 E0124*5 @IT*3"],
  "06": [3.5, 4, "B2042*8 E2059*6 B3030*2 E0128*20 @IT*4"],
  "07": [0.8, 0.7, "E2229*3 E1082*4 B3030*2"],
  "08": [1.4, 1.1, "B2410*4 B2599*4 E2420*4 @BE*4"],
  "09": [0.4, 0.3, "B3030*6 E0811*40 @ES*3 @AD*8"],
  "11": [0.9, 0.8, "E1102*10 I0113*3 @ES*3"],
  "12": [0.8, 0.6, "B2932*6 E1051*8"],
  "13": [20, 35, "I0610*15 I0620*4 B1920*5 B2014*4 B2410*3 E3030*1.5 E2016*4 @DZ*3 @MA*2 @QS*25"],
  "14": [2.2, 2.5, "E1051*4 E0111*3 B2932*2"],
  "15": [0.2, 0.15, "E1051*12 E0149*8"],
  "16": [4.5, 1, "E1101*60 E1721*3"],
  "17": [2.8, 2.2, "E1101*12 E3020*10 E0111*4 B3011*3 I1610*4"],
  "18": [1, 0.9, "E2120*3 B2829*2 E0111*3"],
  "19": [0.6, 0.5, "E1011*5 B2712*3"],
  "20": [0.13, 0.45, "E1013*7 E1102*5 E1051*6 I1920*8 @IT*4 @QS*25"],
  "21": [2.5, 2, "E1102*10 B2120*2 E1089*4"],
  "22": [1.8, 1.5, "E1012*8 E1011*6 E1013*4 I1091*5"],
  "23": [0.1, 0.1, "E1011*6 B2599*3"],
  "24": [0.8, 0.6, "E1013*4 E1102*4 E1512*4"],
  "25": [3.5, 3, "B2910*4 B2932*4 E2652*20 I2652*8 @CH*6"],
  "26": [2, 2.2, "B2120*3 E0124*4 E1039*4 E2042*2"],
  "27": [5, 4, "B2120*5 B2042*4 E1082*3"],
  "28": [3.5, 3.8, "B2042*8 B2120*3 E0111*4"],
  "29": [1.8, 1.6, "E1012*8 E1020*5 E0311*10 B3011*3 @QS*25"],
  "30": [1.5, 1.6, "B2014*4 E1102*4 E0124*4"],
  "31": [35, 18, "E3030*25 I3030*8 B2651*3 B2630*2 @DE*1.5"],
  "32": [0.6, 0.3, "E1101*40 E0111*6 B3030*3 E1012*5"],
  "33": [8, 6.5, "E1102*25 B3030*3 B2120*2 I1920*3 E1610*3 @QS*25"],
  "34": [2.2, 2.8, "E1102*6 B2120*3 B2612*3 @ES*2"],
  "35": [3.5, 4, "B2910*4 E1011*5 E1051*4 I1091*4"],
  "36": [0.6, 0.5, "B3030*3 E1512*5 E0111*4"],
  "37": [2, 1.8, "B2120*5 E1102*3 B2611*2"],
  "38": [8, 7, "B2611*12 B2013*3 B2712*5 E2059*3 @IT*2"],
  "39": [0.9, 0.7, "E1051*10 B2229*4 E3299*6 @CH*3"],
  "40": [1.5, 1.2, "E1610*8 E1711*10 E1621*6 E1012*4"],
  "41": [1.5, 1.6, "B2042*5 B2120*3 E1102*3"],
  "42": [2.2, 2, "B2573*4 B2599*3 B1396*4 E3250*4"],
  "43": [0.7, 0.5, "E2222*4 E3250*4 B1396*3"],
  "44": [9, 16, "I0610*20 B1920*4 E3030*3 E3011*15 E1072*4 @QS*25"],
  "45": [4, 4.5, "B2042*8 B2120*4 B1712*2"],
  "46": [0.3, 0.2, "B3030*8 E1013*4"],
  "47": [0.8, 0.6, "E0124*10 E1039*6 E2120*3"],
  "48": [0.05, 0.04, "E1051*8 E1013*6"],
  "49": [3, 3, "E1102*5 E0130*12 B2932*3 B2612*3"],
  "50": [1.5, 1.2, "E1051*10 E0149*6 E0311*8"],
  "51": [6.5, 3.5, "E1102*35 E0111*5 E1081*5 @BE*2"],
  "52": [1, 0.6, "B2599*6 B2410*4 E3250*4 E2571*20"],
  "53": [1.5, 1.1, "E1051*12 E1011*4 B2932*2"],
  "54": [3.5, 3.8, "B2410*3 B1712*3 E2313*3 B2059*3 @LU*4 @BE*2"],
  "55": [1.2, 0.9, "E1051*8 E0111*5 B1712*3 @LU*3"],
  "56": [1.5, 1.5, "E1012*6 E1020*6 B3011*2"],
  "57": [13, 14, "B2910*4 B2932*3 B2410*3 B2014*2 @DE*3 @LU*4"],
  "58": [0.4, 0.3, "B2932*3 E0111*3 E1011*3"],
  "59": [25, 32, "I0610*8 I0620*3 B1920*3 B2410*4 E2910*3 B2016*2 @BE*3 @QS*25"],
  "60": [5.5, 6.5, "B2042*4 B2120*3 E2830*8 B2229*2"],
  "61": [0.8, 0.6, "E1051*6 B2932*3"],
  "62": [6, 7, "E2313*8 B2932*3 E1039*3 E1072*3 @GB*2 @BE*2"],
  "63": [4, 3, "B2211*15 E2120*3 E1107*6"],
  "64": [4, 3, "B3030*6 B2014*4 E1013*3 @ES*5"],
  "65": [0.6, 0.5, "B3030*6 E3020*10 @ES*3"],
  "66": [1.2, 2.5, "B0113*12 B0124*8 E1102*4 @ES*6 @MA*4"],
  "67": [15, 16, "B2120*3 B2932*2 B2059*3 E1105*6 @DE*3"],
  "68": [14, 12, "B2910*5 B2014*3 B2110*4 B2829*2 @CH*3 @DE*3"],
  "69": [20, 22, "B2120*5 B2014*3 E2920*6 E1102*3 B2059*2"],
  "70": [1, 0.8, "B2932*6 B2599*3"],
  "71": [3, 2.5, "E2420*6 E1102*6 B2829*3 E1011*4"],
  "72": [2.5, 2.3, "B2932*4 E1013*4 B2651*2"],
  "73": [1.8, 1.5, "B2442*8 B2445*4 E1051*3 @IT*4"],
  "74": [3.5, 3.5, "B2899*4 B2599*4 E3230*6 B2573*3 @CH*6"],
  "75": [28, 40, "B2042*6 B1512*6 B3212*6 B1413*3 B2441*4 B1419*3 I2630*2"],
  "76": [15, 25, "I0610*15 B1920*6 B2014*4 B2016*4 E2910*2 B2120*2 @QS*25"],
  "77": [9, 14, "B2120*3 B3030*2 I2620*2 E2042*2 B1089*2"],
  "78": [15, 14, "B2910*6 B2932*4 B3030*3 B2651*2"],
  "79": [1, 0.8, "E1051*5 B2829*2 E1013*4"],
  "80": [2, 1.8, "B3030*4 E1039*4 E0111*5"],
  "81": [1, 0.8, "B2120*6 E1511*8"],
  "82": [0.7, 0.5, "E0124*12 B3030*3"],
  "83": [1.5, 2, "B3011*4 E2042*2 E1102*4 @IT*2"],
  "84": [2.5, 2.5, "E1102*5 E1039*6 E0113*4 I0113*3"],
  "85": [2, 1.8, "E3012*25 E1013*4 E1012*4"],
  "86": [1, 0.9, "B2932*2 E0111*4 B2229*2"],
  "87": [1.5, 1, "B2712*8 E2341*15 E1512*4"],
  "88": [3.2, 2.5, "B1712*6 B1610*5 B1392*4 B1320*3 @DE*2"],
  "89": [1.5, 1.2, "E1102*8 E0111*4 B2599*2"],
  "90": [2.5, 1.5, "E2811*15 E3020*6 @CH*3"],
  "91": [10, 13, "B2120*3 B2611*3 B3030*3 B2651*2"],
  "92": [22, 35, "B2120*3 B2042*4 B2620*3 B2630*3 B2910*2"],
  "93": [9, 16, "B2042*3 B3030*2 I1413*5 I1419*5 I2640*3"],
  "94": [10, 18, "B1089*3 I0113*4 I0125*4 B3030*2 B2620*2"],
  "95": [10, 16, "B2630*3 B2120*3 B3212*3 I2620*3 B3030*2"],
  "99": [0.34, 0.29, "B2042*12 B3212*20 B2120*3 E1102*3 B3299*4 @IT*6 @CH*4 @GB*2"],
  "9A": [0.25, 1.8, "E0125*30 E1101*40 E1081*20 I1920*10 I2910*4 @US*18 @DO*90 @TT*90 @LC*120 @DM*120 @AG*120 @BL*180 @SX*120 @CW*60"],
  "9B": [0.35, 1.9, "E0125*40 E1101*50 E1920*30 I0610*20 I2910*4 @US*18 @TT*120 @LC*120 @DM*120 @BB*120 @DO*60 @CW*60 @QS*25"],
  "9C": [0.2, 0.9, "E2441*200 E0311*30 E1610*20 I3030*15 I1920*10 @BR*180 @SR*600 @GY*300 @TT*120 @US*12"],
  "9D": [0.4, 2.8, "E1081*60 E1101*20 E0311*20 I1920*8 I2910*4 @MU*240 @MG*180 @ZA*45 @SC*180 @KM*180 @SG*24 @IN*9 @AU*18"],
  "9E": [0.02, 0.45, "E0311*300 E0128*400 I1012*10 I1920*8 @MG*600 @KM*900 @MU*180 @ZA*60 @TZ*120 @KE*90"]
};

/** The Aube's own profile, kept separate because it drives the reference factsheet. */
PROFILE_TABLE["10"] = [
  1.82, 1.7,
  "E1413*45 E1414*45 E1419*35 E1439*40 E1102*20 B1391*20 B1320*6 E0111*3 E1081*4 " +
    "I1413*6 I1414*8 I1439*8 B2899*2 @BE*2"
];

export interface Profile {
  exportsWeight: number;
  importsWeight: number;
  productBoost(product: string, flow: Flow): number;
  partnerBoost(country: string): number;
}

const TOKEN = /^(?:([EIB])(\d{4})|(@)([A-Z]{2}))\*([0-9.]+)$/;

function parseSpecialisations(code: string, text: string) {
  const products = {export: new Map<string, number>(), import: new Map<string, number>()};
  const partners = new Map<string, number>();
  for (const token of text.split(/\s+/).filter(Boolean)) {
    const match = TOKEN.exec(token);
    if (!match) throw new Error(`Profil du département ${code} : spécialisation illisible « ${token} »`);
    const kind = match[1] ?? match[3];
    const key = match[2] ?? match[4];
    const factor = Number(match[5]);
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

/** Codes that have a profile (tests check it matches the demo's départements). */
export const profiledDepartements: string[] = Object.keys(PROFILE_TABLE);

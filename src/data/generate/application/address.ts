import type { Rng } from '../../../core/index.js';

/** The six REG_/LIVE_ ... _NOT_ ... flags, in real column order. */
export interface AddressFlags {
  readonly regRegionNotLiveRegion: number;
  readonly regRegionNotWorkRegion: number;
  readonly liveRegionNotWorkRegion: number;
  readonly regCityNotLiveCity: number;
  readonly regCityNotWorkCity: number;
  readonly liveCityNotWorkCity: number;
}

// Shares fitted to the real flag means; work flags are 0 for those not working (real sample).
/** Registered in another city than lived in: employed / not working. */
const REG_ELSEWHERE_WORKING = 0.0899;
const REG_ELSEWHERE_NOT_WORKING = 0.025;
/** ... and in another region too. */
const REG_OTHER_REGION = 0.1937;
/** Working in another city than lived in (employed only). */
const WORK_ELSEWHERE = 0.219;
const WORK_OTHER_REGION = 0.2264;
/** When registered and working away from home, the work city is the registration city. */
const WORK_AT_REGISTRATION = 0.38;

/**
 * Three places (registration, home, work) each with a region and a city; the flags compare
 * them, so they stay coherent (e.g. a different region implies a different city).
 */
export function drawAddressFlags(rng: Rng, working: boolean): AddressFlags {
  // Home is region 0, city 0.
  let regRegion = 0;
  let regCity = 0;
  if (rng.chance(working ? REG_ELSEWHERE_WORKING : REG_ELSEWHERE_NOT_WORKING)) {
    regCity = 1;
    if (rng.chance(REG_OTHER_REGION)) regRegion = 1;
  }
  let workRegion = 0;
  let workCity = 0;
  if (working && rng.chance(WORK_ELSEWHERE)) {
    if (regCity !== 0 && rng.chance(WORK_AT_REGISTRATION)) {
      workCity = regCity;
      workRegion = regRegion;
    } else {
      workCity = 2;
      if (rng.chance(WORK_OTHER_REGION)) workRegion = 2;
    }
  }
  const differ = (a: number, b: number): number => (a !== b ? 1 : 0);
  return {
    regRegionNotLiveRegion: differ(regRegion, 0),
    regRegionNotWorkRegion: working ? differ(regRegion, workRegion) : 0,
    liveRegionNotWorkRegion: differ(0, workRegion),
    regCityNotLiveCity: differ(regCity, 0),
    regCityNotWorkCity: working ? differ(regCity, workCity) : 0,
    liveCityNotWorkCity: differ(0, workCity),
  };
}

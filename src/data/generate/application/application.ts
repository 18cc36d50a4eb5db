import type { Rng } from '../../../core/index.js';
import { drawAddressFlags } from './address.js';
import { drawBuilding } from './building.js';
import { drawCar } from './car.js';
import { drawDocuments } from './documents.js';
import { drawEnquiries } from './enquiries.js';
import { drawSocialCircle } from './social-circle.js';
import { COL, emptyRow, type AppColumn, type AppRow, type AppValue } from './columns.js';
import { drawContact } from './contact.js';
import { drawEmployment } from './employment.js';
import { drawExternalScores } from './external-scores.js';
import { drawLatent, type ClientLatent } from './latent.js';
import { drawLoan } from './loan.js';
import { drawPerson } from './person.js';
import { drawRegion } from './region.js';

/** Share of clients in application_test: 48,744 of 356,255 in the real data. */
export const TEST_SHARE = 48744 / 356255;

export interface DrawnApplication {
  /** Values as they will be written, in application_train order; TARGET still null. */
  readonly row: AppRow;
  readonly isTest: boolean;
  readonly latent: ClientLatent;
}

/** One client's application row, every column drawn coherently with the others. */
export function drawApplication(rng: Rng, skIdCurr: number): DrawnApplication {
  const isTest = rng.chance(TEST_SHARE);
  const latent = drawLatent(rng);
  const row = emptyRow();
  const set = (column: AppColumn, value: AppValue): void => {
    row[COL[column]] = value;
  };
  const person = drawPerson(rng, latent, isTest);
  const job = drawEmployment(rng, latent, person, isTest);
  const loan = drawLoan(rng, latent, person, job);
  const car = drawCar(rng, person, loan);
  const region = drawRegion(rng, latent);
  const contact = drawContact(rng, latent, person);
  const ext = drawExternalScores(rng, latent, person);
  const address = drawAddressFlags(rng, !job.notWorking);

  set('SK_ID_CURR', skIdCurr);
  set('NAME_CONTRACT_TYPE', loan.contractType);
  set('CODE_GENDER', person.gender);
  set('FLAG_OWN_CAR', car.ownCar);
  set('FLAG_OWN_REALTY', person.ownRealty);
  set('CNT_CHILDREN', person.children);
  set('AMT_INCOME_TOTAL', loan.income);
  set('AMT_CREDIT', loan.credit);
  set('AMT_ANNUITY', loan.annuity);
  set('AMT_GOODS_PRICE', loan.goodsPrice);
  set('NAME_TYPE_SUITE', loan.suite);
  set('NAME_INCOME_TYPE', job.incomeType);
  set('NAME_EDUCATION_TYPE', person.education);
  set('NAME_FAMILY_STATUS', person.familyStatus);
  set('NAME_HOUSING_TYPE', person.housing);
  set('REGION_POPULATION_RELATIVE', region.population);
  set('DAYS_BIRTH', person.daysBirth);
  set('DAYS_EMPLOYED', job.daysEmployed);
  set('DAYS_REGISTRATION', contact.daysRegistration);
  set('DAYS_ID_PUBLISH', contact.daysIdPublish);
  set('OWN_CAR_AGE', car.carAge);
  set('FLAG_MOBIL', 1);
  set('FLAG_EMP_PHONE', job.flagEmpPhone);
  set('FLAG_WORK_PHONE', job.flagWorkPhone);
  set('FLAG_CONT_MOBILE', contact.flagContMobile);
  set('FLAG_PHONE', contact.flagPhone);
  set('FLAG_EMAIL', contact.flagEmail);
  set('OCCUPATION_TYPE', job.occupation);
  set('CNT_FAM_MEMBERS', person.famMembers);
  set('REGION_RATING_CLIENT', region.rating);
  set('REGION_RATING_CLIENT_W_CITY', region.ratingWithCity);
  set('WEEKDAY_APPR_PROCESS_START', contact.weekday);
  set('HOUR_APPR_PROCESS_START', contact.hour);
  set('REG_REGION_NOT_LIVE_REGION', address.regRegionNotLiveRegion);
  set('REG_REGION_NOT_WORK_REGION', address.regRegionNotWorkRegion);
  set('LIVE_REGION_NOT_WORK_REGION', address.liveRegionNotWorkRegion);
  set('REG_CITY_NOT_LIVE_CITY', address.regCityNotLiveCity);
  set('REG_CITY_NOT_WORK_CITY', address.regCityNotWorkCity);
  set('LIVE_CITY_NOT_WORK_CITY', address.liveCityNotWorkCity);
  set('ORGANIZATION_TYPE', job.organization);
  set('EXT_SOURCE_1', ext.ext1);
  set('EXT_SOURCE_2', ext.ext2);
  set('EXT_SOURCE_3', ext.ext3);
  drawBuilding(rng, latent, set);
  drawSocialCircle(rng, latent, set);
  set('DAYS_LAST_PHONE_CHANGE', contact.daysLastPhoneChange);
  drawDocuments(rng, set);
  drawEnquiries(rng, latent, set);
  return { row, isTest, latent };
}

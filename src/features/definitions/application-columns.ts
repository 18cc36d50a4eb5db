import type { DisplayKind, Text } from '../types.js';

/** How an application column is read: its label, display kind and flags. */
export interface ApplicationColumn {
  readonly label: Text;
  readonly kind: DisplayKind;
  readonly unit?: Text;
  readonly actionable?: boolean;
  readonly sensitive?: boolean;
}

const col = (
  en: string,
  fr: string,
  kind: DisplayKind,
  extra: Partial<ApplicationColumn> = {},
): ApplicationColumn => ({
  label: { en, fr },
  kind,
  ...extra,
});

const YEARS: Text = { en: 'years', fr: 'ans' };

/** Columns labelled one by one; families (building, documents, enquiries) come from the templates below. */
const NAMED: Record<string, ApplicationColumn> = {
  NAME_CONTRACT_TYPE: col('Contract type', 'Type de contrat', 'category'),
  CODE_GENDER: col('Gender', 'Genre', 'category', { sensitive: true }),
  FLAG_OWN_CAR: col('Owns a car', 'Possède une voiture', 'flag'),
  FLAG_OWN_REALTY: col('Owns a home', 'Possède un logement', 'flag'),
  CNT_CHILDREN: col('Number of children', "Nombre d'enfants", 'count'),
  AMT_INCOME_TOTAL: col('Income', 'Revenu', 'money'),
  AMT_CREDIT: col('Credit amount', 'Montant du crédit', 'money', { actionable: true }),
  AMT_ANNUITY: col('Loan annuity', 'Annuité du prêt', 'money', { actionable: true }),
  AMT_GOODS_PRICE: col('Price of the goods', 'Prix du bien financé', 'money', { actionable: true }),
  NAME_TYPE_SUITE: col('Accompanied by', 'Accompagné par', 'category'),
  NAME_INCOME_TYPE: col('Income type', 'Type de revenu', 'category'),
  NAME_EDUCATION_TYPE: col('Education', "Niveau d'études", 'category'),
  NAME_FAMILY_STATUS: col('Family status', 'Situation familiale', 'category', { sensitive: true }),
  NAME_HOUSING_TYPE: col('Housing', 'Logement', 'category'),
  REGION_POPULATION_RELATIVE: col(
    'Population of the region (normalized)',
    'Population de la région (normalisée)',
    'number',
  ),
  DAYS_BIRTH: col('Age', 'Âge', 'days', { sensitive: true }),
  DAYS_EMPLOYED: col('Time in current job', "Ancienneté dans l'emploi", 'days'),
  DAYS_REGISTRATION: col('Time since the registration changed', "Ancienneté de l'enregistrement", 'days'),
  DAYS_ID_PUBLISH: col(
    'Time since the identity document changed',
    "Ancienneté de la pièce d'identité",
    'days',
  ),
  OWN_CAR_AGE: col('Age of the car', 'Âge de la voiture', 'number', { unit: YEARS }),
  FLAG_MOBIL: col('Gave a mobile phone', 'A donné un téléphone portable', 'flag'),
  FLAG_EMP_PHONE: col("Gave an employer's phone", "A donné le téléphone de l'employeur", 'flag'),
  FLAG_WORK_PHONE: col('Gave a work phone', 'A donné un téléphone professionnel', 'flag'),
  FLAG_CONT_MOBILE: col('Mobile phone reachable', 'Téléphone portable joignable', 'flag'),
  FLAG_PHONE: col('Gave a home phone', 'A donné un téléphone fixe', 'flag'),
  FLAG_EMAIL: col('Gave an e-mail address', 'A donné une adresse e-mail', 'flag'),
  OCCUPATION_TYPE: col('Occupation', 'Profession', 'category'),
  CNT_FAM_MEMBERS: col('Family members', 'Membres de la famille', 'count'),
  REGION_RATING_CLIENT: col('Rating of the region (1-3)', 'Note de la région (1-3)', 'number'),
  REGION_RATING_CLIENT_W_CITY: col(
    'Rating of the region and city (1-3)',
    'Note de la région et de la ville (1-3)',
    'number',
  ),
  WEEKDAY_APPR_PROCESS_START: col('Weekday of the application', 'Jour de la demande', 'category'),
  HOUR_APPR_PROCESS_START: col('Hour of the application', 'Heure de la demande', 'number', {
    unit: { en: 'hour', fr: 'heure' },
  }),
  REG_REGION_NOT_LIVE_REGION: col(
    'Permanent and contact addresses in different regions',
    'Adresses permanente et de contact dans des régions différentes',
    'flag',
  ),
  REG_REGION_NOT_WORK_REGION: col(
    'Permanent address and work in different regions',
    'Adresse permanente et travail dans des régions différentes',
    'flag',
  ),
  LIVE_REGION_NOT_WORK_REGION: col(
    'Contact address and work in different regions',
    'Adresse de contact et travail dans des régions différentes',
    'flag',
  ),
  REG_CITY_NOT_LIVE_CITY: col(
    'Permanent and contact addresses in different cities',
    'Adresses permanente et de contact dans des villes différentes',
    'flag',
  ),
  REG_CITY_NOT_WORK_CITY: col(
    'Permanent address and work in different cities',
    'Adresse permanente et travail dans des villes différentes',
    'flag',
  ),
  LIVE_CITY_NOT_WORK_CITY: col(
    'Contact address and work in different cities',
    'Adresse de contact et travail dans des villes différentes',
    'flag',
  ),
  ORGANIZATION_TYPE: col("Employer's type of organisation", "Type d'organisation de l'employeur", 'category'),
  EXT_SOURCE_1: col('External score 1', 'Score externe 1', 'score'),
  EXT_SOURCE_2: col('External score 2', 'Score externe 2', 'score'),
  EXT_SOURCE_3: col('External score 3', 'Score externe 3', 'score'),
  FONDKAPREMONT_MODE: col(
    'Building repair fund (mode)',
    "Fonds de réparation de l'immeuble (mode)",
    'category',
  ),
  HOUSETYPE_MODE: col('Type of building (mode)', "Type d'immeuble (mode)", 'category'),
  TOTALAREA_MODE: col(
    'Building: total area (mode, normalized)',
    'Immeuble : surface totale (mode, normalisée)',
    'number',
  ),
  WALLSMATERIAL_MODE: col('Wall material (mode)', 'Matériau des murs (mode)', 'category'),
  EMERGENCYSTATE_MODE: col('Building in emergency state (mode)', "Immeuble en état d'urgence (mode)", 'flag'),
  OBS_30_CNT_SOCIAL_CIRCLE: col(
    'Social circle: people observed 30 days past due',
    'Entourage : personnes observées à 30 jours de retard',
    'count',
  ),
  DEF_30_CNT_SOCIAL_CIRCLE: col(
    'Social circle: defaults 30 days past due',
    'Entourage : défauts à 30 jours de retard',
    'count',
  ),
  OBS_60_CNT_SOCIAL_CIRCLE: col(
    'Social circle: people observed 60 days past due',
    'Entourage : personnes observées à 60 jours de retard',
    'count',
  ),
  DEF_60_CNT_SOCIAL_CIRCLE: col(
    'Social circle: defaults 60 days past due',
    'Entourage : défauts à 60 jours de retard',
    'count',
  ),
  DAYS_LAST_PHONE_CHANGE: col(
    'Time since the phone changed',
    'Ancienneté du changement de téléphone',
    'days',
  ),
};

const BUILDING_MEASURES: Record<string, Text> = {
  APARTMENTS: { en: 'apartment size', fr: 'taille des appartements' },
  BASEMENTAREA: { en: 'basement area', fr: 'surface du sous-sol' },
  YEARS_BEGINEXPLUATATION: { en: 'years in use', fr: "années d'exploitation" },
  YEARS_BUILD: { en: 'age of the building', fr: "âge de l'immeuble" },
  COMMONAREA: { en: 'common area', fr: 'parties communes' },
  ELEVATORS: { en: 'elevators', fr: 'ascenseurs' },
  ENTRANCES: { en: 'entrances', fr: 'entrées' },
  FLOORSMAX: { en: 'highest floor', fr: 'étage le plus haut' },
  FLOORSMIN: { en: 'lowest floor', fr: 'étage le plus bas' },
  LANDAREA: { en: 'land area', fr: 'surface du terrain' },
  LIVINGAPARTMENTS: { en: 'living apartments', fr: "appartements d'habitation" },
  LIVINGAREA: { en: 'living area', fr: 'surface habitable' },
  NONLIVINGAPARTMENTS: { en: 'non-living apartments', fr: 'locaux non habitables' },
  NONLIVINGAREA: { en: 'non-living area', fr: 'surface non habitable' },
};
const BUILDING_STATS: Record<string, Text> = {
  AVG: { en: 'average', fr: 'moyenne' },
  MODE: { en: 'mode', fr: 'mode' },
  MEDI: { en: 'median', fr: 'médiane' },
};
const ENQUIRY_PERIODS: Record<string, Text> = {
  HOUR: { en: 'in the hour before the application', fr: "dans l'heure avant la demande" },
  DAY: {
    en: 'in the day before (excluding the last hour)',
    fr: 'dans la journée avant (hors dernière heure)',
  },
  WEEK: {
    en: 'in the week before (excluding the last day)',
    fr: 'dans la semaine avant (hors dernier jour)',
  },
  MON: {
    en: 'in the month before (excluding the last week)',
    fr: 'dans le mois avant (hors dernière semaine)',
  },
  QRT: {
    en: 'in the 3 months before (excluding the last month)',
    fr: 'dans les 3 mois avant (hors dernier mois)',
  },
  YEAR: {
    en: 'in the year before (excluding the last 3 months)',
    fr: "dans l'année avant (hors 3 derniers mois)",
  },
};

/** The label and display of an application column; undefined for the keys and unknown names. */
export function applicationColumn(name: string): ApplicationColumn | undefined {
  const named = NAMED[name];
  if (named) return named;
  const building = /^([A-Z_]+)_(AVG|MODE|MEDI)$/.exec(name);
  const measure = building && BUILDING_MEASURES[building[1]!];
  if (building && measure) {
    const stat = BUILDING_STATS[building[2]!]!;
    return col(
      `Building: ${measure.en} (${stat.en}, normalized)`,
      `Immeuble : ${measure.fr} (${stat.fr}, normalisée)`,
      'number',
    );
  }
  const document = /^FLAG_DOCUMENT_(\d+)$/.exec(name);
  if (document) return col(`Gave document ${document[1]}`, `A fourni le document ${document[1]}`, 'flag');
  const enquiry = /^AMT_REQ_CREDIT_BUREAU_([A-Z]+)$/.exec(name);
  const period = enquiry && ENQUIRY_PERIODS[enquiry[1]!];
  if (period) {
    return col(
      `Credit bureau enquiries ${period.en}`,
      `Consultations du bureau de crédit ${period.fr}`,
      'count',
    );
  }
  return undefined;
}

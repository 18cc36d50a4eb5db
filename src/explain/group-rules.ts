import type { Text } from './types.js';

/** A readable concept and the feature names it gathers (first matching rule wins). */
export interface GroupRule {
  readonly key: string;
  readonly label: Text;
  readonly match: RegExp;
}

const rule = (key: string, en: string, fr: string, match: RegExp): GroupRule => ({
  key,
  label: { en, fr },
  match,
});

/**
 * Features that are one idea to a person: a raw field with the ratios built on it, and the
 * aggregates of a history table per theme (late payments, debts, ...). See DESIGN.md.
 */
export const GROUP_RULES: readonly GroupRule[] = [
  rule('external_scores', 'External credit scores', 'Scores de crédit externes', /^EXT_SOURCE_/),
  rule(
    'loan_amount',
    'Amount borrowed and goods price',
    'Montant emprunté et prix du bien',
    /^(AMT_CREDIT|AMT_GOODS_PRICE|GOODS_CREDIT_RATIO|CREDIT_GOODS_DIFF|PERSONAL_CONTRIBUTION)$/,
  ),
  rule(
    'annuity_term',
    'Annuity and term',
    'Annuité et durée',
    /^(AMT_ANNUITY|CREDIT_TERM|ANNUITY_CREDIT_RATIO)$/,
  ),
  rule(
    'repayment_burden',
    'Repayments relative to income',
    'Remboursements rapportés au revenu',
    /^(CREDIT_INCOME_RATIO|ANNUITY_INCOME_RATIO|INCOME_AFTER_ANNUITY|ANNUITY_PER_PERSON|TOTAL_ANNUITY_INCOME_RATIO)$/,
  ),
  rule('income', 'Income', 'Revenu', /^(AMT_INCOME_TOTAL|INCOME_PER_PERSON|INCOME_PER_CHILD)$/),
  rule('household', 'Household size', 'Taille du foyer', /^(CNT_CHILDREN|CNT_FAM_MEMBERS|CHILDREN_RATIO)$/),
  rule(
    'employment',
    'Employment length',
    "Ancienneté dans l'emploi",
    /^(DAYS_EMPLOYED|DAYS_EMPLOYED_ANOM|EMPLOYED_AGE_RATIO)$/,
  ),
  rule('car', 'Car', 'Voiture', /^(FLAG_OWN_CAR|OWN_CAR_AGE|CAR_AGE_RATIO|CAR_EMPLOYED_RATIO)$/),
  rule(
    'registration',
    'Date of registration',
    "Date d'enregistrement",
    /^(DAYS_REGISTRATION|REGISTRATION_AGE_RATIO)$/,
  ),
  rule(
    'id_document',
    'Date of the identity document',
    "Date de la pièce d'identité",
    /^(DAYS_ID_PUBLISH|ID_PUBLISH_AGE_RATIO)$/,
  ),
  rule(
    'phone_change',
    'Last change of phone',
    'Dernier changement de téléphone',
    /^(DAYS_LAST_PHONE_CHANGE|PHONE_CHANGE_)/,
  ),
  rule('building', 'Building of the home', 'Immeuble du logement', /(_AVG|_MODE|_MEDI)$|^BUILDING_MISSING$/),
  rule('documents', 'Documents provided', 'Documents fournis', /^(FLAG_DOCUMENT_|DOCUMENT_COUNT$)/),
  rule(
    'social_circle',
    'Defaults in the social circle',
    "Défauts dans l'entourage",
    /SOCIAL_CIRCLE$|^SOCIAL_DEF/,
  ),
  rule(
    'bureau_enquiries',
    'Credit bureau enquiries',
    'Consultations du bureau de crédit',
    /^(AMT_REQ_CREDIT_BUREAU_|ENQUIRIES_TOTAL$)/,
  ),
  rule(
    'addresses',
    'Home, registration and work addresses',
    'Adresses de domicile, de déclaration et de travail',
    /^((REG|LIVE)_(REGION|CITY)_NOT_|ADDRESS_MISMATCH_COUNT$)/,
  ),
  rule(
    'contact',
    'Contact details given',
    'Coordonnées fournies',
    /^(FLAG_(EMP_PHONE|WORK_PHONE|CONT_MOBILE|PHONE|EMAIL|MOBIL)|CONTACT_COUNT)$/,
  ),
  rule('region_rating', 'Rating of the region', 'Note de la région', /^REGION_RATING/),
  rule('application_time', 'Time of the application', 'Moment de la demande', /_APPR_PROCESS_START$/),
  rule(
    'bureau_late',
    'Late payments reported by the credit bureau',
    'Retards signalés par le bureau de crédit',
    /^BURO_.*(OVERDUE|DPD|PROLONG|WORST_STATUS|LAST_STATUS|Bad_debt)/,
  ),
  rule(
    'bureau_debts',
    'Current debts at other lenders',
    'Dettes en cours chez d’autres prêteurs',
    /^BURO_(ACTIVE_|.*(DEBT|LIMIT|AMT_CREDIT_SUM|ANNUITY))/,
  ),
  rule(
    'bureau_history',
    'Credit history at other lenders',
    'Historique de crédit chez d’autres prêteurs',
    /^BURO_/,
  ),
  rule(
    'previous_refusals',
    'Previous applications refused',
    'Demandes précédentes refusées',
    /^PREV_.*(REFUSED|Refused|REJECT)/,
  ),
  rule('previous', 'Previous applications with us', 'Demandes précédentes chez nous', /^PREV_/),
  rule(
    'repayment_behaviour',
    'Repayment behaviour on past loans',
    'Comportement de remboursement passé',
    /^(INSTAL_.*(LATE|DPD|DBD|SHORT|PAY_RATIO)|(POS|CC)_.*(LATE|SK_DPD))/,
  ),
  rule('instalments', 'Past instalments', 'Échéances passées', /^INSTAL_/),
  rule('pos_cash', 'Past point-of-sale and cash loans', 'Prêts passés en magasin et en espèces', /^POS_/),
  rule('credit_card', 'Credit card use', 'Utilisation des cartes de crédit', /^CC_/),
  rule(
    'history_depth',
    'Sources of credit history',
    "Sources d'historique de crédit",
    /^HISTORY_SOURCE_COUNT$/,
  ),
];

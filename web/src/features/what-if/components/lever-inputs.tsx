import { useTranslation } from 'react-i18next';

import { number } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { Levers } from '../types';
import { termOf, withAmount, withTerm } from './levers';

export interface LeverInputsProps {
  readonly levers: Levers;
  readonly original: Levers;
  readonly onChange: (levers: Levers) => void;
}

function NumberField(props: {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly hint: string;
  readonly step: number;
  readonly onChange: (value: number) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="number"
        min={0}
        step={props.step}
        value={Number.isFinite(props.value) ? Math.round(props.value * 100) / 100 : ''}
        aria-describedby={`${props.id}-hint`}
        onChange={(e) => {
          const v = Number(e.target.value);
          if (Number.isFinite(v) && v > 0) props.onChange(v);
        }}
      />
      <span id={`${props.id}-hint`} className="muted small">
        {props.hint}
      </span>
    </div>
  );
}

/** Amount, term, annuity, goods price and income; the annuity follows the amount and the term. */
export function LeverInputs({ levers, original, onChange }: LeverInputsProps) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const was = (v: number, digits = 0) => t('whatIf.was', { value: number(v, lang, digits) });
  return (
    <fieldset className="lever-grid">
      <legend>{t('whatIf.legend')}</legend>
      <NumberField
        id="whatif-amount"
        label={t('whatIf.amount')}
        value={levers.AMT_CREDIT}
        step={1000}
        hint={was(original.AMT_CREDIT)}
        onChange={(v) => onChange(withAmount(levers, v))}
      />
      <NumberField
        id="whatif-term"
        label={t('whatIf.term')}
        value={Math.round(termOf(levers) * 10) / 10}
        step={1}
        hint={was(termOf(original), 1)}
        onChange={(v) => onChange(withTerm(levers, v))}
      />
      <NumberField
        id="whatif-annuity"
        label={t('whatIf.annuity')}
        value={levers.AMT_ANNUITY}
        step={100}
        hint={was(original.AMT_ANNUITY)}
        onChange={(v) => onChange({ ...levers, AMT_ANNUITY: v })}
      />
      <NumberField
        id="whatif-goods"
        label={t('whatIf.goods')}
        value={levers.AMT_GOODS_PRICE}
        step={1000}
        hint={was(original.AMT_GOODS_PRICE)}
        onChange={(v) => onChange({ ...levers, AMT_GOODS_PRICE: v })}
      />
      <NumberField
        id="whatif-income"
        label={t('whatIf.income')}
        value={levers.AMT_INCOME_TOTAL}
        step={1000}
        hint={was(original.AMT_INCOME_TOTAL)}
        onChange={(v) => onChange({ ...levers, AMT_INCOME_TOTAL: v })}
      />
    </fieldset>
  );
}

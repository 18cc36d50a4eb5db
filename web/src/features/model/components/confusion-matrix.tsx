import { useTranslation } from 'react-i18next';

import { number, percent } from '../../../lib/format';
import { asLang } from '../../../lib/i18n';
import type { ModelPage } from '../types';

/** The four outcomes at the chosen threshold, as a table with words in every cell. */
export function ConfusionMatrix({ confusion, threshold }: Pick<ModelPage, 'confusion' | 'threshold'>) {
  const { t, i18n } = useTranslation();
  const lang = asLang(i18n.language);
  const total = confusion.tp + confusion.fp + confusion.tn + confusion.fn;
  const cell = (n: number, key: string) => (
    <td className="num">
      <strong>{number(n, lang)}</strong> ({percent(total > 0 ? n / total : 0, lang)})
      <br />
      <span className="small">{t(`model.confusion.${key}`)}</span>
    </td>
  );
  return (
    <section className="card" aria-labelledby="confusion-title" data-chart="confusion">
      <h2 id="confusion-title">{t('model.confusion.title')}</h2>
      <p>
        {t('model.confusion.summary', { threshold: percent(threshold, lang), total: number(total, lang) })}
      </p>
      <table className="data-table confusion">
        <caption>{t('model.confusion.caption')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('model.confusion.predRefused')}</th>
            <th scope="col">{t('model.confusion.predAccepted')}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t('model.confusion.actualDefault')}</th>
            {cell(confusion.tp, 'tp')}
            {cell(confusion.fn, 'fn')}
          </tr>
          <tr>
            <th scope="row">{t('model.confusion.actualRepaid')}</th>
            {cell(confusion.fp, 'fp')}
            {cell(confusion.tn, 'tn')}
          </tr>
        </tbody>
      </table>
    </section>
  );
}

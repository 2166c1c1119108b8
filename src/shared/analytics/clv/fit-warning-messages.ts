/** The models' warnings as sentences in the user's language (server, CLI and browser say the same). */
import type { Locale } from '../../common/locale';
import { type FitWarning, MIN_CUSTOMERS, MIN_REPEATERS, MIN_SPENDERS } from './fit-warnings';

const MODEL = {
  bgnbd: { en: 'BG/NBD', zh: 'BG/NBD 购买次数模型' },
  gamma_gamma: { en: 'Gamma-Gamma', zh: 'Gamma-Gamma 客单价模型' },
};

export function fitWarningText(w: FitWarning, locale: Locale): string {
  const en = locale === 'en';
  const model = MODEL[w.model][en ? 'en' : 'zh'];
  const v = w.value ?? 0;
  const fmt = (x: number) => (Number.isInteger(x) ? String(x) : x.toFixed(3));
  const head = w.withheld
    ? en
      ? `${model} withheld: `
      : `${model}未给出预测：`
    : en
      ? `${model}: `
      : `${model}：`;
  const body = (() => {
    switch (w.code) {
      case 'too_few_customers':
        return en
          ? `only ${fmt(v)} customers with an order (at least ${MIN_CUSTOMERS} needed)`
          : `仅 ${fmt(v)} 位客户有订单（至少需要 ${MIN_CUSTOMERS} 位）`;
      case 'no_repeat_purchases':
        return en ? 'every customer bought only once' : '所有客户都只购买过一次';
      case 'too_few_repeaters':
        return en
          ? `only ${fmt(v)} customers bought more than once (at least ${MIN_REPEATERS} needed)`
          : `仅 ${fmt(v)} 位客户有重复购买（至少需要 ${MIN_REPEATERS} 位）`;
      case 'not_converged':
        return en ? 'the fit did not converge' : '模型拟合未收敛';
      case 'parameter_at_bound':
        return en
          ? 'a parameter reached its bound; the estimates are unreliable'
          : '有参数达到边界，估计值不可靠';
      case 'near_a_singularity':
        return en
          ? `a = ${fmt(v)} is close to 1, where it is poorly determined`
          : `参数 a = ${fmt(v)} 接近 1，估计精度较差`;
      case 'too_few_spenders':
        return en
          ? `only ${fmt(v)} repeat buyers with a positive spend (at least ${MIN_SPENDERS} needed)`
          : `仅 ${fmt(v)} 位重复购买客户的平均金额为正（至少需要 ${MIN_SPENDERS} 位）`;
      case 'spend_excluded':
        return en
          ? `${fmt(v)} customers with zero or negative average spend were left out`
          : `${fmt(v)} 位平均金额为零或负的客户未纳入`;
      case 'spend_frequency_correlated':
        return en
          ? `spend and purchase frequency are correlated (r = ${fmt(v)}); the model assumes they are not`
          : `客单价与购买频次相关（r = ${fmt(v)}），与模型的独立性假设不符`;
    }
  })();
  return head + body;
}

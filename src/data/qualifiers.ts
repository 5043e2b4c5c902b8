/**
 * The words Chinese sources put around a number, and where each one goes.
 * A figure keeps its source's qualifiers: "超过200个" must never print as "200个".
 *
 * position:
 *   before       — before the number: 超过200个
 *   after-number — between the digits and the magnitude or unit: 4000余人, 40余万字
 *                  (after a digit other than 0 it follows the magnitude, or the
 *                  unit when there is none: 4.5万余户, 四分多 → 4分多; see src/i18n/format.ts)
 *   after-unit   — after the unit: 3000元以上
 */
export type QualifierPosition = 'before' | 'after-number' | 'after-unit';

export interface QualifierSpec {
  position: QualifierPosition;
  /** English words, placed before the number ("more than 4,000") or after it ("or more"). Empty: nothing to say in English. */
  en: string;
  /** Only stresses the size (高达): English leaves it out when a bound follows the unit (高达3000万元以上 → "30 million yuan or more"). */
  emphasis?: true;
}

export const QUALIFIERS = {
  超过: { position: 'before', en: 'more than' },
  超: { position: 'before', en: 'over' },
  过: { position: 'before', en: 'over' },
  逾: { position: 'before', en: 'over' },
  突破: { position: 'before', en: 'over' },
  近: { position: 'before', en: 'nearly' },
  约: { position: 'before', en: 'about' },
  高达: { position: 'before', en: 'as much as', emphasis: true },
  达: { position: 'before', en: '' },
  // Not "a cumulative": it must read well before another qualifier (累计4000余人 → a total of more than 4,000).
  累计: { position: 'before', en: 'a total of' },
  共: { position: 'before', en: 'a total of' },
  共计: { position: 'before', en: 'a total of' },
  平均: { position: 'before', en: 'an average of' },
  年均: { position: 'before', en: 'an annual average of' },
  余: { position: 'after-number', en: 'more than' },
  多: { position: 'after-number', en: 'more than' },
  以上: { position: 'after-unit', en: 'or more' },
} as const satisfies Record<string, QualifierSpec>;

export type Qualifier = keyof typeof QUALIFIERS;

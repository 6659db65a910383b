/**
 * The alarm rule: a statistic above its limit on `consecutive` points in a row raises one alarm,
 * at the point that completes the run; a run that goes on raises no second alarm until the
 * statistic has come back under the limit. One noisy point above a 99 % limit is expected once
 * in a hundred points; k in a row of independent points once in 100^k.
 */
export interface AlarmRule { consecutive: number }

export const DEFAULT_RULE: AlarmRule = { consecutive: 3 };

/** Indices (into `exceeds`) where the rule fires. */
export function alarmPoints(exceeds: readonly boolean[], rule: AlarmRule = DEFAULT_RULE): number[] {
  const fired: number[] = [];
  let run = 0;
  for (let i = 0; i < exceeds.length; i++) {
    run = exceeds[i] ? run + 1 : 0;
    if (run === rule.consecutive) fired.push(i);
  }
  return fired;
}

/**
 * The biosafety level a hazard class needs at least (病原微生物实验室生物安全管理条例): class 1
 * → BSL-4, class 2 → BSL-3, class 3 → BSL-2, class 4 → BSL-1; not a pathogen → BSL-1.
 * A strain may ask for more (a GMO, say), never less.
 */
export function minimumLevel(hazardClass: number | null): number {
  return hazardClass === null ? 1 : 5 - hazardClass;
}

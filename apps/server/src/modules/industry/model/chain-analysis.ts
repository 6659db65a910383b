/**
 * How a chain node stands (补链 / 强链 / 延链): a core node without any enterprise on record is
 * a gap to fill by investment; one with fewer than WEAK_MIN_ENTERPRISES firms or under
 * WEAK_MIN_SCALE_WAN of verified revenue is weak; an extension node (a downstream use the
 * plan wants to reach) is an extension whatever its count; the rest are solid.
 */
export const WEAK_MIN_ENTERPRISES = 3;
export const WEAK_MIN_SCALE_WAN = 100_000; // 10 亿元

export type NodeStanding = 'gap' | 'weak' | 'extension' | 'solid';

export const STANDINGS: Record<NodeStanding, { zh: string; en: string; action: { zh: string; en: string } }> = {
  gap: { zh: '缺失环节', en: 'Gap', action: { zh: '补链', en: 'fill the gap' } },
  weak: { zh: '薄弱环节', en: 'Weak', action: { zh: '强链', en: 'strengthen' } },
  extension: { zh: '延伸环节', en: 'Extension', action: { zh: '延链', en: 'extend' } },
  solid: { zh: '优势环节', en: 'Solid', action: { zh: '固链', en: 'keep' } },
};

export function standingOf(node: { role: string }, enterprises: number, scaleWan: number): NodeStanding {
  if (node.role === 'extension') return 'extension';
  if (enterprises === 0) return 'gap';
  if (enterprises < WEAK_MIN_ENTERPRISES || scaleWan < WEAK_MIN_SCALE_WAN) return 'weak';
  return 'solid';
}

/** Why, in words, for the hover and the analysis table. */
export function standingReason(s: NodeStanding, enterprises: number, scaleWan: number): { zh: string; en: string } {
  const yi = Math.round(scaleWan / 100) / 100;
  switch (s) {
    case 'extension': return { zh: `下游应用环节，现有企业 ${enterprises} 家`, en: `downstream application; ${enterprises} enterprises on record` };
    case 'gap': return { zh: '本地尚无企业，列为招商补链目标', en: 'no local enterprise yet: an investment target' };
    case 'weak': return { zh: `企业 ${enterprises} 家、已核实营收 ${yi} 亿元，低于 ${WEAK_MIN_ENTERPRISES} 家或 ${WEAK_MIN_SCALE_WAN / 10000} 亿元`, en: `${enterprises} enterprises, ${yi} 亿元 verified revenue: below ${WEAK_MIN_ENTERPRISES} firms or ${WEAK_MIN_SCALE_WAN / 10000} 亿元` };
    default: return { zh: `企业 ${enterprises} 家、已核实营收 ${yi} 亿元`, en: `${enterprises} enterprises, ${yi} 亿元 verified revenue` };
  }
}

import { useEffect, useMemo, useState } from 'react';
import { cachedGet } from '../../app/useApi';
import { useLang } from '../../app/i18n';
import { one } from '../supervision/shared';
import { useChains, type ChainGraph } from './api';
import { CHAIN_STAGES } from './labels';

/** Every chain's nodes as grouped select options (chain → nodes, with the stage beside each), for leads and filters. */
export function useChainNodeOptions(enabled = true) {
  const lang = useLang();
  const chains = useChains();
  const [graphs, setGraphs] = useState<ChainGraph[]>([]);

  useEffect(() => {
    if (!enabled || !chains.data) return;
    let live = true;
    Promise.all(chains.data.map((c) => cachedGet<ChainGraph>(`/api/industry/chains/${c.code}`))).then((g) => live && setGraphs(g), () => live && setGraphs([]));
    return () => { live = false; };
  }, [chains.data, enabled]);

  return useMemo(() => ({
    loading: chains.loading || (!!chains.data?.length && !graphs.length),
    options: graphs.map((g) => ({
      label: lang === 'zh' ? g.nameZh : g.nameEn,
      options: g.nodes.map((n) => ({ value: n.code, label: `${lang === 'zh' ? n.nameZh : n.nameEn} · ${one(lang, CHAIN_STAGES[n.stage])}` })),
    })),
    name: (code: string | null | undefined) => {
      const n = code ? graphs.flatMap((g) => g.nodes).find((x) => x.code === code) : undefined;
      return n ? (lang === 'zh' ? n.nameZh : n.nameEn) : code ?? null;
    },
  }), [graphs, chains.loading, chains.data, lang]);
}

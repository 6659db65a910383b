import type { ThemeConfig } from 'antd';

/** A deep, official blue; quiet greys; generous spacing. */
export const BRAND = {
  primary: '#0b3b8c',
  headerBg: '#0a2f6e',
  headerBgEnd: '#114aa3',
  pageBg: '#f3f5f9',
};

export const theme: ThemeConfig = {
  token: {
    colorPrimary: BRAND.primary,
    colorLink: '#1457c2',
    borderRadius: 6,
    fontSize: 14,
    colorBgLayout: BRAND.pageBg,
    fontFamily:
      '-apple-system, BlinkMacSystemFont, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Helvetica Neue", Arial, sans-serif',
  },
  components: {
    Layout: { headerBg: BRAND.headerBg, headerHeight: 60, headerPadding: '0 24px', siderBg: '#ffffff', bodyBg: BRAND.pageBg },
    Menu: { itemBorderRadius: 6, itemMarginInline: 8, subMenuItemBg: '#ffffff', itemSelectedBg: '#e8effb', itemSelectedColor: BRAND.primary },
    Card: { headerFontSize: 16 },
    Table: { headerBg: '#f5f7fb', headerColor: '#1f2a44' },
  },
};

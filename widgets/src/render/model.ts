import type { Lang } from './text';

/** One area's published figure as a widget receives it. Hidden figures carry no value. */
export interface WidgetValue {
  code: string;
  name: string;
  value: number | null;
  suppressed: boolean;
  suppressionReason: string | null;
}

/** The answer of `/widgets/data/indicator`: one indicator, one level (optionally inside a parent), one year. */
export interface IndicatorSlice {
  lang: Lang;
  indicator: { code: string; name: string; unit: string; source: string };
  level: string;
  parent: string | null;
  year: number;
  years: number[];
  referenceDate: string;
  version: { label: string; citation: string };
  synthetic: boolean;
  values: WidgetValue[];
  geo: { url: string; attribution: string } | null;
  csv: string;
}

/** The answer of `/widgets/data/series`: one indicator for one area over the years, with Poland beside it. */
export interface SeriesData {
  lang: Lang;
  indicator: { code: string; name: string; unit: string; source: string };
  area: { code: string; name: string; level: string };
  points: { year: number; value: number | null; suppressed: boolean; national: number | null }[];
  referenceDate: string;
  version: { label: string; citation: string };
  synthetic: boolean;
  csv: string;
}

/** A figure of the Fund's public statistics: null (with `suppressed`) when withheld. */
interface FundFlags {
  suppressed: boolean;
  suppressionReason: string | null;
}
type FundMoney = { amount: string; currency: string } | null;

/** The answer of `/widgets/data/fund`: `TerritorialUnit.fundPortfolio(year)` as the anonymous public sees it. */
export interface FundSummaryData {
  lang: Lang;
  area: { code: string; name: string; level: string };
  year: number;
  /** The latest close of business when the portfolio is shown, otherwise 31 Dec of the year. */
  referenceDate: string;
  source: string;
  portfolio: {
    granted: { loans: number | null; borrowers: number | null; amount: FundMoney } & FundFlags;
    outstanding: ({ asOf: string; loans: number | null; principal: FundMoney; par30Share: number | null; par90Share: number | null } & FundFlags) | null;
    writtenOff: { count: number | null; amount: FundMoney } & FundFlags;
    jobsCreated: { count: number | null } & FundFlags;
    citation: string;
  };
}

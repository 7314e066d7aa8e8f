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

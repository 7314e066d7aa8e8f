import type { FundSummaryData } from '../../../widgets/src/render/model';
import type { Lang } from '../../../widgets/src/render/text';
import { WidgetRequestError } from './widget-data.service';

type PublicGraphql = (query: string, variables: Record<string, unknown>, lang: string) => Promise<{ data?: Record<string, unknown> | null; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;

const TERYT = /^(PL|[0-9]{2}|[0-9]{4}|[0-9]{7})$/;

/** The widget's one query: exactly what any anonymous API client gets (withheld figures are null). */
export const FUND_SUMMARY_QUERY = `query WidgetFundPortfolio($code: String!, $year: Int!) {
  territorialUnit(terytCode: $code) {
    terytCode name level
    fundPortfolio(year: $year) {
      granted { loans borrowers amount { amount currency } suppressed suppressionReason }
      outstanding { asOf loans principal { amount currency } par30Share par90Share suppressed suppressionReason }
      writtenOff { count amount { amount currency } suppressed suppressionReason }
      jobsCreated { count suppressed suppressionReason }
      citation
    }
  }
}`;

/** Reads `territory` (TERYT code or PL) and `year` (default: the current calendar year). */
export function parseFundQuery(query: Record<string, unknown>, currentYear: number): { territory: string; year: number } {
  const territory = String(query.territory ?? query.area ?? 'PL');
  if (!TERYT.test(territory)) throw new WidgetRequestError('INVALID_TERRITORY', 'territory must be PL or a TERYT code of 2, 4 or 7 digits');
  const year = query.year === undefined || query.year === '' ? currentYear : Number(query.year);
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new WidgetRequestError('INVALID_YEAR', 'year must be a year such as 2025');
  return { territory, year };
}

/** `/widgets/data/fund`: the Fund's public portfolio statistics of one territory and year, via the public GraphQL schema. */
export async function fundSummary(publicGraphql: PublicGraphql, territory: string, year: number, lang: Lang): Promise<FundSummaryData> {
  const result = await publicGraphql(FUND_SUMMARY_QUERY, { code: territory, year }, lang);
  const unit = result.data?.territorialUnit as { terytCode: string; name: string; level: string; fundPortfolio: FundSummaryData['portfolio'] } | null | undefined;
  if (!unit) {
    const notFound = result.errors?.some((e) => /not|nie ma/i.test(e.message) || e.extensions?.code === 'NOT_FOUND');
    if (notFound || !result.errors?.length) throw new WidgetRequestError('TERRITORY_NOT_FOUND', `No territorial unit ${territory}`, 404);
    throw new Error(result.errors.map((e) => e.message).join('; '));
  }
  const portfolio = unit.fundPortfolio;
  return {
    lang,
    area: { code: unit.terytCode, name: unit.name, level: unit.level },
    year,
    referenceDate: portfolio.outstanding?.asOf ?? `${year}-12-31`,
    source: portfolio.citation,
    portfolio,
  };
}

import type { HubModule } from '../shared/module';
import type { HubContext } from '../context';
import { TerritorialUnit } from './territorial-unit.entity';
import { PopulationFigure } from './population-figure.entity';
import { TerritorialUnitResolver } from './territory.resolver';
import { createTerritoryLoaders, type TerritoryLoaders } from './territory.loaders';

export { TerritorialUnit } from './territorial-unit.entity';
export { PopulationFigure } from './population-figure.entity';
export { TerritorialLevel, GminaType } from './territorial-level';
export { COUNTRY_CODE, isTerytCode, levelOfCode, codeAndAncestors, parentCodeOf, isWithin } from './teryt-code';
export { assertTerytCode, territoryNotFound, findUnitOrAncestor, findUnitsOrAncestors } from './territory.service';
export { createTerritoryLoaders, type TerritoryLoaders } from './territory.loaders';
export { TerritorialUnitConnection } from './territory.resolver';
export { importTerritory, type TerritoryImportReport, type ImportTerritoryOptions, type ImportLog } from './import/import-territory';
export { parseTerc, type TercParseResult, type UnitRecord } from './import/parse-terc';
export { parsePowiatPopulation, parseVoivodeshipPopulation, addPopulationTotals, type PopulationRecord } from './import/parse-population';
export { parseCsv, columnIndex } from './import/csv';
export { builtinUnits, builtinPopulation, BUILTIN_POPULATION_YEAR } from './import/builtin-territory';

/** Territory: TERYT units (country, voivodeships, powiats, gminas) and their population. */
export const territoryModule: HubModule<TerritoryLoaders, HubContext> & { createLoaders: typeof createTerritoryLoaders } = {
  name: 'territory',
  entities: [TerritorialUnit, PopulationFigure],
  resolvers: [TerritorialUnitResolver],
  createLoaders: createTerritoryLoaders,
  nodeFetchers: {
    TerritorialUnit: (codes, ctx) => Promise.all(codes.map((code) => ctx.loaders.territory.unitByCode.load(code))),
  },
};

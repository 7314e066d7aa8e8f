import type { HubModule } from '../shared/module';
import type { HubContext } from '../context';
import { TerritorialUnit } from './territorial-unit.entity';
import { PopulationFigure } from './population-figure.entity';
import { TerritorialUnitResolver } from './territory.resolver';
import { createTerritoryLoaders, type TerritoryLoaders } from './territory.loaders';
import { NutsRegion } from './nuts/nuts-region.entity';
import { PowiatNuts3 } from './nuts/powiat-nuts3.entity';
import { StatisticalArea } from './areas/statistical-area.entity';
import { StatisticalAreaMember } from './areas/statistical-area-member.entity';
import { StatisticalAreaResolver, TerritorialUnitNutsResolver } from './areas/statistical-area.resolver';

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
export { NutsRegion } from './nuts/nuts-region.entity';
export { PowiatNuts3 } from './nuts/powiat-nuts3.entity';
export { readNutsSource, type NutsSource } from './nuts/read-nuts-source';
export { type NutsImportReport } from './nuts/store-nuts';
export { type PowiatNutsMethod, type PowiatNuts3Match, type NutsRegionRecord } from './nuts/map-powiats-to-nuts';
export { StatisticalArea } from './areas/statistical-area.entity';
export { StatisticalAreaMember } from './areas/statistical-area-member.entity';
export { StatisticalAreaLevel, areaCodeOfNuts, isAreaCode, NUTS_AREA_PREFIX } from './areas/statistical-area-level';
export { rebuildStatisticalAreas, type StatisticalAreasReport } from './areas/rebuild-statistical-areas';
export { type UnitNuts } from './areas/statistical-area.loaders';

/** Territory: TERYT units (country, voivodeships, powiats, gminas), their population, NUTS regions and statistical areas. */
export const territoryModule: HubModule<TerritoryLoaders, HubContext> & { createLoaders: typeof createTerritoryLoaders } = {
  name: 'territory',
  entities: [TerritorialUnit, PopulationFigure, NutsRegion, PowiatNuts3, StatisticalArea, StatisticalAreaMember],
  resolvers: [TerritorialUnitResolver, StatisticalAreaResolver, TerritorialUnitNutsResolver],
  createLoaders: createTerritoryLoaders,
  nodeFetchers: {
    TerritorialUnit: (codes, ctx) => Promise.all(codes.map((code) => ctx.loaders.territory.unitByCode.load(code))),
  },
};

import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from './context';
import { Node, fromGlobalId } from './shared/relay';
import { notFound } from './shared/errors';
import { hubModules } from './modules';
import type { HubModule, NodeFetcher } from './shared/module';

const fetchers: Record<string, NodeFetcher<HubContext>> = Object.assign({}, ...(hubModules as readonly HubModule<unknown, HubContext>[]).map((m) => m.nodeFetchers ?? {}));

/** Relay's `node` and `nodes`: refetch any object by the global id it was served with. */
@Resolver()
export class NodeResolver {
  @Query(() => Node, { nullable: true, description: 'Fetches any object by its global id; null if it no longer exists.' })
  async node(@Arg('id', () => ID, { description: 'A global id, as served in an `id` field.' }) id: string, @Ctx() ctx: HubContext): Promise<Node | null> {
    const [found] = await this.fetch([id], ctx);
    return found;
  }

  @Query(() => [Node], { nullable: 'items', description: 'Fetches several objects by global id, in the order asked; null where one does not exist.' })
  async nodes(@Arg('ids', () => [ID], { description: 'Global ids (at most 100).' }) ids: string[], @Ctx() ctx: HubContext): Promise<(Node | null)[]> {
    return this.fetch(ids.slice(0, 100), ctx);
  }

  private async fetch(ids: string[], ctx: HubContext): Promise<(Node | null)[]> {
    return Promise.all(
      ids.map(async (id, i) => {
        const { typeName, localId } = fromGlobalId(id, ['ids', String(i)]);
        const fetcher = fetchers[typeName];
        if (!fetcher) throw notFound('UNKNOWN_NODE_TYPE', `No object type "${typeName}" can be fetched by id`, ['id']);
        const [found] = await fetcher([localId], ctx);
        return (found as Node | null) ?? null;
      }),
    );
  }
}

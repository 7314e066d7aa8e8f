export { FundClient, FundClientMember, CLIENT_READERS } from './fund-client.entity';
export { FundClientKind } from './fund-client-kind';
export { FundClientService, type FoundingGroupRegistration, type FoundingGroupMemberInput, type FundClientFilter } from './fund-client.service';
export { FundClientErrorCode, fundClientMessages } from './fund-client-messages';
export { FundClientResolver } from './fund-client.resolver';
export { FundClientConnection } from './fund-client.graphql';
export { originationLoaders, createOriginationLoaders, type OriginationLoaders } from './origination.loaders';

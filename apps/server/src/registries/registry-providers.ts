import { acrProvider } from './providers/acr/acr.registry';
import { customProvider } from './providers/custom/custom.registry';
import { ecrProvider } from './providers/ecr/ecr.registry';
import { gcrProvider } from './providers/gcr/gcr.registry';
import { ghcrProvider } from './providers/ghcr/ghcr.registry';
import { giteaProvider } from './providers/gitea/gitea.registry';
import { gitlabProvider } from './providers/gitlab/gitlab.registry';
import { hubProvider } from './providers/hub/hub.registry';
import { lscrProvider } from './providers/lscr/lscr.registry';
import { quayProvider } from './providers/quay/quay.registry';
import { ProviderType } from './registry';
import { ProviderFactory } from './registry-provider';

/** Every registry provider, by the type used in configuration (`TIDEWATCH_REGISTRY_{TYPE}_…`). */
export const registryProviders: Record<ProviderType, ProviderFactory> = {
  hub: hubProvider,
  ghcr: ghcrProvider,
  quay: quayProvider,
  gitlab: gitlabProvider,
  lscr: lscrProvider,
  gitea: giteaProvider,
  ecr: ecrProvider,
  gcr: gcrProvider,
  acr: acrProvider,
  custom: customProvider,
};

export function isProviderType(value: string): value is ProviderType {
  return Object.prototype.hasOwnProperty.call(registryProviders, value);
}

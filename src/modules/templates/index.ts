export { isDnsLabel, subscriptionBaseName, tenantNamespace, toDnsLabel } from './names.js';
export { createDatabaseSecretStore, type SecretStore } from './secret-store.js';
export {
  defaultTemplatesDir,
  loadTemplates,
  parseTemplateFile,
  TemplateError,
  type TemplateRegistry,
} from './template-loader.js';
export {
  createTemplateRenderer,
  footprintOf,
  type KubeObject,
  LABELS,
  type PlanResources,
  type RenderedSubscription,
  type RenderSettings,
  type ResourceFootprint,
  type SubscriptionRenderInput,
  type TemplateRenderer,
} from './template-renderer.js';
export type { TemplateSpec } from './template-spec.js';
export { templatesModule } from './templates.module.js';

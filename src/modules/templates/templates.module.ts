import { defineModule } from '../module.js';
import { loadTemplates, type TemplateRegistry } from './template-loader.js';
import * as tables from './templates.tables.js';

declare module '../module.js' {
  interface Ports {
    /** The app templates of TEMPLATES_DIR, read and checked once when the process starts. */
    templates: TemplateRegistry;
  }
}

/** App templates (templates/*.yaml) and what renders them into Kubernetes objects. */
export const templatesModule = defineModule({
  name: 'templates',
  tables,
  provides: ['templates'],
  build: (deps) => ({ provides: { templates: loadTemplates(deps.config.apps.templatesDir) } }),
});

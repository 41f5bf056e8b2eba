import { defineModule } from '../../platform/module.js';
import { healthRoutes } from './health.routes.js';

/** What the health module brings to the app (ADR 0011). */
export const healthModule = defineModule({
  name: 'health',
  plugins: [healthRoutes],
});

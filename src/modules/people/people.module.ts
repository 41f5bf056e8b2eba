import { defineModule } from '../../platform/module.js';
import { peopleRoutes } from './people.routes.js';
import * as peopleCatalogue from './people.i18n.js';
import * as presenter from './people.presenter.js';
import { peopleErrors } from './people.errors.js';
import { peopleReportTargets } from './people.report-targets.js';

/** What the people module brings to the app (ADR 0011). */
export const peopleModule = defineModule({
  name: 'people',
  plugins: [peopleRoutes],
  catalogues: [peopleCatalogue],
  errors: peopleErrors,
  presenters: [presenter],
  reportTargets: peopleReportTargets,
});

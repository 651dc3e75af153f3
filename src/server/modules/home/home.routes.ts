import { homeReplySchema } from '../../../shared/contracts/home';
import { routeOptions } from '../../platform/auth/route-access';
import type { App } from '../../platform/http-types';
import { requireActor } from '../../platform/request-context';
import { homeFor } from './home.service';

const user = routeOptions('user', ['home']);

export async function homeRoutes(app: App) {
  const db = app.deps.database.db;

  app.get(
    '/home',
    user({
      description:
        'The signed-in user’s home page: one section per membership (operator, body admin, leader, mentor, viewer, platform admin), most urgent first, each with counts and the first few things waiting, with the ids to link to where each is done. Only the user’s own bodies (and a mentor’s mentees) are read.',
      response: { 200: homeReplySchema },
    }),
    async (req) => ({ data: await homeFor(db, requireActor(req)) }),
  );
}

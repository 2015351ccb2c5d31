import { createApiClient } from '#api-client';

/** Same origin: the API serves the SPA. */
export const api = createApiClient();

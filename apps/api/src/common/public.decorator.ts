import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'steward:public';

/** Opens a route to unauthenticated callers. Every other route requires authentication. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

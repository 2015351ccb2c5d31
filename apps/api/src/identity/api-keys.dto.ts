import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsISO8601, IsOptional, IsString, Length } from 'class-validator';
import type { ApiKeyEntity } from './entities/api-key.entity.js';
import { API_KEY_SCOPES, OPERATOR_SCOPES } from './permissions.js';

/** Every scope a key can hold: the operator's scopes only on keys of the operator organization. */
const GRANTABLE = [...API_KEY_SCOPES, ...OPERATOR_SCOPES];

export class ApiKeyCreateDto {
  /** @example Accounting sync */
  @IsString()
  @Length(1, 100)
  name: string;

  /**
   * Permissions of the matrix, e.g. `branches:read`. You can only grant what your role holds;
   * `subscriptions:manage` only owners and admins of the operator organization can grant.
   */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsIn(GRANTABLE, { each: true, message: `each scope must be one of ${GRANTABLE.join(', ')}` })
  scopes: string[];

  /** Optional expiry (ISO 8601, in the future). */
  @IsOptional()
  @IsISO8601({ strict: true })
  expiresAt?: string;
}

export class ApiKeyResponseDto {
  id: string;
  name: string;
  /** The visible start of the key, to recognise it. */
  prefix: string;
  scopes: string[];
  createdAt: Date;
  /** Last change: a use, a revocation (for `updatedSince`). */
  updatedAt: Date;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
}

export class ApiKeyListResponseDto {
  items: ApiKeyResponseDto[];
}

export class ApiKeyCreatedResponseDto {
  apiKey: ApiKeyResponseDto;
  /** The whole key, shown this once: send it as the X-API-Key header. */
  secret: string;
}

export const toApiKeyResponse = (key: ApiKeyEntity): ApiKeyResponseDto => ({
  id: key.id,
  name: key.name,
  prefix: key.prefix,
  scopes: key.scopes,
  createdAt: key.createdAt,
  updatedAt: key.updatedAt,
  expiresAt: key.expiresAt,
  lastUsedAt: key.lastUsedAt,
  lastUsedIp: key.lastUsedIp,
  revokedAt: key.revokedAt,
});

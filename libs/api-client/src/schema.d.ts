// Generated from openapi.json by `npm run openapi`. Do not edit.

export interface paths {
    "/api/v1/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process is up */
        get: operations["getLiveness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers and the process is not draining */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        LivenessResponseDto: {
            /**
             * @description Always `ok` while the process serves requests.
             * @enum {string}
             */
            status: "ok";
        };
        ProblemDto: {
            /** @description The error code, the last part of `type`. */
            code: string;
            detail: string;
            /** @description Per-field messages when validation failed. */
            errors?: components["schemas"]["ProblemFieldErrorDto"][];
            /** @description The request path. */
            instance: string;
            /** @description Quote this id when reporting a problem; it is in our logs. */
            requestId: string;
            status: number;
            title: string;
            /** @description Stable per error kind, e.g. `urn:steward:problem:validation-failed`. */
            type: string;
        };
        ProblemFieldErrorDto: {
            /** @description Path of the offending field, e.g. `address.city`. */
            field: string;
            message: string;
        };
        ReadinessResponseDto: {
            /** @description Each dependency and whether it answered. */
            checks: {
                [key: string]: string;
            };
            /**
             * @description `ok` when every dependency answers.
             * @enum {string}
             */
            status: "ok";
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getLiveness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LivenessResponseDto"];
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReadinessResponseDto"];
                };
            };
            /** @description An RFC 9457 problem document: `code` and `type` name the error kind. */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["ProblemDto"];
                };
            };
        };
    };
}

/* Generated from openapi.json by `npm run api:generate`. Do not edit. */
export interface paths {
    "/api/app": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["App_info"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Health_health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List watched containers (a bare array, as WUD returns it). */
        get: operations["Containers_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/watch": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sync every watcher now and return the containers. */
        post: operations["Containers_watchAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/containers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One container. */
        get: operations["Containers_get"];
        put?: never;
        post?: never;
        /** Forget a container (the store record only). */
        delete: operations["Containers_remove"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watchers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Watchers_list"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/watchers/docker/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get: operations["Watchers_get"];
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
        AppInfoDto: {
            /** @example tidewatch */
            name: string;
            /** @example 0.1.0 */
            version: string;
        };
        HealthDto: {
            /** @example ok */
            status: string;
            /** @description Seconds since the server started. */
            uptime: number;
        };
        RegistryRefDto: {
            /** @example hub.public */
            name: string;
            /** @example https://registry-1.docker.io/v2 */
            url: string;
        };
        ImageTagDto: {
            /** @example 1.25.3 */
            value: string;
            /** @description Whether the tag is version-like (compared by version, not only by digest). */
            semver: boolean;
        };
        ImageDigestDto: {
            /** @description Whether the digest of the current tag is watched. */
            watch: boolean;
            /** @description Digest of the running image for its platform. */
            value: string | null;
            /** @description Repository digest the local image was pulled by. */
            repo: string | null;
        };
        ContainerImageDto: {
            /** @example sha256:… */
            id: string;
            registry: components["schemas"]["RegistryRefDto"];
            /** @example library/nginx */
            name: string;
            tag: components["schemas"]["ImageTagDto"];
            digest: components["schemas"]["ImageDigestDto"];
            /** @example amd64 */
            architecture: string | null;
            /** @example linux */
            os: string | null;
            variant: string | null;
            /** Format: date-time */
            created: string | null;
        };
        ContainerResultDto: {
            /** @example 1.27.0 */
            tag: string | null;
            digest: string | null;
            link: string | null;
            /** Format: date-time */
            created: string | null;
        };
        ContainerErrorDto: {
            message: string;
        };
        UpdateKindDto: {
            /** @enum {string} */
            kind: "tag" | "digest" | "unknown";
            localValue: string | null;
            remoteValue: string | null;
            /** @enum {string|null} */
            semverDiff: "major" | "minor" | "patch" | "prerelease" | "unknown" | null;
        };
        ContainerDto: {
            /** @description Docker container ID. */
            id: string;
            name: string;
            displayName: string;
            /** @example mdi:docker */
            displayIcon: string;
            /** @example running */
            status: string;
            /** @example local */
            watcher: string;
            includeTags: string | null;
            excludeTags: string | null;
            transformTags: string | null;
            linkTemplate: string | null;
            link: string | null;
            triggerInclude: string | null;
            triggerExclude: string | null;
            image: components["schemas"]["ContainerImageDto"];
            result: components["schemas"]["ContainerResultDto"] | null;
            error: components["schemas"]["ContainerErrorDto"] | null;
            updateAvailable: boolean;
            updateKind: components["schemas"]["UpdateKindDto"] | null;
            labels: {
                [key: string]: string;
            };
            /** @description Stable identity that survives recreation (compose project/service or watcher/name). */
            identity: string;
            /**
             * Format: date-time
             * @description When the container was last checked against its registry.
             */
            checkedAt: string | null;
        };
        ErrorDto: {
            /** @example 400 */
            statusCode: number;
            /** @example Bad Request */
            error: string;
            /** @example updateAvailable must be true or false */
            message: string;
        };
        WatcherDto: {
            /** @example docker.local */
            id: string;
            /** @example docker */
            type: string;
            /** @example local */
            name: string;
            /** @description Settings, secrets masked. */
            configuration: {
                [key: string]: unknown;
            };
            /** @description Whether the last contact with the engine succeeded. */
            connected: boolean;
            /** Format: date-time */
            lastCheck: string | null;
            /** Format: date-time */
            nextCheck: string | null;
            lastError: string | null;
            containerCount: number;
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
    App_info: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AppInfoDto"];
                };
            };
        };
    };
    Health_health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HealthDto"];
                };
            };
        };
    };
    Containers_list: {
        parameters: {
            query?: {
                /** @description Only containers of this watcher. */
                watcher?: string;
                /** @description Only containers with (true) or without (false) an available update. */
                updateAvailable?: boolean;
                /** @description Only containers in this state (running, exited, …). */
                status?: string;
                /** @description Only containers whose image comes from this registry (instance name, e.g. hub.public). */
                registry?: string;
                /** @description Only the container with this name. */
                name?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerDto"][];
                };
            };
            /** @description A filter has a bad value. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Containers_watchAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerDto"][];
                };
            };
        };
    };
    Containers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Docker container ID (full 64-hex form or a unique prefix of at least 12). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ContainerDto"];
                };
            };
            /** @description The id is not a container ID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Containers_remove: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Docker container ID (full 64-hex form or a unique prefix of at least 12). */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description The id is not a container ID. */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
    Watchers_list: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatcherDto"][];
                };
            };
        };
    };
    Watchers_get: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WatcherDto"];
                };
            };
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ErrorDto"];
                };
            };
        };
    };
}
